// The parts of a button click the action listeners need: who, where, and the role id the button carries.
import type { BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';

export type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>>;

export function clickOf({ body, action }: ButtonArgs): {
  roleId: string;
  user: string;
  channel?: string;
  triggerId: string;
} {
  return {
    roleId: action.value ?? '',
    user: body.user.id,
    ...(body.channel?.id ? { channel: body.channel.id } : {}),
    triggerId: body.trigger_id,
  };
}
