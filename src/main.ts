// The start command (`npm start`). With Slack credentials it connects to Slack (HTTP, or Socket Mode with an
// app token); without them it serves the local preview. Before either, the public datasets: fetched on first
// start when asked (first-start.ts), or a one-line note that it answers from curated knowledge only. Invalid
// knowledge, data or settings stop it with the same clear messages `npm run kb:check` prints.
import 'dotenv/config';
import { KnowledgeInvalidError } from './catalog/knowledge/load.js';
import { loadSettings, SettingsError } from './config/settings.js';
import { StoreOpenError } from './store/rows.js';
import { bootEngine, warmUpInBackground } from './transports/boot.js';
import { prepareDatasets } from './transports/first-start.js';
import { createSlackHr } from './transports/slack/hr.js';
import { startSlack } from './transports/slack/start.js';
import { previewPort, startPreview } from './transports/preview/server.js';
import { keepServingOnUnhandledRejection } from './transports/unhandled.js';
import { escapeControls } from './renderers/terminal-escape.js';

async function main(): Promise<void> {
  keepServingOnUnhandledRejection();
  const settings = loadSettings(process.env);
  await prepareDatasets(process.env, { input: process.stdin, output: process.stdout });
  if (settings.mode === 'none') {
    const preview = await startPreview({
      port: previewPort(process.env, settings.port),
      host: process.env.PREVIEW_HOST?.trim() || '127.0.0.1',
      env: process.env,
    });
    console.log(`No Slack credentials set: local preview at ${preview.url} (README "Slack setup" connects to Slack).`);
    return;
  }
  const booted = bootEngine(process.env);
  const { engine, catalog } = booted;
  // Without datasets, prepareDatasets has said so already.
  if (catalog.datasets.dir) console.log(catalog.datasets.note);
  const hr = await createSlackHr({ booted, settings });
  await startSlack({ engine, settings, hr });
  warmUpInBackground(engine);
}

main().catch((err: unknown) => {
  if (
    err instanceof KnowledgeInvalidError ||
    err instanceof SettingsError ||
    err instanceof StoreOpenError ||
    (err as Error).name === 'DatasetError'
  ) {
    console.error(escapeControls((err as Error).message));
  } else {
    console.error(escapeControls(`airisk could not start: ${err instanceof Error ? err.message : String(err)}`));
  }
  process.exit(1);
});
