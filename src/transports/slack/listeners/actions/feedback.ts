// "Helpful" / "Not helpful": counted anonymously (role id and day only), thanked privately.
import type { AllMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { clickOf, type ButtonArgs } from './args.js';

export function feedback(deps: SlackDeps, helpful: boolean) {
  return async (args: ButtonArgs & AllMiddlewareArgs): Promise<void> => {
    await args.ack();
    deps.hooks.onFeedback?.(clickOf(args).roleId, helpful);
    await args.respond({ response_type: 'ephemeral', replace_original: false, text: helpful ? 'Thanks! Glad it helped.' : 'Thanks for telling us: we use this to improve the cards.' });
  };
}
