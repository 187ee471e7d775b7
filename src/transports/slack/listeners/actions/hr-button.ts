// What the HR buttons share: the value is an outbox id; the HR service decides (admins only) and its reply
// replaces the message the button was on (the preview, or a failure notice).
import type { AllMiddlewareArgs } from '@slack/bolt';
import type { HrReply, HrService } from '../../../../hr/service.js';
import { hrReplyMessage } from '../../../../renderers/blockkit/hr.js';
import type { SlackDeps } from '../../deps.js';
import { replyEphemeral } from '../../reply.js';
import { clickOf, type ButtonArgs } from './args.js';

export const HR_NOT_ENABLED = 'The HR features are not enabled on this server.';

export function hrButton(deps: SlackDeps, act: (hr: HrService, user: string, outboxId: string) => Promise<HrReply>) {
  return async (args: ButtonArgs & AllMiddlewareArgs): Promise<void> => {
    await args.ack();
    const click = clickOf(args);
    const reply: HrReply = deps.hr
      ? await act(deps.hr, click.user, args.action.value ?? '')
      : { kind: 'message', text: HR_NOT_ENABLED };
    await replyEphemeral(args.body.response_url, args.client, click, hrReplyMessage(reply), { replace_original: true });
  };
}
