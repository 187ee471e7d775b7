// "Share in channel": the card, without its personal buttons, posted visibly in the conversation. Not counted
// again: the person who shares it was counted when they asked.
import type { AllMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { answerAndReply, sharedReply } from '../../pipeline.js';
import { clickOf, type ButtonArgs } from './args.js';

export function shareCard(deps: SlackDeps) {
  return async (args: ButtonArgs & AllMiddlewareArgs): Promise<void> => {
    await args.ack();
    const click = clickOf(args);
    if (!deps.engine.card(click.roleId)) return;
    const reply = sharedReply(args.body.response_url, args.client, click);
    await answerAndReply(deps, { kind: 'card', id: click.roleId }, reply, { count: false });
  };
}
