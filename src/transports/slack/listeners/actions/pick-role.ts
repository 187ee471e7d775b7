// A role button (candidate, suggestion, popular role, path move): that role's score card.
import type { AllMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { answerAndReply, ephemeralReply, postedReply } from '../../pipeline.js';
import { clickOf, type ButtonArgs } from './args.js';
import { answeredInDmThread } from './in-thread.js';

export function pickRole(deps: SlackDeps) {
  return async (args: ButtonArgs & AllMiddlewareArgs): Promise<void> => {
    await args.ack();
    const click = clickOf(args);
    const request = { kind: 'card', id: click.roleId } as const;
    if (await answeredInDmThread(args, deps, request)) return;
    // From App Home or a modal there is no channel or response_url: the card goes to the person's DM.
    const reply =
      !args.body.channel?.id && !args.body.response_url
        ? postedReply(args.client, click.user)
        : ephemeralReply(args.body.response_url, args.client, click, { replace_original: false });
    await answerAndReply(deps, request, reply);
  };
}
