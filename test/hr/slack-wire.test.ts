// The HR features over the wire: Bolt's HTTP receiver on loopback, signed requests as Slack sends them, the
// HR service on a real SQLite file, and the fake Web API recording what Slack would receive. Restarts are
// real: the app and its store are closed and a new app opens the same file.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { App } from '@slack/bolt';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadSettings } from '../../src/config/settings.js';
import type { Clock } from '../../src/hr/clock.js';
import { createHrWebClient } from '../../src/hr/web-client.js';
import { ACTIONS, INPUTS, VIEWS } from '../../src/renderers/blockkit/ids.js';
import { bootEngine } from '../../src/app/boot.js';
import { createSlackApp } from '../../src/transports/slack/app.js';
import { createSlackHr } from '../../src/app/slack-hr.js';
import type { SlackHr } from '../../src/transports/slack/start.js';
import { blockKitProblems } from '../support/block-limits.js';
import { FakeSlack, type RecordedCall } from '../support/fake-slack.js';
import {
  announcementPosts as postsOf,
  click as sendClick,
  command as sendCommand,
  nextResponses,
  postButtonValue,
  posts as allPosts,
  textOf,
} from '../support/hr-requests.js';
import { BOT_TOKEN, SIGNING_SECRET, blockAction, viewSubmission } from '../support/slack-requests.js';
import { ManualClock } from './fakes.js';

const booted = bootEngine();
const fake = new FakeSlack();
const ADMIN = 'U1'; // the user the signed request helpers click as by default
const GROUP_ADMIN = 'U0GROUPADM';
const EMPLOYEE = 'U0EMPLOYEE';
const HR_NEWS = 'C0HRNEWS';
const ALL_HANDS = 'C0ALLHANDS';

let dir: string;
let dbPath: string;
let running: { app: App; hr: SlackHr; url: string }[] = [];

async function startApp(options: { clock?: Clock } = {}) {
  const settings = loadSettings({
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_API_URL: fake.apiUrl,
    LOG_LEVEL: 'error',
    HR_ADMIN_USER_IDS: ADMIN,
    HR_ADMIN_USERGROUP: 'S0HRADMINS',
    HR_DEFAULT_CHANNEL: HR_NEWS,
    AIRISK_DB_PATH: dbPath,
    AIRISK_TIMEZONE: 'Europe/Paris',
  });
  const hr = await createSlackHr({
    engine: booted.engine,
    settings,
    schedulerTickMs: 3_600_000,
    delivery: { backoffMs: 20 },
    log: () => {},
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const app = createSlackApp({ engine: booted.engine, settings, hr: hr.service, retryConfig: { retries: 0 } });
  const server = (await app.start(0)) as Server;
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const started = { app, hr, url };
  running.push(started);
  await hr.start();
  return started;
}

/** Stops an app the way a killed process stops: nothing after the last committed step runs. */
async function stopApp(started: { app: App; hr: SlackHr }) {
  await started.app.stop();
  await started.hr.stop();
  running = running.filter((r) => r !== started);
}

const posts = (channel?: string) => allPosts(fake, channel);
const announcementPosts = (outboxId: string) => postsOf(fake, outboxId);
const nextResponse = async (): Promise<RecordedCall> => (await nextResponses(fake))[0] as RecordedCall;
const command = (url: string, text: string, user = ADMIN) => sendCommand(fake, url, text, user);
const click = (url: string, actionId: string, value: string, user = ADMIN) =>
  sendClick(fake, url, actionId, value, user);

beforeAll(async () => {
  await fake.start();
});
afterAll(async () => {
  await fake.stop();
});
beforeEach(() => {
  fake.reset();
  fake.now = Date.now;
  fake.usergroups.set('S0HRADMINS', [GROUP_ADMIN]);
  dir = mkdtempSync(join(tmpdir(), 'airisk-hr-wire-'));
  dbPath = join(dir, 'data', 'airisk.sqlite');
});
afterEach(async () => {
  for (const r of [...running]) await stopApp(r);
  rmSync(dir, { recursive: true, force: true });
});

describe('who may announce', () => {
  it('an employee is politely refused and nothing is posted', async () => {
    const { url } = await startApp();
    const reply = await command(url, `announce medical coder <#${HR_NEWS}|hr-news>`, EMPLOYEE);
    expect(reply.body.response_type).toBe('ephemeral');
    expect(String(reply.body.text)).toContain('Sorry, only HR admins can announce');
    const button = await click(url, ACTIONS.hrPost, 'any-outbox-id', EMPLOYEE);
    expect(String(button.body.text)).toContain('Sorry, only HR admins');
    expect(posts()).toEqual([]);
  });

  it('a member of HR_ADMIN_USERGROUP gets the preview', async () => {
    const { url } = await startApp();
    const reply = await command(url, 'announce medical coder', GROUP_ADMIN);
    expect(postButtonValue(reply)).toMatch(/^[0-9a-f-]{36}$/);
    expect(fake.callsTo('usergroups.users.list')[0]?.body.usergroup).toBe('S0HRADMINS');
  });
});

describe('announce: preview, then Post / Edit / Cancel', () => {
  it("announce CPC announces the role CPC stands for: a word is taken for a channel only in Slack's id shape", async () => {
    const { url } = await startApp();
    const cpc = await command(url, 'announce CPC');
    expect(String(cpc.body.text)).toMatch(/^Preview: From HR: Medical Coder/);
    expect(textOf(cpc)).toContain(`to <#${HR_NEWS}>`);
    const bareId = await command(url, 'announce CPC C0123ABCD9');
    expect(textOf(bareId)).toContain('to <#C0123ABCD9>');
    expect(posts()).toEqual([]);
  });

  it('previews exactly what Post sends, posts it once with its outbox id, and audits it', async () => {
    const { url, hr } = await startApp();
    const preview = await command(url, `announce CPC <#${ALL_HANDS}|all-hands>`);
    const id = postButtonValue(preview);
    expect(String(preview.body.text)).toMatch(/^Preview: From HR: Medical Coder: Very high AI exposure/);
    expect(blockKitProblems(preview.body.blocks as unknown[])).toEqual([]);
    expect(posts()).toEqual([]);

    const done = await click(url, ACTIONS.hrPost, id);
    expect(done.body.replace_original).toBe(true);
    expect(String(done.body.text)).toContain(`Posted to <#${ALL_HANDS}>`);
    const [post] = await fake.waitFor('chat.postMessage');
    expect(post?.body).toMatchObject({
      channel: ALL_HANDS,
      metadata: { event_type: 'airisk_announcement', event_payload: { outbox_id: id } },
    });
    // What the channel got is what the preview showed, block for block.
    const previewBlocks = preview.body.blocks as unknown[];
    expect(previewBlocks.slice(2, -2)).toEqual(post?.body.blocks);

    await click(url, ACTIONS.hrPost, id); // a second click
    expect(announcementPosts(id)).toHaveLength(1);

    const audit = (await hr.store.auditLog(10)).reverse();
    expect(audit.map((a) => a.action)).toEqual(['previewed', 'confirmed', 'posted']);
    const ts = fake.channels.get(ALL_HANDS)?.[0]?.ts;
    expect(audit[2]).toMatchObject({ actor: ADMIN, channel: ALL_HANDS, subject: 'medical-coder', ts });
  });

  it('Cancel posts nothing', async () => {
    const { url } = await startApp();
    const id = postButtonValue(await command(url, 'announce digest'));
    expect(String((await click(url, ACTIONS.hrCancel, id)).body.text)).toBe('Cancelled: nothing was posted.');
    expect(String((await click(url, ACTIONS.hrPost, id)).body.text)).toContain('Cancelled');
    expect(posts()).toEqual([]);
  });

  it('Edit opens a modal; its submission updates the preview; Post sends the edited version', async () => {
    const { url } = await startApp();
    const id = postButtonValue(await command(url, 'announce spotlight'));
    expect((await blockAction(url, ACTIONS.hrEdit, id, fake.responseUrl())).status).toBe(200);
    const [open] = await fake.waitFor('views.open');
    const view = open?.body.view as { callback_id: string; private_metadata: string; blocks: unknown[] };
    expect(view.callback_id).toBe(VIEWS.hrEdit);
    expect(blockKitProblems(view.blocks, 'view')).toEqual([]);

    const updated = nextResponse();
    const values = {
      [INPUTS.hrNoteBlock]: {
        [INPUTS.hrNoteText]: { type: 'plain_text_input', value: 'Lunch-and-learn on Friday: bring questions!' },
      },
      [INPUTS.hrChannelBlock]: {
        [INPUTS.hrChannelSelect]: { type: 'conversations_select', selected_conversation: ALL_HANDS },
      },
    };
    expect((await viewSubmission(url, VIEWS.hrEdit, values, view.private_metadata)).status).toBe(200);
    const preview = await updated;
    expect(preview.body.replace_original).toBe(true);
    expect(textOf(preview)).toContain('Lunch-and-learn on Friday');
    expect(textOf(preview)).toContain(`to <#${ALL_HANDS}>`);

    await click(url, ACTIONS.hrPost, id);
    expect(posts(HR_NEWS)).toEqual([]);
    expect(textOf(posts(ALL_HANDS)[0])).toContain('Lunch-and-learn on Friday');
  });

  it("sends the edited preview to the admin's DM when the preview's response_url refuses it", async () => {
    const { url } = await startApp();
    const id = postButtonValue(await command(url, 'announce spotlight'));
    await blockAction(url, ACTIONS.hrEdit, id, fake.responseUrl());
    const [open] = await fake.waitFor('views.open');
    const view = open?.body.view as { private_metadata: string };
    // Slack answers 200 with ok:false once the URL has expired.
    fake.script('response', { status: 200, body: { ok: false, error: 'expired_url' } });
    const values = {
      [INPUTS.hrNoteBlock]: {
        [INPUTS.hrNoteText]: { type: 'plain_text_input', value: 'Edited after the link expired' },
      },
      [INPUTS.hrChannelBlock]: {
        [INPUTS.hrChannelSelect]: { type: 'conversations_select', selected_conversation: ALL_HANDS },
      },
    };
    await viewSubmission(url, VIEWS.hrEdit, values, view.private_metadata);
    const [dm] = await fake.waitFor('chat.postMessage');
    expect(dm?.body.channel).toBe(ADMIN);
    expect(textOf(dm!)).toContain('Edited after the link expired');
  });

  it('tells the admin to invite the bot, and Retry then posts once', async () => {
    const { url } = await startApp();
    const id = postButtonValue(await command(url, `announce registered nurse <#${ALL_HANDS}>`));
    fake.script('chat.postMessage', { status: 200, body: { ok: false, error: 'not_in_channel' } });
    const failed = await click(url, ACTIONS.hrPost, id);
    expect(String(failed.body.text)).toContain(`I'm not in <#${ALL_HANDS}>: invite me with \`/invite @airisk\``);
    expect(textOf(failed)).toContain(ACTIONS.hrRetry);
    expect(fake.channels.get(ALL_HANDS)).toBeUndefined();
    const retried = await click(url, ACTIONS.hrRetry, id);
    expect(String(retried.body.text)).toContain(`Posted to <#${ALL_HANDS}>`);
    expect(fake.channels.get(ALL_HANDS)).toHaveLength(1);
  });

  it('a 429 is waited out and the announcement posted once', async () => {
    const { url } = await startApp();
    const id = postButtonValue(await command(url, 'announce medical coder'));
    fake.script('chat.postMessage', { status: 429, headers: { 'retry-after': '1' } });
    const started = Date.now();
    const done = await click(url, ACTIONS.hrPost, id);
    expect(String(done.body.text)).toContain('Posted');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(announcementPosts(id)).toHaveLength(2); // the refused attempt and the accepted one
    expect(fake.channels.get(HR_NEWS)).toHaveLength(1);
  });

  it('a 5xx after Slack stored the message: found in the channel history, not posted again', async () => {
    const { url } = await startApp();
    const id = postButtonValue(await command(url, 'announce medical coder'));
    fake.script('chat.postMessage', { status: 503, body: 'upstream timeout', afterStoring: true });
    const done = await click(url, ACTIONS.hrPost, id);
    expect(String(done.body.text)).toContain('Posted');
    expect(fake.callsTo('conversations.history')[0]?.body).toMatchObject({
      channel: HR_NEWS,
      include_all_metadata: 'true',
    });
    expect(announcementPosts(id)).toHaveLength(1);
    expect(fake.channels.get(HR_NEWS)).toHaveLength(1);
  });
});

describe('crashes and restarts', () => {
  it('killed after recording a confirmed announcement, before sending: the next app posts it exactly once', async () => {
    const first = await startApp();
    const id = postButtonValue(await command(first.url, 'announce medical coder'));
    // Post's first, durable step, and then the process dies before it can send.
    expect(await first.hr.store.transition(id, ['draft'], 'pending')).toBe(true);
    await stopApp(first);
    expect(posts()).toEqual([]);

    const second = await startApp();
    await fake.waitFor('chat.postMessage');
    expect(announcementPosts(id)).toHaveLength(1);
    expect(await second.hr.store.getOutbox(id)).toMatchObject({
      status: 'sent',
      ts: fake.channels.get(HR_NEWS)?.[0]?.ts,
    });
    await stopApp(second);
    await startApp();
    expect(announcementPosts(id)).toHaveLength(1);
  });

  it('killed after Slack accepted the post but before marking it: the next app finds it and posts nothing', async () => {
    const first = await startApp();
    const id = postButtonValue(await command(first.url, 'announce medical coder'));
    const entry = await first.hr.store.getOutbox(id);
    // Post's steps as an instance that then dies takes them: confirm with a lease, begin sending.
    const lease = { owner: 'a-dead-process', until: Date.now() + 60_000 };
    await first.hr.store.transition(id, ['draft'], 'pending', { lease });
    await first.hr.store.beginSending(id, lease.owner, Date.now());
    // The post reaches Slack exactly as delivery sends it; the process dies before the answer is recorded.
    await createHrWebClient({ token: BOT_TOKEN, slackApiUrl: fake.apiUrl }).postMessage({
      channel: HR_NEWS,
      text: entry?.message.text ?? '',
      blocks: entry?.message.blocks ?? [],
      metadata: { event_type: 'airisk_announcement', event_payload: { outbox_id: id } },
    });
    await stopApp(first);

    const second = await startApp();
    expect(announcementPosts(id)).toHaveLength(1);
    expect(fake.callsTo('conversations.history')).toHaveLength(1);
    expect(await second.hr.store.getOutbox(id)).toMatchObject({
      status: 'sent',
      ts: fake.channels.get(HR_NEWS)?.[0]?.ts,
    });
  });
});

describe('schedules over the wire', () => {
  it('fires at 09:00 local, survives a restart, and fires once for the slots missed while down', async () => {
    const clock = new ManualClock(Date.parse('2026-03-25T12:00:00Z'));
    fake.now = () => clock.now();
    const first = await startApp({ clock });
    const added = await command(first.url, `schedule add weekly mon 09:00 spotlight <#${ALL_HANDS}|all-hands>`);
    expect(String(added.body.text)).toContain('First run Mon, 30 Mar 2026, 09:00 (Europe/Paris)');
    expect(String((await command(first.url, 'schedule list')).body.text)).toContain(
      `spotlight to <#${ALL_HANDS}>, weekly mon 09:00`,
    );

    clock.set('2026-03-30T06:59:00Z');
    await first.hr.service.scheduler.tick();
    expect(posts()).toEqual([]);
    clock.set('2026-03-30T07:00:05Z'); // 09:00:05 in Paris, summer time
    await first.hr.service.scheduler.tick();
    expect(posts(ALL_HANDS)).toHaveLength(1);
    await stopApp(first);

    clock.set('2026-04-22T10:00:00Z'); // down for three Mondays
    const second = await startApp({ clock });
    await second.hr.service.scheduler.tick();
    await second.hr.service.scheduler.tick();
    const spotlights = posts(ALL_HANDS).map((c) => String(c.body.text));
    expect(spotlights).toHaveLength(2);
    expect(spotlights[0]).not.toBe(spotlights[1]); // the rotation moved on to the next role
    expect(String((await command(second.url, 'schedule list')).body.text)).toContain('next Mon, 27 Apr 2026, 09:00');
  });

  it('gives a usage line for a schedule it cannot read', async () => {
    const { url } = await startApp();
    const reply = await command(url, 'schedule add every tuesday spotlight');
    expect(String(reply.body.text)).toContain(`I don't know the cadence "every"`);
    expect(String(reply.body.text)).toContain('/airisk schedule add weekly mon 09:00 spotlight [#channel]');
  });

  it('shows what was typed in a usage error as text: no broadcast, ping, user-group ping or link', async () => {
    const { url } = await startApp();
    const typed = '<!channel> <@U0BOSS> <!subteam^S0ALL|@all-staff> <https://evil.example|click>';
    for (const text of [
      `schedule add daily 09:00 spotlight ${typed}`,
      `schedule <!here>`,
      `schedule add <!everyone> 09:00 spotlight`,
      `insights <!channel>`,
    ]) {
      const reply = await command(url, text);
      const raw = JSON.stringify(reply.body);
      expect(raw, text).not.toContain('<');
      expect(String(reply.body.text), text).toMatch(/&lt;!(channel|here|everyone)&gt;|`insights` takes nothing/);
    }
    expect(String((await command(url, `schedule add daily 09:00 spotlight ${typed}`)).body.text)).toContain(
      `I don't understand "&lt;!channel&gt; &lt;@U0BOSS&gt; &lt;!subteam^S0ALL|@all-staff&gt; ` +
        `&lt;https://evil.example|click&gt;" at the end.`,
    );
    expect(posts()).toEqual([]);
    // The announcement's own hint shows its <placeholders> as text too.
    expect(JSON.stringify((await command(url, 'announce medical coder')).body)).toContain('/airisk &lt;job title&gt;');
  });
});

describe('insights', () => {
  it('counts what people ask and how they vote, shows small counts as "fewer than 5", and keeps nothing private', async () => {
    const { url } = await startApp();
    const askers = ['U0ASKER01', 'U0ASKER02', 'U0ASKER03', 'U0ASKER04', 'U0ASKER05', 'U0ASKER06'];
    const typed = [
      'medical coder',
      'will AI replace my job as a clinical coder at St Ignatius?',
      'CPC',
      'medical codr',
      'clinical coder',
      'medical coder',
    ];
    for (const [i, user] of askers.entries()) await command(url, typed[i] as string, user);
    await command(url, 'is medical coding still worth learning?', 'U0ASKER07');
    for (let i = 0; i < 3; i++) await click(url, ACTIONS.helpful, 'medical-coder', 'U0ASKER08');
    for (let i = 0; i < 2; i++) await click(url, ACTIONS.notHelpful, 'medical-coder', 'U0ASKER09');

    const reply = await command(url, 'insights');
    const text = textOf(reply);
    expect(text).toContain('1. Medical Coder: 6');
    expect(text).toContain('fewer than 5');
    expect(text).toContain('Helpful: 60% of 5 votes');
    expect(blockKitProblems(reply.body.blocks as unknown[])).toEqual([]);

    await stopApp(running[0] as (typeof running)[number]);
    const bytes = readdirSync(join(dir, 'data'))
      .map((f) => readFileSync(join(dir, 'data', f)).toString('latin1'))
      .join('');
    expect(bytes).toContain('medical-coder');
    for (const secret of [
      ...askers,
      'U0ASKER07',
      'U0ASKER08',
      'U0ASKER09',
      'St Ignatius',
      'medical codr',
      'still worth learning',
    ])
      expect(bytes).not.toContain(secret);
  });
});
