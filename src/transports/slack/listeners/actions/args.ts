// The parts of a button click the action listeners need: who, where, and the role id the button carries.
import type { BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';

export type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;

export function clickOf({ body, action }: ButtonArgs): {
  roleId: string;
  user: string;
  channel?: string;
  triggerId: string;
  /** The thread of a direct-message conversation the clicked message is in (an assistant thread). */
  dmThreadTs?: string;
} {
  const threadTs = (body.message as { thread_ts?: unknown } | undefined)?.thread_ts;
  return {
    roleId: action.value ?? '',
    user: body.user.id,
    ...(body.channel?.id ? { channel: body.channel.id } : {}),
    triggerId: body.trigger_id,
    // Only in a DM: an answer posted in a channel's thread would be public where today's reply is private.
    ...(typeof threadTs === 'string' && body.channel?.id?.startsWith('D') ? { dmThreadTs: threadTs } : {}),
  };
}
