// "Helpful" / "Not helpful": counted anonymously (role id and day only), thanked privately.
import type { AllMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { feedbackThanksMessage } from '../../../../renderers/blockkit/notice.js';
import { replyEphemeral } from '../../reply.js';
import { clickOf, type ButtonArgs } from './args.js';

export function feedback(deps: SlackDeps, helpful: boolean) {
  return async (args: ButtonArgs & AllMiddlewareArgs): Promise<void> => {
    await args.ack();
    const click = clickOf(args);
    deps.hooks.onFeedback?.(click.roleId, helpful);
    // An expired response_url falls back to chat.postEphemeral, like every other private reply.
    await replyEphemeral(args.body.response_url, args.client, click, feedbackThanksMessage(helpful), {
      replace_original: false,
    });
  };
}
