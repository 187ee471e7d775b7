// The Store contract: what the HR features, the Slack app and every instance rely on, run against each store
// (sqlite.test.ts, postgres.test.ts). "Two instances" are two stores opened on the same data.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../src/store/migrations.js';
import type { NewOutboxEntry, NewSchedule, Store } from '../../src/store/types.js';

export interface StoreBackend {
  /** A store on the current test's data; a second call is a second instance on the same data. */
  open(options?: { now?: () => number }): Promise<Store>;
  /** Fresh, empty data for the next test. */
  reset(): Promise<void>;
  /** The schema versions recorded in the data. */
  schemaVersions(): Promise<number[]>;
}

/** Every table the latest schema has. */
export const STORE_TABLES = [
  'outbox',
  'audit',
  'schedules',
  'state',
  'lookup_counts',
  'feedback_counts',
  'event_sightings',
  'thread_contexts',
];

/** A migration after the latest, as a later airisk would ship one. */
export const ADD_A_COLUMN = {
  version: migrations.length + 1,
  description: 'test: add a column',
  sqlite: 'ALTER TABLE state ADD COLUMN note TEXT',
  postgres: 'ALTER TABLE state ADD COLUMN note TEXT',
};

export const draft = (over: Partial<NewOutboxEntry> = {}): NewOutboxEntry => ({
  kind: 'role',
  subject: 'some-role',
  channel: 'C0HRNEWS',
  message: { text: 'hello', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'héllo <b>' } }] },
  status: 'draft',
  requestedBy: 'UADMIN',
  ...over,
});

const weekly = (over: Partial<NewSchedule> = {}): NewSchedule => ({
  kind: 'spotlight',
  pattern: '0 9 * * 1',
  cadence: 'weekly mon 09:00',
  timezone: 'UTC',
  channel: 'C0HRNEWS',
  createdBy: 'UADMIN',
  createdAt: 0,
  nextRunAt: 100,
  ...over,
});

const A = 'instance-a';
const B = 'instance-b';

export function storeContract(backend: StoreBackend): void {
  let opened: Store[] = [];
  const open = async (options?: { now?: () => number }) => {
    const store = await backend.open(options);
    opened.push(store);
    return store;
  };

  beforeEach(async () => {
    opened = [];
    await backend.reset();
  });
  afterEach(async () => {
    for (const s of opened) await s.close();
  });

  describe('schema', () => {
    it('is migrated to the latest version on open, once, and kept across reopen', async () => {
      const first = await open();
      const entry = await first.createOutbox(draft());
      await first.close();
      const second = await open();
      expect((await second.getOutbox(entry.id))?.message).toEqual(entry.message);
      expect(await backend.schemaVersions()).toEqual(migrations.map((m) => m.version));
    });
  });

  describe('outbox', () => {
    it('keeps what is posted byte for byte, and confirms a draft only once', async () => {
      const store = await open();
      const entry = await store.createOutbox(draft({ note: 'a note' }));
      expect(entry).toMatchObject({ status: 'draft', note: 'a note', attempts: 0, leaseOwner: null, scheduleId: null });
      expect(JSON.stringify((await store.getOutbox(entry.id))?.message)).toBe(JSON.stringify(draft().message));
      expect(await store.transition(entry.id, ['draft'], 'pending')).toBe(true);
      expect(await store.transition(entry.id, ['draft'], 'pending')).toBe(false);
      expect(await store.getOutbox('no-such-id')).toBeNull();
    });

    it('begins sending only under the lease, and marks sent with its state changes in one step', async () => {
      const store = await open();
      const entry = await store.createOutbox(
        draft({ onDelivered: [{ key: 'spotlight-last:C0HRNEWS', value: 'some-role' }] }),
      );
      expect(await store.transition(entry.id, ['draft'], 'pending', { lease: { owner: A, until: 5000 } })).toBe(true);
      expect(await store.beginSending(entry.id, B, 1000)).toBe(false);
      expect(await store.beginSending(entry.id, A, 1000)).toBe(true);
      expect(await store.beginSending(entry.id, A, 1001)).toBe(false);
      expect(await store.getState('spotlight-last:C0HRNEWS')).toBeNull();
      await store.markSent(entry.id, { ts: '1.000100', channel: 'C0HRNEWS', at: 2000 });
      expect(await store.getOutbox(entry.id)).toMatchObject({
        status: 'sent',
        ts: '1.000100',
        attempts: 1,
        attemptStartedAt: 1000,
        sentAt: 2000,
        leaseOwner: null,
        leaseUntil: null,
      });
      expect(await store.getState('spotlight-last:C0HRNEWS')).toBe('some-role');
      expect(await store.undelivered()).toEqual([]);
    });

    it('leases an entry to one instance at a time, until the lease runs out', async () => {
      const store = await open();
      const { id } = await store.createOutbox(draft({ status: 'pending' }));
      expect(await store.lease(id, { owner: A, until: 1000 }, 0)).toMatchObject({ leaseOwner: A, leaseUntil: 1000 });
      expect(await store.lease(id, { owner: B, until: 1500 }, 500)).toBeNull();
      expect(await store.lease(id, { owner: A, until: 2000 }, 900)).toMatchObject({ leaseUntil: 2000 }); // renewal
      expect(await store.lease(id, { owner: B, until: 3000 }, 2000)).toMatchObject({ leaseOwner: B }); // A stopped renewing
      expect(await store.lease(id, { owner: A, until: 3500 }, 2500)).toBeNull();
      expect(await store.lease(id, { owner: A, until: 3500 }, 2500, { takeOver: true })).toMatchObject({
        leaseOwner: A,
      });
      await store.releaseLease(id, B); // not B's any more: nothing happens
      expect((await store.getOutbox(id))?.leaseOwner).toBe(A);
      await store.releaseLease(id, A);
      expect(await store.getOutbox(id)).toMatchObject({ leaseOwner: null, leaseUntil: null });
      expect(await store.lease(id, { owner: B, until: 4000 }, 2600)).toMatchObject({ leaseOwner: B });
    });

    it('leases only what is pending or sending, and failing or cancelling releases the lease', async () => {
      const store = await open();
      const d = await store.createOutbox(draft());
      expect(await store.lease(d.id, { owner: A, until: 1000 }, 0)).toBeNull();
      const p = await store.createOutbox(draft({ status: 'pending', lease: { owner: A, until: 1000 } }));
      expect(p).toMatchObject({ leaseOwner: A, leaseUntil: 1000 });
      expect(await store.transition(p.id, ['pending'], 'failed', { error: 'nope', holder: B })).toBe(false);
      expect(await store.transition(p.id, ['pending'], 'failed', { error: 'not_in_channel', holder: A })).toBe(true);
      expect(await store.getOutbox(p.id)).toMatchObject({
        status: 'failed',
        error: 'not_in_channel',
        leaseOwner: null,
      });
      expect(await store.lease(p.id, { owner: A, until: 1000 }, 0)).toBeNull();
      expect(await store.transition(d.id, ['draft'], 'cancelled')).toBe(true);
      expect((await store.getOutbox(d.id))?.status).toBe('cancelled');
    });

    it('lists what was confirmed but not delivered, oldest first', async () => {
      let now = 10;
      const store = await open({ now: () => now++ });
      const a = await store.createOutbox(draft({ status: 'pending' }));
      const b = await store.createOutbox(draft({ status: 'pending', lease: { owner: A, until: 99 } }));
      await store.beginSending(b.id, A, 5);
      await store.createOutbox(draft());
      expect((await store.undelivered()).map((e) => [e.id, e.status])).toEqual([
        [a.id, 'pending'],
        [b.id, 'sending'],
      ]);
      expect((await store.recentOutbox(2)).map((e) => e.status)).toEqual(['draft', 'sending']);
    });

    it('updates a draft but not an entry that has moved on', async () => {
      const store = await open();
      const entry = await store.createOutbox(draft());
      const change = { message: { text: 'edited', blocks: [] }, note: 'hi', channel: 'C0OTHER', onDelivered: [] };
      expect(await store.updateDraft(entry.id, change)).toBe(true);
      expect(await store.getOutbox(entry.id)).toMatchObject({
        note: 'hi',
        channel: 'C0OTHER',
        message: { text: 'edited' },
      });
      await store.transition(entry.id, ['draft'], 'cancelled');
      expect(await store.updateDraft(entry.id, { ...change, note: 'late' })).toBe(false);
    });

    it('two instances clicking Post at once: one confirms and holds the lease', async () => {
      const a = await open();
      const b = await open();
      const { id } = await a.createOutbox(draft());
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          (i % 2 ? a : b).transition(id, ['draft'], 'pending', { lease: { owner: `click-${i}`, until: 9999 } }),
        ),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      const winner = `click-${results.indexOf(true)}`;
      expect((await b.getOutbox(id))?.leaseOwner).toBe(winner);
      const leases = await Promise.all([
        a.lease(id, { owner: A, until: 1 }, 0),
        b.lease(id, { owner: B, until: 1 }, 0),
      ]);
      expect(leases).toEqual([null, null]);
    });

    it('two instances taking over an abandoned entry at once: one gets it', async () => {
      const a = await open();
      const b = await open();
      const { id } = await a.createOutbox(draft({ status: 'pending', lease: { owner: 'dead', until: 100 } }));
      const taken = await Promise.all(
        Array.from({ length: 6 }, (_, i) => (i % 2 ? a : b).lease(id, { owner: `taker-${i}`, until: 5000 }, 200)),
      );
      expect(taken.filter((t) => t !== null)).toHaveLength(1);
    });
  });

  describe('audit log', () => {
    it('records who did what, newest first', async () => {
      const store = await open();
      await store.audit(
        { actor: 'UADMIN', action: 'previewed', channel: 'C1', outboxId: 'x', kind: 'role', subject: 's' },
        1,
      );
      await store.audit({ actor: 'schedule 3', action: 'posted', ts: '1.2', detail: 'found in the channel' }, 2);
      expect(await store.auditLog(5)).toEqual([
        expect.objectContaining({ at: 2, actor: 'schedule 3', action: 'posted', ts: '1.2', channel: null }),
        expect.objectContaining({ at: 1, actor: 'UADMIN', action: 'previewed', channel: 'C1', outboxId: 'x' }),
      ]);
      expect(await store.auditLog(1)).toHaveLength(1);
    });
  });

  describe('schedules', () => {
    it('claims a run once, recording its outbox entry in the same step', async () => {
      const store = await open();
      const schedule = await store.addSchedule(weekly());
      expect(schedule).toMatchObject({ kind: 'spotlight', nextRunAt: 100, lastRunAt: null });
      expect(await store.schedules()).toEqual([schedule]);
      const entry = draft({ status: 'pending', requestedBy: null, lease: { owner: A, until: 999 } });
      const first = await store.claimRun(schedule.id, { expectedNextRunAt: 100, nextRunAt: 200, at: 150, entry });
      const second = await store.claimRun(schedule.id, { expectedNextRunAt: 100, nextRunAt: 200, at: 150, entry });
      expect(first.claimed).toBe(true);
      expect(first.entry).toMatchObject({ status: 'pending', scheduleId: schedule.id, leaseOwner: A });
      expect(second).toEqual({ claimed: false, entry: null });
      expect(await store.getSchedule(schedule.id)).toMatchObject({ nextRunAt: 200, lastRunAt: 150 });
      expect(await store.undelivered()).toHaveLength(1);
      expect(await store.removeSchedule(schedule.id)).toBe(true);
      expect(await store.removeSchedule(schedule.id)).toBe(false);
      expect(await store.getSchedule(schedule.id)).toBeNull();
      const gone = await store.claimRun(schedule.id, { expectedNextRunAt: 200, nextRunAt: 300, at: 250, entry });
      expect(gone.claimed).toBe(false);
    });

    it('a slot claimed by several instances at once fires once', async () => {
      const a = await open();
      const b = await open();
      const schedule = await a.addSchedule(weekly());
      const entry = draft({ status: 'pending', requestedBy: null });
      const claims = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          (i % 2 ? a : b).claimRun(schedule.id, { expectedNextRunAt: 100, nextRunAt: 200, at: 150, entry }),
        ),
      );
      expect(claims.filter((c) => c.claimed)).toHaveLength(1);
      expect(await a.undelivered()).toHaveLength(1);
    });
  });

  describe('usage counts', () => {
    it('adds up lookups and votes over a range of days', async () => {
      const store = await open();
      for (let i = 0; i < 3; i++) await store.countLookup({ kind: 'role', id: 'a' }, '2026-03-01');
      await store.countLookup({ kind: 'role', id: 'a' }, '2026-03-05');
      await store.countLookup({ kind: 'faq', id: 'q' }, '2026-03-05');
      await store.countLookup({ kind: 'role', id: 'b' }, '2026-02-01');
      await store.countFeedback({ kind: 'role', id: 'a' }, true, '2026-03-02');
      await store.countFeedback({ kind: 'role', id: 'a' }, false, '2026-03-02');
      await store.countFeedback({ kind: 'role', id: 'a' }, true, '2026-03-03');
      expect(await store.lookupTotals('2026-03-01', '2026-03-31')).toEqual([
        { kind: 'role', id: 'a', count: 4 },
        { kind: 'faq', id: 'q', count: 1 },
      ]);
      expect(await store.feedbackTotals('2026-03-01', '2026-03-31')).toEqual([
        { kind: 'role', id: 'a', helpful: 2, notHelpful: 1 },
      ]);
    });

    it('loses no count when instances count the same thing at once', async () => {
      const a = await open();
      const b = await open();
      await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).countLookup({ kind: 'role', id: 'a' }, '2026-03-01')),
      );
      expect(await a.lookupTotals('2026-03-01', '2026-03-01')).toEqual([{ kind: 'role', id: 'a', count: 20 }]);
    });
  });

  describe('Events API dedupe', () => {
    it('takes an event id once, counts the retries turned away, and forgets it after the expiry', async () => {
      const store = await open();
      expect(await store.eventRetries('Ev1', 0)).toBeNull();
      expect(await store.firstSighting('Ev1', 1000, 60_000)).toBe(true);
      expect(await store.firstSighting('Ev1', 2000, 60_000)).toBe(false);
      expect(await store.firstSighting('Ev1', 3000, 60_000)).toBe(false);
      expect(await store.eventRetries('Ev1', 3000)).toBe(2);
      expect(await store.firstSighting('Ev2', 3000, 60_000)).toBe(true);
      // Expired: seen anew, counted from zero.
      expect(await store.eventRetries('Ev1', 61_000)).toBeNull();
      expect(await store.firstSighting('Ev1', 61_000, 60_000)).toBe(true);
      expect(await store.eventRetries('Ev1', 61_000)).toBe(0);
    });

    it('a retry racing the original across instances is taken once', async () => {
      const a = await open();
      const b = await open();
      const sightings = await Promise.all(
        Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).firstSighting('EvRace', 1000, 60_000)),
      );
      expect(sightings.filter(Boolean)).toHaveLength(1);
      expect(await a.eventRetries('EvRace', 1000)).toBe(9);
    });
  });

  describe('assistant thread context', () => {
    it('gets and replaces a thread context by channel and thread, until it expires', async () => {
      const store = await open();
      expect(await store.getThreadContext('D1', '1.1', 0)).toBeNull();
      await store.setThreadContext('D1', '1.1', { channel_id: 'C9', team_id: 'T1' }, 1000, 60_000);
      await store.setThreadContext('D1', '2.2', { channel_id: 'C8' }, 1000, 60_000);
      expect(await store.getThreadContext('D1', '1.1', 2000)).toEqual({ channel_id: 'C9', team_id: 'T1' });
      await store.setThreadContext('D1', '1.1', { channel_id: 'C7', note: 'émoji 🎉' }, 3000, 60_000);
      expect(await store.getThreadContext('D1', '1.1', 4000)).toEqual({ channel_id: 'C7', note: 'émoji 🎉' });
      expect(await store.getThreadContext('D2', '1.1', 4000)).toBeNull();
      expect(await store.getThreadContext('D1', '2.2', 61_000)).toBeNull();
      expect(await store.getThreadContext('D1', '1.1', 62_000)).not.toBeNull(); // renewed at 3000
    });

    it('is shared between instances', async () => {
      const a = await open();
      const b = await open();
      await a.setThreadContext('D1', '1.1', { channel_id: 'C9' }, 1000, 60_000);
      expect(await b.getThreadContext('D1', '1.1', 2000)).toEqual({ channel_id: 'C9' });
    });
  });

  describe('housekeeping', () => {
    it('purges expired event ids and thread contexts, and nothing live', async () => {
      const store = await open();
      await store.firstSighting('EvOld', 0, 1000);
      await store.firstSighting('EvNew', 0, 10_000);
      await store.setThreadContext('D1', 'old', { a: 1 }, 0, 1000);
      await store.setThreadContext('D1', 'new', { a: 2 }, 0, 10_000);
      expect(await store.purgeExpired(5000)).toEqual({ events: 1, threads: 1 });
      expect(await store.eventRetries('EvNew', 5000)).toBe(0);
      expect(await store.getThreadContext('D1', 'new', 5000)).toEqual({ a: 2 });
      expect(await store.purgeExpired(5000)).toEqual({ events: 0, threads: 0 });
    });
  });
}
