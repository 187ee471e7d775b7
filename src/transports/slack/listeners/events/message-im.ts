// A direct message to the bot: any question, answered in the DM.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { answerMessage } from '../../../../renderers/blockkit/messages.js';

export function messageIm(deps: SlackDeps) {
  return async ({ event, client }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs): Promise<void> => {
    // Only what a person typed: no edits, joins or bot messages (our own replies included).
    if (event.channel_type !== 'im' || event.subtype !== undefined || 'bot_id' in event) return;
    const answer = deps.engine.ask(event.text ?? '');
    deps.hooks.onLookup?.(answer);
    await client.chat.postMessage({ channel: event.channel, ...answerMessage(answer) });
  };
}
