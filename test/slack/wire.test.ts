// The Slack app over the wire: Bolt's HTTP receiver on loopback, signed requests in Slack's payload shapes,
// and a fake Web API that records what Slack would receive.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App } from '@slack/bolt';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadSettings } from '../../src/config/settings.js';
import { ACTIONS, INPUTS, VIEWS, nthAction } from '../../src/renderers/blockkit/ids.js';
import { bootEngine } from '../../src/app/boot.js';
import { createSlackApp } from '../../src/transports/slack/app.js';
import { FakeSlack } from '../support/fake-slack.js';
import { trackIdle } from '../support/idle.js';
import { expectSlackReadyMessages } from '../support/slack-app.js';
import { blockKitProblems, modalProblems, unsafeMarkup } from '../support/block-limits.js';
import {
  BOT_TOKEN,
  SIGNING_SECRET,
  blockAction,
  eventCallback,
  slashCommand,
  viewSubmission,
} from '../support/slack-requests.js';

const { engine } = bootEngine();
const fake = new FakeSlack();
let app: App;
let server: Server;
let appUrl = '';
let idle: () => Promise<void>;
const feedback: [string, boolean][] = [];
const lookups: string[] = [];

beforeAll(async () => {
  await fake.start();
  const settings = loadSettings({
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_API_URL: fake.apiUrl,
    LOG_LEVEL: 'error',
  });
  app = createSlackApp({
    engine,
    settings,
    retryConfig: { retries: 2, minTimeout: 50, maxTimeout: 200 },
    hooks: { onFeedback: (roleId, helpful) => feedback.push([roleId, helpful]), onLookup: (a) => lookups.push(a.kind) },
  });
  idle = trackIdle(app);
  server = (await app.start(0)) as Server;
  appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await app.stop();
  await fake.stop();
});
beforeEach(() => fake.reset());
// Whatever a test did, every message Slack received has a plain-text fallback and blocks within the limits.
afterEach(() => expectSlackReadyMessages(fake));

const textOf = (call: { body: Record<string, unknown> }) => JSON.stringify(call.body);

describe('/airisk over HTTP', () => {
  it('acknowledges at once, then sends an ephemeral score card to the response_url', async () => {
    const res = await slashCommand(appUrl, 'medical coder', fake.responseUrl());
    expect(res.status).toBe(200);
    const [reply] = await fake.waitFor('response');
    const body = reply!.body as { response_type: string; text: string; blocks: { type: string }[] };
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toMatch(/^Medical Coder: Very high AI exposure \(high confidence\)\./);
    const all = textOf(reply!);
    // The verdict in one direction: the bar fills with exposure (100 − AIJRI 11.6 = 88.4).
    expect(all).toContain('🔴 *Very high AI exposure*  ▰▰▰▰▰▰▰▰▰▱');
    expect(all).toContain('Not a layoff forecast');
    expect(all).toContain('language models and chat assistants');
    expect(all).not.toMatch(/β|SOC 29|percentile|\bE[012]\b/);
    expect(body.blocks.at(-1)?.type).toBe('actions');
    expect(JSON.stringify(body.blocks.at(-1))).toContain(ACTIONS.details);
    expect(blockKitProblems(body.blocks)).toEqual([]);
  });

  it('answers path, compare, help and empty text', async () => {
    await slashCommand(appUrl, 'path clinical coder', fake.responseUrl('p'));
    await slashCommand(appUrl, 'compare medical coder vs registered nurse', fake.responseUrl('c'));
    await slashCommand(appUrl, '', fake.responseUrl('e'));
    await slashCommand(appUrl, 'help', fake.responseUrl('h'));
    const replies = await fake.waitFor('response', 4);
    const texts = replies.map((r) => String(r.body.text));
    expect(texts.some((t) => /^Reskilling path for Medical Coder: .*Compliance Manager/.test(t))).toBe(true);
    expect(
      texts.some((t) => /Medical Coder \(Very high AI exposure\) vs Registered Nurse \(Very low AI exposure\)/.test(t)),
    ).toBe(true);
    expect(texts.filter((t) => t.startsWith('airisk: ask about any job title')).length).toBe(2);
  });

  it('offers candidate buttons for an ambiguous title and suggestions for nonsense', async () => {
    await slashCommand(appUrl, 'cook', fake.responseUrl('a'));
    await slashCommand(appUrl, 'qwxzzv plorft', fake.responseUrl('n'));
    const [ambiguous, notFound] = await fake.waitFor('response', 2);
    expect(textOf(ambiguous!)).toContain(ACTIONS.pickRole);
    expect(String(ambiguous!.body.text)).toMatch(/could mean several roles/);
    expect(String(notFound!.body.text)).toMatch(/No role found/);
    expect(textOf(notFound!)).toContain(ACTIONS.pickRole);
  });

  it('asks "Did you mean" for a generic word, and shows a card\'s "Also" choices as role buttons', async () => {
    await slashCommand(appUrl, 'manager', fake.responseUrl('g'));
    await slashCommand(appUrl, 'forklift operator', fake.responseUrl('f'));
    const first = await fake.waitFor('response', 2);
    const generic = first.find((r) => String(r.body.text).startsWith('Did you mean'));
    const forklift = first.find((r) => String(r.body.text).startsWith('Industrial Truck'));
    expect(String(generic!.body.text)).toMatch(/^Did you mean: /);
    expect(textOf(generic!)).toContain(ACTIONS.pickRole);
    const blocks = forklift!.body.blocks as {
      type: string;
      block_id?: string;
      elements?: { action_id: string; value: string }[];
    }[];
    expect(JSON.stringify(blocks)).toContain(
      '‘Forklift Operator’ is an O*NET title of Industrial Truck and Tractor Operators.',
    );
    const also = blocks.find((b) => b.type === 'actions' && b.block_id?.startsWith('also:'));
    const button = also?.elements?.[0];
    expect(button?.action_id).toBe(nthAction(ACTIONS.pickRole, 0));
    // The button is the existing pick-role action: pressing it opens that occupation's card.
    await blockAction(appUrl, button?.action_id ?? '', button?.value ?? '', fake.responseUrl('f2'));
    const picked = (await fake.waitFor('response', 3)).find((r) => !first.includes(r));
    expect(String(picked!.body.text)).toMatch(/^Operating Engineers and Other Construction Equipment Operators/);
  });

  it('escapes what a user typed: no broadcast, ping or link reaches Slack', async () => {
    await slashCommand(appUrl, '<!channel> <@U999> <https://evil.example|click> nonsense zzzq', fake.responseUrl('x'));
    const [reply] = await fake.waitFor('response');
    expect(unsafeMarkup(reply!.body)).toEqual([]);
    expect(textOf(reply!)).not.toContain('<https://evil.example');
  });

  it('falls back to chat.postEphemeral when the response_url has expired', async () => {
    fake.script('response', { status: 404, body: { ok: false, error: 'expired_url' } });
    await slashCommand(appUrl, 'CPC', fake.responseUrl('old'), { channel: 'C42', user: 'U7' });
    const [post] = await fake.waitFor('chat.postEphemeral');
    expect(post!.body).toMatchObject({ channel: 'C42', user: 'U7' });
    expect(String(post!.body.text)).toMatch(/^Medical Coder/);
    expect(post!.token).toBe(BOT_TOKEN);
  });

  it('also falls back when the response_url answers 200 {"ok":false,"error":"expired_url"}', async () => {
    fake.script('response', { status: 200, body: { ok: false, error: 'expired_url' } });
    await slashCommand(appUrl, 'registered nurse', fake.responseUrl('old2'), { channel: 'C43', user: 'U8' });
    const [post] = await fake.waitFor('chat.postEphemeral');
    expect(post!.body).toMatchObject({ channel: 'C43', user: 'U8' });
    expect(String(post!.body.text)).toMatch(/^Registered Nurse/);
  });

  it('falls back when the response_url cannot be reached at all (connection refused)', async () => {
    const { createServer } = await import('node:http');
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/response/gone`;
    await new Promise((r) => closed.close(r));
    await slashCommand(appUrl, 'accountant', deadUrl, { channel: 'C44', user: 'U9' });
    const [post] = await fake.waitFor('chat.postEphemeral');
    expect(post!.body).toMatchObject({ channel: 'C44', user: 'U9' });
    expect(String(post!.body.text)).toMatch(/^Accountants and Auditors/);
  });

  it('asks Slack who the bot is once, not before every request', async () => {
    for (const text of ['CPC', 'accountant', 'registered nurse'])
      await slashCommand(appUrl, text, fake.responseUrl(text.length.toString()));
    await fake.waitFor('response', 3);
    // At most the very first request of the app asks; the identity is remembered since.
    expect(fake.callsTo('auth.test').length).toBeLessThanOrEqual(1);
  });

  it('rejects a bad signature and a stale timestamp with 401, and answers nothing', async () => {
    const bad = await slashCommand(appUrl, 'medical coder', fake.responseUrl(), { secret: 'a'.repeat(32) });
    const stale = await slashCommand(appUrl, 'medical coder', fake.responseUrl(), {
      timestamp: Math.floor(Date.now() / 1000) - 6 * 60,
    });
    expect(bad.status).toBe(401);
    expect(stale.status).toBe(401);
    // Refused before Bolt took them: nothing was handed to the app.
    await idle();
    expect(fake.calls).toEqual([]);
  });
});

describe('events', () => {
  it('answers a mention in its thread', async () => {
    const res = await eventCallback(appUrl, {
      type: 'app_mention',
      user: 'U1',
      text: '<@UBOT> will AI replace my job as a clinical coder?',
      ts: '1700000000.000100',
      channel: 'C1',
      event_ts: '1700000000.000100',
    });
    expect(res.status).toBe(200);
    const [post] = await fake.waitFor('chat.postMessage');
    expect(post!.body).toMatchObject({ channel: 'C1', thread_ts: '1700000000.000100' });
    expect(String(post!.body.text)).toMatch(/^Medical Coder: Very high AI exposure/);
  });

  it('answers a direct message, with the FAQ and its sources for a question', async () => {
    await eventCallback(appUrl, {
      type: 'message',
      channel_type: 'im',
      user: 'U1',
      text: 'is medical coding still worth learning?',
      ts: '1.1',
      channel: 'D1',
      event_ts: '1.1',
    });
    const [post] = await fake.waitFor('chat.postMessage');
    expect(post!.body.channel).toBe('D1');
    expect(String(post!.body.text)).toMatch(/^Is medical coding still worth learning in 2026\?/);
    expect(textOf(post!)).toContain('Sources:');
  });

  it('ignores bot messages and edits in DMs', async () => {
    await eventCallback(appUrl, {
      type: 'message',
      channel_type: 'im',
      bot_id: 'B1',
      text: 'nurse',
      ts: '1.2',
      channel: 'D1',
      event_ts: '1.2',
    });
    await eventCallback(appUrl, {
      type: 'message',
      subtype: 'message_changed',
      channel_type: 'im',
      channel: 'D1',
      ts: '1.3',
      event_ts: '1.3',
    });
    await idle();
    expect(fake.callsTo('chat.postMessage')).toEqual([]);
  });

  it('replies once to an event Slack retries', async () => {
    const event = {
      type: 'message',
      channel_type: 'im',
      user: 'U1',
      text: 'pharmacy technician',
      ts: '2.1',
      channel: 'D2',
      event_ts: '2.1',
    };
    await eventCallback(appUrl, event, { eventId: 'EvRETRY1' });
    await eventCallback(appUrl, event, {
      eventId: 'EvRETRY1',
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    await eventCallback(appUrl, event, {
      eventId: 'EvRETRY1',
      headers: { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' },
    });
    await fake.waitFor('chat.postMessage');
    await idle();
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('waits out a 429 Retry-After and posts exactly once', async () => {
    fake.script('chat.postMessage', {
      status: 429,
      headers: { 'retry-after': '1' },
      body: { ok: false, error: 'ratelimited' },
    });
    const started = Date.now();
    await eventCallback(appUrl, {
      type: 'message',
      channel_type: 'im',
      user: 'U1',
      text: 'registered nurse',
      ts: '3.1',
      channel: 'D3',
      event_ts: '3.1',
    });
    await fake.waitFor('chat.postMessage', 2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    await idle();
    expect(fake.callsTo('chat.postMessage')).toHaveLength(2); // the refused attempt and the one that landed
  });

  it('retries a 5xx and survives one that never recovers', async () => {
    fake.script('chat.postMessage', { status: 503, body: { ok: false } });
    await eventCallback(appUrl, {
      type: 'message',
      channel_type: 'im',
      user: 'U1',
      text: 'CPC',
      ts: '4.1',
      channel: 'D4',
      event_ts: '4.1',
    });
    await fake.waitFor('chat.postMessage', 2);
    fake.reset();
    fake.script('chat.postMessage', ...Array.from({ length: 3 }, () => ({ status: 500, body: { ok: false } })));
    await eventCallback(appUrl, {
      type: 'message',
      channel_type: 'im',
      user: 'U1',
      text: 'CPC',
      ts: '4.2',
      channel: 'D4',
      event_ts: '4.2',
    });
    await fake.waitFor('chat.postMessage', 3);
    // The process is still serving.
    const res = await slashCommand(appUrl, 'CPC', fake.responseUrl('alive'));
    expect(res.status).toBe(200);
    await fake.waitFor('response');
  });

  it('publishes the App Home', async () => {
    await eventCallback(appUrl, { type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'home', event_ts: '5.1' });
    const [publish] = await fake.waitFor('views.publish');
    expect(publish!.body.user_id).toBe('U1');
    const view = publish!.body.view as { type: string; blocks: unknown[] };
    expect(view.type).toBe('home');
    expect(textOf(publish!)).toContain(ACTIONS.openLookup);
    expect(textOf(publish!)).toContain('Medical Coder');
    expect(blockKitProblems(view.blocks, 'view')).toEqual([]);
  });
});

describe('buttons and modals', () => {
  it('shows the reskilling path, shares the card, and records feedback', async () => {
    await blockAction(appUrl, ACTIONS.path, 'medical-coder', fake.responseUrl('path'));
    await blockAction(appUrl, ACTIONS.share, 'medical-coder', fake.responseUrl('share'));
    await blockAction(appUrl, ACTIONS.helpful, 'medical-coder', fake.responseUrl('fb'));
    const replies = await fake.waitFor('response', 3);
    const path = replies.find((r) => /^Reskilling path/.test(String(r.body.text)));
    const shared = replies.find((r) => r.body.response_type === 'in_channel');
    expect(path).toBeDefined();
    expect(shared).toBeDefined();
    // A shared card keeps only what any reader may click: the details and the path, no votes or sharing.
    const buttons = (shared!.body.blocks as { type: string; elements?: { action_id: string }[] }[])
      .filter((b) => b.type === 'actions')
      .flatMap((b) => b.elements?.map((el) => el.action_id) ?? []);
    expect(buttons).toEqual([ACTIONS.details, ACTIONS.path]);
    expect(feedback).toContainEqual(['medical-coder', true]);
  });

  it('thanks for feedback privately even when the response_url has expired', async () => {
    fake.script('response', { status: 404, body: { ok: false, error: 'expired_url' } });
    await blockAction(appUrl, ACTIONS.notHelpful, 'registered-nurse', fake.responseUrl('fb-old'), {
      channel: 'C5',
      user: 'U5',
    });
    const [post] = await fake.waitFor('chat.postEphemeral');
    expect(post!.body).toMatchObject({ channel: 'C5', user: 'U5' });
    expect(String(post!.body.text)).toMatch(/^Thanks for telling us/);
    expect(feedback).toContainEqual(['registered-nurse', false]);
  });

  it('shares through chat.postMessage when the response_url has expired', async () => {
    fake.script('response', { status: 404, body: { ok: false, error: 'expired_url' } });
    await blockAction(appUrl, ACTIONS.share, 'registered-nurse', fake.responseUrl('share-old'), { channel: 'C9' });
    const [post] = await fake.waitFor('chat.postMessage');
    expect(post!.body.channel).toBe('C9');
    expect(String(post!.body.text)).toMatch(/^Registered Nurse/);
  });

  it('when the app is not in the channel either, tells the person in their DM how to share', async () => {
    fake.script('response', { status: 404, body: { ok: false, error: 'expired_url' } });
    fake.script('chat.postMessage', { status: 200, body: { ok: false, error: 'not_in_channel' } });
    await blockAction(appUrl, ACTIONS.share, 'registered-nurse', fake.responseUrl('share-private'), {
      channel: 'G77',
      user: 'U5',
    });
    const [inChannel, dm] = await fake.waitFor('chat.postMessage', 2);
    expect(inChannel!.body.channel).toBe('G77');
    expect(dm!.body.channel).toBe('U5');
    expect(textOf(dm!)).toContain('I could not share this card in <#G77>');
    expect(textOf(dm!)).toContain('/invite @airisk');
    expect(String(dm!.body.text)).toMatch(/not a member there\. Registered Nurse/);
  });

  it('answers in the DM when neither the response_url nor the channel takes the card', async () => {
    fake.script('response', { status: 404, body: { ok: false, error: 'expired_url' } });
    fake.script('chat.postEphemeral', { status: 200, body: { ok: false, error: 'channel_not_found' } });
    await blockAction(appUrl, ACTIONS.pickRole, 'accountants-and-auditors', fake.responseUrl('pick-private'), {
      channel: 'C78',
      user: 'U6',
    });
    const [dm] = await fake.waitFor('chat.postMessage');
    expect(dm!.body.channel).toBe('U6');
    expect(textOf(dm!)).toContain('I could not answer in <#C78>');
    expect(textOf(dm!)).toContain('Accountants and Auditors');
  });

  it("opens the compare modal for the card's role", async () => {
    await blockAction(appUrl, ACTIONS.compare, 'medical-coder', fake.responseUrl('cmp'));
    const [open] = await fake.waitFor('views.open');
    const view = open!.body.view as Record<string, unknown>;
    expect(view.callback_id).toBe(VIEWS.compare);
    expect(JSON.parse(String(view.private_metadata))).toEqual({ roleId: 'medical-coder', channel: 'C1' });
    expect(modalProblems(view)).toEqual([]);
  });

  it('opens "How we scored this" as a modal with the card\'s details, also from a shared card', async () => {
    await blockAction(appUrl, ACTIONS.details, 'medical-coder', fake.responseUrl('details'));
    const [open] = await fake.waitFor('views.open');
    const view = open!.body.view as { callback_id: string; blocks: unknown[]; title: { text: string } };
    expect(view.callback_id).toBe(VIEWS.details);
    expect(view.title.text).toBe('How we scored this');
    expect(modalProblems(view as never)).toEqual([]);
    const all = JSON.stringify(view.blocks);
    for (const fact of [
      '1.4622',
      '(1.4622 − 0.54) / 7.93 × 100 = 11.6',
      '$65,007 a year',
      '$46,660 a year',
      'October 2025',
    ])
      expect(all).toContain(fact);
    // Nothing was posted: the details are for the person who clicked.
    expect(fake.calls.filter((c) => c.method === 'response' || c.method === 'chat.postMessage')).toEqual([]);
  });

  it('opens a role from a candidate button, and from App Home into a DM', async () => {
    await blockAction(appUrl, nthAction(ACTIONS.pickRole, 3), 'registered-nurse', fake.responseUrl('pick'));
    const [reply] = await fake.waitFor('response');
    expect(String(reply!.body.text)).toMatch(/^Registered Nurse: Very low AI exposure \(low confidence\)/);
    await blockAction(appUrl, ACTIONS.pickRole, 'pharmacy-technician', '', { channel: null });
    const [dm] = await fake.waitFor('chat.postMessage');
    expect(dm!.body.channel).toBe('U1');
  });

  it('looks up a role through the modal and compares two roles', async () => {
    await blockAction(appUrl, ACTIONS.openLookup, 'lookup', '', { channel: null });
    const [open] = await fake.waitFor('views.open');
    expect((open!.body.view as { callback_id: string }).callback_id).toBe(VIEWS.lookup);
    const res = await viewSubmission(appUrl, VIEWS.lookup, {
      [INPUTS.lookupBlock]: { [INPUTS.lookupText]: { type: 'plain_text_input', value: 'medical codr' } },
    });
    expect(res.status).toBe(200);
    const [dm] = await fake.waitFor('chat.postMessage');
    expect(String(dm!.body.text)).toMatch(/^Medical Coder/);

    fake.reset();
    await viewSubmission(
      appUrl,
      VIEWS.compare,
      { [INPUTS.compareBlock]: { [INPUTS.compareText]: { type: 'plain_text_input', value: 'registered nurse' } } },
      JSON.stringify({ roleId: 'medical-coder' }),
    );
    const [cmp] = await fake.waitFor('chat.postMessage');
    expect(String(cmp!.body.text)).toMatch(/Medical Coder .* vs Registered Nurse/);
  });

  it('counts what the path button and the compare modal show, as every answer a person sees (a share is not)', async () => {
    lookups.length = 0;
    await blockAction(appUrl, ACTIONS.path, 'medical-coder', fake.responseUrl('path'));
    await fake.waitFor('response');
    expect(lookups).toEqual(['path']);
    await viewSubmission(
      appUrl,
      VIEWS.compare,
      { [INPUTS.compareBlock]: { [INPUTS.compareText]: { type: 'plain_text_input', value: 'registered nurse' } } },
      JSON.stringify({ roleId: 'medical-coder' }),
    );
    await fake.waitFor('chat.postMessage');
    expect(lookups).toEqual(['path', 'compare']);
    await blockAction(appUrl, ACTIONS.share, 'medical-coder', fake.responseUrl('share'));
    await fake.waitFor('response', 2);
    expect(lookups).toEqual(['path', 'compare']);
  });

  it('asks again when the lookup modal is submitted empty', async () => {
    const res = await viewSubmission(appUrl, VIEWS.lookup, {
      [INPUTS.lookupBlock]: { [INPUTS.lookupText]: { type: 'plain_text_input', value: '  ' } },
    });
    expect(await res.json()).toMatchObject({ response_action: 'errors' });
  });
});
