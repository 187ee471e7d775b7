// Answering through a response_url, with a fallback when Slack no longer accepts it (it expires after 30
// minutes or 5 uses, answering 404 or {"ok":false,"error":"expired_url"}): the answer is then posted through
// the Web API instead, so it is never lost.
import type { RespondArguments, RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { SlackMessage } from '../../renderers/blockkit/messages.js';

/** Resolves after the I/O already waiting has been handled: called right after ack(), it lets the other requests
 *  that arrived meanwhile be acknowledged before this one's answer is composed and sent (Slack wants every
 *  acknowledgement within 3 seconds; answers can come later). */
export function afterPendingAcks(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Posts to the response_url; false when Slack refused it (an error status or ok:false), so the caller falls back. */
async function responded(respond: RespondFn, args: RespondArguments): Promise<boolean> {
  try {
    const res: unknown = await respond(args);
    // Bolt resolves with the fetch Response on 2xx; a body of {"ok":false,...} is still a refusal.
    if (res instanceof Response) {
      const body = await res.text().catch(() => '');
      if (/^\s*\{/.test(body) && (JSON.parse(body) as { ok?: unknown }).ok === false) return false;
    }
    return true;
  } catch {
    return false;
  }
}

/** Shown only to `where.user`; falls back to chat.postEphemeral in the channel. */
export async function replyEphemeral(
  respond: RespondFn,
  client: WebClient,
  where: { channel?: string; user: string },
  message: SlackMessage,
  extra: Partial<RespondArguments> = {},
): Promise<void> {
  if (await responded(respond, { response_type: 'ephemeral', ...message, ...extra } as RespondArguments)) return;
  if (!where.channel) throw new Error('the response_url was refused and there is no channel to fall back to');
  await client.chat.postEphemeral({ channel: where.channel, user: where.user, text: message.text, blocks: message.blocks });
}

/** Visible to the whole conversation; falls back to chat.postMessage in the channel. */
export async function replyInChannel(respond: RespondFn, client: WebClient, where: { channel?: string; user: string }, message: SlackMessage): Promise<void> {
  if (await responded(respond, { response_type: 'in_channel', replace_original: false, ...message } as RespondArguments)) return;
  if (!where.channel) throw new Error('the response_url was refused and there is no channel to fall back to');
  await client.chat.postMessage({ channel: where.channel, text: message.text, blocks: message.blocks });
}
