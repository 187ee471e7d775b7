// Everything manifest.yml must declare, in one place: the manifest test checks both directions.
export const COMMAND = '/airisk';
export const EVENTS = ['app_mention', 'message.im', 'app_home_opened'] as const;
/** Bot scopes and the Web API methods or events that need them. */
export const SCOPES = {
  commands: 'slash commands',
  'chat:write': 'chat.postMessage, chat.postEphemeral',
  'app_mentions:read': 'app_mention events',
  'im:history': 'message.im events',
  'channels:history': 'conversations.history in public channels: finding an HR announcement after an interrupted post',
  'groups:history': 'conversations.history in private channels: the same for private HR channels',
  'usergroups:read': 'usergroups.users.list: who is in HR_ADMIN_USERGROUP',
} as const;
