// One answer pipeline for the Slack listeners: what was asked (a text, a role id, a follow-up in a thread)
// -> the engine's answer -> the anonymous usage count (role or FAQ id and day, for HR insights) -> Block Kit for
// the surface it is shown on -> the reply. The assistant, the message shortcut and the workflow step use it;
// the older listeners do the same steps inline and move onto it with the house issue (one request model).
import type { WebClient } from '@slack/web-api';
import type { Answer } from '../../answers/types.js';
import { answerTo, type AnswerRequest } from '../../engine/conversation.js';
import { messageFor, type MessageSurface, type SlackMessage } from '../../renderers/blockkit/messages.js';
import type { SlackDeps } from './deps.js';
import { replyEphemeral } from './reply.js';

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
  const answer = answerTo(deps.engine, request);
  if (options.count !== false) recordLookup(deps, answer);
  return answer;
}

/** Answers, counts, renders for the reply's surface and sends; resolves with the answer once it is sent. */
export async function answerAndReply(deps: SlackDeps, request: AnswerRequest, reply: Reply): Promise<Answer> {
  const answer = answerFor(deps, request);
  await reply.send(messageFor(answer, reply.surface));
  return answer;
}

/** Posted in a thread of a conversation (an assistant thread, or the thread of a DM). */
export function threadReply(client: WebClient, channel: string, threadTs: string): Reply {
  return {
    surface: 'posted',
    send: (message) => client.chat.postMessage({ channel, thread_ts: threadTs, ...message }),
  };
}

/** Only for `where.user`: through the response_url, else chat.postEphemeral, else their DM (see replyEphemeral). */
export function ephemeralReply(
  responseUrl: string | undefined,
  client: WebClient,
  where: { channel?: string; user: string },
): Reply {
  return { surface: 'ephemeral', send: (message) => replyEphemeral(responseUrl, client, where, message) };
}
