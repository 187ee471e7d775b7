// A button on a card in an assistant thread (a candidate, "Reskilling path", a move on a path): the answer goes
// in that thread, where the person is looking, rather than as an ephemeral reply beside it, and the thread
// remembers its new role and title as it does for a typed message. Only in a DM, where posting is as private as
// an ephemeral reply.
import type { AllMiddlewareArgs } from '@slack/bolt';
import type { AnswerRequest } from '../../../../requests/types.js';
import type { SlackDeps } from '../../deps.js';
import { answerAndReply, postedReply } from '../../pipeline.js';
import { rememberAnswer } from '../assistant/remember.js';
import { clickOf, type ButtonArgs } from './args.js';

/** Answers in the clicked message's DM thread; false when the message is not in one (answer as usual). */
export async function answeredInDmThread(
  args: ButtonArgs & AllMiddlewareArgs,
  deps: SlackDeps,
  request: AnswerRequest,
): Promise<boolean> {
  const { channel, dmThreadTs } = clickOf(args);
  if (!channel || !dmThreadTs) return false;
  const thread = { channel, threadTs: dmThreadTs };
  const answer = await answerAndReply(deps, request, postedReply(args.client, channel, dmThreadTs));
  if (deps.threads)
    await rememberAnswer(
      deps.threads,
      thread,
      answer,
      (title) => args.client.assistant.threads.setTitle({ channel_id: channel, thread_ts: dmThreadTs, title }),
      args.logger,
    );
  return true;
}
