// Exactly-once delivery of outbox entries to Slack.
//
// An entry is on disk (pending) before Slack hears of it; it is marked sending, posted with its outbox id in the
// message metadata, then marked sent with Slack's ts. Whenever the outcome of a hand-over is unknown (a crash
// between post and mark leaves it "sending"; a 5xx or timeout leaves us guessing) the channel's history is
// searched for a message carrying that outbox id before posting again. A 429 means Slack did not take the
// message, so it is simply sent again after Retry-After. A refusal (not_in_channel, missing_scope…) fails the
// entry with an explanation for the admin, who can retry: nothing is lost.
//
// Several instances may share the store. Only the instance holding an entry's lease works on it; it renews the
// lease while it works. If it dies (even in the middle of a post) the lease runs out, and the next instance to
// look takes the entry over, starting with the search of the channel, so the message still goes out once.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Lease, OutboxEntry, Store } from '../store/types.js';
import { channelLink } from '../renderers/blockkit/text.js';
import type { Clock } from './clock.js';
import { ANNOUNCEMENT_EVENT_TYPE, slackFailureOf, type HrSlackApi, type SlackFailure } from './slack-api.js';

export type DeliveryOutcome =
  /** recovered: it was already in the channel from an earlier, interrupted attempt. */
  | { status: 'sent'; entry: OutboxEntry; recovered: boolean }
  | { status: 'failed'; entry: OutboxEntry; reason: string }
  /** Slack was unavailable; the entry stays in the outbox and is retried later. */
  | { status: 'retrying'; entry: OutboxEntry; reason: string }
  | { status: 'not-deliverable'; entry: OutboxEntry | null; reason: string };

export interface Delivery {
  /** This process's name in leases. */
  readonly instanceId: string;
  /** A fresh lease for this process, to take an entry in the step that confirms it. */
  newLease(): Lease;
  deliver(id: string): Promise<DeliveryOutcome>;
  /** Delivers every entry left pending or sending (start-up, after a crash). With a store of its own
   *  (SQLite) it takes over every lease, since the process that held them is gone; with a shared one, only
   *  those nobody holds or whose holder stopped renewing them. */
  recover(): Promise<DeliveryOutcome[]>;
  /** Retries entries whose last attempt is older than the retry interval (or that never had one), and takes
   *  over entries whose lease ran out (their instance died). */
  retryStale(): Promise<DeliveryOutcome[]>;
}

export interface DeliveryOptions {
  store: Store;
  slack: HrSlackApi;
  clock: Clock;
  log?: (message: string) => void;
  /** Posts tried per deliver() call when Slack is unavailable. */
  maxAttempts?: number;
  /** Retry-After waits accepted per deliver() call. */
  maxRateLimitWaits?: number;
  /** First back-off after an unavailable answer; doubles each time. */
  backoffMs?: number;
  /** How far before the attempt to search the channel, for clock skew between us and Slack. */
  lookbackMs?: number;
  /** How long an undelivered entry rests before retryStale() tries it again. */
  retryIntervalMs?: number;
  historyPageLimit?: number;
  /** This process's name in leases (default: host, pid and a random part). */
  instanceId?: string;
  /** How long a lease lasts unless renewed: how long other instances wait before taking over from one that
   *  died. Longer than a Slack call's timeout (15 s), since a renewal can be late while a call is running. */
  leaseMs?: number;
}

const HISTORY_PAGES = 10;

/** A name for this process in leases: readable in the outbox, unique across restarts. */
const newInstanceId = (): string => `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

export function createDelivery(options: DeliveryOptions): Delivery {
  const {
    store,
    slack,
    clock,
    log = () => {},
    maxAttempts = 4,
    maxRateLimitWaits = 5,
    backoffMs = 2_000,
    lookbackMs = 120_000,
    retryIntervalMs = 5 * 60_000,
    historyPageLimit = 200,
    instanceId = newInstanceId(),
    leaseMs = 60_000,
  } = options;
  const inFlight = new Map<string, Promise<DeliveryOutcome>>();
  const newLease = (): Lease => ({ owner: instanceId, until: clock.now() + leaseMs });

  const actorOf = (entry: OutboxEntry) => entry.requestedBy ?? `schedule ${entry.scheduleId ?? '?'}`;

  const current = async (id: string): Promise<OutboxEntry> => {
    const entry = await store.getOutbox(id);
    if (!entry) throw new Error(`Outbox entry ${id} disappeared`);
    return entry;
  };

  const sent = async (
    entry: OutboxEntry,
    ts: string,
    channel: string,
    recovered: boolean,
  ): Promise<DeliveryOutcome> => {
    const at = clock.now();
    await store.markSent(entry.id, { ts, channel, at });
    await store.audit(
      {
        actor: actorOf(entry),
        action: 'posted',
        channel,
        outboxId: entry.id,
        kind: entry.kind,
        subject: entry.subject,
        ts,
        detail: recovered ? 'found in the channel after an interrupted attempt; not posted again' : null,
      },
      at,
    );
    return { status: 'sent', entry: await current(entry.id), recovered };
  };

  const fail = async (entry: OutboxEntry, from: 'sending' | 'pending', reason: string): Promise<DeliveryOutcome> => {
    await store.transition(entry.id, [from], 'failed', { error: reason, holder: instanceId });
    await store.audit(
      {
        actor: actorOf(entry),
        action: 'failed',
        channel: entry.channel,
        outboxId: entry.id,
        kind: entry.kind,
        subject: entry.subject,
        detail: reason,
      },
      clock.now(),
    );
    log(`announcement ${entry.id} to ${entry.channel} failed: ${reason}`);
    return { status: 'failed', entry: await current(entry.id), reason };
  };

  /** Leaves the entry in the outbox for a later retry (by any instance) and says why. */
  const retrying = async (entry: OutboxEntry, reason: string): Promise<DeliveryOutcome> => {
    await store.releaseLease(entry.id, instanceId);
    log(`announcement ${entry.id} to ${entry.channel} not delivered yet: ${reason}`);
    return { status: 'retrying', entry: await current(entry.id), reason };
  };

  const takenOver = (entry: OutboxEntry): DeliveryOutcome => {
    log(`announcement ${entry.id}: another instance (${entry.leaseOwner ?? 'unknown'}) took it over`);
    return { status: 'not-deliverable', entry, reason: 'Another instance of the app is posting it.' };
  };

  /** What to say about an entry that is not pending or sending; null when it is. */
  const settled = (entry: OutboxEntry): DeliveryOutcome | null => {
    switch (entry.status) {
      case 'sent':
        return { status: 'sent', entry, recovered: false };
      case 'draft':
        return { status: 'not-deliverable', entry, reason: 'It has not been confirmed yet.' };
      case 'cancelled':
        return { status: 'not-deliverable', entry, reason: 'It was cancelled.' };
      case 'failed':
        return { status: 'not-deliverable', entry, reason: entry.error ?? 'It failed earlier; retry it first.' };
      default:
        return null;
    }
  };

  /** Searches the channel for the message an earlier attempt may have posted. */
  const lookFor = async (entry: OutboxEntry): Promise<{ ts: string } | { ts: null } | { failure: SlackFailure }> => {
    const since = (entry.attemptStartedAt ?? entry.createdAt) - lookbackMs;
    const oldest = (Math.max(0, since) / 1000).toFixed(6);
    let cursor: string | undefined;
    try {
      for (let page = 0; page < HISTORY_PAGES; page++) {
        const result = await slack.history({
          channel: entry.channel,
          oldest,
          limit: historyPageLimit,
          ...(cursor ? { cursor } : {}),
        });
        const found = result.messages.find(
          (m) => m.metadata?.event_type === ANNOUNCEMENT_EVENT_TYPE && m.metadata.event_payload?.outbox_id === entry.id,
        );
        if (found) return { ts: found.ts };
        if (!result.nextCursor) return { ts: null };
        cursor = result.nextCursor;
      }
      return { ts: null };
    } catch (err) {
      return { failure: slackFailureOf(err) };
    }
  };

  /** Works on an entry this process holds the lease of, renewing it before each step. */
  const work = async (id: string): Promise<DeliveryOutcome> => {
    let posts = 0;
    let waits = 0;
    for (;;) {
      const renewed = await store.lease(id, newLease(), clock.now());
      const entry = renewed ?? (await current(id));
      const done = settled(entry);
      if (done) return done;
      if (!renewed) return takenOver(entry);
      switch (entry.status) {
        case 'sending': {
          // An earlier hand-over's outcome is unknown: look before posting again.
          const looked = await lookFor(entry);
          if ('failure' in looked) {
            const f = looked.failure;
            if (f.kind === 'rate_limited' && waits < maxRateLimitWaits) {
              waits++;
              await clock.sleep(f.retryAfterSeconds * 1000);
              continue;
            }
            if (f.kind === 'refused') {
              return fail(
                entry,
                'sending',
                `${explainHistoryRefusal(f, entry.channel)} To avoid posting it twice I stopped: look in ` +
                  `${channelLink(entry.channel)}, and press Retry only if it is not there.`,
              );
            }
            return retrying(
              entry,
              `I could not check ${channelLink(entry.channel)} for an earlier attempt (${describe(f)}); I will look ` +
                `again shortly.`,
            );
          }
          if (looked.ts) return sent(entry, looked.ts, entry.channel, true);
          await store.transition(id, ['sending'], 'pending', { holder: instanceId });
          continue;
        }
        case 'pending': {
          if (posts >= maxAttempts) {
            await store.transition(id, ['pending'], 'pending', {
              error: 'Slack did not answer; it will be retried automatically.',
              holder: instanceId,
            });
            return retrying(entry, `Slack did not answer after ${posts} tries; I will try again in a few minutes.`);
          }
          if (!(await store.beginSending(id, instanceId, clock.now()))) continue;
          posts++;
          try {
            const result = await slack.postMessage({
              channel: entry.channel,
              text: entry.message.text,
              blocks: entry.message.blocks,
              metadata: { event_type: ANNOUNCEMENT_EVENT_TYPE, event_payload: { outbox_id: entry.id } },
            });
            return await sent(entry, result.ts, result.channel || entry.channel, false);
          } catch (err) {
            const f = slackFailureOf(err);
            if (f.kind === 'refused') return fail(entry, 'sending', explainRefusal(f, entry.channel));
            if (f.kind === 'rate_limited') {
              // A 429 means Slack did not take the message: back to pending, wait, post again.
              await store.transition(id, ['sending'], 'pending', {
                error: `Slack asked me to wait ${f.retryAfterSeconds}s.`,
                holder: instanceId,
              });
              if (waits >= maxRateLimitWaits)
                return retrying(entry, `Slack kept asking me to wait; I will try again in a few minutes.`);
              waits++;
              posts--;
              await clock.sleep(f.retryAfterSeconds * 1000);
            } else {
              // Unknown outcome: stay "sending" so the next turn looks in the channel before posting again.
              await clock.sleep(backoffMs * 2 ** (posts - 1));
            }
            continue;
          }
        }
      }
    }
  };

  /** Takes the entry's lease (or hears where it stands), then works on it while renewing the lease in the
   *  background, so a long Slack call or Retry-After wait does not let it lapse. */
  const attempt = async (id: string, takeOver: boolean): Promise<DeliveryOutcome> => {
    const leased = await store.lease(id, newLease(), clock.now(), { takeOver });
    if (!leased) {
      const entry = await store.getOutbox(id);
      if (!entry) return { status: 'not-deliverable', entry: null, reason: 'There is no such announcement.' };
      return settled(entry) ?? takenOver(entry);
    }
    const heartbeat = setInterval(
      () =>
        void store
          .lease(id, newLease(), clock.now())
          .catch((err: unknown) => log(`could not renew the lease of announcement ${id}: ${String(err)}`)),
      Math.max(50, leaseMs / 3),
    ).unref();
    try {
      return await work(id);
    } finally {
      clearInterval(heartbeat);
    }
  };

  const deliverOnce = (id: string, takeOver: boolean): Promise<DeliveryOutcome> => {
    const running = inFlight.get(id);
    if (running) return running;
    const run = attempt(id, takeOver).finally(() => inFlight.delete(id));
    inFlight.set(id, run);
    return run;
  };

  const deliverAll = async (entries: OutboxEntry[], takeOver = false) => {
    const outcomes: DeliveryOutcome[] = [];
    for (const entry of entries) outcomes.push(await deliverOnce(entry.id, takeOver));
    return outcomes;
  };

  /** Whether another instance held the entry and stopped renewing it (it died). */
  const abandoned = (e: OutboxEntry, now: number) => e.leaseOwner !== null && (e.leaseUntil ?? 0) <= now;

  return {
    instanceId,
    newLease,
    deliver: (id) => deliverOnce(id, false),
    recover: async () => {
      const entries = await store.undelivered();
      if (!store.shared) return deliverAll(entries, true);
      const now = clock.now();
      return deliverAll(entries.filter((e) => e.leaseOwner === null || abandoned(e, now)));
    },
    retryStale: async () => {
      const now = clock.now();
      return deliverAll(
        (await store.undelivered()).filter(
          (e) =>
            !inFlight.has(e.id) &&
            (e.leaseOwner === null
              ? e.attemptStartedAt === null || now - e.attemptStartedAt >= retryIntervalMs
              : abandoned(e, now)),
        ),
      );
    },
  };
}

function describe(f: SlackFailure): string {
  if (f.kind === 'refused') return f.code;
  if (f.kind === 'rate_limited') return 'Slack asked me to slow down';
  return 'Slack did not answer';
}

/** Why Slack refused a post, and what the admin can do about it. */
function explainRefusal(f: { code: string; needed?: string }, channel: string): string {
  const where = channelLink(channel);
  switch (f.code) {
    case 'not_in_channel':
      return `I'm not in ${where}: invite me with \`/invite @airisk\` in that channel, then press Retry.`;
    case 'channel_not_found':
      return (
        `I can't see that channel (${where}): it may be private or deleted. Invite me with \`/invite @airisk\` ` +
        `there, or announce to another channel.`
      );
    case 'is_archived':
      return `${where} is archived: unarchive it or announce to another channel.`;
    case 'restricted_action':
    case 'restricted_action_read_only_channel':
    case 'restricted_action_non_threadable_channel':
      return (
        `Slack doesn't let me post in ${where} (only some members may post there). Ask a workspace admin, or ` +
        `announce to another channel.`
      );
    case 'missing_scope':
      return (
        `The app is missing a Slack permission${f.needed ? ` (${f.needed})` : ''}: reinstall it from ` +
        `manifest.yml, then press Retry.`
      );
    case 'not_authed':
    case 'invalid_auth':
    case 'account_inactive':
    case 'token_revoked':
    case 'token_expired':
      return `Slack refused the bot's token (${f.code}): check SLACK_BOT_TOKEN, then press Retry.`;
    case 'msg_too_long':
    case 'invalid_blocks':
    case 'too_many_attachments':
      return (
        `Slack refused the message itself (${f.code}); nothing was posted. Please report this to whoever runs ` +
        `airisk.`
      );
    default:
      return `Slack refused to post in ${where} (${f.code}). Nothing was posted; press Retry once it is fixed.`;
  }
}

function explainHistoryRefusal(f: { code: string; needed?: string }, channel: string): string {
  if (f.code === 'missing_scope') {
    return (
      `An earlier attempt to post in ${channelLink(channel)} was interrupted, and I can't read that channel's ` +
      `history to see whether it went out (missing permission${f.needed ? ` ${f.needed}` : ''}).`
    );
  }
  return (
    `An earlier attempt to post in ${channelLink(channel)} was interrupted, and Slack would not show me the ` +
    `channel's history (${f.code}) to see whether it went out.`
  );
}
