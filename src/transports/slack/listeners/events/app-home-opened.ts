// The App Home tab: what the bot does, how to ask, popular roles and a lookup button.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { homeView } from '../../../../renderers/blockkit/views.js';

export function appHomeOpened(deps: SlackDeps) {
  return async ({ event, client }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs): Promise<void> => {
    if (event.tab !== 'home') return;
    await client.views.publish({ user_id: event.user, view: homeView(deps.engine.help()) });
  };
}
