// Requests as Slack sends them: real v0 HMAC-SHA256 signatures, form-encoded commands and interactions,
// JSON event envelopes.
import { createHmac } from 'node:crypto';

export const SIGNING_SECRET = '8f742231b10e8888abcd99yyyzzz85a5'.replace(/[yz]/g, '0');
export const BOT_TOKEN = 'xoxb-0000000000-test-token';

function sign(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SendOptions {
  timestamp?: number;
  secret?: string;
  headers?: Record<string, string>;
}

export async function postToApp(
  appUrl: string,
  body: string,
  contentType: string,
  options: SendOptions = {},
): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  return fetch(`${appUrl}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': sign(body, timestamp, options.secret),
      ...options.headers,
    },
    body,
  });
}

/** An interaction (button, modal, shortcut) as Slack posts it: form-encoded, the JSON in `payload`. */
function postInteraction(appUrl: string, payload: object, options: SendOptions = {}): Promise<Response> {
  return postToApp(
    appUrl,
    new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    'application/x-www-form-urlencoded',
    options,
  );
}

export function slashCommand(
  appUrl: string,
  text: string,
  responseUrl: string,
  options: SendOptions & { user?: string; channel?: string } = {},
): Promise<Response> {
  const body = new URLSearchParams({
    token: 'verification-token-unused',
    team_id: 'T1',
    team_domain: 'acme',
    channel_id: options.channel ?? 'C1',
    channel_name: 'general',
    user_id: options.user ?? 'U1',
    user_name: 'pat',
    command: '/airisk',
    text,
    api_app_id: 'A1',
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: '1.2.3',
  }).toString();
  return postToApp(appUrl, body, 'application/x-www-form-urlencoded', options);
}

let eventCounter = 0;
export function eventCallback(
  appUrl: string,
  event: Record<string, unknown>,
  options: SendOptions & { eventId?: string } = {},
): Promise<Response> {
  const body = JSON.stringify({
    token: 'verification-token-unused',
    team_id: 'T1',
    api_app_id: 'A1',
    event,
    type: 'event_callback',
    event_id: options.eventId ?? `Ev${Date.now()}${eventCounter++}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }],
  });
  return postToApp(appUrl, body, 'application/json', options);
}

export function blockAction(
  appUrl: string,
  actionId: string,
  value: string,
  responseUrl: string,
  options: SendOptions & { channel?: string | null; user?: string; threadTs?: string } = {},
): Promise<Response> {
  const payload = {
    type: 'block_actions',
    // A posted message in a thread comes with the message, its thread_ts included.
    ...(options.threadTs ? { message: { type: 'message', ts: '1.1', text: 'card', thread_ts: options.threadTs } } : {}),
    team: { id: 'T1', domain: 'acme' },
    user: { id: options.user ?? 'U1', username: 'pat', team_id: 'T1' },
    api_app_id: 'A1',
    trigger_id: '1.2.3',
    ...(options.channel === null
      ? {}
      : { channel: { id: options.channel ?? 'C1', name: 'general' }, response_url: responseUrl }),
    container: {
      type: 'message',
      message_ts: '1.1',
      channel_id: options.channel ?? 'C1',
      is_ephemeral: !options.threadTs,
      ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
    },
    actions: [
      {
        type: 'button',
        action_id: actionId,
        block_id: 'b1',
        value,
        text: { type: 'plain_text', text: 'x' },
        action_ts: '1.2',
      },
    ],
  };
  return postInteraction(appUrl, payload, options);
}

export function viewSubmission(
  appUrl: string,
  callbackId: string,
  values: Record<string, Record<string, { type: string; value?: string | null; selected_conversation?: string }>>,
  privateMetadata = '',
  options: SendOptions & { user?: string } = {},
): Promise<Response> {
  const payload = {
    type: 'view_submission',
    team: { id: 'T1', domain: 'acme' },
    user: { id: options.user ?? 'U1', username: 'pat', team_id: 'T1' },
    api_app_id: 'A1',
    trigger_id: '1.2.3',
    view: {
      id: 'V1',
      type: 'modal',
      callback_id: callbackId,
      private_metadata: privateMetadata,
      state: { values },
      hash: 'h',
    },
  };
  return postInteraction(appUrl, payload, options);
}

/** A message shortcut (type message_action) as Slack sends it, with the message it was used on. */
export function messageShortcut(
  appUrl: string,
  callbackId: string,
  message: Record<string, unknown>,
  responseUrl: string,
  options: SendOptions & { channel?: string; user?: string; triggerId?: string } = {},
): Promise<Response> {
  const payload = {
    type: 'message_action',
    token: 'verification-token-unused',
    action_ts: `${Math.floor(Date.now() / 1000)}.000100`,
    team: { id: 'T1', domain: 'acme' },
    user: { id: options.user ?? 'U1', username: 'pat', name: 'pat', team_id: 'T1' },
    channel: { id: options.channel ?? 'C1', name: 'general' },
    is_enterprise_install: false,
    enterprise: null,
    callback_id: callbackId,
    trigger_id: options.triggerId ?? '1.2.shortcut',
    message_ts: String(message.ts ?? '1.1'),
    message: { type: 'message', ...message },
    response_url: responseUrl,
  };
  return postInteraction(appUrl, payload, options);
}

/** A click on Slack's feedback_buttons element (block_actions), on a message posted in `channel`. */
export function feedbackButtonsClick(
  appUrl: string,
  actionId: string,
  value: string,
  responseUrl: string,
  options: SendOptions & { channel?: string; user?: string; threadTs?: string } = {},
): Promise<Response> {
  const channel = options.channel ?? 'D1';
  const payload = {
    type: 'block_actions',
    team: { id: 'T1', domain: 'acme' },
    user: { id: options.user ?? 'U1', username: 'pat', team_id: 'T1' },
    api_app_id: 'A1',
    trigger_id: '1.2.3',
    channel: { id: channel, name: 'directmessage' },
    container: { type: 'message', message_ts: '5.5', channel_id: channel, is_ephemeral: false },
    message: { type: 'message', ts: '5.5', text: 'card', ...(options.threadTs ? { thread_ts: options.threadTs } : {}) },
    response_url: responseUrl,
    actions: [
      {
        type: 'feedback_buttons',
        action_id: actionId,
        block_id: 'feedback:b',
        value,
        text: { type: 'plain_text', text: '👍' },
        action_ts: '1.2',
      },
    ],
  };
  return postInteraction(appUrl, payload, options);
}

/** assistant_thread_started or _context_changed as Slack documents them
 *  (docs.slack.dev/reference/events/assistant_thread_started): the thread in the DM, the channel beside it. */
export function assistantThreadEvent(
  appUrl: string,
  type: 'assistant_thread_started' | 'assistant_thread_context_changed',
  thread: { channel: string; threadTs: string; context?: string },
): Promise<Response> {
  return eventCallback(appUrl, {
    type,
    assistant_thread: {
      user_id: 'U1',
      context: thread.context ? { channel_id: thread.context, team_id: 'T1', enterprise_id: null } : {},
      channel_id: thread.channel,
      thread_ts: thread.threadTs,
    },
    event_ts: `${Math.floor(Date.now() / 1000)}.000100`,
  });
}

let threadMessages = 0;
/** A person's message in an assistant thread: message.im with the thread's ts. */
export function threadMessage(
  appUrl: string,
  thread: { channel: string; threadTs: string },
  text: string,
  extra: Record<string, unknown> = {},
): Promise<Response> {
  const ts = `1730000000.${String(++threadMessages).padStart(6, '0')}`;
  return eventCallback(appUrl, {
    type: 'message',
    channel_type: 'im',
    channel: thread.channel,
    user: 'U1',
    text,
    ts,
    thread_ts: thread.threadTs,
    event_ts: ts,
    team: 'T1',
    client_msg_id: `m-${ts}`,
    ...extra,
  });
}
