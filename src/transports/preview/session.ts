// One preview session: the workspace the page shows, Slack's side of it (./web-api.ts) and the very same Bolt app
// and listeners as in Slack, handed the payloads Slack would send for what the person does on the page (a
// message, a click, a modal, the assistant, a shortcut, a workflow step) through PreviewReceiver. The app's Web
// API calls and response_url posts come back to the preview server, which hands them to `slack`.
import { randomBytes } from 'node:crypto';
import type { App } from '@slack/bolt';
import type { Engine } from '../../engine/types.js';
import { loadSettings, type Settings } from '../../config/settings.js';
import { escapeMrkdwn } from '../../renderers/blockkit/text.js';
import { createSlackApp } from '../slack/app.js';
import { COMMAND, EVENTS } from '../slack/manifest-ids.js';
import type { SlackHr } from '../slack/start.js';
import { HttpError } from './http-error.js';
import { readManifest } from './manifest.js';
import {
  actionPayload,
  appHomeOpened,
  assistantThreadEvent,
  blockActions,
  eventCallback,
  findElement,
  functionExecuted,
  messageAction,
  messageEvent,
  messagePayload,
  slashCommand,
  stateValues,
  viewClosed,
  viewSubmission,
  type Container,
} from './payloads.js';
import { PreviewReceiver } from './receiver.js';
import { SlackSide } from './web-api.js';
import { BOT, CONVERSATIONS, DM, ME, SLACKBOT, Workspace, isJson, type Conversation, type Json } from './workspace.js';

const MAX_MESSAGE_CHARS = 4000;

/** Starts the HR features on the session's settings, for the engine of the moment (src/app/slack-hr.ts). */
export type StartHr = (engine: () => Engine, settings: Settings) => Promise<SlackHr>;

export interface SessionOptions {
  /** Read for LOG_LEVEL and AIRISK_TIMEZONE; Slack credentials are ignored. */
  env: NodeJS.ProcessEnv;
  /** The engine of the moment (knowledge reloads while the preview runs). */
  engine: Engine;
  latestEngine: () => Engine;
  /** Where the app reaches the preview server's /api/ and /response/ (loopback). */
  internalBase: string;
  /** The HR subcommands with you as the HR admin and a throwaway store; absent: no HR. */
  startHr?: StartHr;
}

export type PreviewSession = Awaited<ReturnType<typeof createPreviewSession>>;

export async function createPreviewSession(options: SessionOptions) {
  const { internalBase } = options;
  // Settings as in Slack mode, minus the credentials: the preview is Slack here.
  const base = loadSettings({
    ...options.env,
    SLACK_BOT_TOKEN: '',
    SLACK_SIGNING_SECRET: '',
    SLACK_APP_TOKEN: '',
    SLACK_API_URL: '',
  });
  const workspace = new Workspace();
  const manifest = readManifest();
  // Where notices about the app go: the conversation of the last thing the person did.
  let activeChannel = DM.id;
  const token = `xoxb-preview-${randomBytes(12).toString('hex')}`;
  const slack = new SlackSide(workspace, {
    baseUrl: () => internalBase,
    token,
    steps: manifest.steps,
    onUnsimulated: (method) =>
      workspace.notice(
        activeChannel,
        `The app called ${method}, which the preview does not simulate; it answered unknown_method.`,
        'warning',
      ),
  });

  const settings: Settings = {
    ...base,
    botToken: token,
    slackApiUrl: `${internalBase}/api/`,
    // In the preview you are the HR admin, #hr-announcements is the default channel, and nothing is kept.
    hr: {
      ...base.hr,
      adminUserIds: [ME.id],
      adminUsergroup: null,
      defaultChannel: 'C0HRNEWS',
      dbPath: ':memory:',
      databaseUrl: null,
    },
  };
  const receiver = new PreviewReceiver();
  const hr = options.startHr ? await options.startHr(options.latestEngine, settings) : undefined;
  let app: App;
  try {
    app = createSlackApp({
      engine: options.engine,
      settings,
      receiver,
      // With HR, the throwaway store also keeps the assistant's threads, as the store does in Slack mode.
      ...(hr ? { hr: hr.service, store: hr.store } : {}),
      retryConfig: { retries: 0 },
    });
  } catch (err) {
    await hr?.stop();
    throw err;
  }
  showAppErrors(app, (message) => workspace.notice(activeChannel, message, 'error'));
  await app.start();
  if (hr) await hr.start();

  /** Hands a payload to the app and reports, as Slack would, a request it did not acknowledge in time. */
  const dispatch = async (channel: string, body: Json, what: string, onAck?: (response: unknown) => void) => {
    activeChannel = channel;
    let warned = false;
    const outcome = await receiver.dispatch(body, {
      ...(onAck ? { onAck } : {}),
      onLate: () => {
        warned = true;
        workspace.notice(
          channel,
          `The app did not acknowledge ${what} within 3 seconds: Slack would show the person an error ` +
            `(operation_timeout).`,
          'warning',
        );
      },
    });
    if (!outcome.acked && !warned)
      workspace.notice(channel, `No listener acknowledged ${what}: Slack would show the person an error.`, 'warning');
    return outcome;
  };

  /** The composer: a slash command, a DM to the app, or a channel message that may mention it. */
  async function typed(body: Json): Promise<void> {
    const where = conversationOf(body.channel);
    const raw = String(body.text ?? '').trim();
    if (!raw) throw new HttpError(400, 'Type something first.');
    if (raw.length > MAX_MESSAGE_CHARS)
      throw new HttpError(400, `Messages are limited to ${MAX_MESSAGE_CHARS} characters here.`);
    const slash = /^\/(\S+)\s*([\s\S]*)$/.exec(raw);
    if (slash) {
      const command = `/${slash[1] ?? ''}`.toLowerCase();
      workspace.post({
        channel: where.id,
        user: ME.id,
        text: escapeMrkdwn(raw),
        blocks: [],
        attachments: [],
        ephemeral: true,
        command: true,
      });
      if (command !== COMMAND) {
        workspace.notice(
          where.id,
          `${command} is not a command this workspace knows. The app's command is ${COMMAND}.`,
          'info',
        );
        return;
      }
      const responseUrl = slack.responseUrl(where.id);
      const payload = slashCommand({
        command: COMMAND,
        text: withMentions(slash[2] ?? ''),
        channelId: where.id,
        channelName: where.kind === 'im' ? 'directmessage' : where.name,
        responseUrl,
        triggerId: slack.trigger(),
      });
      await dispatch(where.id, payload, `${COMMAND}`);
      return;
    }
    // Slack stores what a person typed with & < > escaped and picked names as mentions; so does the preview.
    const stored = workspace.post({
      channel: where.id,
      user: ME.id,
      text: withMentions(escapeMrkdwn(raw)),
      blocks: [],
      attachments: [],
      ephemeral: false,
    });
    if (where.kind === 'im') {
      if (!subscribed('message.im')) return;
      await dispatch(
        where.id,
        eventCallback(
          messageEvent({ type: 'message', channel: where.id, channelType: 'im', text: stored.text, ts: stored.ts }),
          workspace.newId('Ev'),
        ),
        'the message',
      );
    } else if (stored.text.includes(`<@${BOT.userId}`) && subscribed('app_mention')) {
      await dispatch(
        where.id,
        eventCallback(
          messageEvent({
            type: 'app_mention',
            channel: where.id,
            channelType: 'channel',
            text: stored.text,
            ts: stored.ts,
          }),
          workspace.newId('Ev'),
        ),
        'the mention',
      );
    }
  }

  /** A button or menu in a message, on App Home, or in a modal. */
  async function clicked(body: Json): Promise<void> {
    const blockId = String(body.blockId ?? '');
    const actionId = String(body.actionId ?? '');
    const picked = pickedValue(body.value);
    let container: Container;
    let blocks: unknown;
    let channel = DM.id;
    if (body.surface === 'message') {
      const where = conversationOf(body.channel);
      const message = workspace.find(where.id, String(body.ts ?? ''));
      if (!message) throw new HttpError(404, 'That message is gone.');
      blocks = message.blocks;
      channel = where.id;
      container = {
        type: 'message',
        channelId: where.id,
        channelName: where.kind === 'im' ? 'directmessage' : where.name,
        messageTs: message.ts,
        isEphemeral: message.ephemeral,
        message: message.ephemeral ? null : messagePayload(message),
        responseUrl: slack.responseUrl(where.id, message.ts),
      };
    } else {
      const view = body.surface === 'home' ? workspace.homeView() : workspace.findView(body.viewId);
      if (!view) throw new HttpError(404, 'That view is closed.');
      blocks = view.view.blocks;
      container = {
        type: 'view',
        view: workspace.viewPayload(view, stateValues(view.view.blocks, inputsOf(body.values))),
      };
    }
    const element = findElement(blocks, blockId, actionId);
    if (!element) throw new HttpError(404, 'That button is no longer there.');
    await dispatch(
      channel,
      blockActions({ container, action: actionPayload(element, blockId, picked), triggerId: slack.trigger() }),
      'the click',
    );
  }

  /** A modal's submit button: Slack checks required inputs itself, then sends view_submission. */
  async function submitted(body: Json): Promise<void> {
    const view = workspace.findView(body.viewId);
    if (!view || view === workspace.homeView()) throw new HttpError(404, 'That modal is closed.');
    const inputs = inputsOf(body.values);
    const missing = requiredMissing(view.view.blocks, inputs);
    if (Object.keys(missing).length) {
      workspace.setErrors(view, missing);
      return;
    }
    if (view.errors && Object.keys(view.errors).length) workspace.setErrors(view, {});
    const payload = viewSubmission(workspace.viewPayload(view, stateValues(view.view.blocks, inputs)), slack.trigger());
    await dispatch(DM.id, payload, 'the form', (response) => {
      const r = isJson(response) ? response : {};
      if (r.response_action === 'errors' && isJson(r.errors))
        workspace.setErrors(view, Object.fromEntries(Object.entries(r.errors).map(([k, v]) => [k, String(v)])));
      else if (r.response_action === 'update' && isJson(r.view)) workspace.updateView(view, r.view);
      else if (r.response_action === 'push' && isJson(r.view)) workspace.pushModal(r.view);
      else if (r.response_action === 'clear') workspace.closeModal('all');
      else workspace.closeModal(view.id);
    });
  }

  async function closed(body: Json): Promise<void> {
    const view = workspace.findView(body.viewId);
    if (!view || view === workspace.homeView()) return;
    const payload = view.view.notify_on_close === true ? viewClosed(workspace.viewPayload(view)) : null;
    workspace.closeModal(view.id);
    if (payload) await dispatch(DM.id, payload, 'closing the modal');
  }

  /** The app's Home or Messages tab was opened. */
  async function openedTab(body: Json): Promise<void> {
    if (!subscribed('app_home_opened')) return;
    const tab = body.tab === 'messages' ? 'messages' : 'home';
    const home = workspace.homeView();
    await dispatch(
      DM.id,
      eventCallback(appHomeOpened(tab, DM.id, home ? workspace.viewPayload(home) : null), workspace.newId('Ev')),
      'opening App Home',
    );
  }

  /** The person opened the assistant split view (from the top bar, or "New chat"): Slack starts a thread in their
   *  DM with the app and sends assistant_thread_started with the channel they are viewing. */
  async function openedAssistant(body: Json): Promise<{ threadTs: string }> {
    if (!manifest.assistant)
      throw new HttpError(404, 'manifest.yml declares no assistant view (features.assistant_view).');
    const context = conversationIdOrNull(body.context);
    const thread = workspace.startAssistantThread(context);
    if (subscribed('assistant_thread_started'))
      await dispatch(
        DM.id,
        eventCallback(assistantThreadEvent('assistant_thread_started', thread, context), workspace.newId('Ev')),
        'opening the assistant',
      );
    return { threadTs: thread.threadTs };
  }

  /** A message typed in the assistant pane (or a suggested prompt clicked): a message.im event in the thread. */
  async function typedToAssistant(body: Json): Promise<void> {
    const thread = workspace.assistantThread(DM.id, body.threadTs);
    if (!thread) throw new HttpError(404, 'That assistant thread is gone. Start a new chat.');
    const raw = String(body.text ?? '').trim();
    if (!raw) throw new HttpError(400, 'Type something first.');
    if (raw.length > MAX_MESSAGE_CHARS)
      throw new HttpError(400, `Messages are limited to ${MAX_MESSAGE_CHARS} characters here.`);
    const stored = workspace.post({
      channel: DM.id,
      user: ME.id,
      text: withMentions(escapeMrkdwn(raw)),
      blocks: [],
      attachments: [],
      ephemeral: false,
      threadTs: thread.threadTs,
    });
    // Slack takes the suggested prompts away once the person has said something.
    if (thread.prompts) workspace.updateAssistantThread(thread, { prompts: null });
    if (!subscribed('message.im')) return;
    await dispatch(
      DM.id,
      eventCallback(
        messageEvent({
          type: 'message',
          channel: DM.id,
          channelType: 'im',
          text: stored.text,
          ts: stored.ts,
          threadTs: thread.threadTs,
        }),
        workspace.newId('Ev'),
      ),
      'the message',
    );
  }

  /** The person moved to another conversation with the assistant open. */
  async function assistantContextChanged(body: Json): Promise<void> {
    const thread = workspace.assistantThread(DM.id, body.threadTs);
    const context = conversationIdOrNull(body.context);
    if (!thread || thread.context === context) return;
    workspace.updateAssistantThread(thread, { context });
    if (!subscribed('assistant_thread_context_changed')) return;
    await dispatch(
      DM.id,
      eventCallback(assistantThreadEvent('assistant_thread_context_changed', thread, context), workspace.newId('Ev')),
      'the context change',
    );
  }

  /** A message shortcut from a message's "More actions" menu: message_action with the message it was used on. */
  async function usedShortcut(body: Json): Promise<void> {
    const shortcut = manifest.shortcuts.find((s) => s.callbackId === body.callbackId);
    if (!shortcut) throw new HttpError(404, 'manifest.yml declares no such shortcut.');
    const where = conversationOf(body.channel);
    const message = workspace.find(where.id, String(body.ts ?? ''));
    if (!message || message.ephemeral) throw new HttpError(404, 'That message is gone.');
    await dispatch(
      where.id,
      messageAction({
        callbackId: shortcut.callbackId,
        channelId: where.id,
        channelName: where.kind === 'im' ? 'directmessage' : where.name,
        message: messagePayload(message),
        responseUrl: slack.responseUrl(where.id),
        triggerId: slack.trigger(),
      }),
      `the shortcut “${shortcut.name}”`,
    );
  }

  /** A Workflow Builder step run with the inputs of the page's form: function_executed, with a token for this
   *  execution only. Workflow Builder checks required inputs before a workflow runs; so does this. A failed step
   *  reaches the person as Slack says: "passed on to the end user through a Slackbot message". */
  async function ranWorkflowStep(body: Json): Promise<{ executionId: string }> {
    const step = manifest.steps.find((s) => s.callbackId === body.callbackId);
    if (!step) throw new HttpError(404, 'manifest.yml declares no such workflow step.');
    const given = isJson(body.inputs) ? body.inputs : {};
    const inputs: Record<string, string> = {};
    for (const p of step.inputs) {
      const value = String(given[p.name] ?? '').trim();
      if (!value && p.is_required) throw new HttpError(400, `${p.title} is required.`);
      if (value && p.type === 'slack#/types/channel_id' && !conversationIdOrNull(value))
        throw new HttpError(400, `${p.title} must be a channel of this workspace.`);
      if (value) inputs[p.name] = value;
    }
    activeChannel = conversationOf(body.channel).id;
    const run = workspace.startRun({
      executionId: workspace.newId('Fx'),
      token: `xwfp-preview-${randomBytes(12).toString('hex')}`,
      callbackId: step.callbackId,
      title: step.title,
      inputs,
    });
    if (subscribed('function_executed'))
      await dispatch(
        activeChannel,
        eventCallback(
          functionExecuted({
            step,
            inputs,
            executionId: run.executionId,
            workflowExecutionId: workspace.newId('Wx'),
            token: run.token,
          }),
          workspace.newId('Ev'),
        ),
        `the workflow step “${step.title}”`,
      );
    // The app's error is Slack text already (escaped, maybe a <#channel>): shown as Slackbot shows it.
    if (run.state === 'failed')
      workspace.post({
        channel: activeChannel,
        user: SLACKBOT,
        text: `The workflow step “${escapeMrkdwn(step.title)}” failed: ${run.error ?? ''}`,
        blocks: [],
        attachments: [],
        ephemeral: true,
        notice: 'error',
      });
    return { executionId: run.executionId };
  }

  return {
    workspace,
    slack,
    hr: Boolean(hr),
    manifest,
    typed,
    clicked,
    submitted,
    closed,
    openedTab,
    openedAssistant,
    typedToAssistant,
    assistantContextChanged,
    usedShortcut,
    ranWorkflowStep,
    async close() {
      await hr?.stop();
      await app.stop();
    },
  };
}

/** Which events the app subscribes to (manifest-ids.ts, like manifest.yml): only those are sent, as in Slack. */
function subscribed(event: (typeof EVENTS)[number]): boolean {
  return (EVENTS as readonly string[]).includes(event);
}

function conversationOf(id: unknown): Conversation {
  return CONVERSATIONS.find((c) => c.id === id) ?? DM;
}

function conversationIdOrNull(id: unknown): string | null {
  return CONVERSATIONS.find((c) => c.id === id)?.id ?? null;
}

/** @airisk, @you and #channel as Slack sends picked names (the command is set to escape them). */
function withMentions(text: string): string {
  return text
    .replace(/(^|\s)@airisk\b/gi, `$1<@${BOT.userId}>`)
    .replace(/(^|\s)@(you|me)\b/gi, `$1<@${ME.id}>`)
    .replace(/(^|\s)#([a-z0-9_-]+)/gi, (whole, before: string, name: string) => {
      const c = CONVERSATIONS.find((x) => x.kind === 'channel' && x.name === name.toLowerCase());
      return c ? `${before}<#${c.id}|${c.name}>` : whole;
    });
}

function pickedValue(v: unknown): string | string[] | null {
  if (Array.isArray(v)) return v.map(String);
  return v === undefined || v === null ? null : String(v);
}

function inputsOf(values: unknown): { blockId: string; actionId: string; value: string | string[] | null }[] {
  if (!Array.isArray(values)) return [];
  return values.filter(isJson).map((v) => ({
    blockId: String(v.blockId ?? ''),
    actionId: String(v.actionId ?? ''),
    value: pickedValue(v.value),
  }));
}

function requiredMissing(blocks: unknown, inputs: ReturnType<typeof inputsOf>): Record<string, string> {
  const missing: Record<string, string> = {};
  for (const b of Array.isArray(blocks) ? blocks : []) {
    if (!isJson(b) || b.type !== 'input' || b.optional === true || !isJson(b.element)) continue;
    const actionId = b.element.action_id;
    const input = inputs.find((i) => i.blockId === b.block_id && i.actionId === actionId);
    const value = input?.value;
    if (
      value === null ||
      value === undefined ||
      (typeof value === 'string' && !value.trim()) ||
      (Array.isArray(value) && value.length === 0)
    )
      missing[String(b.block_id)] = 'Please complete this required field.';
  }
  return missing;
}

/** Listener failures go to the app's logger (its error handler logs them); the page shows them too. */
function showAppErrors(app: App, show: (message: string) => void): void {
  const logger = app.logger;
  const error = logger.error.bind(logger);
  logger.error = (...parts: unknown[]) => {
    error(...parts);
    show(`The app reported an error: ${parts.map((p) => (p instanceof Error ? p.message : String(p))).join(' ')}`);
  };
}
