// Answering through a response_url, with a fallback when Slack no longer accepts it (it expires after 30
// minutes or 5 uses): the answer is posted as an ephemeral message instead, so it is never lost.
import type { RespondArguments, RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { SlackMessage } from '../../renderers/blockkit/messages.js';

export async function replyEphemeral(
  respond: RespondFn,
  client: WebClient,
  where: { channel?: string; user: string },
  message: SlackMessage,
  extra: Partial<RespondArguments> = {},
): Promise<void> {
  try {
    await respond({ response_type: 'ephemeral', ...message, ...extra } as RespondArguments);
  } catch (err) {
    if (!where.channel) throw err;
    await client.chat.postEphemeral({ channel: where.channel, user: where.user, text: message.text, blocks: message.blocks });
  }
}
