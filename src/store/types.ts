// What must survive a restart and be shared by every instance, behind one small async interface: the
// announcement outbox (with the leases that decide which instance works on an entry), the audit log,
// schedules, anonymous usage counts, a little state (spotlight rotation, knowledge snapshots), the Events API
// retry dedupe and assistant thread context. SQLite implements it for one instance (src/store/sqlite.ts),
// PostgreSQL for several (src/store/postgres.ts); test/store/contract.ts holds both to the same behaviour.
// Times are milliseconds since the epoch; days are YYYY-MM-DD in the workspace's time zone.
import type {
  AnnouncementKind,
  CountSubject,
  OutboxEntry,
  OutboxMessage,
  OutboxStatus,
  Schedule,
  StateChange,
} from '../answers/hr.js';

export type { OutboxEntry, OutboxMessage, OutboxStatus, Schedule, StateChange };

/** An instance's claim on an outbox entry until a time: only the holder hands it to Slack. An instance that
 *  dies stops renewing it, and once it has expired another instance takes the entry over. */
export interface Lease {
  owner: string;
  until: number;
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
  /** Created already leased to the instance that will deliver it (a scheduled digest). */
  lease?: Lease;
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

type NewAuditEntry = Omit<AuditEntry, 'id' | 'at' | 'channel' | 'outboxId' | 'kind' | 'subject' | 'ts' | 'detail'> &
  Partial<Pick<AuditEntry, 'channel' | 'outboxId' | 'kind' | 'subject' | 'ts' | 'detail'>>;

export type NewSchedule = Omit<Schedule, 'id' | 'lastRunAt'>;

export interface SubjectCount extends CountSubject {
  count: number;
}

export interface FeedbackCount extends CountSubject {
  helpful: number;
  notHelpful: number;
}

/** What an assistant thread remembers between messages (the channel the user was viewing, for instance). */
export type ThreadContext = Record<string, unknown>;

export interface Store {
  /** Where the data lives, for messages ("./data/airisk.sqlite", or the PostgreSQL URL without its password). */
  readonly location: string;
  /** True when several instances may share it (PostgreSQL). Then an entry leased by another process may be
   *  in the middle of being sent; with SQLite (one instance per file) any lease left at start-up is a dead
   *  process's. */
  readonly shared: boolean;

  createOutbox(entry: NewOutboxEntry): Promise<OutboxEntry>;
  getOutbox(id: string): Promise<OutboxEntry | null>;
  /** Replaces a draft's content; false when it is no longer a draft. */
  updateDraft(
    id: string,
    change: { message: OutboxMessage; note: string | null; channel: string; onDelivered: StateChange[] },
  ): Promise<boolean>;
  /** Moves an entry from one of `from` to `to`; false when it was in none of them (someone else moved it).
   *  `lease` leases it in the same step (Post confirms and takes it at once); `holder` only moves it while
   *  that instance holds its lease. Moving to failed or cancelled releases the lease. */
  transition(
    id: string,
    from: OutboxStatus[],
    to: 'pending' | 'cancelled' | 'failed',
    options?: { error?: string | null; lease?: Lease; holder?: string },
  ): Promise<boolean>;
  /** Leases a pending or sending entry to `lease.owner` when nobody holds it, its lease has expired at `at`,
   *  or the owner already holds it (renewal); `takeOver` ignores another holder (a single instance's start-up).
   *  The entry as leased, or null when another instance holds it or it is not pending or sending. */
  lease(id: string, lease: Lease, at: number, options?: { takeOver?: boolean }): Promise<OutboxEntry | null>;
  /** Gives up the lease if `owner` holds it (the entry rests until the next retry). */
  releaseLease(id: string, owner: string): Promise<void>;
  /** pending -> sending, counting the attempt, only while `owner` holds the lease; false otherwise. */
  beginSending(id: string, owner: string, at: number): Promise<boolean>;
  /** Records Slack's ts, releases the lease and commits the entry's onDelivered state, in one transaction. */
  markSent(id: string, delivery: { ts: string; channel: string; at: number }): Promise<void>;
  /** Entries confirmed but not known to be delivered, oldest first: what start-up and retries must finish. */
  undelivered(): Promise<OutboxEntry[]>;
  recentOutbox(limit: number): Promise<OutboxEntry[]>;

  audit(entry: NewAuditEntry, at: number): Promise<void>;
  auditLog(limit: number): Promise<AuditEntry[]>;

  addSchedule(schedule: NewSchedule): Promise<Schedule>;
  schedules(): Promise<Schedule[]>;
  getSchedule(id: number): Promise<Schedule | null>;
  removeSchedule(id: number): Promise<boolean>;
  /** Claims a due run: moves nextRunAt on from `expectedNextRunAt` and records the outbox entry (if any: a
   *  digest with nothing to say records none), in one transaction. A slot is claimed once across instances:
   *  claimed is false when another tick (here or elsewhere) already claimed it or the schedule is gone. */
  claimRun(
    id: number,
    run: { expectedNextRunAt: number; nextRunAt: number; at: number; entry: NewOutboxEntry | null },
  ): Promise<{ claimed: boolean; entry: OutboxEntry | null }>;

  getState(key: string): Promise<string | null>;

  /** Anonymous usage: a role or FAQ id and a day, nothing about who asked or what they typed. */
  countLookup(subject: CountSubject, day: string): Promise<void>;
  countFeedback(subject: CountSubject, helpful: boolean, day: string): Promise<void>;
  /** Totals for days from..to inclusive (YYYY-MM-DD). */
  lookupTotals(fromDay: string, toDay: string): Promise<SubjectCount[]>;
  feedbackTotals(fromDay: string, toDay: string): Promise<FeedbackCount[]>;

  /** Records an Events API event id; true the first time it is seen (or once an earlier sighting has expired),
   *  false for a retry of an event some instance already took. Retries are counted. */
  firstSighting(eventId: string, at: number, ttlMs: number): Promise<boolean>;
  /** How many retries of an event were turned away (null when it was never seen or has expired). */
  eventRetries(eventId: string, at: number): Promise<number | null>;

  /** An assistant thread's context, or null when there is none or it has expired. */
  getThreadContext(channel: string, threadTs: string, at: number): Promise<ThreadContext | null>;
  /** Sets (replaces) an assistant thread's context, kept for ttlMs from `at`. */
  setThreadContext(channel: string, threadTs: string, context: ThreadContext, at: number, ttlMs: number): Promise<void>;

  /** Deletes expired event sightings and thread contexts. */
  purgeExpired(at: number): Promise<{ events: number; threads: number }>;

  close(): Promise<void>;
}
