// "How we scored this": the card's details in a modal, for whoever clicked (also on a shared or HR-posted card).
import type { AllMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { detailsModal } from '../../../../renderers/blockkit/details.js';
import { clickOf, type ButtonArgs } from './args.js';

export function openDetails(deps: SlackDeps) {
  return async (args: ButtonArgs & AllMiddlewareArgs): Promise<void> => {
    await args.ack();
    const click = clickOf(args);
    const card = deps.engine.card(click.roleId);
    if (!card) return;
    await args.client.views.open({ trigger_id: click.triggerId, view: detailsModal(card) });
  };
}
