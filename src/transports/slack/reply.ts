// Answering through a response_url, with a fallback when Slack no longer accepts it (it expires after 30
// minutes or 5 uses, answering 404 or {"ok":false,"error":"expired_url"}): the answer is then posted through
// the Web API instead, so it is never lost.
import type { WebClient } from '@slack/web-api';
import { Agent, request } from 'undici';
import type { SlackMessage } from '../../renderers/blockkit/messages.js';
import { couldNotReplyThereMessage } from '../../renderers/blockkit/notice.js';

/** Resolves after the I/O already waiting has been handled: called right after ack(), it lets the other requests
 *  that arrived meanwhile be acknowledged before this one's answer is composed and sent (Slack wants every
 *  acknowledgement within 3 seconds; answers can come later). */
export function afterPendingAcks(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** What a response_url accepts beside the message (https://api.slack.com/interactivity/handling#message_responses). */
export interface ResponseOptions {
  replace_original?: boolean;
  delete_original?: boolean;
}

const RESPONSE_TIMEOUT_MS = 10_000;
/** Connections to response_urls, kept alive between answers. An agent of our own rather than the process-wide one,
 *  which is whichever undici a process loads first (Bolt's Socket Mode brings another version). */
const agent = new Agent();

/** Posts to the response_url; false when there is none or Slack refused it (an error status, ok:false, no answer),
 *  so the caller falls back. undici's request rather than fetch (Bolt's respond): fetch costs about 0.4 ms of
 *  CPU per answer more, a fifth of a slash command's whole cost under load (README, Performance). */
export async function responded(responseUrl: string | undefined, payload: Record<string, unknown>): Promise<boolean> {
  if (!responseUrl) return false;
  try {
    const res = await request(responseUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
      headersTimeout: RESPONSE_TIMEOUT_MS,
      bodyTimeout: RESPONSE_TIMEOUT_MS,
      dispatcher: agent,
    });
    const body = await res.body.text();
    if (res.statusCode >= 300) return false;
    return !(/^\s*\{/.test(body) && (JSON.parse(body) as { ok?: unknown }).ok === false);
  } catch {
    return false;
  }
}

/** Slack refuses to post in a conversation the app is not part of (a private channel, a DM between people). */
function notInConversation(err: unknown): boolean {
  const code = (err as { data?: { error?: string } }).data?.error;
  return (
    code === 'channel_not_found' ||
    code === 'not_in_channel' ||
    code === 'user_not_in_channel' ||
    code === 'is_archived'
  );
}

/** Shown only to `where.user`; falls back to chat.postEphemeral in the channel, and when the app cannot post
 *  there either, to the person's DM with the app, so the answer is never lost. */
export async function replyEphemeral(
  responseUrl: string | undefined,
  client: WebClient,
  where: { channel?: string; user: string },
  message: SlackMessage,
  options: ResponseOptions = {},
): Promise<void> {
  if (await responded(responseUrl, { response_type: 'ephemeral', ...message, ...options })) return;
  if (where.channel) {
    try {
      await client.chat.postEphemeral({
        channel: where.channel,
        user: where.user,
        text: message.text,
        blocks: message.blocks,
      });
      return;
    } catch (err) {
      if (!notInConversation(err)) throw err;
    }
  }
  await client.chat.postMessage({
    channel: where.user,
    ...(where.channel ? couldNotReplyThereMessage(where.channel, message, false) : message),
  });
}

/** Visible to the whole conversation; falls back to chat.postMessage in the channel, and when the app is not
 *  in it, tells the person in their DM with the app how to invite it. */
export async function replyInChannel(
  responseUrl: string | undefined,
  client: WebClient,
  where: { channel?: string; user: string },
  message: SlackMessage,
): Promise<void> {
  if (await responded(responseUrl, { response_type: 'in_channel', replace_original: false, ...message })) return;
  if (!where.channel) throw new Error('the response_url was refused and there is no channel to fall back to');
  try {
    await client.chat.postMessage({ channel: where.channel, text: message.text, blocks: message.blocks });
  } catch (err) {
    if (!notInConversation(err)) throw err;
    await client.chat.postMessage({ channel: where.user, ...couldNotReplyThereMessage(where.channel, message, true) });
  }
}
