// Starts the Slack app on PORT (HTTP) or over Socket Mode.
import type { Server } from 'node:http';
import type { App } from '@slack/bolt';
import type { Settings } from '../../config/settings.js';
import type { Engine } from '../../engine/types.js';
import { createSlackApp, type SlackAppOptions } from './app.js';

export async function startSlack(options: { engine: Engine; settings: Settings } & Partial<SlackAppOptions>): Promise<{ app: App; server?: Server }> {
  const app = createSlackApp(options);
  if (options.settings.mode === 'socket') {
    await app.start();
    console.log('Connected to Slack over Socket Mode.');
    return { app };
  }
  const server = (await app.start(options.settings.port)) as Server;
  console.log(`Listening for Slack on port ${options.settings.port} (POST /slack/events).`);
  return { app, server };
}
