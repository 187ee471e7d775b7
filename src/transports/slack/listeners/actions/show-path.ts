// "Reskilling path" button: the path of the card's role (by id), just for the person who clicked.
import type { AllMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { answerAndReply, ephemeralReply } from '../../pipeline.js';
import { clickOf, type ButtonArgs } from './args.js';
import { answeredInDmThread } from './in-thread.js';

export function showPath(deps: SlackDeps) {
  return async (args: ButtonArgs & AllMiddlewareArgs): Promise<void> => {
    await args.ack();
    const click = clickOf(args);
    const request = { kind: 'path', role: { id: click.roleId } } as const;
    if (await answeredInDmThread(args, deps, request)) return;
    const reply = ephemeralReply(args.body.response_url, args.client, click, { replace_original: false });
    await answerAndReply(deps, request, reply);
  };
}
