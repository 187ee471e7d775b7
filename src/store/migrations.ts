// The store's schema, as ordered migrations. Append new ones; never edit one that has shipped, since
// databases in the field have already applied it.

export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const migrations: Migration[] = [
  {
    version: 1,
    description: 'outbox, audit log, schedules, state, anonymous usage counts',
    sql: `
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
  },
];
