// What the page's typing and clicking becomes: the request bodies Slack sends an app, field for field
// (slash command, event_callback, block_actions, view_submission, view_closed, message_action, and the events of
// the assistant view and of a Workflow Builder step), so Bolt routes them to the same listeners it would in Slack.
import type { StepDefinition } from './manifest.js';
import { BOT, ME, TEAM, isJson, type Json } from './workspace.js';

const user = { id: ME.id, username: ME.name, name: ME.name, team_id: TEAM.id };
const common = {
  token: 'preview-verification-token',
  api_app_id: BOT.appId,
  is_enterprise_install: false,
  enterprise: null,
};
const secondsNow = () => Math.floor(Date.now() / 1000);
const actionTs = () => (Date.now() / 1000).toFixed(6);

export function slashCommand(args: {
  command: string;
  text: string;
  channelId: string;
  channelName: string;
  responseUrl: string;
  triggerId: string;
}): Json {
  return {
    token: common.token,
    team_id: TEAM.id,
    team_domain: TEAM.domain,
    channel_id: args.channelId,
    channel_name: args.channelName,
    user_id: ME.id,
    user_name: ME.name,
    command: args.command,
    text: args.text,
    api_app_id: BOT.appId,
    is_enterprise_install: 'false',
    response_url: args.responseUrl,
    trigger_id: args.triggerId,
  };
}

export function eventCallback(event: Json, eventId: string): Json {
  return {
    token: common.token,
    team_id: TEAM.id,
    api_app_id: BOT.appId,
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: secondsNow(),
    authorizations: [
      { enterprise_id: null, team_id: TEAM.id, user_id: BOT.userId, is_bot: true, is_enterprise_install: false },
    ],
    is_ext_shared_channel: false,
  };
}

/** A person's message as the message.im / app_mention event carries it. */
export function messageEvent(args: {
  type: 'message' | 'app_mention';
  channel: string;
  channelType: 'im' | 'channel';
  text: string;
  ts: string;
  threadTs?: string;
}): Json {
  return {
    type: args.type,
    ...(args.type === 'message' ? { channel_type: args.channelType } : {}),
    channel: args.channel,
    user: ME.id,
    text: args.text,
    ts: args.ts,
    event_ts: args.ts,
    ...(args.threadTs ? { thread_ts: args.threadTs } : {}),
    team: TEAM.id,
    client_msg_id: `preview-${args.ts}`,
  };
}

/** assistant_thread_started or assistant_thread_context_changed
 *  (docs.slack.dev/reference/events/assistant_thread_started): the thread, and the channel the person views. */
export function assistantThreadEvent(
  type: 'assistant_thread_started' | 'assistant_thread_context_changed',
  thread: { channel: string; threadTs: string },
  contextChannel: string | null,
): Json {
  return {
    type,
    assistant_thread: {
      user_id: ME.id,
      context: contextChannel ? { channel_id: contextChannel, team_id: TEAM.id, enterprise_id: null } : {},
      channel_id: thread.channel,
      thread_ts: thread.threadTs,
    },
    event_ts: actionTs(),
  };
}

/** A message shortcut used on a message
 *  (docs.slack.dev/reference/interaction-payloads/shortcuts-interaction-payload). */
export function messageAction(args: {
  callbackId: string;
  channelId: string;
  channelName: string;
  message: Json;
  responseUrl: string;
  triggerId: string;
}): Json {
  return {
    type: 'message_action',
    ...common,
    action_ts: actionTs(),
    team: { id: TEAM.id, domain: TEAM.domain },
    user,
    channel: { id: args.channelId, name: args.channelName },
    callback_id: args.callbackId,
    trigger_id: args.triggerId,
    message_ts: args.message.ts,
    message: args.message,
    response_url: args.responseUrl,
  };
}

/** function_executed (docs.slack.dev/reference/events/function_executed): the step as the manifest defines it,
 *  its inputs, and the token for this execution only. */
export function functionExecuted(args: {
  step: StepDefinition;
  inputs: Record<string, string>;
  executionId: string;
  workflowExecutionId: string;
  token: string;
}): Json {
  const parameter = (p: StepDefinition['inputs'][number]) => ({
    type: p.type,
    name: p.name,
    description: p.description ?? '',
    title: p.title,
    is_required: p.is_required === true,
  });
  const now = Math.floor(Date.now() / 1000);
  return {
    type: 'function_executed',
    function: {
      id: `Fn${args.step.callbackId
        .toUpperCase()
        .replace(/[^A-Z0-9]/g, '')
        .slice(0, 10)}`,
      callback_id: args.step.callbackId,
      title: args.step.title,
      description: args.step.description,
      type: 'app',
      input_parameters: args.step.inputs.map(parameter),
      output_parameters: args.step.outputs.map(parameter),
      app_id: BOT.appId,
      date_created: now,
      date_updated: now,
      date_deleted: 0,
    },
    inputs: args.inputs,
    function_execution_id: args.executionId,
    workflow_execution_id: args.workflowExecutionId,
    event_ts: actionTs(),
    bot_access_token: args.token,
  };
}

export function appHomeOpened(tab: 'home' | 'messages', channel: string, view: Json | null): Json {
  return { type: 'app_home_opened', user: ME.id, channel, tab, event_ts: actionTs(), ...(view ? { view } : {}) };
}

export type Container =
  | {
      type: 'message';
      channelId: string;
      channelName: string;
      messageTs: string;
      isEphemeral: boolean;
      message: Json | null;
      responseUrl: string;
    }
  | { type: 'view'; view: Json };

export function blockActions(args: { container: Container; action: Json; triggerId: string }): Json {
  const { container } = args;
  const where =
    container.type === 'message'
      ? {
          container: {
            type: 'message',
            message_ts: container.messageTs,
            channel_id: container.channelId,
            is_ephemeral: container.isEphemeral,
          },
          channel: { id: container.channelId, name: container.channelName },
          // Slack does not send the message back for ephemeral messages.
          ...(container.message ? { message: container.message } : {}),
          state: { values: {} },
          response_url: container.responseUrl,
        }
      : { container: { type: 'view', view_id: container.view.id }, view: container.view };
  return {
    type: 'block_actions',
    user,
    ...common,
    team: { id: TEAM.id, domain: TEAM.domain },
    trigger_id: args.triggerId,
    ...where,
    actions: [args.action],
  };
}

export function viewSubmission(view: Json, triggerId: string): Json {
  return {
    type: 'view_submission',
    team: { id: TEAM.id, domain: TEAM.domain },
    user,
    ...common,
    trigger_id: triggerId,
    view,
    response_urls: [],
  };
}

export function viewClosed(view: Json): Json {
  return { type: 'view_closed', team: { id: TEAM.id, domain: TEAM.domain }, user, ...common, view, is_cleared: false };
}

/** The message object block_actions carries for a message the app posted. */
export function messagePayload(m: {
  ts: string;
  text: string;
  blocks: unknown[];
  user: string;
  botId?: string;
  threadTs?: string;
}): Json {
  return {
    type: 'message',
    ts: m.ts,
    text: m.text,
    blocks: m.blocks,
    user: m.user,
    ...(m.botId ? { bot_id: m.botId, app_id: BOT.appId } : {}),
    ...(m.threadTs ? { thread_ts: m.threadTs } : {}),
    team: TEAM.id,
  };
}

/** The interactive element a click or choice came from, found in the blocks the app sent. */
export function findElement(blocks: unknown, blockId: string, actionId: string): Json | undefined {
  if (!Array.isArray(blocks)) return undefined;
  for (const b of blocks) {
    if (!isJson(b) || b.block_id !== blockId) continue;
    const candidates = [b.accessory, b.element, ...(Array.isArray(b.elements) ? b.elements : [])];
    const found = candidates.find((e) => isJson(e) && e.action_id === actionId);
    if (isJson(found)) return found;
  }
  return undefined;
}

function allOptions(e: Json): Json[] {
  const flat = (Array.isArray(e.options) ? e.options : []).filter(isJson);
  for (const g of Array.isArray(e.option_groups) ? e.option_groups : [])
    if (isJson(g) && Array.isArray(g.options)) flat.push(...g.options.filter(isJson));
  return flat;
}

const optionsFor = (e: Json, values: string[]) => allOptions(e).filter((o) => values.includes(String(o.value)));

/** The value of an element as Slack reports it, in state.values and (with a few more fields) in actions. */
function elementValue(e: Json, picked: string | string[] | null): Json {
  const values = picked === null ? [] : Array.isArray(picked) ? picked : [picked];
  const one = values[0] ?? null;
  const type = String(e.type);
  switch (type) {
    case 'static_select':
    case 'external_select':
    case 'radio_buttons':
    case 'overflow':
      return { type, selected_option: optionsFor(e, values)[0] ?? null };
    case 'multi_static_select':
    case 'multi_external_select':
    case 'checkboxes':
      return { type, selected_options: optionsFor(e, values) };
    case 'conversations_select':
      return { type, selected_conversation: one };
    case 'channels_select':
      return { type, selected_channel: one };
    case 'users_select':
      return { type, selected_user: one };
    case 'multi_conversations_select':
      return { type, selected_conversations: values };
    case 'multi_channels_select':
      return { type, selected_channels: values };
    case 'multi_users_select':
      return { type, selected_users: values };
    case 'datepicker':
      return { type, selected_date: one || null };
    case 'timepicker':
      return { type, selected_time: one || null };
    default:
      // Text, number, email and URL inputs: an empty input is null, as in Slack.
      return { type, value: one === '' ? null : one };
  }
}

/** One entry of block_actions' `actions`. */
export function actionPayload(e: Json, blockId: string, picked: string | string[] | null): Json {
  const base = { action_id: e.action_id, block_id: blockId, action_ts: actionTs() };
  if (e.type === 'button')
    return { ...base, type: 'button', text: e.text, value: e.value, ...(e.style ? { style: e.style } : {}) };
  if (e.type === 'feedback_buttons') {
    // The value and text of the button pressed, as Bolt's FeedbackButtonsAction has them.
    const value = typeof picked === 'string' ? picked : '';
    const pressed = [e.positive_button, e.negative_button].find((b) => isJson(b) && b.value === value);
    return { ...base, type: 'feedback_buttons', value, ...(isJson(pressed) ? { text: pressed.text } : {}) };
  }
  if (e.type === 'icon_button') return { ...base, type: 'icon_button', value: e.value };
  return { ...base, ...elementValue(e, picked) };
}

/** state.values of a view's input blocks, from what the page's inputs hold. */
export function stateValues(
  blocks: unknown,
  inputs: { blockId: string; actionId: string; value: string | string[] | null }[],
): Json {
  const values: Record<string, Json> = {};
  for (const input of inputs) {
    const e = findElement(blocks, input.blockId, input.actionId);
    if (!e) continue;
    values[input.blockId] = { ...(values[input.blockId] ?? {}), [input.actionId]: elementValue(e, input.value) };
  }
  return values;
}
