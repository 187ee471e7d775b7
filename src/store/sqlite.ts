// The Store on SQLite (better-sqlite3): one file, created and migrated on open, WAL mode with full sync so a
// confirmed announcement is on disk before it is handed to Slack.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { migrations as allMigrations, type Migration } from './migrations.js';
import type {
  AuditAction,
  AuditEntry,
  CountSubject,
  FeedbackCount,
  NewAuditEntry,
  NewOutboxEntry,
  NewSchedule,
  OutboxEntry,
  OutboxMessage,
  OutboxStatus,
  Schedule,
  StateChange,
  Store,
  SubjectCount,
} from './types.js';

export class StoreOpenError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreOpenError';
  }
}

interface OutboxRow {
  id: string;
  kind: OutboxEntry['kind'];
  subject: string;
  channel: string;
  message_json: string;
  note: string | null;
  status: OutboxStatus;
  requested_by: string | null;
  schedule_id: number | null;
  created_at: number;
  attempts: number;
  attempt_started_at: number | null;
  ts: string | null;
  sent_at: number | null;
  error: string | null;
  on_delivered_json: string;
}

interface ScheduleRow {
  id: number;
  kind: Schedule['kind'];
  pattern: string;
  cadence: string;
  timezone: string;
  channel: string;
  created_by: string;
  created_at: number;
  next_run_at: number;
  last_run_at: number | null;
}

interface AuditRow {
  id: number;
  at: number;
  actor: string;
  action: AuditAction;
  channel: string | null;
  outbox_id: string | null;
  kind: AuditEntry['kind'];
  subject: string | null;
  ts: string | null;
  detail: string | null;
}

const toOutbox = (r: OutboxRow): OutboxEntry => ({
  id: r.id,
  kind: r.kind,
  subject: r.subject,
  channel: r.channel,
  message: JSON.parse(r.message_json) as OutboxMessage,
  note: r.note,
  status: r.status,
  requestedBy: r.requested_by,
  scheduleId: r.schedule_id,
  createdAt: r.created_at,
  attempts: r.attempts,
  attemptStartedAt: r.attempt_started_at,
  ts: r.ts,
  sentAt: r.sent_at,
  error: r.error,
  onDelivered: JSON.parse(r.on_delivered_json) as StateChange[],
});

const toSchedule = (r: ScheduleRow): Schedule => ({
  id: r.id,
  kind: r.kind,
  pattern: r.pattern,
  cadence: r.cadence,
  timezone: r.timezone,
  channel: r.channel,
  createdBy: r.created_by,
  createdAt: r.created_at,
  nextRunAt: r.next_run_at,
  lastRunAt: r.last_run_at,
});

const toAudit = (r: AuditRow): AuditEntry => ({
  id: r.id,
  at: r.at,
  actor: r.actor,
  action: r.action,
  channel: r.channel,
  outboxId: r.outbox_id,
  kind: r.kind,
  subject: r.subject,
  ts: r.ts,
  detail: r.detail,
});

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

  const stmt = {
    insertOutbox: db.prepare(
      `INSERT INTO outbox (id, kind, subject, channel, message_json, note, status, requested_by, schedule_id, created_at, on_delivered_json)
       VALUES (@id, @kind, @subject, @channel, @message_json, @note, @status, @requested_by, @schedule_id, @created_at, @on_delivered_json)`,
    ),
    getOutbox: db.prepare<[string], OutboxRow>('SELECT * FROM outbox WHERE id = ?'),
    updateDraft: db.prepare(
      `UPDATE outbox SET message_json = ?, note = ?, channel = ?, on_delivered_json = ? WHERE id = ? AND status = 'draft'`,
    ),
    beginSending: db.prepare(
      `UPDATE outbox SET status = 'sending', attempts = attempts + 1, attempt_started_at = ?, error = NULL WHERE id = ? AND status = 'pending'`,
    ),
    markSent: db.prepare(
      `UPDATE outbox SET status = 'sent', ts = ?, channel = ?, sent_at = ?, error = NULL WHERE id = ?`,
    ),
    undelivered: db.prepare<[], OutboxRow>(
      `SELECT * FROM outbox WHERE status IN ('pending', 'sending') ORDER BY created_at`,
    ),
    recentOutbox: db.prepare<[number], OutboxRow>('SELECT * FROM outbox ORDER BY created_at DESC LIMIT ?'),
    putState: db.prepare(
      'INSERT INTO state (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
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
    countLookup: db.prepare(
      `INSERT INTO lookup_counts (day, kind, subject_id, count) VALUES (?, ?, ?, 1)
       ON CONFLICT (day, kind, subject_id) DO UPDATE SET count = count + 1`,
    ),
    countHelpful: db.prepare(
      `INSERT INTO feedback_counts (day, kind, subject_id, helpful) VALUES (?, ?, ?, 1)
       ON CONFLICT (day, kind, subject_id) DO UPDATE SET helpful = helpful + 1`,
    ),
    countNotHelpful: db.prepare(
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
    });
    return toOutbox(stmt.getOutbox.get(id) as OutboxRow);
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

  const transition = (id: string, from: OutboxStatus[], to: OutboxStatus, error: string | null): boolean => {
    const placeholders = from.map(() => '?').join(', ');
    const sql = `UPDATE outbox SET status = ?, error = ? WHERE id = ? AND status IN (${placeholders})`;
    return db.prepare(sql).run(to, error, id, ...from).changes === 1;
  };

  return {
    location,
    createOutbox: insertOutbox,
    getOutbox: (id) => {
      const row = stmt.getOutbox.get(id);
      return row ? toOutbox(row) : null;
    },
    updateDraft: (id, change) =>
      stmt.updateDraft.run(
        JSON.stringify(change.message),
        change.note,
        change.channel,
        JSON.stringify(change.onDelivered),
        id,
      ).changes === 1,
    transition: (id, from, to, error = null) => transition(id, from, to, error),
    beginSending: (id, at) => stmt.beginSending.run(at, id).changes === 1,
    markSent: (id, delivery) => markSent(id, delivery),
    undelivered: () => stmt.undelivered.all().map(toOutbox),
    recentOutbox: (limit) => stmt.recentOutbox.all(limit).map(toOutbox),

    audit: (entry: NewAuditEntry, at: number) => {
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
    auditLog: (limit) => stmt.auditLog.all(limit).map(toAudit),

    addSchedule: (s: NewSchedule) => {
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
    schedules: () => stmt.schedules.all().map(toSchedule),
    getSchedule: (id) => {
      const row = stmt.getSchedule.get(id);
      return row ? toSchedule(row) : null;
    },
    removeSchedule: (id) => stmt.removeSchedule.run(id).changes === 1,
    claimRun: (id, run) => claimRun(id, run),

    getState: (key) => stmt.getState.get(key)?.value ?? null,

    countLookup: (subject: CountSubject, day: string) => {
      stmt.countLookup.run(day, subject.kind, subject.id);
    },
    countFeedback: (subject: CountSubject, helpful: boolean, day: string) => {
      (helpful ? stmt.countHelpful : stmt.countNotHelpful).run(day, subject.kind, subject.id);
    },
    lookupTotals: (fromDay, toDay) => stmt.lookupTotals.all(fromDay, toDay),
    feedbackTotals: (fromDay, toDay) => stmt.feedbackTotals.all(fromDay, toDay),

    close: () => {
      if (db.open) db.close();
    },
  };
}

/** Applies every migration newer than the database's schema_version, each in its own transaction. */
function migrate(db: Database.Database, migrations: Migration[], location: string, now: () => number): void {
  const ordered = [...migrations].sort((a, b) => a.version - b.version);
  ordered.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(
        `Store migrations must be numbered 1, 2, 3… without gaps; found ${m.version} at position ${i + 1}`,
      );
  });
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at INTEGER NOT NULL)',
  );
  const current = (db.prepare('SELECT MAX(version) AS v FROM schema_version').get() as { v: number | null }).v ?? 0;
  const latest = ordered.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new StoreOpenError(
      `The database at ${location} has schema version ${current}, but this version of airisk only knows up to ${latest}: it was written by a newer airisk. Run the newer version, or point AIRISK_DB_PATH at another file.`,
    );
  }
  for (const m of ordered.filter((x) => x.version > current)) {
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.description,
        now(),
      );
    })();
  }
}
