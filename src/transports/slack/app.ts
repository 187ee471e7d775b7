// Builds the Bolt app: HTTP receiver, Socket Mode, or a receiver handed in (the local preview's).
import { App, LogLevel, SocketModeReceiver, type Receiver } from '@slack/bolt';
import type { Settings } from '../../config/settings.js';
import type { Engine } from '../../engine/types.js';
import type { SlackDeps, SlackHooks, Subcommand } from './deps.js';
import type { HrService } from '../../hr/service.js';
import { hrSubcommands } from './listeners/commands/hr-subcommands.js';
import { registerActions } from './listeners/actions/index.js';
import { registerCommands } from './listeners/commands/index.js';
import { registerEvents } from './listeners/events/index.js';
import { registerViews } from './listeners/views/index.js';

export interface SlackAppOptions {
  engine: Engine;
  settings: Settings;
  receiver?: Receiver;
  hooks?: SlackHooks;
  subcommands?: Map<string, Subcommand>;
  /** The HR features: adds the announce, schedule and insights subcommands, their buttons and modal, and
   *  counts lookups and votes for insights. */
  hr?: HrService;
  /** Web API retries; tests shorten them. */
  retryConfig?: { retries: number; minTimeout?: number; maxTimeout?: number; factor?: number };
}

/** Slack retries an event it thinks we missed; this many recent event ids are remembered to answer once. */
const SEEN_EVENTS = 5000;

export function createSlackApp(options: SlackAppOptions): App {
  const { settings } = options;
  const clientOptions = {
    ...(settings.slackApiUrl ? { slackApiUrl: settings.slackApiUrl } : {}),
    retryConfig: options.retryConfig ?? { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 5000 },
  };
  const logLevel = { debug: LogLevel.DEBUG, info: LogLevel.INFO, warn: LogLevel.WARN, error: LogLevel.ERROR }[settings.logLevel];
  const receiver =
    options.receiver ??
    (settings.mode === 'socket'
      ? new SocketModeReceiver({ appToken: settings.appToken ?? '', logLevel, installerOptions: { clientOptions } })
      : undefined);
  const app = new App({
    token: settings.botToken ?? 'xoxb-preview',
    ...(receiver ? { receiver } : { signingSecret: settings.signingSecret ?? '' }),
    logLevel,
    clientOptions,
    // The bot user id is not needed to answer; skipping auth.test keeps start-up independent of Slack.
    tokenVerificationEnabled: false,
    ignoreSelf: true,
  });

  const seen = new Set<string>();
  app.use(async ({ body, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string') {
      if (seen.has(eventId)) return;
      seen.add(eventId);
      if (seen.size > SEEN_EVENTS) seen.delete(seen.values().next().value as string);
    }
    await next();
  });

  app.error(async (error) => {
    // Logged without request bodies or tokens; the process keeps serving.
    app.logger.error(`airisk listener failed: ${error.code ?? ''} ${error.message}`);
  });

  const { hr } = options;
  const subcommands = new Map([...(options.subcommands ?? []), ...(hr ? hrSubcommands(hr) : [])]);
  registerListeners(app, { engine: options.engine, hooks: hr ? withUsageCounts(options.hooks ?? {}, hr) : (options.hooks ?? {}), subcommands, ...(hr ? { hr } : {}) });
  return app;
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

export function registerListeners(app: App, deps: SlackDeps): void {
  registerCommands(app, deps);
  registerEvents(app, deps);
  registerActions(app, deps);
  registerViews(app, deps);
}
