// The SQLite store: created and migrated on open, WAL, durable across reopen, and its compare-and-set steps
// (confirm, claim a schedule run) succeed exactly once.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../src/store/migrations.js';
import { openSqliteStore, StoreOpenError } from '../../src/store/sqlite.js';
import type { NewOutboxEntry, Store } from '../../src/store/types.js';

let dir: string;
let opened: Store[];
const open = (path = join(dir, 'nested', 'airisk.sqlite')) => {
  const store = openSqliteStore(path);
  opened.push(store);
  return store;
};
const draft = (over: Partial<NewOutboxEntry> = {}): NewOutboxEntry => ({
  kind: 'role',
  subject: 'some-role',
  channel: 'C0HRNEWS',
  message: { text: 'hello', blocks: [{ type: 'section' }] },
  status: 'draft',
  requestedBy: 'UADMIN',
  ...over,
});

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'airisk-store-'));
  opened = [];
});
afterEach(() => {
  for (const s of opened) s.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('opening the store', () => {
  it('creates the file and its folder, migrates to the latest schema and uses WAL', () => {
    const path = join(dir, 'nested', 'airisk.sqlite');
    open(path).close();
    const db = new Database(path, { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      const versions = db.prepare('SELECT version FROM schema_version ORDER BY version').all() as { version: number }[];
      expect(versions.map((v) => v.version)).toEqual(migrations.map((m) => m.version));
      const tables = (
        db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]
      ).map((t) => t.name);
      expect(tables).toEqual(
        expect.arrayContaining(['outbox', 'audit', 'schedules', 'state', 'lookup_counts', 'feedback_counts']),
      );
    } finally {
      db.close();
    }
  });

  it('keeps data across reopen and applies only migrations it has not applied yet', () => {
    const path = join(dir, 'a.sqlite');
    const first = open(path);
    const entry = first.createOutbox(draft());
    first.close();
    const extra = [
      ...migrations,
      {
        version: migrations.length + 1,
        description: 'test: add a column',
        sql: 'ALTER TABLE state ADD COLUMN note TEXT',
      },
    ];
    const second = openSqliteStore(path, { migrations: extra });
    opened.push(second);
    expect(second.getOutbox(entry.id)?.message.text).toBe('hello');
    second.close();
    const db = new Database(path, { readonly: true });
    expect((db.prepare('SELECT COUNT(*) AS n FROM schema_version').get() as { n: number }).n).toBe(extra.length);
    db.close();
  });

  it('refuses a database written by a newer version, saying what to do', () => {
    const path = join(dir, 'newer.sqlite');
    open(path).close();
    const db = new Database(path);
    db.prepare('INSERT INTO schema_version (version, description, applied_at) VALUES (99, ?, 0)').run(
      'from the future',
    );
    db.close();
    expect(() => openSqliteStore(path)).toThrow(StoreOpenError);
    expect(() => openSqliteStore(path)).toThrow(/schema version 99.*only knows up to 1.*AIRISK_DB_PATH/);
  });

  it('names the path when the file cannot be opened', () => {
    const blocker = join(dir, 'not-a-folder');
    writeFileSync(blocker, 'x');
    chmodSync(blocker, 0o400);
    expect(() => openSqliteStore(join(blocker, 'airisk.sqlite'))).toThrow(
      new RegExp(`Cannot open the database at ${blocker.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*AIRISK_DB_PATH`),
    );
  });
});

describe('outbox', () => {
  it('confirms a draft only once and marks it sent with its state changes in one step', () => {
    const store = open();
    const entry = store.createOutbox(draft({ onDelivered: [{ key: 'spotlight-last:C0HRNEWS', value: 'some-role' }] }));
    expect(entry.status).toBe('draft');
    expect(store.transition(entry.id, ['draft'], 'pending')).toBe(true);
    expect(store.transition(entry.id, ['draft'], 'pending')).toBe(false);
    expect(store.beginSending(entry.id, 1000)).toBe(true);
    expect(store.beginSending(entry.id, 1001)).toBe(false);
    expect(store.getState('spotlight-last:C0HRNEWS')).toBeNull();
    store.markSent(entry.id, { ts: '1.000100', channel: 'C0HRNEWS', at: 2000 });
    expect(store.getOutbox(entry.id)).toMatchObject({
      status: 'sent',
      ts: '1.000100',
      attempts: 1,
      attemptStartedAt: 1000,
      sentAt: 2000,
    });
    expect(store.getState('spotlight-last:C0HRNEWS')).toBe('some-role');
    expect(store.undelivered()).toEqual([]);
  });

  it('lists what was confirmed but not delivered, oldest first', () => {
    const store = open();
    const a = store.createOutbox(draft({ status: 'pending' }));
    const b = store.createOutbox(draft({ status: 'pending' }));
    store.beginSending(b.id, 5);
    store.createOutbox(draft());
    expect(store.undelivered().map((e) => [e.id, e.status])).toEqual([
      [a.id, 'pending'],
      [b.id, 'sending'],
    ]);
  });

  it('updates a draft but not an entry that has moved on', () => {
    const store = open();
    const entry = store.createOutbox(draft());
    expect(
      store.updateDraft(entry.id, {
        message: { text: 'edited', blocks: [] },
        note: 'hi',
        channel: 'C0OTHER',
        onDelivered: [],
      }),
    ).toBe(true);
    expect(store.getOutbox(entry.id)).toMatchObject({ note: 'hi', channel: 'C0OTHER', message: { text: 'edited' } });
    store.transition(entry.id, ['draft'], 'cancelled');
    expect(
      store.updateDraft(entry.id, {
        message: { text: 'late', blocks: [] },
        note: null,
        channel: 'C0OTHER',
        onDelivered: [],
      }),
    ).toBe(false);
  });
});

describe('schedules', () => {
  it('claims a run once, recording its outbox entry in the same step', () => {
    const store = open();
    const schedule = store.addSchedule({
      kind: 'spotlight',
      pattern: '0 9 * * 1',
      cadence: 'weekly mon 09:00',
      timezone: 'UTC',
      channel: 'C0HRNEWS',
      createdBy: 'UADMIN',
      createdAt: 0,
      nextRunAt: 100,
    });
    const entry = draft({ status: 'pending', requestedBy: null });
    const first = store.claimRun(schedule.id, { expectedNextRunAt: 100, nextRunAt: 200, at: 150, entry });
    const second = store.claimRun(schedule.id, { expectedNextRunAt: 100, nextRunAt: 200, at: 150, entry });
    expect(first.claimed).toBe(true);
    expect(first.entry).toMatchObject({ status: 'pending', scheduleId: schedule.id });
    expect(second).toEqual({ claimed: false, entry: null });
    expect(store.getSchedule(schedule.id)).toMatchObject({ nextRunAt: 200, lastRunAt: 150 });
    expect(store.undelivered()).toHaveLength(1);
    expect(store.removeSchedule(schedule.id)).toBe(true);
    expect(store.claimRun(schedule.id, { expectedNextRunAt: 200, nextRunAt: 300, at: 250, entry }).claimed).toBe(false);
  });
});

describe('usage counts', () => {
  it('adds up lookups and votes over a range of days', () => {
    const store = open();
    for (let i = 0; i < 3; i++) store.countLookup({ kind: 'role', id: 'a' }, '2026-03-01');
    store.countLookup({ kind: 'role', id: 'a' }, '2026-03-05');
    store.countLookup({ kind: 'faq', id: 'q' }, '2026-03-05');
    store.countLookup({ kind: 'role', id: 'b' }, '2026-02-01');
    store.countFeedback({ kind: 'role', id: 'a' }, true, '2026-03-02');
    store.countFeedback({ kind: 'role', id: 'a' }, false, '2026-03-02');
    store.countFeedback({ kind: 'role', id: 'a' }, true, '2026-03-03');
    expect(store.lookupTotals('2026-03-01', '2026-03-31')).toEqual([
      { kind: 'role', id: 'a', count: 4 },
      { kind: 'faq', id: 'q', count: 1 },
    ]);
    expect(store.feedbackTotals('2026-03-01', '2026-03-31')).toEqual([
      { kind: 'role', id: 'a', helpful: 2, notHelpful: 1 },
    ]);
  });
});
