// Two live instances on one PostgreSQL database behave as one app. Each instance is its own process
// (dist/testing/slack-instance.js: the start command's pieces on a loopback port) and can be killed with
// SIGKILL; requests are signed as Slack signs them; the fake Slack Web API records what Slack would receive and
// can hold an answer to make "killed mid-send" deterministic. Time is moved, never waited for: the instances
// and the fake Slack share a clock offset the test sets, and scheduler ticks are asked for.
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ACTIONS } from '../../src/renderers/blockkit/ids.js';
import { openPostgresStore } from '../../src/store/postgres.js';
import type { Store } from '../../src/store/types.js';
import { FakeSlack, type RecordedCall } from '../support/fake-slack.js';
import {
  announcementPosts,
  click,
  command,
  nextResponses,
  postButtonValue,
  posts,
  textOf,
} from '../support/hr-requests.js';
import { createTestDatabase, type TestDatabase } from '../support/postgres.js';
import { BOT_TOKEN, SIGNING_SECRET, blockAction, eventCallback } from '../support/slack-requests.js';

const INSTANCE = resolve('dist/testing/slack-instance.js');
const ADMIN = 'U0HRADMIN';
const HR_NEWS = 'C0HRNEWS';
const ALL_HANDS = 'C0ALLHANDS';
/** The instances' lease: how long an instance that died keeps others off its announcement. */
const LEASE_MS = 30_000;

type Ticked = { type: 'ticked'; fired: { schedule: number; outcome: string | null }[]; retried: string[] };

interface Instance {
  url: string;
  child: ChildProcess;
  /** stdout and stderr so far, for failure messages. */
  output(): string;
  tick(): Promise<Ticked>;
  setClock(offsetMs: number): Promise<void>;
  kill(): Promise<void>;
}

const fake = new FakeSlack();
let db: TestDatabase;
let store: Store;
let dir: string;
let instances: Instance[] = [];
/** The shared clock: real time plus this. */
let offsetMs = 0;

async function startInstance(): Promise<Instance> {
  const child = fork(INSTANCE, [], {
    silent: true,
    env: {
      ...process.env,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_APP_TOKEN: '',
      SLACK_API_URL: fake.apiUrl,
      DATABASE_URL: db.url,
      // Set too, to show DATABASE_URL wins: no SQLite file may appear here.
      AIRISK_DB_PATH: join(dir, 'airisk.sqlite'),
      HR_ADMIN_USER_IDS: ADMIN,
      HR_ADMIN_USERGROUP: '',
      HR_DEFAULT_CHANNEL: HR_NEWS,
      AIRISK_TIMEZONE: 'Europe/Paris',
      AIRISK_DATA_DIR: '', // curated knowledge is enough here, and starts faster
      LOG_LEVEL: 'error',
      AIRISK_TEST_CLOCK_OFFSET_MS: String(offsetMs),
      AIRISK_TEST_LEASE_MS: String(LEASE_MS),
    },
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const next = <T>(type: string): Promise<T> =>
    new Promise((done, fail) => {
      const onMessage = (message: { type: string }) => {
        if (message.type !== type) return;
        child.off('message', onMessage);
        done(message as T);
      };
      child.on('message', onMessage);
      void exited.then(() => fail(new Error(`instance ${child.pid} exited while waiting for "${type}":\n${output}`)));
    });
  const { port } = await next<{ port: number }>('ready');
  const instance: Instance = {
    url: `http://127.0.0.1:${port}`,
    child,
    output: () => output,
    async tick() {
      const reply = next<Ticked>('ticked');
      child.send({ type: 'tick' });
      return reply;
    },
    async setClock(offset) {
      const reply = next('clock');
      child.send({ type: 'clock', offsetMs: offset });
      await reply;
    },
    async kill() {
      child.kill('SIGKILL');
      await exited;
      instances = instances.filter((i) => i !== instance);
    },
  };
  instances.push(instance);
  return instance;
}

const startTwo = () => Promise.all([startInstance(), startInstance()]);

/** Moves the shared clock: every live instance and the fake Slack (whose message ts follow it). */
async function moveClockTo(ms: number): Promise<void> {
  offsetMs = ms - Date.now();
  await Promise.all(instances.map((i) => i.setClock(offsetMs)));
}

/** Waits until `check` holds (polling), or fails saying what it waited for. */
async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 15_000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const dmEvent = {
  type: 'message',
  channel_type: 'im',
  user: 'U0EMPLOYEE',
  text: 'medical coder',
  ts: '1700000000.000100',
  channel: 'D0EMPLOYEE',
  event_ts: '1700000000.000100',
};
const retryHeaders = (n: number) => ({ 'x-slack-retry-num': String(n), 'x-slack-retry-reason': 'http_timeout' });

beforeAll(async () => {
  if (!existsSync(INSTANCE)) throw new Error(`${INSTANCE} is missing: run \`npm run build\` first (npm test does).`);
  await fake.start();
});
afterAll(async () => {
  await fake.stop();
});
beforeEach(async () => {
  fake.reset();
  offsetMs = 0;
  fake.now = () => Date.now() + offsetMs;
  dir = mkdtempSync(join(tmpdir(), 'airisk-multi-'));
  db = await createTestDatabase();
  store = await openPostgresStore(db.url);
});
afterEach(async () => {
  for (const i of [...instances]) await i.kill();
  await store?.close();
  await db?.drop();
  // DATABASE_URL took precedence over AIRISK_DB_PATH in every instance.
  expect(existsSync(join(dir, 'airisk.sqlite'))).toBe(false);
  rmSync(dir, { recursive: true, force: true });
});

describe('two instances, one PostgreSQL', () => {
  it('a retry delivered to the other instance is answered once', async () => {
    const [a, b] = await startTwo();
    expect((await eventCallback(a.url, dmEvent, { eventId: 'EvMULTI1' })).status).toBe(200);
    await fake.waitFor('chat.postMessage');
    expect((await eventCallback(b.url, dmEvent, { eventId: 'EvMULTI1', headers: retryHeaders(1) })).status).toBe(200);
    await until(
      'the other instance turned the retry away',
      async () => (await store.eventRetries('EvMULTI1', Date.now())) === 1,
    );
    expect(posts(fake, 'D0EMPLOYEE')).toHaveLength(1);
    expect(textOf(posts(fake)[0])).toContain('Medical Coder');
  });

  it('an event and its retry arriving at both instances at once are answered once', async () => {
    const [a, b] = await startTwo();
    const sent = await Promise.all([
      eventCallback(a.url, dmEvent, { eventId: 'EvMULTI2' }),
      eventCallback(b.url, dmEvent, { eventId: 'EvMULTI2', headers: retryHeaders(1) }),
      eventCallback(a.url, dmEvent, { eventId: 'EvMULTI2', headers: retryHeaders(2) }),
    ]);
    expect(sent.map((r) => r.status)).toEqual([200, 200, 200]);
    await until('both retries were turned away', async () => (await store.eventRetries('EvMULTI2', Date.now())) === 2);
    await fake.waitFor('chat.postMessage');
    expect(posts(fake, 'D0EMPLOYEE')).toHaveLength(1);
  });

  it('a Post click on the instance that did not make the preview posts once', async () => {
    const [a, b] = await startTwo();
    const preview = await command(fake, a.url, `announce medical coder <#${ALL_HANDS}|all-hands>`, ADMIN);
    const id = postButtonValue(preview);
    const done = await click(fake, b.url, ACTIONS.hrPost, id, ADMIN);
    expect(String(done.body.text)).toContain(`Posted to <#${ALL_HANDS}>`);
    expect(announcementPosts(fake, id)).toHaveLength(1);
    expect(fake.channels.get(ALL_HANDS)).toHaveLength(1);
    const audit = (await store.auditLog(10)).reverse();
    expect(audit.map((e) => e.action)).toEqual(['previewed', 'confirmed', 'posted']);
  });

  it('a double click landing on both instances posts once', async () => {
    const [a, b] = await startTwo();
    const id = postButtonValue(
      await command(fake, a.url, `announce registered nurse <#${ALL_HANDS}|all-hands>`, ADMIN),
    );
    const replies = nextResponses(fake, 2);
    const clicks = await Promise.all([
      blockAction(a.url, ACTIONS.hrPost, id, fake.responseUrl(), { user: ADMIN }),
      blockAction(b.url, ACTIONS.hrPost, id, fake.responseUrl(), { user: ADMIN }),
    ]);
    expect(clicks.map((r) => r.status)).toEqual([200, 200]);
    const texts = (await replies).map((r: RecordedCall) => String(r.body.text));
    // Both clicks are answered: the one that confirmed says it posted, the other where it stands.
    expect(texts.some((t) => t.includes(`Posted to <#${ALL_HANDS}>`))).toBe(true);
    expect(announcementPosts(fake, id)).toHaveLength(1);
    expect(fake.channels.get(ALL_HANDS)).toHaveLength(1);
    const actions = (await store.auditLog(10)).map((e) => e.action);
    expect(actions.filter((x) => x === 'confirmed')).toHaveLength(1);
    expect(actions.filter((x) => x === 'posted')).toHaveLength(1);
  });

  it('counts what people ask on every instance in one set of insights', async () => {
    const [a, b] = await startTwo();
    for (let i = 0; i < 6; i++) await command(fake, (i % 2 ? a : b).url, 'medical coder', `U0ASKER0${i}`);
    await until('six lookups are counted', async () => {
      const totals = await store.lookupTotals('2000-01-01', '2999-12-31');
      return totals.find((t) => t.id === 'medical-coder')?.count === 6;
    });
    expect(textOf(await command(fake, a.url, 'insights', ADMIN))).toContain('1. Medical Coder: 6');
  });
});

describe('schedules across instances', () => {
  async function addDailySpotlight(via: Instance) {
    const added = await command(fake, via.url, `schedule add daily 09:00 spotlight <#${ALL_HANDS}|all-hands>`, ADMIN);
    expect(String(added.body.text)).toContain('First run');
    const [schedule] = await store.schedules();
    if (!schedule) throw new Error('the schedule was not stored');
    return schedule;
  }

  it('with both instances up, a slot fires once', async () => {
    const [a, b] = await startTwo();
    const schedule = await addDailySpotlight(a);
    await moveClockTo(schedule.nextRunAt + 5_000);
    const reports = await Promise.all([a.tick(), b.tick()]);
    expect(reports.flatMap((r) => r.fired)).toEqual([{ schedule: schedule.id, outcome: 'sent' }]);
    expect(posts(fake, ALL_HANDS)).toHaveLength(1);
    // Later ticks of both find nothing more to do for that slot.
    const again = await Promise.all([a.tick(), b.tick()]);
    expect(again.flatMap((r) => [...r.fired, ...r.retried])).toEqual([]);
    expect(posts(fake, ALL_HANDS)).toHaveLength(1);
    expect((await store.getSchedule(schedule.id))?.nextRunAt).toBe(schedule.nextRunAt + 24 * 3_600_000);
  });

  it('still fires once when the instance that took the schedule is killed before the slot', async () => {
    const [a, b] = await startTwo();
    const schedule = await addDailySpotlight(a);
    await a.kill();
    await moveClockTo(schedule.nextRunAt + 5_000);
    expect((await b.tick()).fired).toEqual([{ schedule: schedule.id, outcome: 'sent' }]);
    expect((await b.tick()).fired).toEqual([]);
    const c = await startInstance(); // a replacement comes up: nothing left to post
    expect(await c.tick()).toMatchObject({ fired: [], retried: [] });
    expect(posts(fake, ALL_HANDS)).toHaveLength(1);
  });

  it('a digest whose instance is killed mid-send is completed once by the other', async () => {
    const [a, b] = await startTwo();
    const schedule = await addDailySpotlight(a);
    await moveClockTo(schedule.nextRunAt + 5_000);
    fake.hold('chat.postMessage', { acted: true });
    void a.tick().catch(() => {}); // it will not answer: it dies while Slack holds its answer
    await fake.waitForHeld();
    await a.kill();
    expect(await b.tick()).toMatchObject({ fired: [], retried: [] }); // the slot is claimed; its lease still runs
    await moveClockTo(Date.now() + offsetMs + LEASE_MS + 1_000);
    expect((await b.tick()).retried).toEqual(['sent']);
    expect(fake.channels.get(ALL_HANDS)).toHaveLength(1);
    expect(posts(fake, ALL_HANDS)).toHaveLength(1); // found in the channel, not posted again
  });
});

describe('an announcement interrupted by SIGKILL mid-send', () => {
  async function postThenDie(acted: boolean) {
    const [a, b] = await startTwo();
    const id = postButtonValue(await command(fake, a.url, 'announce medical coder', ADMIN));
    fake.hold('chat.postMessage', { acted });
    expect((await blockAction(a.url, ACTIONS.hrPost, id, fake.responseUrl(), { user: ADMIN })).status).toBe(200);
    await fake.waitForHeld();
    await a.kill();
    expect((await store.getOutbox(id))?.status).toBe('sending');
    // While the dead instance's lease runs, the other leaves the announcement alone ...
    expect((await b.tick()).retried).toEqual([]);
    // ... and once it has run out, completes it.
    await moveClockTo(Date.now() + offsetMs + LEASE_MS + 1_000);
    expect((await b.tick()).retried).toEqual(['sent']);
    expect((await b.tick()).retried).toEqual([]);
    return id;
  }

  it('after Slack took the post: the other instance finds it in the channel and does not post again', async () => {
    const id = await postThenDie(true);
    expect(fake.channels.get(HR_NEWS)).toHaveLength(1);
    expect(announcementPosts(fake, id)).toHaveLength(1);
    expect(fake.callsTo('conversations.history')).toHaveLength(1);
    const entry = await store.getOutbox(id);
    expect(entry).toMatchObject({ status: 'sent', ts: fake.channels.get(HR_NEWS)?.[0]?.ts, leaseOwner: null });
    expect((await store.auditLog(1))[0]).toMatchObject({
      action: 'posted',
      detail: 'found in the channel after an interrupted attempt; not posted again',
    });
  });

  it('before Slack acted on it: the other instance looks, finds nothing, and posts it once', async () => {
    const id = await postThenDie(false);
    expect(fake.channels.get(HR_NEWS)).toHaveLength(1);
    expect(announcementPosts(fake, id)).toHaveLength(2); // the dead instance's unanswered call and the one that counted
    expect(await store.getOutbox(id)).toMatchObject({ status: 'sent', attempts: 2 });
  });
});
