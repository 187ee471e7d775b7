// The Store on PostgreSQL (node-postgres, pooled), for several instances sharing one database. Every step that
// must happen once across instances is one conditional statement or one transaction: confirming a draft,
// leasing an outbox entry, claiming a schedule slot, recording an event's first sighting. Migrations run
// under an advisory lock, so instances starting together migrate once. What is written on every request (usage
// counts, event sightings, thread context) goes through a second, small pool whose commits do not wait for
// the server's disk (synchronous_commit off): a server crash could lose the last fraction of a second of them,
// and each request saves a disk flush. The outbox and schedules keep the full guarantee.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
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

/** Key of the advisory lock held while migrating (any constant; "airisk" in ASCII). */
const MIGRATION_LOCK = 0x616972697368;

const INT8 = 20;
/** BIGINT columns hold milliseconds and counts, all well inside Number's exact range. */
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as never,
};

export interface PostgresStoreOptions {
  migrations?: Migration[];
  now?: () => number;
  /** Connections in the pool (default 10). */
  poolSize?: number;
  /** Where pool errors go (a dropped idle connection must not end the process). */
  log?: (message: string) => void;
}

/** The URL with its password hidden, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'the DATABASE_URL given (not a valid URL)';
  }
}

/** Connects to the database at `url` (postgres://…), migrating it as needed. */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<Store> {
  const location = redactUrl(url);
  const now = options.now ?? Date.now;
  const log = options.log ?? ((m: string) => console.error(m));
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    application_name: 'airisk',
    connectionTimeoutMillis: 10_000,
    types,
  });
  const light = new pg.Pool({
    connectionString: url,
    max: 4,
    application_name: 'airisk',
    connectionTimeoutMillis: 10_000,
    options: '-c synchronous_commit=off',
    types,
  });
  for (const p of [pool, light])
    p.on('error', (err) => log(`PostgreSQL connection lost (${location}): ${err.message}`));
  try {
    await migrate(pool, options.migrations ?? allMigrations, location, now);
  } catch (err) {
    await Promise.all([pool.end(), light.end()]);
    if (err instanceof StoreOpenError) throw err;
    throw new StoreOpenError(`Cannot use the database at ${location} (DATABASE_URL): ${(err as Error).message}`, {
      cause: err,
    });
  }

  const query = async <R extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => pool.query<R>(sql, params);
  const lightQuery = async <R extends pg.QueryResultRow>(sql: string, params: unknown[] = []) =>
    light.query<R>(sql, params);
  /** Runs `work` in one transaction on one pooled connection. */
  const transaction = async <T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  };

  const get = async (id: string): Promise<OutboxEntry | null> => {
    const { rows } = await query<OutboxRow>('SELECT * FROM outbox WHERE id = $1', [id]);
    return rows[0] ? toOutbox(rows[0]) : null;
  };

  const insertOutbox = async (client: pg.ClientBase | pg.Pool, entry: NewOutboxEntry): Promise<OutboxEntry> => {
    const { rows } = await client.query<OutboxRow>(
      `INSERT INTO outbox (id, kind, subject, channel, message_json, note, status, requested_by, schedule_id, created_at, on_delivered_json, lease_owner, lease_until)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING *`,
      [
        randomUUID(),
        entry.kind,
        entry.subject,
        entry.channel,
        JSON.stringify(entry.message),
        entry.note ?? null,
        entry.status,
        entry.requestedBy,
        entry.scheduleId ?? null,
        now(),
        JSON.stringify(entry.onDelivered ?? []),
        entry.lease?.owner ?? null,
        entry.lease?.until ?? null,
      ],
    );
    return toOutbox(rows[0] as OutboxRow);
  };

  return {
    location,
    shared: true,
    createOutbox: (entry) => insertOutbox(pool, entry),
    getOutbox: get,
    updateDraft: async (id, change) =>
      (
        await query(
          `UPDATE outbox SET message_json = $1, note = $2, channel = $3, on_delivered_json = $4 WHERE id = $5 AND ` +
            `status = 'draft'`,
          [JSON.stringify(change.message), change.note, change.channel, JSON.stringify(change.onDelivered), id],
        )
      ).rowCount === 1,
    transition: async (id, from, to, options = {}) => {
      const params: unknown[] = [to, options.error ?? null, id, from];
      const lease = options.lease
        ? `, lease_owner = $${params.push(options.lease.owner)}, lease_until = $${params.push(options.lease.until)}`
        : endsWork(to)
          ? ', lease_owner = NULL, lease_until = NULL'
          : '';
      const holder = options.holder ? ` AND lease_owner = $${params.push(options.holder)}` : '';
      const sql = `UPDATE outbox SET status = $1, error = $2${lease} WHERE id = $3 AND status = ANY($4)${holder}`;
      return (await query(sql, params)).rowCount === 1;
    },
    lease: async (id, lease, at, options = {}) => {
      const { rows } = await query<OutboxRow>(
        `UPDATE outbox SET lease_owner = $2, lease_until = $3
         WHERE id = $1 AND status IN ('pending', 'sending')
           AND ($5 OR lease_owner IS NULL OR lease_owner = $2 OR lease_until <= $4)
         RETURNING *`,
        [id, lease.owner, lease.until, at, options.takeOver === true],
      );
      return rows[0] ? toOutbox(rows[0]) : null;
    },
    releaseLease: async (id, owner) => {
      await query('UPDATE outbox SET lease_owner = NULL, lease_until = NULL WHERE id = $1 AND lease_owner = $2', [
        id,
        owner,
      ]);
    },
    beginSending: async (id, owner, at) =>
      (
        await query(
          `UPDATE outbox SET status = 'sending', attempts = attempts + 1, attempt_started_at = $1, error = NULL
           WHERE id = $2 AND status = 'pending' AND lease_owner = $3`,
          [at, id, owner],
        )
      ).rowCount === 1,
    markSent: (id, delivery) =>
      transaction(async (client) => {
        const { rows } = await client.query<{ on_delivered_json: string }>(
          `UPDATE outbox SET status = 'sent', ts = $1, channel = $2, sent_at = $3, error = NULL, lease_owner = NULL, lease_until = NULL
           WHERE id = $4 RETURNING on_delivered_json`,
          [delivery.ts, delivery.channel, delivery.at, id],
        );
        if (!rows[0]) throw new Error(`No outbox entry ${id}`);
        for (const change of JSON.parse(rows[0].on_delivered_json) as StateChange[])
          await client.query(
            `INSERT INTO state (key, value, updated_at) VALUES ($1, $2, $3)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
            [change.key, change.value, delivery.at],
          );
      }),
    undelivered: async () =>
      (
        await query<OutboxRow>(`SELECT * FROM outbox WHERE status IN ('pending', 'sending') ORDER BY created_at, id`)
      ).rows.map(toOutbox),
    recentOutbox: async (limit) =>
      (await query<OutboxRow>('SELECT * FROM outbox ORDER BY created_at DESC, id LIMIT $1', [limit])).rows.map(
        toOutbox,
      ),

    audit: async (entry, at) => {
      await query(
        `INSERT INTO audit (at, actor, action, channel, outbox_id, kind, subject, ts, detail)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          at,
          entry.actor,
          entry.action,
          entry.channel ?? null,
          entry.outboxId ?? null,
          entry.kind ?? null,
          entry.subject ?? null,
          entry.ts ?? null,
          entry.detail ?? null,
        ],
      );
    },
    auditLog: async (limit) =>
      (await query<AuditRow>('SELECT * FROM audit ORDER BY id DESC LIMIT $1', [limit])).rows.map(toAudit),

    addSchedule: async (s) => {
      const { rows } = await query<ScheduleRow>(
        `INSERT INTO schedules (kind, pattern, cadence, timezone, channel, created_by, created_at, next_run_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
        [s.kind, s.pattern, s.cadence, s.timezone, s.channel, s.createdBy, s.createdAt, s.nextRunAt],
      );
      return toSchedule(rows[0] as ScheduleRow);
    },
    schedules: async () => (await query<ScheduleRow>('SELECT * FROM schedules ORDER BY id')).rows.map(toSchedule),
    getSchedule: async (id) => {
      const { rows } = await query<ScheduleRow>('SELECT * FROM schedules WHERE id = $1', [id]);
      return rows[0] ? toSchedule(rows[0]) : null;
    },
    removeSchedule: async (id) => (await query('DELETE FROM schedules WHERE id = $1', [id])).rowCount === 1,
    // The slot is the row's next_run_at: the first UPDATE moves it on; a concurrent one waits for that row
    // lock, re-reads the row, no longer matches, and changes nothing.
    claimRun: (id, run) =>
      transaction(async (client) => {
        const moved = await client.query(
          'UPDATE schedules SET next_run_at = $1, last_run_at = $2 WHERE id = $3 AND next_run_at = $4',
          [run.nextRunAt, run.at, id, run.expectedNextRunAt],
        );
        const claimed = moved.rowCount === 1;
        return {
          claimed,
          entry: claimed && run.entry ? await insertOutbox(client, { ...run.entry, scheduleId: id }) : null,
        };
      }),

    getState: async (key) =>
      (await query<{ value: string }>('SELECT value FROM state WHERE key = $1', [key])).rows[0]?.value ?? null,

    countLookup: async (subject, day) => {
      await lightQuery(
        `INSERT INTO lookup_counts (day, kind, subject_id, count) VALUES ($1, $2, $3, 1)
         ON CONFLICT (day, kind, subject_id) DO UPDATE SET count = lookup_counts.count + 1`,
        [day, subject.kind, subject.id],
      );
    },
    countFeedback: async (subject, helpful, day) => {
      const column = helpful ? 'helpful' : 'not_helpful';
      await lightQuery(
        `INSERT INTO feedback_counts (day, kind, subject_id, ${column}) VALUES ($1, $2, $3, 1)
         ON CONFLICT (day, kind, subject_id) DO UPDATE SET ${column} = feedback_counts.${column} + 1`,
        [day, subject.kind, subject.id],
      );
    },
    lookupTotals: async (fromDay, toDay) =>
      (
        await query<SubjectCount>(
          `SELECT kind, subject_id AS id, SUM(count)::bigint AS count FROM lookup_counts WHERE day BETWEEN $1 AND $2
           GROUP BY kind, subject_id ORDER BY count DESC, subject_id`,
          [fromDay, toDay],
        )
      ).rows,
    feedbackTotals: async (fromDay, toDay) =>
      (
        await query<FeedbackCount>(
          `SELECT kind, subject_id AS id, SUM(helpful)::bigint AS helpful, SUM(not_helpful)::bigint AS "notHelpful"
           FROM feedback_counts WHERE day BETWEEN $1 AND $2 GROUP BY kind, subject_id ORDER BY subject_id`,
          [fromDay, toDay],
        )
      ).rows,

    firstSighting: async (eventId, at, ttlMs) => {
      // An expired sighting counts as none: the event is taken again, and its count starts over.
      const { rows } = await lightQuery<{ retries: number }>(
        `INSERT INTO event_sightings (event_id, first_seen_at, expires_at, retries) VALUES ($1, $2, $3, 0)
         ON CONFLICT (event_id) DO UPDATE SET
           retries = CASE WHEN event_sightings.expires_at <= $2 THEN 0 ELSE event_sightings.retries + 1 END,
           first_seen_at = CASE WHEN event_sightings.expires_at <= $2 THEN $2 ELSE event_sightings.first_seen_at END,
           expires_at = CASE WHEN event_sightings.expires_at <= $2 THEN $3 ELSE event_sightings.expires_at END
         RETURNING retries`,
        [eventId, at, at + ttlMs],
      );
      return rows[0]?.retries === 0;
    },
    eventRetries: async (eventId, at) =>
      (
        await query<{ retries: number }>(
          'SELECT retries FROM event_sightings WHERE event_id = $1 AND expires_at > $2',
          [eventId, at],
        )
      ).rows[0]?.retries ?? null,

    getThreadContext: async (channel, threadTs, at) => {
      const { rows } = await query<{ context_json: string }>(
        'SELECT context_json FROM thread_contexts WHERE channel = $1 AND thread_ts = $2 AND expires_at > $3',
        [channel, threadTs, at],
      );
      return rows[0] ? (JSON.parse(rows[0].context_json) as Record<string, unknown>) : null;
    },
    setThreadContext: async (channel, threadTs, context, at, ttlMs) => {
      await lightQuery(
        `INSERT INTO thread_contexts (channel, thread_ts, context_json, updated_at, expires_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (channel, thread_ts) DO UPDATE SET context_json = excluded.context_json,
           updated_at = excluded.updated_at, expires_at = excluded.expires_at`,
        [channel, threadTs, JSON.stringify(context), at, at + ttlMs],
      );
    },
    purgeExpired: async (at) => {
      const events = await query('DELETE FROM event_sightings WHERE expires_at <= $1', [at]);
      const threads = await query('DELETE FROM thread_contexts WHERE expires_at <= $1', [at]);
      return { events: events.rowCount ?? 0, threads: threads.rowCount ?? 0 };
    },

    close: async () => {
      await Promise.all([pool, light].filter((p) => !p.ended).map((p) => p.end()));
    },
  };
}

/** Applies every migration newer than the database's schema_version, all in one transaction that first takes
 *  the migration lock: an instance starting at the same moment waits, then finds nothing left to do. */
async function migrate(pool: pg.Pool, migrations: Migration[], location: string, now: () => number): Promise<void> {
  const ordered = orderedMigrations(migrations);
  const latest = ordered.at(-1)?.version ?? 0;
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at ' +
        'BIGINT NOT NULL)',
    );
    const { rows } = await client.query<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_version');
    const current = rows[0]?.v ?? 0;
    if (current > latest) throw newerSchemaError(location, current, latest, 'DATABASE_URL');
    for (const m of ordered.filter((x) => x.version > current)) {
      await client.query(m.postgres);
      await client.query('INSERT INTO schema_version (version, description, applied_at) VALUES ($1, $2, $3)', [
        m.version,
        m.description,
        now(),
      ]);
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}
