// A direct message to the bot outside the assistant's threads: any question, answered in the DM.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { typedRequest } from '../../../../requests/slack.js';
import type { SlackDeps } from '../../deps.js';
import { answerAndReply, postedReply } from '../../pipeline.js';

export function messageIm(deps: SlackDeps) {
  return async ({ event, client }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs): Promise<void> => {
    // Only what a person typed: no edits, joins or bot messages (our own replies included).
    if (event.channel_type !== 'im' || event.subtype !== undefined || 'bot_id' in event) return;
    // A reply in a thread of the DM is an assistant thread's (Bolt's Assistant answers it before this runs):
    // never answered twice.
    if ('thread_ts' in event && event.thread_ts) return;
    await answerAndReply(deps, typedRequest(event.text ?? ''), postedReply(client, event.channel));
  };
}
