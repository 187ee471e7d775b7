// The HR features wired for the Slack app: opens the store (DATABASE_URL, else AIRISK_DB_PATH) unless given one,
// builds the HR service on its own retry-free Web API client with the Block Kit renderer, and finishes
// interrupted deliveries and starts the scheduler on start().
import type { Settings } from '../config/settings.js';
import { createAdminPolicy } from '../hr/admins.js';
import { systemClock, type Clock } from '../hr/clock.js';
import { knowledgeView } from '../hr/knowledge.js';
import { createHrService, type HrServiceOptions } from '../hr/service.js';
import type { HrSlackApi } from '../hr/slack-api.js';
import { createHrWebClient } from '../hr/web-client.js';
import { announcementRenderer, hrReplyMessage } from '../renderers/blockkit/hr.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/types.js';
import type { Engine } from '../engine/types.js';
import type { SlackHr } from '../transports/slack/start.js';

export interface SlackHrOptions {
  /** The engine of the moment (a function when knowledge can reload). */
  engine: Engine | (() => Engine);
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
  const { engine } = options;
  const current = typeof engine === 'function' ? engine : () => engine;
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
    view: knowledgeView(current),
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
          `finished ${outcomes.length} announcement(s) left from before the restart: ` +
            `${outcomes.map((o) => o.status).join(', ')}`,
        );
      return outcomes;
    },
    async stop() {
      await service.stop();
      if (!options.store) await store.close();
    },
  };
}
