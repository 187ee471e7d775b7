// Slack's side of the conversation, in-process: the Web API methods the app's WebClient calls (pointed here
// through clientOptions.slackApiUrl) and the answers the app posts to a response_url. Each is answered the
// way Slack answers it, errors included (channel_not_found, expired_trigger_id, used response_url…), and
// what it posts lands in the preview workspace for the page to show.
import { outputProblems, type StepDefinition } from './manifest.js';
import { historyPage } from './web-api-wire.js';
import {
  BOT,
  CONVERSATIONS,
  DM,
  ME,
  TEAM,
  isJson,
  type Json,
  type StoredMessage,
  type Workspace,
} from './workspace.js';

/** Slack accepts a response_url this many times, for this long. */
const RESPONSE_URL_USES = 5;
const RESPONSE_URL_LIFETIME_MS = 30 * 60 * 1000;
/** A trigger_id opens a modal within 3 seconds of the click, once. */
const TRIGGER_LIFETIME_MS = 3000;
/** assistant.threads.setSuggestedPrompts: "up to four suggested prompts"; setStatus: "Maximum of 10 messages". */
const MAX_PROMPTS = 4;
const MAX_LOADING_MESSAGES = 10;

export interface WebApiReply {
  status: number;
  body: unknown;
}

interface ResponseTarget {
  channel: string;
  /** The message whose button was clicked, for replace_original / delete_original. */
  sourceTs?: string;
  uses: number;
  created: number;
}

export class SlackSide {
  private readonly responseUrls = new Map<string, ResponseTarget>();
  private readonly triggers = new Map<string, { created: number; used: boolean }>();

  constructor(
    private readonly workspace: Workspace,
    private readonly options: {
      baseUrl: () => string;
      token: string;
      onUnsimulated(method: string): void;
      /** The Workflow Builder steps manifest.yml declares: completeSuccess checks outputs against them. */
      steps?: StepDefinition[];
    },
  ) {}

  /** A response_url for a command or a click in `channel` (and on the message `sourceTs`). */
  responseUrl(channel: string, sourceTs?: string): string {
    const id = this.workspace.newId('R');
    this.responseUrls.set(id, { channel, ...(sourceTs ? { sourceTs } : {}), uses: 0, created: Date.now() });
    return `${this.options.baseUrl()}/response/${id}`;
  }

  trigger(): string {
    const id = `${Date.now()}.${this.workspace.newId('T')}`;
    this.triggers.set(id, { created: Date.now(), used: false });
    return id;
  }

  private useTrigger(id: unknown): string | null {
    const t = typeof id === 'string' ? this.triggers.get(id) : undefined;
    if (!t) return 'invalid_trigger_id';
    if (t.used || Date.now() - t.created > TRIGGER_LIFETIME_MS) return 'expired_trigger_id';
    t.used = true;
    return null;
  }

  /** A post to a response_url. */
  respond(id: string, body: Json): WebApiReply {
    const target = this.responseUrls.get(id);
    if (!target || Date.now() - target.created > RESPONSE_URL_LIFETIME_MS) return { status: 404, body: 'expired_url' };
    if (++target.uses > RESPONSE_URL_USES) return { status: 404, body: 'used_url' };
    const ws = this.workspace;
    const source = target.sourceTs ? ws.find(target.channel, target.sourceTs) : undefined;
    const content = messageContent(body);
    const inChannel = body.response_type === 'in_channel';
    if (isTrue(body.delete_original) && source) ws.remove(source.channel, source.ts);
    if (isTrue(body.replace_original) && source && !isTrue(body.delete_original)) {
      ws.replace(source.channel, source.ts, { ...content, ephemeral: inChannel ? false : source.ephemeral });
      return { status: 200, body: { ok: true } };
    }
    if (content.text || content.blocks.length || content.attachments.length) {
      ws.post({
        channel: target.channel,
        user: BOT.userId,
        botId: BOT.botId,
        ...content,
        ephemeral: !inChannel,
        ...(isString(body.thread_ts) ? { threadTs: body.thread_ts } : {}),
      });
    }
    return { status: 200, body: { ok: true } };
  }

  /** One Web API call: `method` as in https://api.slack.com/methods, `args` already decoded. */
  call(method: string, args: Json, authorization: string | undefined): WebApiReply {
    const token = authorization?.replace(/^Bearer\s+/i, '') ?? (isString(args.token) ? args.token : '');
    const ws = this.workspace;
    // The bot token, or the token a workflow step's execution was given, for as long as the step runs.
    if (token !== this.options.token) {
      const run = token ? ws.runByToken(token) : undefined;
      if (!run) return ok({ ok: false, error: token ? 'invalid_auth' : 'not_authed' });
      if (run.state !== 'running') return ok({ ok: false, error: 'token_expired' });
    }
    switch (method) {
      case 'api.test':
        return ok({ ok: true, args });
      case 'auth.test':
        return ok({
          ok: true,
          url: `${this.options.baseUrl()}/`,
          team: TEAM.name,
          user: BOT.name,
          team_id: TEAM.id,
          user_id: BOT.userId,
          bot_id: BOT.botId,
          is_enterprise_install: false,
        });
      case 'chat.postMessage': {
        const where = ws.resolveChannel(args.channel);
        if (!where) return ok({ ok: false, error: 'channel_not_found' });
        const content = messageContent(args);
        if (!content.text && !content.blocks.length && !content.attachments.length)
          return ok({ ok: false, error: 'no_text' });
        const stored = ws.post({
          channel: where.id,
          user: BOT.userId,
          botId: BOT.botId,
          ...content,
          ephemeral: false,
          ...(isString(args.thread_ts) ? { threadTs: args.thread_ts } : {}),
          ...(args.metadata !== undefined ? { metadata: args.metadata } : {}),
        });
        // The app's message in an assistant thread ends its status line, as in Slack.
        const thread = ws.assistantThread(where.id, args.thread_ts);
        if (thread?.status) ws.updateAssistantThread(thread, { status: null, loadingMessages: [] });
        return ok({ ok: true, channel: where.id, ts: stored.ts, message: messageObject(stored) });
      }
      case 'chat.postEphemeral': {
        const where = ws.resolveChannel(args.channel);
        if (!where) return ok({ ok: false, error: 'channel_not_found' });
        if (args.user !== ME.id) return ok({ ok: false, error: 'user_not_in_channel' });
        const stored = ws.post({
          channel: where.id,
          user: BOT.userId,
          botId: BOT.botId,
          ...messageContent(args),
          ephemeral: true,
          ...(isString(args.thread_ts) ? { threadTs: args.thread_ts } : {}),
        });
        return ok({ ok: true, message_ts: stored.ts });
      }
      case 'chat.update': {
        const where = ws.resolveChannel(args.channel);
        const found = where && isString(args.ts) ? ws.find(where.id, args.ts) : undefined;
        if (!where || !found || found.ephemeral)
          return ok({ ok: false, error: where ? 'message_not_found' : 'channel_not_found' });
        if (found.user !== BOT.userId) return ok({ ok: false, error: 'cant_update_message' });
        const content = messageContent(args);
        const updated = ws.replace(where.id, found.ts, {
          text: content.text || found.text,
          blocks: 'blocks' in args ? content.blocks : found.blocks,
          attachments: 'attachments' in args ? content.attachments : found.attachments,
        });
        return ok({
          ok: true,
          channel: where.id,
          ts: found.ts,
          text: updated?.text,
          message: updated ? messageObject(updated) : null,
        });
      }
      case 'chat.delete': {
        const where = ws.resolveChannel(args.channel);
        if (!where || !isString(args.ts) || !ws.remove(where.id, args.ts))
          return ok({ ok: false, error: 'message_not_found' });
        return ok({ ok: true, channel: where.id, ts: args.ts });
      }
      case 'chat.getPermalink': {
        const where = ws.resolveChannel(args.channel);
        if (!where || !isString(args.message_ts) || !ws.find(where.id, args.message_ts))
          return ok({ ok: false, error: 'message_not_found' });
        return ok({
          ok: true,
          channel: where.id,
          permalink: `${this.options.baseUrl()}/#${where.id}/${args.message_ts}`,
        });
      }
      case 'conversations.open':
        return String(args.users ?? '')
          .split(',')
          .includes(ME.id)
          ? ok({ ok: true, channel: { id: DM.id } })
          : ok({ ok: false, error: 'user_not_found' });
      case 'conversations.info': {
        const c = ws.conversation(String(args.channel));
        return ok(c ? { ok: true, channel: conversationObject(c) } : { ok: false, error: 'channel_not_found' });
      }
      case 'conversations.list':
        return ok({
          ok: true,
          channels: CONVERSATIONS.filter((c) => c.kind === 'channel').map(conversationObject),
          response_metadata: { next_cursor: '' },
        });
      case 'conversations.members':
        return ws.conversation(String(args.channel))
          ? ok({ ok: true, members: [ME.id, BOT.userId], response_metadata: { next_cursor: '' } })
          : ok({ ok: false, error: 'channel_not_found' });
      case 'conversations.history': {
        const c = ws.conversation(String(args.channel));
        if (!c) return ok({ ok: false, error: 'channel_not_found' });
        return ok(historyPage(ws.history(c.id).reverse(), args, messageObject));
      }
      case 'users.info': {
        const name = ws.userName(String(args.user));
        if (!name) return ok({ ok: false, error: 'user_not_found' });
        const isBot = args.user === BOT.userId;
        return ok({
          ok: true,
          user: {
            id: args.user,
            team_id: TEAM.id,
            name: isBot ? BOT.name : ME.name,
            real_name: name,
            is_bot: isBot,
            tz: Intl.DateTimeFormat().resolvedOptions().timeZone,
            profile: { real_name: name, display_name: name },
          },
        });
      }
      case 'usergroups.users.list':
        // The preview's HR admin is the person at the keyboard, named directly rather than by a user group.
        return ok({ ok: true, users: [] });
      case 'team.info':
        return ok({ ok: true, team: { id: TEAM.id, name: TEAM.name, domain: TEAM.domain } });
      case 'reactions.add':
      case 'reactions.remove':
        return ok({ ok: true });
      case 'views.publish': {
        if (args.user_id !== ME.id) return ok({ ok: false, error: 'user_not_found' });
        if (!isJson(args.view)) return ok({ ok: false, error: 'invalid_arguments' });
        const stored = ws.publishHome(args.view);
        return ok({ ok: true, view: ws.viewPayload(stored) });
      }
      case 'views.open':
      case 'views.push': {
        const problem = this.useTrigger(args.trigger_id);
        if (problem) return ok({ ok: false, error: problem });
        if (!isJson(args.view)) return ok({ ok: false, error: 'invalid_arguments' });
        if (method === 'views.push' && ws.modalStack().length === 0) return ok({ ok: false, error: 'not_found' });
        const stored = ws.pushModal(args.view);
        return ok({ ok: true, view: ws.viewPayload(stored) });
      }
      case 'views.update': {
        const target = ws.findView(args.view_id ?? args.external_id);
        if (!target) return ok({ ok: false, error: 'not_found' });
        if (isString(args.hash) && args.hash !== target.hash) return ok({ ok: false, error: 'hash_conflict' });
        if (!isJson(args.view)) return ok({ ok: false, error: 'invalid_arguments' });
        return ok({ ok: true, view: ws.viewPayload(ws.updateView(target, args.view)) });
      }
      case 'assistant.threads.setStatus':
      case 'assistant.threads.setSuggestedPrompts':
      case 'assistant.threads.setTitle':
        return ok(this.assistantThreads(method, args));
      case 'functions.completeSuccess':
      case 'functions.completeError':
        return ok(this.completeFunction(method, args));
      default:
        this.options.onUnsimulated(method);
        return ok({ ok: false, error: 'unknown_method' });
    }
  }

  /** assistant.threads.setStatus, setSuggestedPrompts and setTitle on a thread of the assistant view
   *  (docs.slack.dev/reference/methods/assistant.threads.setStatus and the others). */
  private assistantThreads(method: string, args: Json): Json {
    const ws = this.workspace;
    if (!isString(args.channel_id) || !ws.conversation(args.channel_id))
      return { ok: false, error: 'channel_not_found' };
    const thread = ws.assistantThread(args.channel_id, args.thread_ts);
    if (!thread) return { ok: false, error: 'invalid_thread_ts' };
    if (method === 'assistant.threads.setStatus') {
      const loading = args.loading_messages ?? [];
      if (typeof args.status !== 'string' || !Array.isArray(loading) || loading.length > MAX_LOADING_MESSAGES)
        return { ok: false, error: 'invalid_arguments' };
      // An empty status clears it.
      ws.updateAssistantThread(thread, { status: args.status || null, loadingMessages: loading.map(String) });
    } else if (method === 'assistant.threads.setSuggestedPrompts') {
      const prompts = Array.isArray(args.prompts) ? args.prompts : [];
      const valid = prompts.every((p) => isJson(p) && isString(p.title) && isString(p.message));
      if (!prompts.length || prompts.length > MAX_PROMPTS || !valid) return { ok: false, error: 'invalid_arguments' };
      ws.updateAssistantThread(thread, {
        prompts: {
          title: isString(args.title) ? args.title : null,
          prompts: (prompts as Json[]).map((p) => ({ title: String(p.title), message: String(p.message) })),
        },
      });
    } else {
      if (!isString(args.title)) return { ok: false, error: 'invalid_arguments' };
      ws.updateAssistantThread(thread, { title: args.title });
    }
    return { ok: true };
  }

  /** functions.completeSuccess / completeError: ends a running execution; outputs must fit the step's output
   *  parameters as manifest.yml declares them (else parameter_validation_failed, as Slack answers). */
  private completeFunction(method: string, args: Json): Json {
    const ws = this.workspace;
    const run = ws.run(args.function_execution_id);
    if (!run) return { ok: false, error: 'function_execution_not_found' };
    if (run.state !== 'running') return { ok: false, error: 'execution_not_in_running_state' };
    if (method === 'functions.completeError') {
      if (!isString(args.error)) return { ok: false, error: 'invalid_arguments' };
      ws.finishRun(run, { error: args.error });
      return { ok: true };
    }
    const step = this.options.steps?.find((s) => s.callbackId === run.callbackId);
    const outputs = isJson(args.outputs) ? args.outputs : {};
    const problem = step ? outputProblems(step, args.outputs) : null;
    if (problem) return { ok: false, error: 'parameter_validation_failed', errors: [problem] };
    ws.finishRun(run, { outputs });
    return { ok: true };
  }
}

const ok = (body: unknown): WebApiReply => ({ status: 200, body });
const isString = (v: unknown): v is string => typeof v === 'string' && v !== '';
const isTrue = (v: unknown) => v === true || v === 'true';

function messageContent(args: Json): Pick<StoredMessage, 'text' | 'blocks' | 'attachments'> {
  return {
    text: typeof args.text === 'string' ? args.text : '',
    blocks: Array.isArray(args.blocks) ? args.blocks : [],
    attachments: Array.isArray(args.attachments) ? args.attachments : [],
  };
}

function messageObject(m: StoredMessage): Json {
  return {
    type: 'message',
    ts: m.ts,
    user: m.user,
    text: m.text,
    ...(m.blocks.length ? { blocks: m.blocks } : {}),
    ...(m.botId ? { bot_id: m.botId, app_id: BOT.appId } : {}),
    ...(m.threadTs ? { thread_ts: m.threadTs } : {}),
    ...(m.metadata !== undefined ? { metadata: m.metadata } : {}),
    team: TEAM.id,
  };
}

function conversationObject(c: (typeof CONVERSATIONS)[number]): Json {
  return c.kind === 'im'
    ? { id: c.id, is_im: true, user: ME.id }
    : {
        id: c.id,
        name: c.name,
        is_channel: true,
        is_private: false,
        is_member: true,
        purpose: { value: c.purpose },
        topic: { value: '' },
      };
}
