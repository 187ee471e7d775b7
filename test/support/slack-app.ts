// A Slack app for a test: the real createSlackApp with Bolt's HTTP receiver on a loopback port, its Web API
// client pointed at a FakeSlack, and hooks that record what was counted.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App } from '@slack/bolt';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import type { Answer } from '../../src/answers/types.js';
import { loadSettings } from '../../src/config/settings.js';
import type { Engine } from '../../src/engine/types.js';
import type { Store } from '../../src/store/types.js';
import { createSlackApp } from '../../src/transports/slack/app.js';
import { blockKitProblems, unsafeMarkup } from './block-limits.js';
import { FakeSlack } from './fake-slack.js';
import { trackIdle } from './idle.js';
import { recordingLogger } from './logger.js';
import { BOT_TOKEN, SIGNING_SECRET } from './slack-requests.js';

export interface TestApp {
  app: App;
  url: string;
  lookups: Answer[];
  votes: [string, boolean][];
  /** Warnings and errors the app logged. */
  logged: string[];
  /** Resolves once the app is processing no request (see trackIdle). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export async function startTestApp(engine: Engine, fake: FakeSlack, options: { store?: Store } = {}): Promise<TestApp> {
  const settings = loadSettings({
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_API_URL: fake.apiUrl,
    LOG_LEVEL: 'error',
  });
  const lookups: Answer[] = [];
  const votes: [string, boolean][] = [];
  const logged: string[] = [];
  const app = createSlackApp({
    engine,
    settings,
    logger: recordingLogger(logged),
    retryConfig: { retries: 1, minTimeout: 20, maxTimeout: 50 },
    hooks: { onLookup: (a) => lookups.push(a), onFeedback: (roleId, helpful) => votes.push([roleId, helpful]) },
    ...(options.store ? { store: options.store } : {}),
  });
  const idle = trackIdle(app);
  const server = (await app.start(0)) as Server;
  return {
    app,
    idle,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    lookups,
    votes,
    logged,
    stop: async () => {
      await app.stop();
    },
  };
}

/** Every message Slack received has a plain-text fallback, blocks within Slack's limits, and nothing that pings
 *  or links unasked. */
export function expectSlackReadyMessages(fake: FakeSlack): void {
  for (const call of fake.calls.filter((c) =>
    ['chat.postMessage', 'chat.postEphemeral', 'response'].includes(c.method),
  )) {
    expect(String(call.body.text ?? '').trim(), `${call.method} without fallback text`).not.toBe('');
    expect(blockKitProblems((call.body.blocks as unknown[] | undefined) ?? [])).toEqual([]);
    expect(unsafeMarkup(call.body)).toEqual([]);
  }
}

/** A suite's fake Slack and app: started once, the fake's record cleared before each test, and every message of
 *  each test checked afterwards (expectSlackReadyMessages). */
export function useTestApp(engine: Engine): { fake: FakeSlack; app: () => TestApp } {
  const fake = new FakeSlack();
  let app: TestApp | undefined;
  beforeAll(async () => {
    await fake.start();
    app = await startTestApp(engine, fake);
  });
  afterAll(async () => {
    await app?.stop();
    await fake.stop();
  });
  beforeEach(() => fake.reset());
  afterEach(() => expectSlackReadyMessages(fake));
  return {
    fake,
    app: () => {
      if (!app) throw new Error('the test app has not started');
      return app;
    },
  };
}
