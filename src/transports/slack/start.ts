// Starts the Slack app on PORT (HTTP) or over Socket Mode, and the HR features when given (see ./hr.ts).
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App } from '@slack/bolt';
import type { Settings } from '../../config/settings.js';
import type { Engine } from '../../engine/types.js';
import { listenError } from '../listen-error.js';
import { createSlackApp, type SlackAppOptions } from './app.js';
import type { DeliveryOutcome } from '../../hr/delivery.js';
import type { HrService } from '../../hr/service.js';
import type { Store } from '../../store/types.js';

/** The HR features as the app runs them (src/app/slack-hr.ts wires them). */
export interface SlackHr {
  service: HrService;
  store: Store;
  /** Delivers what a crash left in the outbox, then starts the scheduler. */
  start(): Promise<DeliveryOutcome[]>;
  /** Stops the scheduler and closes the store (if it opened it). */
  stop(): Promise<void>;
}

export async function startSlack(
  options: { engine: Engine; settings: Settings; hr?: SlackHr; port?: number } & Partial<Omit<SlackAppOptions, 'hr'>>,
): Promise<{ app: App; server?: Server }> {
  const { hr, port = options.settings.port, ...appOptions } = options;
  const app = createSlackApp({ ...appOptions, ...(hr ? { hr: hr.service, store: hr.store } : {}) });
  let server: Server | undefined;
  if (options.settings.mode === 'socket') {
    await app.start();
    console.log('Connected to Slack over Socket Mode.');
  } else {
    // Slack's requests arrive on PORT: a port another program holds stops the start with the setting to change.
    server = (await app.start(port).catch((err: unknown) => {
      throw listenError(err, `Port ${port}`, 'PORT');
    })) as Server;
    const { port: listening } = server.address() as AddressInfo;
    console.log(`Listening for Slack on port ${listening} (POST /slack/events).`);
  }
  // Once listening: finish announcements a crash left half-done, then run schedules (missed ones go out once).
  if (hr) await hr.start();
  return { app, ...(server ? { server } : {}) };
}
