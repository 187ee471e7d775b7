// The HR features as one service the Slack listeners call: every method checks the caller is an HR admin, does
// the work against the store and Slack client it was given, and returns a plain reply for a renderer to draw.
// Listeners stay thin; nothing here knows about Bolt.
import type { HrReply, OutboxEntry } from '../answers/hr.js';
import { channelLink } from '../renderers/blockkit/text.js';
import { isChannelId, type HrCommand } from '../requests/hr.js';
import type { Store } from '../store/types.js';
import type { AdminPolicy } from './admins.js';
import { composeAnnouncement, recompose, type AnnouncementRenderer, type ComposeDeps } from './announcements.js';
import { nextRunAfter } from './cadence.js';
import type { Clock } from './clock.js';
import { createDelivery, type Delivery, type DeliveryOutcome } from './delivery.js';
import { buildInsights } from './insights.js';
import type { KnowledgeView } from './knowledge.js';
import { createScheduler, type Scheduler } from './scheduler.js';
import type { HrSlackApi } from './slack-api.js';
import { createUsageRecorder, type UsageRecorder } from './usage.js';

export interface HrServiceOptions {
  store: Store;
  slack: HrSlackApi;
  clock: Clock;
  view: KnowledgeView;
  render: AnnouncementRenderer;
  admins: AdminPolicy;
  defaultChannel: string | null;
  timeZone: string;
  /** Sends a reply to a user privately (a DM from the app), e.g. a scheduled digest that could not be posted. */
  notifyUser?: (userId: string, reply: HrReply) => Promise<void>;
  log?: (message: string) => void;
  schedulerTickMs?: number;
  delivery?: Partial<Parameters<typeof createDelivery>[0]>;
}

export interface HrService {
  readonly delivery: Delivery;
  readonly scheduler: Scheduler;
  readonly usage: UsageRecorder;
  /** /airisk announce | schedule | insights …, as read by src/requests/hr.ts. */
  command(userId: string, command: HrCommand): Promise<HrReply>;
  post(userId: string, outboxId: string): Promise<HrReply>;
  cancel(userId: string, outboxId: string): Promise<HrReply>;
  retry(userId: string, outboxId: string): Promise<HrReply>;
  /** The draft to edit, or why it cannot be edited. */
  editable(userId: string, outboxId: string): Promise<{ entry: OutboxEntry } | { reply: HrReply }>;
  saveEdit(userId: string, outboxId: string, change: { note: string | null; channel: string }): Promise<HrReply>;
  /** Finishes what a crash left undelivered, then starts the scheduler. */
  start(): Promise<DeliveryOutcome[]>;
  stop(): Promise<void>;
}

export function createHrService(options: HrServiceOptions): HrService {
  const { store, slack, clock, view, render, admins, defaultChannel, timeZone, notifyUser, log = () => {} } = options;
  const compose: ComposeDeps = { view, store, render, now: () => clock.now() };
  const delivery = createDelivery({ store, slack, clock, log, ...options.delivery });
  const scheduler = createScheduler({
    store,
    compose,
    delivery,
    clock,
    log,
    ...(options.schedulerTickMs ? { tickMs: options.schedulerTickMs } : {}),
    notifyFailure: async (schedule, outcome) => {
      await notifyUser?.(schedule.createdBy, { kind: 'delivery-failed', entry: outcome.entry, reason: outcome.reason });
    },
  });
  const usage = createUsageRecorder(store, clock, timeZone, log);
  const message = (text: string): HrReply => ({ kind: 'message', text });

  /** Runs `work` for HR admins only; everyone else gets the policy's polite refusal. */
  const asAdmin = async (userId: string, work: () => Promise<HrReply> | HrReply): Promise<HrReply> => {
    const decision = await admins.check(userId);
    return decision.allowed ? work() : message(decision.reason);
  };

  const channelOrDefault = (channel: string | null): string | null => channel ?? defaultChannel;
  const noChannel = (example: string) =>
    message(
      `Which channel? Add one at the end, e.g. \`${example} #hr-news\` (pick it from Slack's list), or ask whoever ` +
        `runs airisk to set HR_DEFAULT_CHANNEL.`,
    );

  const replyFor = (outcome: DeliveryOutcome): HrReply => {
    switch (outcome.status) {
      case 'sent':
        return { kind: 'delivered', entry: outcome.entry, recovered: outcome.recovered };
      case 'failed':
        return { kind: 'delivery-failed', entry: outcome.entry, reason: outcome.reason };
      case 'retrying':
        return { kind: 'delivery-pending', entry: outcome.entry, reason: outcome.reason };
      case 'not-deliverable':
        return outcome.entry ? statusReply(outcome.entry) : message(outcome.reason);
    }
  };

  /** What to say about an entry someone acts on after it moved on (a second click, an old preview). */
  const statusReply = (entry: OutboxEntry): HrReply => {
    switch (entry.status) {
      case 'sent':
        return { kind: 'delivered', entry, recovered: false };
      case 'cancelled':
        return { kind: 'cancelled', entry };
      case 'failed':
        return { kind: 'delivery-failed', entry, reason: entry.error ?? 'It could not be posted.' };
      case 'pending':
      case 'sending':
        return { kind: 'delivery-pending', entry, reason: entry.error ?? 'It is being posted.' };
      case 'draft':
        return { kind: 'preview', entry };
    }
  };

  const find = async (outboxId: string): Promise<OutboxEntry | HrReply> =>
    (await store.getOutbox(outboxId)) ?? message('I no longer have that announcement: run `/airisk announce` again.');
  const isEntry = (x: OutboxEntry | HrReply): x is OutboxEntry => 'status' in x;

  const run = async (userId: string, command: HrCommand): Promise<HrReply> => {
    switch (command.kind) {
      case 'usage':
        return command;
      case 'announce': {
        const channel = channelOrDefault(command.channel);
        if (!channel)
          return noChannel(
            `/airisk announce ${command.target.type === 'role' ? command.target.text : command.target.type}`,
          );
        const composed = await composeAnnouncement(compose, command.target, channel, null);
        if (!composed.ok)
          return 'answer' in composed ? { kind: 'choose-role', answer: composed.answer } : message(composed.reason);
        const a = composed.announcement;
        const entry = await store.createOutbox({
          kind: a.kind,
          subject: a.subject,
          channel,
          message: a.message,
          note: a.content.note,
          status: 'draft',
          requestedBy: userId,
          onDelivered: a.onDelivered,
        });
        await store.audit(
          { actor: userId, action: 'previewed', channel, outboxId: entry.id, kind: entry.kind, subject: entry.subject },
          clock.now(),
        );
        return { kind: 'preview', entry };
      }
      case 'schedule-add': {
        const channel = channelOrDefault(command.channel);
        if (!channel) return noChannel(`/airisk schedule add ${command.cadence.text} ${command.digest}`);
        const now = clock.now();
        const schedule = await store.addSchedule({
          kind: command.digest,
          pattern: command.cadence.pattern,
          cadence: command.cadence.text,
          timezone: timeZone,
          channel,
          createdBy: userId,
          createdAt: now,
          nextRunAt: nextRunAfter(command.cadence.pattern, timeZone, now),
        });
        await store.audit(
          {
            actor: userId,
            action: 'schedule-added',
            channel,
            kind: schedule.kind,
            detail: `schedule ${schedule.id}: ${schedule.cadence}`,
          },
          now,
        );
        return { kind: 'schedule-added', schedule };
      }
      case 'schedule-list':
        return { kind: 'schedules', schedules: await store.schedules(), timeZone };
      case 'schedule-remove': {
        const schedule = await store.getSchedule(command.id);
        if (!schedule || !(await store.removeSchedule(command.id)))
          return message(
            `There is no schedule ${command.id}. \`/airisk schedule list\` shows the schedules and their numbers.`,
          );
        await store.audit(
          {
            actor: userId,
            action: 'schedule-removed',
            channel: schedule.channel,
            kind: schedule.kind,
            detail: `schedule ${schedule.id}: ${schedule.cadence}`,
          },
          clock.now(),
        );
        return { kind: 'schedule-removed', schedule };
      }
      case 'insights':
        return { kind: 'insights', insights: await buildInsights(store, view, clock.now(), timeZone) };
    }
  };

  return {
    delivery,
    scheduler,
    usage,
    command: (userId, command) => asAdmin(userId, () => run(userId, command)),

    post: (userId, outboxId) =>
      asAdmin(userId, async () => {
        const entry = await find(outboxId);
        if (!isEntry(entry)) return entry;
        // Only the first click confirms, on whichever instance it lands, and takes the entry's lease in the same
        // step; any later click (or a second admin) just hears where it stands.
        if (!(await store.transition(outboxId, ['draft'], 'pending', { lease: delivery.newLease() })))
          return statusReply((await store.getOutbox(outboxId)) ?? entry);
        await store.audit(
          {
            actor: userId,
            action: 'confirmed',
            channel: entry.channel,
            outboxId,
            kind: entry.kind,
            subject: entry.subject,
          },
          clock.now(),
        );
        return replyFor(await delivery.deliver(outboxId));
      }),

    retry: (userId, outboxId) =>
      asAdmin(userId, async () => {
        const entry = await find(outboxId);
        if (!isEntry(entry)) return entry;
        if (!(await store.transition(outboxId, ['failed'], 'pending', { lease: delivery.newLease() })))
          return statusReply((await store.getOutbox(outboxId)) ?? entry);
        await store.audit(
          {
            actor: userId,
            action: 'retried',
            channel: entry.channel,
            outboxId,
            kind: entry.kind,
            subject: entry.subject,
          },
          clock.now(),
        );
        return replyFor(await delivery.deliver(outboxId));
      }),

    cancel: (userId, outboxId) =>
      asAdmin(userId, async () => {
        const entry = await find(outboxId);
        if (!isEntry(entry)) return entry;
        if (!(await store.transition(outboxId, ['draft'], 'cancelled')))
          return statusReply((await store.getOutbox(outboxId)) ?? entry);
        await store.audit(
          {
            actor: userId,
            action: 'cancelled',
            channel: entry.channel,
            outboxId,
            kind: entry.kind,
            subject: entry.subject,
          },
          clock.now(),
        );
        return { kind: 'cancelled', entry: (await store.getOutbox(outboxId)) ?? entry };
      }),

    async editable(userId, outboxId) {
      const decision = await admins.check(userId);
      if (!decision.allowed) return { reply: message(decision.reason) };
      const entry = await find(outboxId);
      if (!isEntry(entry)) return { reply: entry };
      return entry.status === 'draft' ? { entry } : { reply: statusReply(entry) };
    },

    saveEdit: (userId, outboxId, change) =>
      asAdmin(userId, async () => {
        const entry = await find(outboxId);
        if (!isEntry(entry)) return entry;
        if (entry.status !== 'draft') return statusReply(entry);
        if (!isChannelId(change.channel)) return message('That is not a channel: pick one from the list.');
        const note = change.note?.trim() || null;
        if (!note && entry.kind !== 'digest')
          return message(
            'An announcement of a role needs a note above the card: say what it means for your people, or keep the ' +
              'default.',
          );
        const composed = await recompose(compose, entry.kind, entry.subject, change.channel, note);
        if (!composed.ok)
          return 'answer' in composed ? { kind: 'choose-role', answer: composed.answer } : message(composed.reason);
        const a = composed.announcement;
        if (
          !(await store.updateDraft(outboxId, {
            message: a.message,
            note,
            channel: change.channel,
            onDelivered: a.onDelivered,
          }))
        )
          return statusReply((await store.getOutbox(outboxId)) ?? entry);
        const detail = [
          note !== entry.note ? 'note changed' : null,
          change.channel !== entry.channel
            ? `channel ${channelLink(entry.channel)} → ${channelLink(change.channel)}`
            : null,
        ]
          .filter(Boolean)
          .join('; ');
        await store.audit(
          {
            actor: userId,
            action: 'edited',
            channel: change.channel,
            outboxId,
            kind: entry.kind,
            subject: entry.subject,
            detail: detail || null,
          },
          clock.now(),
        );
        return { kind: 'preview', entry: (await store.getOutbox(outboxId)) ?? entry };
      }),

    async start() {
      const outcomes = await delivery.recover();
      for (const outcome of outcomes) {
        if (outcome.status !== 'failed') continue;
        const { requestedBy, scheduleId } = outcome.entry;
        const recipient =
          requestedBy ?? (scheduleId !== null ? (await store.getSchedule(scheduleId))?.createdBy : undefined);
        if (recipient)
          await notifyUser?.(recipient, replyFor(outcome)).catch((err: unknown) =>
            log(`could not tell ${recipient} about a failed announcement: ${String(err)}`),
          );
      }
      scheduler.start();
      return outcomes;
    },
    stop: () => scheduler.stop(),
  };
}
