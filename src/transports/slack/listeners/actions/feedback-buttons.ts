// Slack's feedback_buttons on a posted card: the value carries the vote and the role; counted anonymously
// (role id and day only) and thanked privately, as the two buttons on an ephemeral card are (./feedback.ts).
import type { AllMiddlewareArgs, BlockAction, FeedbackButtonsAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { parseFeedbackValue } from '../../../../renderers/blockkit/messages.js';
import { feedbackThanksMessage } from '../../../../renderers/blockkit/notice.js';
import type { SlackDeps } from '../../deps.js';
import { replyEphemeral } from '../../reply.js';

export function feedbackButtons(deps: SlackDeps) {
  return async ({
    ack,
    action,
    body,
    client,
  }: SlackActionMiddlewareArgs<BlockAction<FeedbackButtonsAction>> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    const vote = parseFeedbackValue(action.value);
    if (!vote) return;
    deps.hooks.onFeedback?.(vote.roleId, vote.helpful);
    // On a card in a thread (the assistant's), the thanks goes in that thread, where the person is looking.
    const threadTs = (body.message as { thread_ts?: string } | undefined)?.thread_ts;
    if (threadTs && body.channel?.id) {
      await client.chat.postEphemeral({
        channel: body.channel.id,
        user: body.user.id,
        thread_ts: threadTs,
        ...feedbackThanksMessage(vote.helpful),
      });
      return;
    }
    await replyEphemeral(
      body.response_url,
      client,
      { user: body.user.id, ...(body.channel?.id ? { channel: body.channel.id } : {}) },
      feedbackThanksMessage(vote.helpful),
      { replace_original: false },
    );
  };
}
