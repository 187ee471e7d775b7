// What must survive a restart, behind one small interface: the announcement outbox, the audit log, schedules,
// anonymous usage counts and a little state (spotlight rotation, knowledge snapshots). SQLite implements it
// today (src/store/sqlite.ts); a shared server database could implement the same interface later.
// Times are milliseconds since the epoch; days are YYYY-MM-DD in the workspace's time zone.

/** draft: previewed, not yet confirmed. pending: confirmed, not yet handed to Slack. sending: handed to Slack,
 *  outcome not yet recorded (after a crash it may or may not be in the channel). */
export type OutboxStatus = 'draft' | 'pending' | 'sending' | 'sent' | 'failed' | 'cancelled';

export type AnnouncementKind = 'role' | 'spotlight' | 'digest';

/** Exactly what is posted: the preview shows it, delivery sends it byte for byte. */
export interface OutboxMessage {
  text: string;
  blocks: unknown[];
}

/** A key/value pair committed in the same transaction that marks a message sent (rotation cursor, snapshot). */
export interface StateChange {
  key: string;
  value: string;
}

export interface OutboxEntry {
  /** Random id, also carried in the Slack message's metadata so a crashed send can be found in the channel. */
  id: string;
  kind: AnnouncementKind;
  /** What the announcement is about: a role id, or the digest kind. */
  subject: string;
  /** Channel id (C…/G…), never a name: conversations.history needs the id. */
  channel: string;
  message: OutboxMessage;
  /** The HR admin's own words shown above the content, if any (kept so Edit can show them again). */
  note: string | null;
  status: OutboxStatus;
  /** The admin who asked for it, or null for a scheduled digest. */
  requestedBy: string | null;
  scheduleId: number | null;
  createdAt: number;
  attempts: number;
  /** When the latest hand-over to Slack began: the lower bound when looking for it in the channel. */
  attemptStartedAt: number | null;
  ts: string | null;
  sentAt: number | null;
  /** Why the latest attempt did not deliver, in words for the admin. */
  error: string | null;
  onDelivered: StateChange[];
}

export interface NewOutboxEntry {
  kind: AnnouncementKind;
  subject: string;
  channel: string;
  message: OutboxMessage;
  note?: string | null;
  status: 'draft' | 'pending';
  requestedBy: string | null;
  scheduleId?: number | null;
  onDelivered?: StateChange[];
}

export type AuditAction =
  | 'previewed'
  | 'edited'
  | 'cancelled'
  | 'confirmed'
  | 'posted'
  | 'failed'
  | 'retried'
  | 'skipped'
  | 'schedule-added'
  | 'schedule-removed';

export interface AuditEntry {
  id: number;
  at: number;
  /** The admin's user id, or "schedule <id>" for what a schedule did on its own. */
  actor: string;
  action: AuditAction;
  channel: string | null;
  outboxId: string | null;
  kind: AnnouncementKind | null;
  subject: string | null;
  /** Slack's message ts once posted. */
  ts: string | null;
  detail: string | null;
}

export type NewAuditEntry = Omit<
  AuditEntry,
  'id' | 'at' | 'channel' | 'outboxId' | 'kind' | 'subject' | 'ts' | 'detail'
> &
  Partial<Pick<AuditEntry, 'channel' | 'outboxId' | 'kind' | 'subject' | 'ts' | 'detail'>>;

export type DigestKind = 'spotlight' | 'digest';

export interface Schedule {
  id: number;
  kind: DigestKind;
  /** croner pattern, in the schedule's time zone, e.g. "0 9 * * 1". */
  pattern: string;
  /** How the admin wrote the cadence, e.g. "weekly mon 09:00". */
  cadence: string;
  timezone: string;
  channel: string;
  createdBy: string;
  createdAt: number;
  nextRunAt: number;
  lastRunAt: number | null;
}

export type NewSchedule = Omit<Schedule, 'id' | 'lastRunAt'>;

export type CountSubject = { kind: 'role' | 'faq'; id: string };

export interface SubjectCount extends CountSubject {
  count: number;
}

export interface FeedbackCount extends CountSubject {
  helpful: number;
  notHelpful: number;
}

export interface Store {
  /** Where the data lives, for messages ("./data/airisk.sqlite"). */
  readonly location: string;

  createOutbox(entry: NewOutboxEntry): OutboxEntry;
  getOutbox(id: string): OutboxEntry | null;
  /** Replaces a draft's content; false when it is no longer a draft. */
  updateDraft(
    id: string,
    change: { message: OutboxMessage; note: string | null; channel: string; onDelivered: StateChange[] },
  ): boolean;
  /** Moves an entry from one of `from` to `to`; false when it was in none of them (someone else moved it). */
  transition(id: string, from: OutboxStatus[], to: 'pending' | 'cancelled' | 'failed', error?: string | null): boolean;
  /** pending -> sending, counting the attempt; false when it was not pending. */
  beginSending(id: string, at: number): boolean;
  /** Records Slack's ts and commits the entry's onDelivered state, in one transaction. */
  markSent(id: string, delivery: { ts: string; channel: string; at: number }): void;
  /** Entries confirmed but not known to be delivered: what start-up must finish. */
  undelivered(): OutboxEntry[];
  recentOutbox(limit: number): OutboxEntry[];

  audit(entry: NewAuditEntry, at: number): void;
  auditLog(limit: number): AuditEntry[];

  addSchedule(schedule: NewSchedule): Schedule;
  schedules(): Schedule[];
  getSchedule(id: number): Schedule | null;
  removeSchedule(id: number): boolean;
  /** Claims a due run: moves nextRunAt on from `expectedNextRunAt` and records the outbox entry (if any: a
   *  digest with nothing to say records none), in one transaction. claimed is false when another tick already
   *  claimed it or the schedule is gone. */
  claimRun(
    id: number,
    run: { expectedNextRunAt: number; nextRunAt: number; at: number; entry: NewOutboxEntry | null },
  ): { claimed: boolean; entry: OutboxEntry | null };

  getState(key: string): string | null;

  /** Anonymous usage: a role or FAQ id and a day, nothing about who asked or what they typed. */
  countLookup(subject: CountSubject, day: string): void;
  countFeedback(subject: CountSubject, helpful: boolean, day: string): void;
  /** Totals for days from..to inclusive (YYYY-MM-DD). */
  lookupTotals(fromDay: string, toDay: string): SubjectCount[];
  feedbackTotals(fromDay: string, toDay: string): FeedbackCount[];

  close(): void;
}
