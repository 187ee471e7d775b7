// The compare modal was submitted: the card's role (by id) beside the role typed, sent to the person's DM.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import { INPUTS } from '../../../../renderers/blockkit/ids.js';
import type { CompareMetadata } from '../../../../renderers/blockkit/views.js';
import { typedRequest } from '../../../../requests/slack.js';
import type { AnswerRequest } from '../../../../requests/types.js';
import type { SlackDeps } from '../../deps.js';
import { answerAndReply, postedReply } from '../../pipeline.js';

export function compareSubmitted(deps: SlackDeps) {
  return async ({ ack, view, body, client }: SlackViewMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const typed = typedRequest(view.state.values[INPUTS.compareBlock]?.[INPUTS.compareText]?.value ?? '');
    if (!typed.text) {
      await ack({ response_action: 'errors', errors: { [INPUTS.compareBlock]: 'Type the role to compare with.' } });
      return;
    }
    await ack();
    const { roleId } = JSON.parse(view.private_metadata || '{}') as Partial<CompareMetadata>;
    const request: AnswerRequest = roleId ? { kind: 'compare', roles: [{ id: roleId }, { text: typed.text }] } : typed;
    await answerAndReply(deps, request, postedReply(client, body.user.id));
  };
}
