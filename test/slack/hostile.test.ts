// Hostile and careless requests over the wire: correctly signed bodies that are not Slack payloads, and
// timestamps outside Slack's five-minute window in either direction. Each is sent to Bolt's HTTP receiver on
// loopback with a real signature; the app must answer with a status, never crash, and keep serving.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App } from '@slack/bolt';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadSettings } from '../../src/config/settings.js';
import { bootEngine } from '../../src/app/boot.js';
import { createSlackApp } from '../../src/transports/slack/app.js';
import { trackIdle } from '../support/idle.js';
import { FakeSlack } from '../support/fake-slack.js';
import { recordingLogger } from '../support/logger.js';
import { BOT_TOKEN, SIGNING_SECRET, postToApp, slashCommand } from '../support/slack-requests.js';

const { engine } = bootEngine();
const fake = new FakeSlack();
let app: App;
let appUrl = '';
let idle: () => Promise<void>;
const logged: string[] = [];

beforeAll(async () => {
  await fake.start();
  app = createSlackApp({
    engine,
    settings: loadSettings({
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_API_URL: fake.apiUrl,
      LOG_LEVEL: 'warn',
    }),
    logger: recordingLogger(logged),
    retryConfig: { retries: 0 },
  });
  idle = trackIdle(app);
  const server = (await app.start(0)) as Server;
  appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await app.stop();
  await fake.stop();
});
beforeEach(() => {
  fake.reset();
  logged.length = 0;
});

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';
const now = () => Math.floor(Date.now() / 1000);

/** The app still answers a real slash command: it survived whatever came before. */
async function stillServing(): Promise<void> {
  const res = await slashCommand(appUrl, 'CPC', fake.responseUrl('alive'));
  expect(res.status).toBe(200);
  const [reply] = await fake.waitFor('response');
  expect(String(reply!.body.text)).toMatch(/^Medical Coder/);
}

describe('a signed body that is not a Slack payload', () => {
  it.each([
    ['JSON null', 'null', JSON_TYPE],
    ['form payload=null', 'payload=null', FORM],
    ['JSON array', '[]', JSON_TYPE],
    ['JSON number', '1', JSON_TYPE],
    ['JSON string', '"ssl_check"', JSON_TYPE],
    ['JSON true', 'true', JSON_TYPE],
    ['form payload=[]', 'payload=%5B%5D', FORM],
    ['form payload="x"', 'payload=%22x%22', FORM],
  ])('%s gets 400 and a log line saying why, and the app keeps serving', async (_name, body, type) => {
    const res = await postToApp(appUrl, body, type);
    expect(res.status).toBe(400);
    expect(logged.join('\n')).toMatch(/not a Slack payload/);
    await stillServing();
  });

  it('the same body unsigned gets 401, as any unsigned request does', async () => {
    const res = await postToApp(appUrl, 'null', JSON_TYPE, { secret: 'b'.repeat(32) });
    expect(res.status).toBe(401);
    await stillServing();
  });

  it.each([
    [
      'an event callback whose event is null',
      JSON.stringify({ type: 'event_callback', event: null, event_id: 'EvN1' }),
    ],
    [
      'an event callback whose event is a string',
      JSON.stringify({ type: 'event_callback', event: 'x', event_id: 'EvN2' }),
    ],
  ])('%s is answered (Bolt: 500) with the error in the log, and the app keeps serving', async (_name, body) => {
    const res = await postToApp(appUrl, body, JSON_TYPE);
    expect(res.status).toBe(500);
    expect(logged.join('\n')).toMatch(/could not process a Slack request: TypeError/);
    await stillServing();
  });

  it.each([
    ['block_actions with actions null', { type: 'block_actions', user: { id: 'U1' }, actions: null }],
    ['view_submission with view null', { type: 'view_submission', user: { id: 'U1' }, view: null }],
    ['block_actions with user null', { type: 'block_actions', user: null, actions: [] }],
  ])(
    'an interaction, %s, is answered (Bolt: 500) with the error in the log, and the app keeps serving',
    async (_name, payload) => {
      const res = await postToApp(appUrl, new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), FORM);
      expect(res.status).toBe(500);
      expect(logged.join('\n')).toMatch(/could not process a Slack request: TypeError/);
      await stillServing();
    },
  );

  it('a body over 4 MB gets 413, as Bolt answers it', async () => {
    const res = await postToApp(
      appUrl,
      JSON.stringify({ type: 'event_callback', pad: 'x'.repeat(5 * 2 ** 20) }),
      JSON_TYPE,
    );
    expect(res.status).toBe(413);
    await stillServing();
  });

  it("still answers Slack's unsigned ssl_check and the signed url_verification", async () => {
    const check = await fetch(`${appUrl}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': FORM },
      body: 'ssl_check=1&token=x',
    });
    expect(check.status).toBe(200);
    const verify = await postToApp(
      appUrl,
      JSON.stringify({ token: 'x', challenge: 'c-123', type: 'url_verification' }),
      JSON_TYPE,
    );
    expect(await verify.json()).toEqual({ challenge: 'c-123' });
  });
});

describe("Slack's five-minute window, both ways", () => {
  it('refuses a request signed an hour ahead, and six minutes ahead, with 401 and answers nothing', async () => {
    for (const ahead of [3600, 6 * 60]) {
      const res = await slashCommand(appUrl, 'medical coder', fake.responseUrl('future'), { timestamp: now() + ahead });
      expect(res.status).toBe(401);
    }
    expect(logged.join('\n')).toMatch(/timestamp .*ahead of this server's clock/);
    await idle();
    expect(fake.callsTo('response')).toEqual([]);
  });

  it('accepts a request up to five minutes ahead or behind (clocks differ a little)', async () => {
    for (const [id, skew] of [
      ['ahead', 4 * 60],
      ['behind', -4 * 60],
    ] as const) {
      const res = await slashCommand(appUrl, 'CPC', fake.responseUrl(id), { timestamp: now() + skew });
      expect(res.status).toBe(200);
    }
    await fake.waitFor('response', 2);
  });

  it('refuses a request more than five minutes old with 401', async () => {
    const res = await slashCommand(appUrl, 'medical coder', fake.responseUrl('old'), { timestamp: now() - 6 * 60 });
    expect(res.status).toBe(401);
  });
});
