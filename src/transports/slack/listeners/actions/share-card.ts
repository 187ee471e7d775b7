// "Share in channel": the card, without its buttons, posted visibly in the conversation.
import type { AllMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { roleCardMessage } from '../../../../renderers/blockkit/messages.js';
import { replyInChannel } from '../../reply.js';
import { clickOf, type ButtonArgs } from './args.js';

export function shareCard(deps: SlackDeps) {
  return async (args: ButtonArgs & AllMiddlewareArgs): Promise<void> => {
    await args.ack();
    const click = clickOf(args);
    const card = deps.engine.roleById(click.roleId);
    if (!card) return;
    await replyInChannel(args.body.response_url, args.client, click, roleCardMessage(card, { shared: true }));
  };
}
