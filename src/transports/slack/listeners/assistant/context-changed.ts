// The person moved to another channel with the assistant open: the new context is saved, and while the thread
// has not yet been about any role, the suggested prompts follow the channel.
import type { AssistantThreadContextChangedMiddleware } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import type { ThreadMemory } from '../../thread-memory.js';
import { bestEffort } from './best-effort.js';
import { promptsFor } from './prompts.js';

export function contextChanged(deps: SlackDeps, memory: ThreadMemory): AssistantThreadContextChangedMiddleware {
  return async ({ event, saveThreadContext, setSuggestedPrompts, client, logger }) => {
    await saveThreadContext();
    const { channel_id: channel, thread_ts: threadTs, context } = event.assistant_thread;
    if ((await memory.get(channel, threadTs)).role) return;
    const prompts = await promptsFor(deps, client, logger, context.channel_id);
    await bestEffort(logger, 'update the suggested prompts', () => setSuggestedPrompts(prompts));
  };
}
