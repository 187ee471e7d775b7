// "Share in channel": the card, without its buttons, posted visibly in the conversation.
import type { AllMiddlewareArgs, RespondArguments } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { roleCardMessage } from '../../../../renderers/blockkit/messages.js';
import { clickOf, type ButtonArgs } from './args.js';

export function shareCard(deps: SlackDeps) {
  return async (args: ButtonArgs & AllMiddlewareArgs): Promise<void> => {
    await args.ack();
    const card = deps.engine.roleById(clickOf(args).roleId);
    if (!card) return;
    await args.respond({ response_type: 'in_channel', replace_original: false, ...roleCardMessage(card, { shared: true }) } as RespondArguments);
  };
}
