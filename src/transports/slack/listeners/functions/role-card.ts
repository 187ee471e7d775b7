// The Workflow Builder step "AI career card for a role" (function_executed for functions.airisk_role_card):
// the role input is resolved as a person's question would be; a role completes the step with the card's
// headline score, zone or band, confidence and a plain-text summary, after posting the card to the channel
// input when one is given. Anything else fails the step with what to put in the role input instead. Bolt
// acknowledges the event and gives the listener a client on the event's bot_access_token, the token Slack
// issues for this one execution (https://docs.slack.dev/tools/bolt-js/concepts/custom-steps).
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { messageFor } from '../../../../renderers/blockkit/messages.js';
import { roleCardOutputs, roleStepError } from '../../../../renderers/workflow.js';
import type { SlackDeps } from '../../deps.js';
import { answerFor } from '../../pipeline.js';
import { typedRequest } from '../../../../requests/slack.js';

/** A channel id as Slack's channel picker gives it. */
const CHANNEL_ID = /^[CGD][A-Z0-9]{2,}$/;

export function roleCardStep(deps: SlackDeps) {
  return async ({
    inputs,
    complete,
    fail,
    client,
  }: SlackEventMiddlewareArgs<'function_executed'> & AllMiddlewareArgs) => {
    const typed = typeof inputs.role === 'string' ? inputs.role : '';
    const channel = typeof inputs.channel === 'string' ? inputs.channel.trim() : '';
    // A workflow run is an automation, not a person asking: it does not count in HR insights.
    const answer = answerFor(deps, typedRequest(typed), { count: false });
    if (answer.kind !== 'role') {
      await fail({ error: roleStepError(answer, typed) });
      return;
    }
    if (channel) {
      if (!CHANNEL_ID.test(channel)) {
        await fail({ error: "The step's Channel input is not a channel. Pick one from the list, or leave it empty." });
        return;
      }
      try {
        await client.chat.postMessage({ channel, ...messageFor(answer, 'posted') });
      } catch (err) {
        await fail({ error: notPosted(channel, err) });
        return;
      }
    }
    await complete({ outputs: { ...roleCardOutputs(answer) } });
  };
}

function notPosted(channel: string, err: unknown): string {
  const code = (err as { data?: { error?: string } }).data?.error;
  const why =
    code === 'not_in_channel' || code === 'channel_not_found'
      ? 'the app is not a member of it. Invite it there with /invite @airisk, or pick another channel'
      : code === 'is_archived'
        ? 'it is archived. Pick another channel'
        : `Slack refused the message (${code ?? (err as Error).message})`;
  return `The card for this role could not be posted in <#${channel}>: ${why}.`;
}
