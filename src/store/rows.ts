// Rows as both stores read them (the same column names in SQLite and PostgreSQL) and the entries they become.
import type {
  AuditAction,
  AuditEntry,
  OutboxEntry,
  OutboxMessage,
  OutboxStatus,
  Schedule,
  StateChange,
} from './types.js';

export interface OutboxRow {
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
  lease_owner: string | null;
  lease_until: number | null;
}

export interface ScheduleRow {
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

export interface AuditRow {
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

export const toOutbox = (r: OutboxRow): OutboxEntry => ({
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
  leaseOwner: r.lease_owner,
  leaseUntil: r.lease_until,
});

export const toSchedule = (r: ScheduleRow): Schedule => ({
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

export const toAudit = (r: AuditRow): AuditEntry => ({
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

/** Whether moving an entry to `status` ends any instance's work on it (its lease is released). */
export const endsWork = (status: OutboxStatus): boolean => status === 'failed' || status === 'cancelled';

export class StoreOpenError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreOpenError';
  }
}

/** The refusal to open a database that a newer airisk has migrated further than this one knows. */
export function newerSchemaError(location: string, current: number, latest: number, setting: string): StoreOpenError {
  return new StoreOpenError(
    `The database at ${location} has schema version ${current}, but this version of airisk only knows up to ` +
      `${latest}: it was written by a newer airisk. Run the newer version, or point ${setting} at another database.`,
  );
}
