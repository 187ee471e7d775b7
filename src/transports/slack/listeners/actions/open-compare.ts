// "Compare": a modal asking which role to compare with.
import type { AllMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { compareModal } from '../../../../renderers/blockkit/views.js';
import { clickOf, type ButtonArgs } from './args.js';

export function openCompare(deps: SlackDeps) {
  return async (args: ButtonArgs & AllMiddlewareArgs): Promise<void> => {
    await args.ack();
    const click = clickOf(args);
    const card = deps.engine.card(click.roleId);
    if (!card) return;
    await args.client.views.open({
      trigger_id: click.triggerId,
      view: compareModal(card.role.title, {
        roleId: card.role.id,
        ...(click.channel ? { channel: click.channel } : {}),
      }),
    });
  };
}
