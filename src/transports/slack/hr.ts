// The HR features for the Slack app: opens the store (DATABASE_URL, else AIRISK_DB_PATH) unless given one,
// builds the HR service on its own retry-free Web API client, and finishes interrupted deliveries and starts
// the scheduler on start().
import type { Settings } from '../../config/settings.js';
import { createAdminPolicy } from '../../hr/admins.js';
import { systemClock, type Clock } from '../../hr/clock.js';
import type { DeliveryOutcome } from '../../hr/delivery.js';
import { knowledgeView } from '../../hr/knowledge.js';
import { createHrService, type HrService, type HrServiceOptions } from '../../hr/service.js';
import type { HrSlackApi } from '../../hr/slack-api.js';
import { createHrWebClient } from '../../hr/web-client.js';
import { announcementRenderer, hrReplyMessage } from '../../renderers/blockkit/hr.js';
import { openStore } from '../../store/open.js';
import type { Store } from '../../store/types.js';
import type { Booted } from '../boot.js';

export interface SlackHr {
  service: HrService;
  store: Store;
  /** Delivers what a crash left in the outbox, then starts the scheduler. */
  start(): Promise<DeliveryOutcome[]>;
  /** Stops the scheduler and closes the store (if it opened it). */
  stop(): Promise<void>;
}

export interface SlackHrOptions {
  /** The engine and catalog of the moment (a function when knowledge can reload). */
  booted: Booted | (() => Booted);
  settings: Settings;
  clock?: Clock;
  /** Defaults to a WebClient on SLACK_BOT_TOKEN and SLACK_API_URL with SDK retries off. */
  slackApi?: HrSlackApi;
  log?: (message: string) => void;
  schedulerTickMs?: number;
  delivery?: HrServiceOptions['delivery'];
  /** An open store to use (and leave open); by default the one the settings name is opened and closed here. */
  store?: Store;
}

export async function createSlackHr(options: SlackHrOptions): Promise<SlackHr> {
  const { settings, clock = systemClock, log = (m) => console.log(`[hr] ${m}`) } = options;
  const hr = settings.hr;
  const booted = options.booted;
  const current = typeof booted === 'function' ? booted : () => booted;
  const slack =
    options.slackApi ??
    createHrWebClient({
      token: settings.botToken ?? '',
      ...(settings.slackApiUrl ? { slackApiUrl: settings.slackApiUrl } : {}),
    });
  const store = options.store ?? (await openStore(hr, { now: () => clock.now(), log }));
  if (!hr.adminUserIds.length && !hr.adminUsergroup)
    log(
      'No HR admins set (HR_ADMIN_USER_IDS, HR_ADMIN_USERGROUP): announce, schedule and insights will refuse everyone.',
    );
  const service = createHrService({
    store,
    slack,
    clock,
    view: knowledgeView(() => current().engine),
    render: announcementRenderer(hr.timeZone),
    admins: createAdminPolicy({ userIds: hr.adminUserIds, usergroup: hr.adminUsergroup, slack, clock }),
    defaultChannel: hr.defaultChannel,
    timeZone: hr.timeZone,
    // A DM from the app (its Messages tab), e.g. a scheduled digest that could not be posted, with Retry.
    notifyUser: async (userId, reply) => {
      await slack.postMessage({ channel: userId, ...hrReplyMessage(reply) });
    },
    log,
    ...(options.schedulerTickMs ? { schedulerTickMs: options.schedulerTickMs } : {}),
    ...(options.delivery ? { delivery: options.delivery } : {}),
  });
  return {
    service,
    store,
    async start() {
      const outcomes = await service.start();
      if (outcomes.length)
        log(
          `finished ${outcomes.length} announcement(s) left from before the restart: ${outcomes.map((o) => o.status).join(', ')}`,
        );
      return outcomes;
    },
    async stop() {
      await service.stop();
      if (!options.store) await store.close();
    },
  };
}
