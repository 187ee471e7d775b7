// The lookup modal was submitted: the answer goes to the person's DM with the bot.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import { INPUTS } from '../../../../renderers/blockkit/ids.js';
import { typedRequest } from '../../../../requests/slack.js';
import type { SlackDeps } from '../../deps.js';
import { answerAndReply, postedReply } from '../../pipeline.js';

export function lookupSubmitted(deps: SlackDeps) {
  return async ({ ack, view, body, client }: SlackViewMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const text = view.state.values[INPUTS.lookupBlock]?.[INPUTS.lookupText]?.value?.trim() ?? '';
    if (!text) {
      await ack({ response_action: 'errors', errors: { [INPUTS.lookupBlock]: 'Type a job title, code or question.' } });
      return;
    }
    await ack();
    await answerAndReply(deps, typedRequest(text), postedReply(client, body.user.id));
  };
}
