// @airisk <question> in a channel: the answer goes in the thread of the mention.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { typedRequest } from '../../../../requests/slack.js';
import type { SlackDeps } from '../../deps.js';
import { answerAndReply, postedReply } from '../../pipeline.js';

export function appMention(deps: SlackDeps) {
  return async ({ event, client }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs): Promise<void> => {
    const reply = postedReply(client, event.channel, event.thread_ts ?? event.ts);
    await answerAndReply(deps, typedRequest(event.text ?? ''), reply);
  };
}
