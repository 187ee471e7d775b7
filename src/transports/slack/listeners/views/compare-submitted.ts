// The compare modal was submitted: both roles side by side, sent to the person's DM.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { messageFor } from '../../../../renderers/blockkit/messages.js';
import { INPUTS } from '../../../../renderers/blockkit/ids.js';
import type { CompareMetadata } from '../../../../renderers/blockkit/views.js';

export function compareSubmitted(deps: SlackDeps) {
  return async ({ ack, view, body, client }: SlackViewMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const other = view.state.values[INPUTS.compareBlock]?.[INPUTS.compareText]?.value?.trim() ?? '';
    if (!other) {
      await ack({ response_action: 'errors', errors: { [INPUTS.compareBlock]: 'Type the role to compare with.' } });
      return;
    }
    await ack();
    const { roleId } = JSON.parse(view.private_metadata || '{}') as Partial<CompareMetadata>;
    const card = roleId ? deps.engine.roleById(roleId) : null;
    const answer = card ? deps.engine.compare(`${card.role.title} vs ${other}`) : deps.engine.ask(other);
    await client.chat.postMessage({ channel: body.user.id, ...messageFor(answer, 'posted') });
  };
}
