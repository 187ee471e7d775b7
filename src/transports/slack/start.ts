// Starts the Slack app on PORT (HTTP) or over Socket Mode, and the HR features when given (see ./hr.ts).
import type { Server } from 'node:http';
import type { App } from '@slack/bolt';
import type { Settings } from '../../config/settings.js';
import type { Engine } from '../../engine/types.js';
import { listenError } from '../listen-error.js';
import { createSlackApp, type SlackAppOptions } from './app.js';
import type { SlackHr } from './hr.js';

export async function startSlack(
  options: { engine: Engine; settings: Settings; hr?: SlackHr } & Partial<Omit<SlackAppOptions, 'hr'>>,
): Promise<{ app: App; server?: Server }> {
  const { hr, ...appOptions } = options;
  const app = createSlackApp({ ...appOptions, ...(hr ? { hr: hr.service } : {}) });
  let server: Server | undefined;
  if (options.settings.mode === 'socket') {
    await app.start();
    console.log('Connected to Slack over Socket Mode.');
  } else {
    // Slack's requests arrive on PORT: a port another program holds stops the start with the setting to change.
    server = (await app.start(options.settings.port).catch((err: unknown) => {
      throw listenError(err, `Port ${options.settings.port}`, 'PORT');
    })) as Server;
    console.log(`Listening for Slack on port ${options.settings.port} (POST /slack/events).`);
  }
  // Once listening: finish announcements a crash left half-done, then run schedules (missed ones go out once).
  if (hr) await hr.start();
  return { app, ...(server ? { server } : {}) };
}
