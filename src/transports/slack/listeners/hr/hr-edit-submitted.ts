// The Edit modal was submitted: the draft gets the new note and channel, and the preview is replaced with
// the updated one (through the preview's response_url; a DM from the app if that has expired).
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import { INPUTS } from '../../../../renderers/blockkit/ids.js';
import { hrReplyMessage } from '../../../../renderers/blockkit/hr.js';
import type { HrService } from '../../../../hr/service.js';
import type { HrEditMetadata } from './hr-edit.js';
import { responded } from '../../reply.js';

export function hrEditSubmitted(hr: HrService) {
  return async ({ ack, view, body, client }: SlackViewMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const values = view.state.values;
    const channel = values[INPUTS.hrChannelBlock]?.[INPUTS.hrChannelSelect]?.selected_conversation ?? '';
    if (!channel) {
      await ack({ response_action: 'errors', errors: { [INPUTS.hrChannelBlock]: 'Pick the channel to post in.' } });
      return;
    }
    const meta = JSON.parse(view.private_metadata || '{}') as Partial<HrEditMetadata>;
    const note = values[INPUTS.hrNoteBlock]?.[INPUTS.hrNoteText]?.value ?? null;
    // Slack refuses an empty required field, but not one of spaces.
    if (meta.noteRequired && !note?.trim()) {
      await ack({
        response_action: 'errors',
        errors: { [INPUTS.hrNoteBlock]: 'Write a note above the card, or keep the default.' },
      });
      return;
    }
    await ack();
    if (!meta.outboxId) return;
    const message = hrReplyMessage(await hr.saveEdit(body.user.id, meta.outboxId, { note, channel }));
    const replaced = await responded(meta.responseUrl, {
      response_type: 'ephemeral',
      replace_original: true,
      ...message,
    });
    if (!replaced) await client.chat.postMessage({ channel: body.user.id, ...message });
  };
}
