// The Store on SQLite (better-sqlite3): one file, created and migrated on open, WAL mode with full sync so a
// confirmed announcement is on disk before it is handed to Slack. For one instance per file: better-sqlite3 is
// synchronous underneath, and each method resolves with what one statement or transaction did.
// What is written on every request (usage counts, event sightings, thread context) goes through a second
// connection without the sync to disk at each commit: still safe when the process crashes, and a power cut
// could at worst lose the last few counts, while an fsync per answer would stall the event loop (a few ms each).
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { migrations as allMigrations, orderedMigrations, type Migration } from './migrations.js';
import {
  endsWork,
  newerSchemaError,
  StoreOpenError,
  toAudit,
  toOutbox,
  toSchedule,
  type AuditRow,
  type OutboxRow,
  type ScheduleRow,
} from './rows.js';
import type { FeedbackCount, NewOutboxEntry, OutboxEntry, StateChange, Store, SubjectCount } from './types.js';

export { StoreOpenError } from './rows.js';

/** Opens (creating and migrating as needed) the store at `path`; ":memory:" gives a throwaway store. */
export function openSqliteStore(path: string, options: { migrations?: Migration[]; now?: () => number } = {}): Store {
  const location = path === ':memory:' ? path : resolve(path);
  const now = options.now ?? Date.now;
  let db: Database.Database;
  try {
    if (location !== ':memory:') mkdirSync(dirname(location), { recursive: true });
    db = new Database(location);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
  } catch (err) {
    throw new StoreOpenError(`Cannot open the database at ${location} (AIRISK_DB_PATH): ${(err as Error).message}`, {
      cause: err,
    });
  }
  try {
    migrate(db, options.migrations ?? allMigrations, location, now);
  } catch (err) {
    db.close();
    throw err;
  }

  // ':memory:' is a database per connection, so there the one connection does both.
  let light = db;
  if (location !== ':memory:') {
    light = new Database(location);
    light.pragma('synchronous = NORMAL');
    light.pragma('busy_timeout = 5000');
  }

  const stmt = {
    insertOutbox: db.prepare(
      `INSERT INTO outbox (id, kind, subject, channel, message_json, note, status, requested_by, schedule_id, created_at, on_delivered_json, lease_owner, lease_until)
       VALUES (@id, @kind, @subject, @channel, @message_json, @note, @status, @requested_by, @schedule_id, @created_at, @on_delivered_json, @lease_owner, @lease_until)`,
    ),
    getOutbox: db.prepare<[string], OutboxRow>('SELECT * FROM outbox WHERE id = ?'),
    updateDraft: db.prepare(
      `UPDATE outbox SET message_json = ?, note = ?, channel = ?, on_delivered_json = ? WHERE id = ? AND status = ` +
        `'draft'`,
    ),
    lease: db.prepare(
      `UPDATE outbox SET lease_owner = @owner, lease_until = @until
       WHERE id = @id AND status IN ('pending', 'sending')
         AND (@takeOver = 1 OR lease_owner IS NULL OR lease_owner = @owner OR lease_until <= @at)`,
    ),
    releaseLease: db.prepare(
      'UPDATE outbox SET lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?',
    ),
    beginSending: db.prepare(
      `UPDATE outbox SET status = 'sending', attempts = attempts + 1, attempt_started_at = ?, error = NULL
       WHERE id = ? AND status = 'pending' AND lease_owner = ?`,
    ),
    markSent: db.prepare(
      `UPDATE outbox SET status = 'sent', ts = ?, channel = ?, sent_at = ?, error = NULL, lease_owner = NULL, lease_until = NULL
       WHERE id = ?`,
    ),
    undelivered: db.prepare<[], OutboxRow>(
      `SELECT * FROM outbox WHERE status IN ('pending', 'sending') ORDER BY created_at`,
    ),
    recentOutbox: db.prepare<[number], OutboxRow>('SELECT * FROM outbox ORDER BY created_at DESC LIMIT ?'),
    putState: db.prepare(
      'INSERT INTO state (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = ' +
        'excluded.value, updated_at = excluded.updated_at',
    ),
    getState: db.prepare<[string], { value: string }>('SELECT value FROM state WHERE key = ?'),
    insertAudit: db.prepare(
      `INSERT INTO audit (at, actor, action, channel, outbox_id, kind, subject, ts, detail)
       VALUES (@at, @actor, @action, @channel, @outbox_id, @kind, @subject, @ts, @detail)`,
    ),
    auditLog: db.prepare<[number], AuditRow>('SELECT * FROM audit ORDER BY id DESC LIMIT ?'),
    insertSchedule: db.prepare(
      `INSERT INTO schedules (kind, pattern, cadence, timezone, channel, created_by, created_at, next_run_at)
       VALUES (@kind, @pattern, @cadence, @timezone, @channel, @created_by, @created_at, @next_run_at)`,
    ),
    schedules: db.prepare<[], ScheduleRow>('SELECT * FROM schedules ORDER BY id'),
    getSchedule: db.prepare<[number], ScheduleRow>('SELECT * FROM schedules WHERE id = ?'),
    removeSchedule: db.prepare('DELETE FROM schedules WHERE id = ?'),
    advanceSchedule: db.prepare(
      'UPDATE schedules SET next_run_at = ?, last_run_at = ? WHERE id = ? AND next_run_at = ?',
    ),
    countLookup: light.prepare(
      `INSERT INTO lookup_counts (day, kind, subject_id, count) VALUES (?, ?, ?, 1)
       ON CONFLICT (day, kind, subject_id) DO UPDATE SET count = count + 1`,
    ),
    countHelpful: light.prepare(
      `INSERT INTO feedback_counts (day, kind, subject_id, helpful) VALUES (?, ?, ?, 1)
       ON CONFLICT (day, kind, subject_id) DO UPDATE SET helpful = helpful + 1`,
    ),
    countNotHelpful: light.prepare(
      `INSERT INTO feedback_counts (day, kind, subject_id, not_helpful) VALUES (?, ?, ?, 1)
       ON CONFLICT (day, kind, subject_id) DO UPDATE SET not_helpful = not_helpful + 1`,
    ),
    lookupTotals: db.prepare<[string, string], SubjectCount>(
      `SELECT kind, subject_id AS id, SUM(count) AS count FROM lookup_counts WHERE day BETWEEN ? AND ?
       GROUP BY kind, subject_id ORDER BY count DESC, subject_id`,
    ),
    feedbackTotals: db.prepare<[string, string], FeedbackCount>(
      `SELECT kind, subject_id AS id, SUM(helpful) AS helpful, SUM(not_helpful) AS notHelpful FROM feedback_counts
       WHERE day BETWEEN ? AND ? GROUP BY kind, subject_id ORDER BY subject_id`,
    ),
    // An expired sighting counts as none: the event is taken again, and its count starts over.
    sighting: light.prepare<{ id: string; at: number; expires: number }, { retries: number }>(
      `INSERT INTO event_sightings (event_id, first_seen_at, expires_at, retries) VALUES (@id, @at, @expires, 0)
       ON CONFLICT (event_id) DO UPDATE SET
         retries = CASE WHEN event_sightings.expires_at <= @at THEN 0 ELSE event_sightings.retries + 1 END,
         first_seen_at = CASE WHEN event_sightings.expires_at <= @at THEN @at ELSE event_sightings.first_seen_at END,
         expires_at = CASE WHEN event_sightings.expires_at <= @at THEN @expires ELSE event_sightings.expires_at END
       RETURNING retries`,
    ),
    eventRetries: db.prepare<[string, number], { retries: number }>(
      'SELECT retries FROM event_sightings WHERE event_id = ? AND expires_at > ?',
    ),
    getThread: db.prepare<[string, string, number], { context_json: string }>(
      'SELECT context_json FROM thread_contexts WHERE channel = ? AND thread_ts = ? AND expires_at > ?',
    ),
    setThread: light.prepare(
      `INSERT INTO thread_contexts (channel, thread_ts, context_json, updated_at, expires_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (channel, thread_ts) DO UPDATE SET context_json = excluded.context_json,
         updated_at = excluded.updated_at, expires_at = excluded.expires_at`,
    ),
    purgeEvents: light.prepare('DELETE FROM event_sightings WHERE expires_at <= ?'),
    purgeThreads: light.prepare('DELETE FROM thread_contexts WHERE expires_at <= ?'),
  };

  const get = (id: string): OutboxEntry | null => {
    const row = stmt.getOutbox.get(id);
    return row ? toOutbox(row) : null;
  };

  const insertOutbox = (entry: NewOutboxEntry): OutboxEntry => {
    const id = randomUUID();
    stmt.insertOutbox.run({
      id,
      kind: entry.kind,
      subject: entry.subject,
      channel: entry.channel,
      message_json: JSON.stringify(entry.message),
      note: entry.note ?? null,
      status: entry.status,
      requested_by: entry.requestedBy,
      schedule_id: entry.scheduleId ?? null,
      created_at: now(),
      on_delivered_json: JSON.stringify(entry.onDelivered ?? []),
      lease_owner: entry.lease?.owner ?? null,
      lease_until: entry.lease?.until ?? null,
    });
    return get(id) as OutboxEntry;
  };

  const markSent = db.transaction((id: string, delivery: { ts: string; channel: string; at: number }) => {
    const row = stmt.getOutbox.get(id);
    if (!row) throw new Error(`No outbox entry ${id}`);
    stmt.markSent.run(delivery.ts, delivery.channel, delivery.at, id);
    for (const change of JSON.parse(row.on_delivered_json) as StateChange[])
      stmt.putState.run(change.key, change.value, delivery.at);
  });

  const claimRun = db.transaction(
    (id: number, run: { expectedNextRunAt: number; nextRunAt: number; at: number; entry: NewOutboxEntry | null }) => {
      const claimed = stmt.advanceSchedule.run(run.nextRunAt, run.at, id, run.expectedNextRunAt).changes === 1;
      return { claimed, entry: claimed && run.entry ? insertOutbox({ ...run.entry, scheduleId: id }) : null };
    },
  );

  return {
    location,
    shared: false,
    createOutbox: async (entry) => insertOutbox(entry),
    getOutbox: async (id) => get(id),
    updateDraft: async (id, change) =>
      stmt.updateDraft.run(
        JSON.stringify(change.message),
        change.note,
        change.channel,
        JSON.stringify(change.onDelivered),
        id,
      ).changes === 1,
    transition: async (id, from, to, options = {}) => {
      const lease = options.lease
        ? { sql: ', lease_owner = ?, lease_until = ?', params: [options.lease.owner, options.lease.until] }
        : endsWork(to)
          ? { sql: ', lease_owner = NULL, lease_until = NULL', params: [] }
          : { sql: '', params: [] };
      const holder = options.holder
        ? { sql: ' AND lease_owner = ?', params: [options.holder] }
        : { sql: '', params: [] };
      const sql =
        `UPDATE outbox SET status = ?, error = ?${lease.sql} WHERE id = ? AND status IN ` +
        `(${from.map(() => '?').join(', ')})${holder.sql}`;
      return (
        db.prepare(sql).run(to, options.error ?? null, ...lease.params, id, ...from, ...holder.params).changes === 1
      );
    },
    lease: async (id, lease, at, options = {}) =>
      stmt.lease.run({ id, owner: lease.owner, until: lease.until, at, takeOver: options.takeOver ? 1 : 0 }).changes ===
      1
        ? get(id)
        : null,
    releaseLease: async (id, owner) => {
      stmt.releaseLease.run(id, owner);
    },
    beginSending: async (id, owner, at) => stmt.beginSending.run(at, id, owner).changes === 1,
    markSent: async (id, delivery) => markSent(id, delivery),
    undelivered: async () => stmt.undelivered.all().map(toOutbox),
    recentOutbox: async (limit) => stmt.recentOutbox.all(limit).map(toOutbox),

    audit: async (entry, at) => {
      stmt.insertAudit.run({
        at,
        actor: entry.actor,
        action: entry.action,
        channel: entry.channel ?? null,
        outbox_id: entry.outboxId ?? null,
        kind: entry.kind ?? null,
        subject: entry.subject ?? null,
        ts: entry.ts ?? null,
        detail: entry.detail ?? null,
      });
    },
    auditLog: async (limit) => stmt.auditLog.all(limit).map(toAudit),

    addSchedule: async (s) => {
      const { lastInsertRowid } = stmt.insertSchedule.run({
        kind: s.kind,
        pattern: s.pattern,
        cadence: s.cadence,
        timezone: s.timezone,
        channel: s.channel,
        created_by: s.createdBy,
        created_at: s.createdAt,
        next_run_at: s.nextRunAt,
      });
      return toSchedule(stmt.getSchedule.get(Number(lastInsertRowid)) as ScheduleRow);
    },
    schedules: async () => stmt.schedules.all().map(toSchedule),
    getSchedule: async (id) => {
      const row = stmt.getSchedule.get(id);
      return row ? toSchedule(row) : null;
    },
    removeSchedule: async (id) => stmt.removeSchedule.run(id).changes === 1,
    claimRun: async (id, run) => claimRun(id, run),

    getState: async (key) => stmt.getState.get(key)?.value ?? null,

    countLookup: async (subject, day) => {
      stmt.countLookup.run(day, subject.kind, subject.id);
    },
    countFeedback: async (subject, helpful, day) => {
      (helpful ? stmt.countHelpful : stmt.countNotHelpful).run(day, subject.kind, subject.id);
    },
    lookupTotals: async (fromDay, toDay) => stmt.lookupTotals.all(fromDay, toDay),
    feedbackTotals: async (fromDay, toDay) => stmt.feedbackTotals.all(fromDay, toDay),

    firstSighting: async (eventId, at, ttlMs) =>
      stmt.sighting.get({ id: eventId, at, expires: at + ttlMs })?.retries === 0,
    eventRetries: async (eventId, at) => stmt.eventRetries.get(eventId, at)?.retries ?? null,

    getThreadContext: async (channel, threadTs, at) => {
      const row = stmt.getThread.get(channel, threadTs, at);
      return row ? (JSON.parse(row.context_json) as Record<string, unknown>) : null;
    },
    setThreadContext: async (channel, threadTs, context, at, ttlMs) => {
      stmt.setThread.run(channel, threadTs, JSON.stringify(context), at, at + ttlMs);
    },
    purgeExpired: async (at) =>
      light.transaction(() => ({
        events: stmt.purgeEvents.run(at).changes,
        threads: stmt.purgeThreads.run(at).changes,
      }))(),

    close: async () => {
      if (light.open) light.close();
      if (db.open) db.close();
    },
  };
}

/** Applies every migration newer than the database's schema_version, each in its own transaction. Reading the
 *  version and applying take the write lock first (IMMEDIATE), so two processes opening a new file at once
 *  migrate it once. */
function migrate(db: Database.Database, migrations: Migration[], location: string, now: () => number): void {
  const ordered = orderedMigrations(migrations);
  const latest = ordered.at(-1)?.version ?? 0;
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at ' +
      'INTEGER NOT NULL)',
  );
  const currentVersion = () =>
    (db.prepare('SELECT MAX(version) AS v FROM schema_version').get() as { v: number | null }).v ?? 0;
  const step = db.transaction((): boolean => {
    const current = currentVersion();
    if (current > latest) throw newerSchemaError(location, current, latest, 'AIRISK_DB_PATH');
    const next = ordered.find((m) => m.version === current + 1);
    if (!next) return false;
    db.exec(next.sqlite);
    db.prepare('INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)').run(
      next.version,
      next.description,
      now(),
    );
    return true;
  });
  while (step.immediate()) {
    // one migration per transaction, until none is left
  }
}
