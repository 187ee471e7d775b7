// A person opened the assistant (from the top bar, or a new chat): the context Slack sent is saved, then a
// short greeting and suggested prompts, about the roles the channel beside the thread names when it names any.
import type { AssistantThreadStartedMiddleware } from '@slack/bolt';
import { greetingMessage } from '../../../../renderers/blockkit/assistant.js';
import type { SlackDeps } from '../../deps.js';
import { bestEffort } from './best-effort.js';
import { promptsFor } from './prompts.js';

export function threadStarted(deps: SlackDeps): AssistantThreadStartedMiddleware {
  return async ({ event, say, setSuggestedPrompts, saveThreadContext, client, logger }) => {
    await saveThreadContext();
    await say(greetingMessage());
    const prompts = await promptsFor(deps, client, logger, event.assistant_thread.context.channel_id);
    await bestEffort(logger, 'set the suggested prompts', () => setSuggestedPrompts(prompts));
  };
}
