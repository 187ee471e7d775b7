// Edit on an announcement preview: a modal for the admin's note and the channel. The preview's response_url
// travels in private_metadata so the submission can replace the preview.
import type { AllMiddlewareArgs } from '@slack/bolt';
import { hrEditModal, hrReplyMessage } from '../../../../renderers/blockkit/hr.js';
import type { HrService } from '../../../../hr/service.js';
import { replyEphemeral } from '../../reply.js';
import { clickOf, type ButtonArgs } from '../actions/args.js';

export interface HrEditMetadata {
  outboxId: string;
  /** A role announcement must keep a note (a digest may have none). */
  noteRequired?: boolean;
  responseUrl?: string;
  channel?: string;
}

export function hrEdit(hr: HrService) {
  return async (args: ButtonArgs & AllMiddlewareArgs): Promise<void> => {
    await args.ack();
    const click = clickOf(args);
    const outboxId = args.action.value ?? '';
    const found = await hr.editable(click.user, outboxId);
    if ('reply' in found) {
      await replyEphemeral(args.body.response_url, args.client, click, hrReplyMessage(found.reply), {
        replace_original: false,
      });
      return;
    }
    const metadata: HrEditMetadata = {
      outboxId,
      ...(found.entry.kind === 'digest' ? {} : { noteRequired: true }),
      ...(args.body.response_url ? { responseUrl: args.body.response_url } : {}),
      ...(click.channel ? { channel: click.channel } : {}),
    };
    await args.client.views.open({
      trigger_id: click.triggerId,
      view: hrEditModal(found.entry, JSON.stringify(metadata)),
    });
  };
}
