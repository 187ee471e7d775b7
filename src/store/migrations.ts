// The store's schema, as ordered migrations, each written for SQLite and for PostgreSQL so that version N means
// the same tables in both. Append new ones; never edit one that has shipped, since databases in the field have
// already applied it. Times are milliseconds since the epoch (INTEGER in SQLite, BIGINT in PostgreSQL).

export interface Migration {
  version: number;
  description: string;
  sqlite: string;
  postgres: string;
}

export const migrations: Migration[] = [
  {
    version: 1,
    description: 'outbox, audit log, schedules, state, anonymous usage counts',
    sqlite: `
      CREATE TABLE outbox (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('role', 'spotlight', 'digest')),
        subject TEXT NOT NULL,
        channel TEXT NOT NULL,
        message_json TEXT NOT NULL,
        note TEXT,
        status TEXT NOT NULL CHECK (status IN ('draft', 'pending', 'sending', 'sent', 'failed', 'cancelled')),
        requested_by TEXT,
        schedule_id INTEGER,
        created_at INTEGER NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        attempt_started_at INTEGER,
        ts TEXT,
        sent_at INTEGER,
        error TEXT,
        on_delivered_json TEXT NOT NULL DEFAULT '[]'
      );
      CREATE INDEX outbox_status ON outbox (status);

      CREATE TABLE audit (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at INTEGER NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        channel TEXT,
        outbox_id TEXT,
        kind TEXT,
        subject TEXT,
        ts TEXT,
        detail TEXT
      );

      CREATE TABLE schedules (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL CHECK (kind IN ('spotlight', 'digest')),
        pattern TEXT NOT NULL,
        cadence TEXT NOT NULL,
        timezone TEXT NOT NULL,
        channel TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        next_run_at INTEGER NOT NULL,
        last_run_at INTEGER
      );

      CREATE TABLE state (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      );

      -- Usage counts hold a role or FAQ id and a day only: no user ids, no message text.
      CREATE TABLE lookup_counts (
        day TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('role', 'faq')),
        subject_id TEXT NOT NULL,
        count INTEGER NOT NULL,
        PRIMARY KEY (day, kind, subject_id)
      );
      CREATE TABLE feedback_counts (
        day TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('role', 'faq')),
        subject_id TEXT NOT NULL,
        helpful INTEGER NOT NULL DEFAULT 0,
        not_helpful INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (day, kind, subject_id)
      );
    `,
    postgres: `
      CREATE TABLE outbox (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('role', 'spotlight', 'digest')),
        subject TEXT NOT NULL,
        channel TEXT NOT NULL,
        message_json TEXT NOT NULL,
        note TEXT,
        status TEXT NOT NULL CHECK (status IN ('draft', 'pending', 'sending', 'sent', 'failed', 'cancelled')),
        requested_by TEXT,
        schedule_id BIGINT,
        created_at BIGINT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        attempt_started_at BIGINT,
        ts TEXT,
        sent_at BIGINT,
        error TEXT,
        on_delivered_json TEXT NOT NULL DEFAULT '[]'
      );
      CREATE INDEX outbox_status ON outbox (status);

      CREATE TABLE audit (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at BIGINT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        channel TEXT,
        outbox_id TEXT,
        kind TEXT,
        subject TEXT,
        ts TEXT,
        detail TEXT
      );

      CREATE TABLE schedules (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('spotlight', 'digest')),
        pattern TEXT NOT NULL,
        cadence TEXT NOT NULL,
        timezone TEXT NOT NULL,
        channel TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        next_run_at BIGINT NOT NULL,
        last_run_at BIGINT
      );

      CREATE TABLE state (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at BIGINT NOT NULL
      );

      -- Usage counts hold a role or FAQ id and a day only: no user ids, no message text.
      CREATE TABLE lookup_counts (
        day TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('role', 'faq')),
        subject_id TEXT NOT NULL,
        count BIGINT NOT NULL,
        PRIMARY KEY (day, kind, subject_id)
      );
      CREATE TABLE feedback_counts (
        day TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('role', 'faq')),
        subject_id TEXT NOT NULL,
        helpful BIGINT NOT NULL DEFAULT 0,
        not_helpful BIGINT NOT NULL DEFAULT 0,
        PRIMARY KEY (day, kind, subject_id)
      );
    `,
  },
  {
    version: 2,
    description: 'outbox leases (several instances), Events API retry dedupe, assistant thread context',
    sqlite: `
      ALTER TABLE outbox ADD COLUMN lease_owner TEXT;
      ALTER TABLE outbox ADD COLUMN lease_until INTEGER;

      CREATE TABLE event_sightings (
        event_id TEXT PRIMARY KEY,
        first_seen_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        retries INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX event_sightings_expiry ON event_sightings (expires_at);

      CREATE TABLE thread_contexts (
        channel TEXT NOT NULL,
        thread_ts TEXT NOT NULL,
        context_json TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        PRIMARY KEY (channel, thread_ts)
      );
      CREATE INDEX thread_contexts_expiry ON thread_contexts (expires_at);
    `,
    postgres: `
      ALTER TABLE outbox ADD COLUMN lease_owner TEXT;
      ALTER TABLE outbox ADD COLUMN lease_until BIGINT;

      CREATE TABLE event_sightings (
        event_id TEXT PRIMARY KEY,
        first_seen_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL,
        retries INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX event_sightings_expiry ON event_sightings (expires_at);

      CREATE TABLE thread_contexts (
        channel TEXT NOT NULL,
        thread_ts TEXT NOT NULL,
        context_json TEXT NOT NULL,
        updated_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL,
        PRIMARY KEY (channel, thread_ts)
      );
      CREATE INDEX thread_contexts_expiry ON thread_contexts (expires_at);
    `,
  },
];

/** The migrations in order, checked to be numbered 1, 2, 3… without gaps. */
export function orderedMigrations(list: Migration[]): Migration[] {
  const ordered = [...list].sort((a, b) => a.version - b.version);
  ordered.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(
        `Store migrations must be numbered 1, 2, 3… without gaps; found ${m.version} at position ${i + 1}`,
      );
  });
  return ordered;
}
