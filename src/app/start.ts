// What the start command does (`npm start`, src/main.ts). With Slack credentials it connects to Slack (HTTP, or
// Socket Mode with an app token); without them it serves the local preview. Before either, the public datasets:
// fetched on first start when asked (./first-start.ts), or a one-line note that it answers from curated knowledge
// only. Invalid knowledge, data or settings stop it with the same clear messages `npm run kb:check` prints.
import { KnowledgeInvalidError } from '../catalog/knowledge/load.js';
import { loadSettings, SettingsError } from '../config/settings.js';
import { escapeControls } from '../renderers/terminal-escape.js';
import { StoreOpenError } from '../store/rows.js';
import { previewPort } from '../transports/preview/server.js';
import { startSlack } from '../transports/slack/start.js';
import { keepServingOnUnhandledRejection } from '../transports/unhandled.js';
import { bootEngine, warmUpInBackground } from './boot.js';
import { prepareDatasets } from './first-start.js';
import { startPreview } from './preview.js';
import { createSlackHr } from './slack-hr.js';

async function start(): Promise<void> {
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
  const { engine, catalog } = bootEngine(process.env);
  // Without datasets, prepareDatasets has said so already.
  if (catalog.datasets.dir) console.log(catalog.datasets.note);
  const hr = await createSlackHr({ engine, settings });
  await startSlack({ engine, settings, hr });
  warmUpInBackground(engine);
}

/** Starts the app; a start that cannot go on says why in one line and exits with 1. */
export function main(): void {
  start().catch((err: unknown) => {
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
}
