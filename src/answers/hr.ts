// What the HR features answer with, as plain data for the renderers: replies to an HR admin, the announcements
// they compose (a role's card or a digest of what changed in the knowledge base), insights built from anonymous
// counts, and the outbox entries and schedules those replies are about, as the store keeps them
// (src/store/types.ts adds what it needs to deliver them once).
import type { AmbiguousAnswer, NotFoundAnswer, RoleAnswer } from './types.js';

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
  /** The instance working on the entry (pending or sending) and until when; null when nobody is. */
  leaseOwner: string | null;
  leaseUntil: number | null;
}

type DigestKind = 'spotlight' | 'digest';

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

export interface RoleScore {
  id: string;
  title: string;
  /** Headline value (AIJRI or consensus percentile), null when the card has none. */
  score: number | null;
  scale: string | null;
}

export interface FaqSummary {
  id: string;
  question: string;
}

export interface KnowledgeChanges {
  /** When the previous digest was taken; null for the first digest, where everything counts as new. */
  since: number | null;
  newRoles: RoleScore[];
  rescored: { id: string; title: string; before: number | null; after: number | null; scale: string | null }[];
  removedRoles: { id: string; title: string }[];
  newFaqs: FaqSummary[];
  totals: { roles: number; faqs: number };
}

export type AnnouncementContent =
  | { kind: 'role' | 'spotlight'; note: string | null; role: RoleAnswer }
  | { kind: 'digest'; note: string | null; changes: KnowledgeChanges };

/** Counts below this are shown as FEWER_THAN, so no number can point at a person. */
export const SMALL_COUNT = 5;
export const FEWER_THAN = `fewer than ${SMALL_COUNT}` as const;
export type ShownCount = number | typeof FEWER_THAN;

/** What an answer or a vote is about: a role or an FAQ, by id (and nothing about who asked). */
export type CountSubject = { kind: 'role' | 'faq'; id: string };

interface InsightLine {
  kind: CountSubject['kind'];
  id: string;
  /** Role title or FAQ question. */
  label: string;
  count: ShownCount;
}

export interface InsightsPeriod {
  label: string;
  fromDay: string;
  toDay: string;
  lookups: ShownCount;
  topRoles: InsightLine[];
  topFaqs: InsightLine[];
  votes: ShownCount;
  /** Whole percent of votes that said helpful; null when there are too few votes to say. */
  helpfulPercent: number | null;
  /** Answers with enough votes where most people said not helpful, worst first. */
  leastHelpful: { kind: CountSubject['kind']; id: string; label: string; notHelpfulPercent: number; votes: number }[];
}

export interface Insights {
  timeZone: string;
  periods: InsightsPeriod[];
  /** What data the server answers from: shown to HR admins here, never to employees. */
  dataNote: string;
}

export type HrReply =
  | { kind: 'message'; text: string }
  | { kind: 'usage'; problem: string | null; usage: string }
  | { kind: 'choose-role'; answer: AmbiguousAnswer | NotFoundAnswer }
  | { kind: 'preview'; entry: OutboxEntry }
  | { kind: 'delivered'; entry: OutboxEntry; recovered: boolean }
  | { kind: 'delivery-failed'; entry: OutboxEntry; reason: string }
  | { kind: 'delivery-pending'; entry: OutboxEntry; reason: string }
  | { kind: 'cancelled'; entry: OutboxEntry }
  | { kind: 'schedules'; schedules: Schedule[]; timeZone: string }
  | { kind: 'schedule-added'; schedule: Schedule }
  | { kind: 'schedule-removed'; schedule: Schedule }
  | { kind: 'insights'; insights: Insights };
