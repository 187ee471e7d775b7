// @airisk <question> in a channel: the answer goes in the thread of the mention.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { messageFor } from '../../../../renderers/blockkit/messages.js';

export function appMention(deps: SlackDeps) {
  return async ({ event, client }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs): Promise<void> => {
    const answer = deps.engine.ask(event.text ?? '');
    deps.hooks.onLookup?.(answer);
    await client.chat.postMessage({
      channel: event.channel,
      thread_ts: event.thread_ts ?? event.ts,
      ...messageFor(answer, 'posted'),
    });
  };
}
