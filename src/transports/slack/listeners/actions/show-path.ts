// "Reskilling path" button: the path of the card's role, just for the person who clicked.
import type { AllMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { answerMessage } from '../../../../renderers/blockkit/messages.js';
import { replyEphemeral } from '../../reply.js';
import { clickOf, type ButtonArgs } from './args.js';
import { answeredInDmThread } from './in-thread.js';

export function showPath(deps: SlackDeps) {
  return async (args: ButtonArgs & AllMiddlewareArgs): Promise<void> => {
    await args.ack();
    const click = clickOf(args);
    if (await answeredInDmThread(args, deps, { kind: 'path-of', roleId: click.roleId })) return;
    const answer = deps.engine.path(click.roleId);
    await replyEphemeral(args.body.response_url, args.client, click, answerMessage(answer), {
      replace_original: false,
    });
  };
}
