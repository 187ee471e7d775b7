// App Home "Look up a role": a modal with a search field.
import type { AllMiddlewareArgs } from '@slack/bolt';
import { lookupModal } from '../../../../renderers/blockkit/views.js';
import { clickOf, type ButtonArgs } from './args.js';

export function openLookup() {
  return async (args: ButtonArgs & AllMiddlewareArgs): Promise<void> => {
    await args.ack();
    await args.client.views.open({ trigger_id: clickOf(args).triggerId, view: lookupModal() });
  };
}
