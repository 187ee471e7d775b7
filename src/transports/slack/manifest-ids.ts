// Everything manifest.yml must declare, in one place: the manifest test checks both directions.
import { SLASH_COMMAND } from '../../renderers/blockkit/text.js';

export const COMMAND = SLASH_COMMAND;
/** Bot events: the listeners' (app_mention, message.im, app_home_opened), the assistant's
 *  (https://docs.slack.dev/tools/bolt-js/concepts/using-the-assistant-class: assistant_thread_started,
 *  assistant_thread_context_changed and message.im) and the Workflow Builder step's (function_executed). */
export const EVENTS = [
  'app_mention',
  'message.im',
  'app_home_opened',
  'assistant_thread_started',
  'assistant_thread_context_changed',
  'function_executed',
] as const;
/** The message shortcut "Check AI risk of this role" (features.shortcuts, type message). */
export const SHORTCUTS = { checkAiRisk: 'airisk_check_ai_risk' } as const;
/** Workflow Builder steps (functions in the manifest, handled with app.function). */
export const FUNCTIONS = { roleCard: 'airisk_role_card' } as const;
/** Bot scopes and the Web API methods or events that need them. */
export const SCOPES = {
  commands: 'slash commands and the message shortcut',
  'chat:write': 'chat.postMessage, chat.postEphemeral, assistant.threads.setStatus',
  'app_mentions:read': 'app_mention events',
  'im:history': 'message.im events (direct messages and the assistant threads)',
  'channels:history': 'conversations.history in public channels: finding an HR announcement after an interrupted post',
  'groups:history': 'conversations.history in private channels: the same for private HR channels',
  'usergroups:read': 'usergroups.users.list: who is in HR_ADMIN_USERGROUP',
  'assistant:write': 'the assistant split view: assistant.threads.setSuggestedPrompts and setTitle',
  'channels:read':
    'conversations.info on a public channel the assistant is opened beside, to suggest prompts about the roles its ' +
    'name and purpose name',
  'groups:read': 'conversations.info on a private channel, for the same',
} as const;
