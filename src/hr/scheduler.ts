// Runs scheduled digests. Schedules live in the store with their next run time; each tick fires those that are
// due. The next run is computed from now, not from the missed slot, so a digest missed while the app was down
// goes out once when it comes back. Claiming the run and recording the digest in the outbox happen in one
// transaction, so a crash right after a tick neither loses the digest nor posts it twice. Every instance ticks;
// a slot is claimed once across them (the store's claimRun), and the digest is created leased to the claimer,
// so if that instance dies before or while posting it another completes it once (delivery.retryStale).
import type { OutboxEntry, Schedule, Store } from '../store/types.js';
import { composeAnnouncement, digestHasNews, type ComposeDeps } from './announcements.js';
import { nextRunAfter } from './cadence.js';
import type { Clock } from './clock.js';
import type { Delivery, DeliveryOutcome } from './delivery.js';

export interface SchedulerOptions {
  store: Store;
  compose: ComposeDeps;
  delivery: Delivery;
  clock: Clock;
  /** Tells a schedule's creator that its digest could not be posted. */
  notifyFailure?: (schedule: Schedule, outcome: DeliveryOutcome & { status: 'failed' }) => Promise<void>;
  log?: (message: string) => void;
  tickMs?: number;
}

interface TickReport {
  fired: { schedule: Schedule; entry: OutboxEntry | null; outcome: DeliveryOutcome | null; skipped?: string }[];
  retried: DeliveryOutcome[];
}

export interface Scheduler {
  tick(): Promise<TickReport>;
  /** Ticks now and then every tickMs until stop(). */
  start(): void;
  stop(): Promise<void>;
}

export function createScheduler(options: SchedulerOptions): Scheduler {
  const { store, compose, delivery, clock, notifyFailure, log = () => {}, tickMs = 30_000 } = options;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<TickReport> | null = null;

  const fire = async (schedule: Schedule, now: number): Promise<TickReport['fired'][number] | null> => {
    const nextRunAt = nextRunAfter(schedule.pattern, schedule.timezone, now);
    const composed = await composeAnnouncement(compose, { type: schedule.kind }, schedule.channel, null);
    const actor = `schedule ${schedule.id}`;
    let skipped: string | undefined;
    if (!composed.ok) skipped = 'reason' in composed ? composed.reason : 'nothing to announce';
    else if (!digestHasNews(composed.announcement))
      skipped = 'nothing changed in the knowledge base since the last digest';
    const a = composed.ok && !skipped ? composed.announcement : null;
    const claim = await store.claimRun(schedule.id, {
      expectedNextRunAt: schedule.nextRunAt,
      nextRunAt,
      at: now,
      entry: a
        ? {
            kind: a.kind,
            subject: a.subject,
            channel: schedule.channel,
            message: a.message,
            note: a.content.note,
            status: 'pending',
            requestedBy: null,
            onDelivered: a.onDelivered,
            lease: delivery.newLease(),
          }
        : null,
    });
    if (!claim.claimed) return null;
    if (!claim.entry) {
      await store.audit(
        { actor, action: 'skipped', channel: schedule.channel, kind: schedule.kind, detail: skipped ?? null },
        now,
      );
      return { schedule, entry: null, outcome: null, skipped };
    }
    await store.audit(
      {
        actor,
        action: 'confirmed',
        channel: schedule.channel,
        outboxId: claim.entry.id,
        kind: claim.entry.kind,
        subject: claim.entry.subject,
      },
      now,
    );
    const outcome = await delivery.deliver(claim.entry.id);
    if (outcome.status === 'failed' && notifyFailure) {
      await notifyFailure(schedule, outcome).catch((err: unknown) =>
        log(`could not tell the creator of schedule ${schedule.id} about a failure: ${String(err)}`),
      );
    }
    return { schedule, entry: claim.entry, outcome };
  };

  const tickOnce = async (): Promise<TickReport> => {
    const now = clock.now();
    const fired: TickReport['fired'] = [];
    for (const schedule of await store.schedules()) {
      if (schedule.nextRunAt > now) continue;
      try {
        const result = await fire(schedule, now);
        if (result) fired.push(result);
      } catch (err) {
        log(`schedule ${schedule.id} could not run: ${(err as Error).message}`);
      }
    }
    const retried = await delivery.retryStale();
    return { fired, retried };
  };

  const tick = (): Promise<TickReport> => {
    // One tick at a time: a slow Slack must not make two ticks fire the same slot.
    running ??= tickOnce().finally(() => {
      running = null;
    });
    return running;
  };

  return {
    tick,
    start() {
      if (timer) return;
      const loop = () => {
        tick()
          .catch((err: unknown) => log(`scheduler tick failed: ${String(err)}`))
          .finally(() => {
            if (timer) timer = setTimeout(loop, tickMs).unref();
          });
      };
      timer = setTimeout(loop, 0).unref();
    },
    async stop() {
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
