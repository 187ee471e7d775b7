// A role button (candidate, suggestion, popular role, path move): that role's score card.
import type { AllMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { answerMessage, messageFor } from '../../../../renderers/blockkit/messages.js';
import { replyEphemeral } from '../../reply.js';
import { clickOf, type ButtonArgs } from './args.js';
import { answeredInDmThread } from './in-thread.js';

export function pickRole(deps: SlackDeps) {
  return async (args: ButtonArgs & AllMiddlewareArgs): Promise<void> => {
    await args.ack();
    const click = clickOf(args);
    if (await answeredInDmThread(args, deps, { kind: 'role', roleId: click.roleId })) return;
    const answer = deps.engine.roleById(click.roleId) ?? deps.engine.ask(click.roleId);
    deps.hooks.onLookup?.(answer);
    // From App Home or a modal there is no channel or response_url: the card goes to the person's DM.
    if (!args.body.channel?.id && !args.body.response_url) {
      await args.client.chat.postMessage({ channel: click.user, ...messageFor(answer, 'posted') });
      return;
    }
    await replyEphemeral(args.body.response_url, args.client, click, answerMessage(answer), {
      replace_original: false,
    });
  };
}
