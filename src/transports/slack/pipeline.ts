// One answer pipeline for the Slack listeners: a request (src/requests/: typed text, a role's id, a follow-up in a
// thread) -> the engine's answer -> the anonymous usage count (role or FAQ id and day, for HR insights; never for
// an automation such as a workflow step) -> Block Kit for the surface it is shown on -> the reply.
import type { WebClient } from '@slack/web-api';
import type { Answer } from '../../answers/types.js';
import { messageFor, type MessageSurface, type SlackMessage } from '../../renderers/blockkit/messages.js';
import type { AnswerRequest } from '../../requests/types.js';
import type { SlackDeps } from './deps.js';
import { replyEphemeral, replyInChannel, type ResponseOptions } from './reply.js';

/** Where and how an answer is shown. */
export interface Reply {
  surface: MessageSurface;
  send(message: SlackMessage): Promise<unknown>;
}

/** Counts an answer shown to a person, anonymously (see SlackHooks.onLookup). */
export function recordLookup(deps: SlackDeps, answer: Answer): void {
  deps.hooks.onLookup?.(answer);
}

/** The engine's answer, counted unless `count` is false (an automation asking, not a person). */
export function answerFor(deps: SlackDeps, request: AnswerRequest, options: { count?: boolean } = {}): Answer {
  const answer = deps.engine.answer(request);
  if (options.count !== false) recordLookup(deps, answer);
  return answer;
}

/** Longest an answer waits for the warm-up (see afterWarmUp); past it, the answer builds what it needs itself. */
const MAX_WARM_UP_WAIT_MS = 5000;

/** Resolves once the engine's warm-up is no longer building what every card needs (at once when no warm-up is
 *  running). In the first second after a start, a request waits here, after its ack, rather than building the
 *  reskilling model on the spot and holding every request behind it (docs/PERFORMANCE.md, the first 3 s). */
async function afterWarmUp(engine: SlackDeps['engine'], maxWaitMs = MAX_WARM_UP_WAIT_MS): Promise<void> {
  const until = performance.now() + maxWaitMs;
  while (engine.warmingUp() && performance.now() < until) await new Promise((r) => setTimeout(r, 10));
}

/** Answers, counts, renders for the reply's surface and sends; resolves with the answer once it is sent. */
export async function answerAndReply(
  deps: SlackDeps,
  request: AnswerRequest,
  reply: Reply,
  options: { count?: boolean } = {},
): Promise<Answer> {
  await afterWarmUp(deps.engine);
  const answer = answerFor(deps, request, options);
  await reply.send(messageFor(answer, reply.surface));
  return answer;
}

/** Posted in a conversation (a DM, a channel; a person's id posts to their DM with the app), or in one of its
 *  threads (an assistant thread, a mention's thread). */
export function postedReply(client: WebClient, channel: string, threadTs?: string): Reply {
  return {
    surface: 'posted',
    send: (message) => client.chat.postMessage({ channel, ...(threadTs ? { thread_ts: threadTs } : {}), ...message }),
  };
}

/** Only for `where.user`: through the response_url, else chat.postEphemeral, else their DM (see replyEphemeral). */
export function ephemeralReply(
  responseUrl: string | undefined,
  client: WebClient,
  where: { channel?: string; user: string },
  options: ResponseOptions = {},
): Reply {
  return { surface: 'ephemeral', send: (message) => replyEphemeral(responseUrl, client, where, message, options) };
}

/** Shared with the whole conversation (Share in channel): the card without its personal buttons. */
export function sharedReply(
  responseUrl: string | undefined,
  client: WebClient,
  where: { channel?: string; user: string },
): Reply {
  return { surface: 'shared', send: (message) => replyInChannel(responseUrl, client, where, message) };
}
