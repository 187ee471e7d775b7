// Socket Mode against a local fake: apps.connections.open, a WebSocket hello, an envelope, its ack, and the
// answer delivered through the fake Web API.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { loadSettings } from '../../src/config/settings.js';
import { bootEngine } from '../../src/app/boot.js';
import { createSlackApp } from '../../src/transports/slack/app.js';
import { FakeSlack } from '../support/fake-slack.js';
import { trackIdle } from '../support/idle.js';
import { recordingLogger } from '../support/logger.js';
import { BOT_TOKEN } from '../support/slack-requests.js';

const fake = new FakeSlack();
const warnings: string[] = [];
const logger = recordingLogger(warnings);
let wss: WebSocketServer;
const acks: unknown[] = [];
let socket: WebSocket | undefined;
const connected = new Promise<WebSocket>((resolve) => {
  beforeAll(async () => {
    await fake.start();
    wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((r) => wss.on('listening', () => r()));
    wss.on('connection', (ws) => {
      socket = ws;
      ws.on('message', (data) => acks.push(JSON.parse(String(data))));
      ws.send(
        JSON.stringify({
          type: 'hello',
          num_connections: 1,
          debug_info: { host: 'fake' },
          connection_info: { app_id: 'A1' },
        }),
      );
      resolve(ws);
    });
  });
});

describe('Socket Mode', () => {
  let app: ReturnType<typeof createSlackApp>;
  let idle: () => Promise<void>;
  afterAll(async () => {
    await app?.stop();
    wss?.close();
    await fake.stop();
  });

  it('connects, acknowledges a slash command envelope and answers through the Web API', async () => {
    // beforeAll has run: script the connection URL before starting.
    fake.script('apps.connections.open', {
      status: 200,
      body: { ok: true, url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/link` },
    });
    const settings = loadSettings({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_APP_TOKEN: 'xapp-1-A1-test',
      SLACK_API_URL: fake.apiUrl,
      LOG_LEVEL: 'error',
    });
    expect(settings.mode).toBe('socket');
    app = createSlackApp({
      engine: bootEngine().engine,
      settings,
      logger,
      retryConfig: { retries: 1, minTimeout: 50, maxTimeout: 100 },
    });
    idle = trackIdle(app);
    await app.start();
    const [open] = await fake.waitFor('apps.connections.open');
    expect(open!.token).toBe('xapp-1-A1-test');
    const ws = await connected;
    expect(ws).toBe(socket);

    ws.send(
      JSON.stringify({
        envelope_id: 'env-1',
        type: 'slash_commands',
        accepts_response_payload: true,
        payload: {
          token: 'x',
          team_id: 'T1',
          team_domain: 'acme',
          channel_id: 'C1',
          channel_name: 'general',
          user_id: 'U1',
          user_name: 'pat',
          command: '/airisk',
          text: 'CPC',
          api_app_id: 'A1',
          response_url: fake.responseUrl('sock'),
          trigger_id: '1.2.3',
        },
      }),
    );
    const [reply] = await fake.waitFor('response');
    expect(String(reply!.body.text)).toMatch(/^Medical Coder: Very high AI exposure/);
    expect(acks).toContainEqual(expect.objectContaining({ envelope_id: 'env-1' }));
  });

  it('acknowledges an events_api envelope, answers the mention in its thread, and once only when Slack retries it', async () => {
    const ws = await connected;
    const mention = (envelopeId: string, retryAttempt: number) =>
      JSON.stringify({
        envelope_id: envelopeId,
        type: 'events_api',
        accepts_response_payload: false,
        retry_attempt: retryAttempt,
        retry_reason: retryAttempt ? 'timeout' : '',
        payload: {
          token: 'x',
          team_id: 'T1',
          api_app_id: 'A1',
          type: 'event_callback',
          event_id: 'EvSOCKET1',
          event_time: 1_700_000_100,
          authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }],
          event: {
            type: 'app_mention',
            user: 'U1',
            text: '<@UBOT> registered nurse',
            ts: '1700000100.000200',
            channel: 'C7',
            event_ts: '1700000100.000200',
          },
        },
      });
    ws.send(mention('env-2', 0));
    const [post] = await fake.waitFor('chat.postMessage');
    expect(post!.body).toMatchObject({ channel: 'C7', thread_ts: '1700000100.000200' });
    expect(String(post!.body.text)).toMatch(/^Registered Nurse/);
    expect(post!.token).toBe(BOT_TOKEN);

    ws.send(mention('env-3', 1));
    const deadline = Date.now() + 2000;
    while (!acks.some((a) => (a as { envelope_id?: string }).envelope_id === 'env-3') && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    expect(acks).toContainEqual(expect.objectContaining({ envelope_id: 'env-2' }));
    expect(acks).toContainEqual(expect.objectContaining({ envelope_id: 'env-3' }));
    await idle();
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
  });
  it('ignores WebSocket messages that are not Slack envelopes, says so in the log, and keeps answering', async () => {
    const ws = await connected;
    fake.reset();
    warnings.length = 0;
    const hostile = [
      'null',
      '[]',
      '"hello"',
      JSON.stringify({ envelope_id: 'env-n1', type: 'events_api', payload: null }),
      JSON.stringify({ envelope_id: 'env-n2', type: 'events_api', payload: { type: 'event_callback', event: null } }),
      JSON.stringify({ envelope_id: 'env-n3', type: 'slash_commands', payload: null }),
      JSON.stringify({ envelope_id: 'env-n4', type: 'interactive', payload: 'x' }),
    ];
    for (const message of hostile) ws.send(message);
    ws.send(
      JSON.stringify({
        envelope_id: 'env-after',
        type: 'slash_commands',
        accepts_response_payload: true,
        payload: {
          team_id: 'T1',
          channel_id: 'C1',
          user_id: 'U1',
          command: '/airisk',
          text: 'registered nurse',
          api_app_id: 'A1',
          response_url: fake.responseUrl('sock-after'),
          trigger_id: '1.2.3',
        },
      }),
    );
    const [reply] = await fake.waitFor('response');
    expect(String(reply!.body.text)).toMatch(/^Registered Nurse/);
    expect(warnings.filter((w) => w.startsWith('Socket Mode message ignored'))).toHaveLength(hostile.length);
  });
});
