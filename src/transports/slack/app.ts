// Builds the Bolt app: HTTP receiver, Socket Mode, or a receiver handed in (the local preview's).
import { App, LogLevel, type Authorize, type Logger, type Receiver } from '@slack/bolt';
import { WebClient, type WebClientOptions } from '@slack/web-api';
import { logText } from '../log-text.js';
import type { Settings } from '../../config/settings.js';
import type { Engine } from '../../engine/types.js';
import type { SlackDeps, SlackHooks } from './deps.js';
import type { HrService } from '../../hr/service.js';
import type { Store } from '../../store/types.js';
import { memoryEventDedupe, storeEventDedupe } from './event-dedupe.js';
import { registerActions } from './listeners/actions/index.js';
import { registerAssistant } from './listeners/assistant/index.js';
import { registerFunctions } from './listeners/functions/index.js';
import { registerHr } from './listeners/hr/index.js';
import { registerShortcuts } from './listeners/shortcuts/index.js';
import { localThreadMemory, storeThreadMemory } from './thread-memory.js';
import { registerCommands } from './listeners/commands/index.js';
import { registerEvents } from './listeners/events/index.js';
import { registerViews } from './listeners/views/index.js';
import { slackReceiver, type GuardedReceiver } from './receivers.js';

export interface SlackAppOptions {
  engine: Engine;
  settings: Settings;
  receiver?: Receiver;
  /** Defaults to Bolt's console logger at LOG_LEVEL. */
  logger?: Logger;
  hooks?: SlackHooks;
  /** The HR features: adds the announce, schedule and insights subcommands, their buttons and modal, and
   *  counts lookups and votes for insights. */
  hr?: HrService;
  /** Shared state (Events API retry dedupe, assistant threads) across instances; without it, per process. */
  store?: Store;
  /** Web API retries; tests shorten them. */
  retryConfig?: { retries: number; minTimeout?: number; maxTimeout?: number; factor?: number };
}

export function createSlackApp(options: SlackAppOptions): App {
  const { settings } = options;
  const clientOptions = {
    ...(settings.slackApiUrl ? { slackApiUrl: settings.slackApiUrl } : {}),
    retryConfig: options.retryConfig ?? { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 5000 },
  };
  const logLevel = { debug: LogLevel.DEBUG, info: LogLevel.INFO, warn: LogLevel.WARN, error: LogLevel.ERROR }[
    settings.logLevel
  ];
  // A receiver handed in (the local preview's) builds its own payloads; Slack's own traffic is guarded.
  const { receiver, guard }: GuardedReceiver = options.receiver
    ? { receiver: options.receiver }
    : slackReceiver(settings, { logLevel, clientOptions, ...(options.logger ? { logger: options.logger } : {}) });
  const app = new App({
    authorize: botAuthorization(settings.botToken ?? 'xoxb-preview', clientOptions),
    receiver,
    logLevel,
    ...(options.logger ? { logger: options.logger } : {}),
    clientOptions,
    ignoreSelf: true,
    // No listener reads conversation state; Bolt's default in-memory store would only add work per request.
    convoStore: false,
  });
  guard?.(app.logger);

  // Slack retries an event it thinks we missed, maybe to another instance: each event id is answered once.
  const events = options.store
    ? storeEventDedupe(options.store, { log: (m) => app.logger.warn(m) })
    : memoryEventDedupe();
  app.use(async (args) => {
    const eventId = (args.body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string' && !(await events.firstSighting(eventId))) {
      // Bolt acknowledges events itself, except function_executed, which its listener acknowledges: a retry
      // dropped here must still be acknowledged, or Slack counts it as failed and retries again.
      await (args as { ack?: () => Promise<void> }).ack?.();
      return;
    }
    await args.next();
  });

  app.error(async (error) => {
    // Logged without request bodies or tokens; the process keeps serving.
    app.logger.error(logText(`airisk listener failed: ${error.code ?? ''} ${error.message}`));
  });

  const { hr } = options;
  registerListeners(app, {
    engine: options.engine,
    hooks: hr ? withUsageCounts(options.hooks ?? {}, hr) : (options.hooks ?? {}),
    ...(hr ? { hr } : {}),
    ...(options.store ? { threads: storeThreadMemory(options.store, { log: (m) => app.logger.warn(m) }) } : {}),
  });
  return app;
}

/** The single workspace's bot token, with the bot's ids from one auth.test, made on the first request rather
 *  than at start-up (so starting does not depend on Slack) and then remembered. Bolt's own token option without
 *  start-up verification calls auth.test before every request, which put a Slack round trip in front of every
 *  acknowledgement. If auth.test fails the request is still answered (without the ids) and the next one retries. */
function botAuthorization(botToken: string, clientOptions: WebClientOptions): Authorize<boolean> {
  const client = new WebClient(botToken, { ...clientOptions, retryConfig: { retries: 0 }, timeout: 3000 });
  let identity: Promise<{ botId?: string; botUserId?: string }> | undefined;
  return async (source) => {
    identity ??= client.auth.test().then(
      (r) => ({ ...(r.bot_id ? { botId: r.bot_id } : {}), ...(r.user_id ? { botUserId: r.user_id } : {}) }),
      () => {
        identity = undefined;
        return {};
      },
    );
    return {
      botToken,
      ...(await identity),
      ...(source.teamId ? { teamId: source.teamId } : {}),
      ...(source.enterpriseId ? { enterpriseId: source.enterpriseId } : {}),
    };
  };
}

/** Adds the HR insights' anonymous counting (role or FAQ id and day) to whatever hooks were given. */
function withUsageCounts(hooks: SlackHooks, hr: HrService): SlackHooks {
  return {
    onLookup(answer) {
      hooks.onLookup?.(answer);
      hr.usage.answered(answer);
    },
    onFeedback(roleId, helpful) {
      hooks.onFeedback?.(roleId, helpful);
      hr.usage.voted({ kind: 'role', id: roleId }, helpful);
    },
  };
}

export function registerListeners(app: App, given: SlackDeps): void {
  // One thread memory for the assistant and the buttons on its cards, in this process when there is no store.
  const deps = { ...given, threads: given.threads ?? localThreadMemory() };
  // First: the assistant takes the messages of its threads before the events' message listener sees them.
  registerAssistant(app, deps);
  registerCommands(app, deps);
  registerEvents(app, deps);
  registerActions(app, deps);
  registerViews(app, deps);
  registerShortcuts(app, deps);
  registerFunctions(app, deps);
  // HR's buttons and modal only when HR is on; its subcommands come through /airisk.
  if (deps.hr) registerHr(app, deps.hr);
}
