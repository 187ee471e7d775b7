// Suggested prompts for a thread, about the roles the channel beside it names when there is one. Slack's
// assistant_thread_started docs: "if you want to use it [the context] for app logic, you need to first call
// conversations.info to see if your app has access to the channel"; a channel the app cannot see (private,
// or scope missing) gets the general prompts.
import type { Logger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { suggestedPrompts, MAX_PROMPTS } from '../../../../renderers/blockkit/assistant.js';
import { stripSlackMarkup } from '../../../../requests/slack-markup.js';
import type { SlackDeps } from '../../deps.js';

/** Roles a channel's name, topic and purpose name at most; the prompts show two. */
const CHANNEL_ROLES = 2;

export async function promptsFor(
  deps: SlackDeps,
  client: WebClient,
  logger: Logger,
  contextChannel: string | undefined,
): Promise<ReturnType<typeof suggestedPrompts>> {
  const popular = deps.engine.popularRoles();
  const channel = contextChannel ? await channelWords(client, logger, contextChannel) : null;
  if (!channel) return suggestedPrompts([], popular);
  const roles = deps.engine.rolesNamedIn(channel.words, CHANNEL_ROLES);
  return suggestedPrompts(roles.slice(0, MAX_PROMPTS), popular, channel.name);
}

/** The channel's name (words split at - and _), topic and purpose; null when the app cannot see it. */
async function channelWords(
  client: WebClient,
  logger: Logger,
  channelId: string,
): Promise<{ name: string; words: string } | null> {
  try {
    const { channel } = await client.conversations.info({ channel: channelId });
    if (!channel?.name) return null;
    return {
      name: channel.name,
      words: stripSlackMarkup(
        [channel.name.replace(/[-_]+/g, ' '), channel.topic?.value, channel.purpose?.value].filter(Boolean).join('\n'),
      ),
    };
  } catch (err) {
    logger.debug(`assistant: conversations.info ${channelId} refused (${(err as Error).message}); general prompts`);
    return null;
  }
}
