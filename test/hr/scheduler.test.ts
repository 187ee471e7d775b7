// Schedules: cadences read from what admins type, runs at the right local time (across DST), survive a
// restart, fire once for any number of missed slots, rotate the spotlight and diff the knowledge base.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { announcementRenderer } from '../../src/renderers/blockkit/hr.js';
import { nextRunAfter } from '../../src/hr/cadence.js';
import { parseCadence } from '../../src/requests/cadence.js';
import { createDelivery } from '../../src/hr/delivery.js';
import { createScheduler } from '../../src/hr/scheduler.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/types.js';
import { FakeSlack, ManualClock, TestKnowledge } from './fakes.js';

const CHANNEL = 'C0HRNEWS';
const TZ = 'Europe/Paris';
let dir: string;
let stores: Store[];
let clock: ManualClock;
let slack: FakeSlack;
let knowledge: TestKnowledge;

const openStore = () => {
  const store = openSqliteStore(join(dir, 'airisk.sqlite'), { now: () => clock.now() });
  stores.push(store);
  return store;
};
/** One app process's scheduler on the shared database file. */
const boot = (store = openStore()) => {
  const delivery = createDelivery({ store, slack, clock });
  return {
    store,
    scheduler: createScheduler({
      store,
      delivery,
      clock,
      compose: { view: knowledge, store, render: announcementRenderer(TZ), now: () => clock.now() },
    }),
  };
};
const addSchedule = (store: Store, cadence: string, kind: 'spotlight' | 'digest') => {
  const parsed = parseCadence(cadence.split(' '));
  if (!parsed.ok) throw new Error(parsed.error);
  return store.addSchedule({
    kind,
    pattern: parsed.cadence.pattern,
    cadence: parsed.cadence.text,
    timezone: TZ,
    channel: CHANNEL,
    createdBy: 'UADMIN',
    createdAt: clock.now(),
    nextRunAt: nextRunAfter(parsed.cadence.pattern, TZ, clock.now()),
  });
};
/** The first line a reader sees in a posted message. */
const firstLineOf = (blocks: unknown[]) => (blocks[0] as { text: { text: string } }).text.text;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'airisk-schedules-'));
  stores = [];
  clock = new ManualClock(Date.parse('2026-03-25T12:00:00Z')); // a Wednesday, Paris on winter time (UTC+1)
  slack = new FakeSlack(clock).join(CHANNEL);
  knowledge = new TestKnowledge(
    [
      { id: 'test-role-a', title: 'Test Role A', score: 12 },
      { id: 'test-role-b', title: 'Test Role B', score: 40 },
      { id: 'test-role-c', title: 'Test Role C', score: 60 },
    ],
    [['test-faq-1', 'A first test question?']],
  );
});
afterEach(async () => {
  for (const s of stores) await s.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('cadences', () => {
  it('reads the cadences admins type', () => {
    const read = (text: string) => {
      const r = parseCadence(text.split(' '));
      return r.ok ? [r.cadence.text, r.cadence.pattern, r.rest.join(' ')] : r.error;
    };
    expect(read('weekly Monday 9:00 spotlight')).toEqual(['weekly mon 09:00', '0 9 * * 1', 'spotlight']);
    expect(read('daily 17:30 digest')).toEqual(['daily 17:30', '30 17 * * *', 'digest']);
    expect(read('weekdays 08:05')).toEqual(['weekdays 08:05', '5 8 * * 1-5', '']);
    expect(read('monthly 1 09:00')).toEqual(['monthly 1 09:00', '0 9 1 * *', '']);
    expect(read('weekly someday 09:00')).toMatch(/I need a day after "weekly"/);
    expect(read('weekly mon 9am')).toMatch(/I need a time like 09:00.*not "9am"/);
    expect(read('monthly 31 09:00')).toMatch(/from 1 to 28/);
    expect(read('hourly')).toMatch(/I don't know the cadence "hourly"/);
  });
});

describe('the scheduler', () => {
  it('fires at 09:00 Paris time, not before, across the change to summer time', async () => {
    const { store, scheduler } = boot();
    const schedule = await addSchedule(store, 'weekly mon 09:00', 'spotlight');
    expect(new Date(schedule.nextRunAt).toISOString()).toBe('2026-03-30T07:00:00.000Z'); // 09:00 CEST, after the 29 March change
    clock.set('2026-03-30T06:59:00Z');
    expect((await scheduler.tick()).fired).toEqual([]);
    expect(slack.allPosts()).toHaveLength(0);
    clock.set('2026-03-30T07:00:20Z');
    const report = await scheduler.tick();
    expect(report.fired.map((f) => f.outcome?.status)).toEqual(['sent']);
    expect(slack.allPosts()).toHaveLength(1);
    expect(new Date((await store.getSchedule(schedule.id))?.nextRunAt ?? 0).toISOString()).toBe(
      '2026-04-06T07:00:00.000Z',
    );
    expect((await scheduler.tick()).fired).toEqual([]);
    expect(slack.allPosts()).toHaveLength(1);
  });

  it('survives a restart: a schedule added before is run by the next process', async () => {
    const first = boot();
    await addSchedule(first.store, 'daily 09:00', 'spotlight');
    await first.store.close();
    clock.set('2026-03-26T08:00:30Z'); // 09:00 in Paris (UTC+1)
    const second = boot();
    await second.scheduler.tick();
    expect(slack.allPosts()).toHaveLength(1);
    expect((await second.store.auditLog(10)).map((a) => a.action)).toEqual(['posted', 'confirmed']);
  });

  it('posts once, not once per slot, after being down for three weeks', async () => {
    const { store, scheduler } = boot();
    const schedule = await addSchedule(store, 'daily 09:00', 'spotlight');
    await store.close();
    clock.set('2026-04-16T15:00:00Z');
    const again = boot();
    const report = await again.scheduler.tick();
    expect(report.fired).toHaveLength(1);
    expect(slack.allPosts()).toHaveLength(1);
    expect(new Date((await again.store.getSchedule(schedule.id))?.nextRunAt ?? 0).toISOString()).toBe(
      '2026-04-17T07:00:00.000Z',
    );
    await again.scheduler.tick();
    await scheduler.stop();
    expect(slack.allPosts()).toHaveLength(1);
  });

  it('rotates the spotlight through the curated roles, and a failed post does not skip one', async () => {
    const { store, scheduler } = boot();
    await addSchedule(store, 'daily 09:00', 'spotlight');
    const titles: string[] = [];
    for (let day = 26; day <= 30; day++) {
      clock.set(`2026-03-${day}T09:00:00Z`);
      if (day === 27) slack.members.delete(CHANNEL); // someone removed the bot that day
      if (day === 28) slack.join(CHANNEL);
      await scheduler.tick();
    }
    for (const post of slack.allPosts()) titles.push(firstLineOf(post.blocks));
    expect(titles).toEqual([
      '🔦 *Role spotlight: Test Role A*',
      '🔦 *Role spotlight: Test Role B*',
      '🔦 *Role spotlight: Test Role C*',
      '🔦 *Role spotlight: Test Role A*',
    ]);
    expect((await store.auditLog(50)).filter((a) => a.action === 'failed')).toHaveLength(1);
  });

  it('digests what changed since the last digest, and skips a digest with nothing new', async () => {
    const { store, scheduler } = boot();
    await addSchedule(store, 'weekly mon 09:00', 'digest');
    clock.set('2026-03-30T07:00:00Z');
    await scheduler.tick();
    const first = slack.allPosts()[0];
    expect(JSON.stringify(first?.blocks)).toContain('first digest in this channel');
    expect(JSON.stringify(first?.blocks)).toContain('Test Role A');

    knowledge.roles.set('test-role-b', { id: 'test-role-b', title: 'Test Role B', score: 44.5 });
    knowledge.roles.set('test-role-d', { id: 'test-role-d', title: 'Test Role D', score: 70 });
    knowledge.faqList.set('test-faq-2', 'A second test question?');
    clock.set('2026-04-06T07:00:00Z');
    await scheduler.tick();
    const second = JSON.stringify(slack.allPosts()[1]?.blocks);
    expect(second).toContain('*Test Role D*: 70');
    expect(second).toContain('*Test Role B*: 40 → 44.5');
    expect(second).toContain('A second test question?');
    expect(second).not.toContain('Test Role A');
    expect(second).not.toContain('A first test question?');

    clock.set('2026-04-13T07:00:00Z');
    const report = await scheduler.tick();
    expect(report.fired[0]?.skipped).toMatch(/nothing changed/);
    expect(slack.allPosts()).toHaveLength(2);
    expect((await store.auditLog(1))[0]).toMatchObject({
      action: 'skipped',
      actor: expect.stringMatching(/^schedule \d+$/),
    });
  });
});
