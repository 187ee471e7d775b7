// A direct message to the bot outside the assistant's threads: any question, answered in the DM.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { messageFor } from '../../../../renderers/blockkit/messages.js';

export function messageIm(deps: SlackDeps) {
  return async ({ event, client }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs): Promise<void> => {
    // Only what a person typed: no edits, joins or bot messages (our own replies included).
    if (event.channel_type !== 'im' || event.subtype !== undefined || 'bot_id' in event) return;
    // A reply in a thread of the DM is an assistant thread's (Bolt's Assistant answers it before this runs):
    // never answered twice.
    if ('thread_ts' in event && event.thread_ts) return;
    const answer = deps.engine.ask(event.text ?? '');
    deps.hooks.onLookup?.(answer);
    await client.chat.postMessage({ channel: event.channel, ...messageFor(answer, 'posted') });
  };
}
