// What the HR buttons share: the value is an outbox id; the HR service decides (admins only) and its reply
// replaces the message the button was on (the preview, or a failure notice).
import type { AllMiddlewareArgs } from '@slack/bolt';
import type { HrReply } from '../../../../answers/hr.js';
import type { HrService } from '../../../../hr/service.js';
import { hrReplyMessage } from '../../../../renderers/blockkit/hr.js';
import { replyEphemeral } from '../../reply.js';
import { clickOf, type ButtonArgs } from '../actions/args.js';

export function hrButton(hr: HrService, act: (hr: HrService, user: string, outboxId: string) => Promise<HrReply>) {
  return async (args: ButtonArgs & AllMiddlewareArgs): Promise<void> => {
    await args.ack();
    const click = clickOf(args);
    const reply = await act(hr, click.user, args.action.value ?? '');
    await replyEphemeral(args.body.response_url, args.client, click, hrReplyMessage(reply), { replace_original: true });
  };
}
