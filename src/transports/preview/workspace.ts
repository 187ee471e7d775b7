// The preview's stand-in for a Slack workspace: its people and conversations, the messages the app posted,
// the App Home view and the open modals. Every change is announced (for the page's server-sent events)
// together with its HTML, drawn by the HTML renderer from the very Block Kit the app sent.
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import {
  renderMessageHtml,
  renderViewHtml,
  textObjectPlain,
  type HtmlRenderContext,
} from '../../renderers/html/blocks.js';
import { mrkdwnToHtml } from '../../renderers/html/mrkdwn.js';

export type Json = Record<string, unknown>;
export const isJson = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export const TEAM = { id: 'T0PREVIEW', domain: 'airisk-preview', name: 'airisk preview' } as const;
export const ME = { id: 'U0PREVIEW', name: 'you', realName: 'You' } as const;
export const BOT = { userId: 'U0AIRISK', botId: 'B0AIRISK', appId: 'A0AIRISK', name: 'airisk' } as const;
export const SLACKBOT = 'USLACKBOT';

export interface Conversation {
  id: string;
  name: string;
  kind: 'im' | 'channel';
  purpose: string;
}

export const DM: Conversation = {
  id: 'D0AIRISK',
  name: 'airisk',
  kind: 'im',
  purpose: 'Your direct messages with the airisk app',
};
export const CONVERSATIONS: readonly Conversation[] = [
  DM,
  {
    id: 'C0GENERAL',
    name: 'general',
    kind: 'channel',
    purpose: 'Everyone in the workspace. Mention @airisk to ask it here.',
  },
  { id: 'C0HRNEWS', name: 'hr-announcements', kind: 'channel', purpose: 'Where HR posts announcements and digests' },
  {
    id: 'C0CODING',
    name: 'medical-coding',
    kind: 'channel',
    purpose: 'Medical coders and billers of the clinic: coding questions, audits, ICD-10 news',
  },
];

export interface StoredMessage {
  channel: string;
  ts: string;
  threadTs?: string;
  user: string;
  botId?: string;
  text: string;
  blocks: unknown[];
  attachments: unknown[];
  /** Shown only to the person (postEphemeral, ephemeral responses, Slackbot notices). */
  ephemeral: boolean;
  /** The person's own slash command: Slack does not post it, the preview shows it so the thread reads. */
  command?: boolean;
  notice?: 'info' | 'warning' | 'error';
  metadata?: unknown;
  edited?: boolean;
}

export interface StoredView {
  id: string;
  hash: string;
  view: Json;
  /** Per block_id, from a view_submission acknowledged with response_action "errors". */
  errors?: Record<string, string>;
}

/** A thread of the assistant split view, with what the app set on it (assistant.threads.*). */
export interface AssistantThread {
  channel: string;
  threadTs: string;
  /** The channel the person was viewing beside it (assistant_thread.context.channel_id). */
  context: string | null;
  title: string | null;
  /** The status line ("is checking the sources…"), null when none shows. */
  status: string | null;
  loadingMessages: string[];
  prompts: { title: string | null; prompts: { title: string; message: string }[] } | null;
}

/** A run of a Workflow Builder step (function_executed) and how the app completed it. */
export interface WorkflowRun {
  executionId: string;
  /** The token Slack gave the app for this execution only (bot_access_token). */
  token: string;
  callbackId: string;
  title: string;
  inputs: Record<string, string>;
  state: 'running' | 'completed' | 'failed';
  outputs?: Record<string, unknown>;
  error?: string;
}

/** What the page receives: a message with its HTML, built and escaped here. */
export interface RenderedMessage {
  key: string;
  channel: string;
  ts: string;
  threadTs?: string;
  /** The assistant thread (its root ts) the message belongs to: shown in the assistant pane, not the channel. */
  assistantThread?: string;
  author: { id: string; name: string; kind: 'app' | 'person' | 'slackbot' };
  ephemeral: boolean;
  command: boolean;
  notice?: StoredMessage['notice'];
  edited: boolean;
  html: string;
}

export interface RenderedModal {
  id: string;
  title: string;
  submit: string | null;
  close: string;
  html: string;
  errors: Record<string, string>;
}

export type WorkspaceUpdate =
  | { type: 'message'; message: RenderedMessage }
  | { type: 'message-deleted'; channel: string; ts: string }
  | { type: 'home'; html: string | null }
  | { type: 'modals'; modals: RenderedModal[] }
  | { type: 'assistant'; thread: AssistantThread }
  | { type: 'workflow'; run: RenderedRun };

/** A workflow run as the page gets it: no token, and the error (Slack text) drawn as HTML. */
export type RenderedRun = Omit<WorkflowRun, 'token'> & { errorHtml?: string };

export class Workspace extends EventEmitter<{ update: [WorkspaceUpdate] }> {
  private readonly messages = new Map<string, StoredMessage[]>(CONVERSATIONS.map((c) => [c.id, []]));
  private home: StoredView | null = null;
  private modals: StoredView[] = [];
  private readonly assistantThreads = new Map<string, AssistantThread>();
  private readonly runs = new Map<string, WorkflowRun>();
  private lastTs = 0;
  private counter = 0;

  readonly renderContext: HtmlRenderContext = {
    userName: (id) => this.userName(id),
    channelName: (id) => CONVERSATIONS.find((c) => c.id === id)?.name,
    conversations: CONVERSATIONS.filter((c) => c.kind === 'channel').map((c) => ({ id: c.id, name: c.name })),
    users: [
      { id: ME.id, name: ME.realName },
      { id: BOT.userId, name: BOT.name },
    ],
  };

  conversation(id: string): Conversation | undefined {
    return CONVERSATIONS.find((c) => c.id === id);
  }

  /** Where a post to `channel` lands: a conversation id as is; a person's user id opens their DM with the app. */
  resolveChannel(channel: unknown): Conversation | undefined {
    if (typeof channel !== 'string') return undefined;
    if (channel === ME.id) return DM;
    return this.conversation(channel);
  }

  userName(id: string): string | undefined {
    if (id === ME.id) return ME.realName;
    if (id === BOT.userId) return BOT.name;
    if (id === SLACKBOT) return 'Slackbot';
    return undefined;
  }

  /** Slack message timestamps: seconds.microseconds, unique and increasing within a channel. */
  nextTs(): string {
    const now = Math.max(Date.now() * 1000, this.lastTs + 1);
    this.lastTs = now;
    return `${Math.floor(now / 1e6)}.${String(now % 1e6).padStart(6, '0')}`;
  }

  newId(prefix: string): string {
    return `${prefix}${(++this.counter).toString(36).toUpperCase()}${randomBytes(3).toString('hex').toUpperCase()}`;
  }

  post(message: Omit<StoredMessage, 'ts'> & { ts?: string }): StoredMessage {
    const stored: StoredMessage = { ...message, ts: message.ts ?? this.nextTs(), blocks: this.withIds(message.blocks) };
    this.messages.get(stored.channel)?.push(stored);
    this.emit('update', { type: 'message', message: this.renderMessage(stored) });
    return stored;
  }

  /** A line from Slackbot, only for the person: what Slack itself says (unknown command, time-outs) and preview
   *  notes. */
  notice(channel: string, text: string, level: NonNullable<StoredMessage['notice']>): StoredMessage {
    const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    return this.post({
      channel,
      user: SLACKBOT,
      text: escaped,
      blocks: [],
      attachments: [],
      ephemeral: true,
      notice: level,
    });
  }

  find(channel: string, ts: string): StoredMessage | undefined {
    return this.messages.get(channel)?.find((m) => m.ts === ts);
  }

  replace(
    channel: string,
    ts: string,
    change: Partial<Pick<StoredMessage, 'text' | 'blocks' | 'attachments' | 'ephemeral' | 'metadata'>>,
  ): StoredMessage | undefined {
    const found = this.find(channel, ts);
    if (!found) return undefined;
    Object.assign(found, change, {
      edited: !found.ephemeral,
      ...(change.blocks ? { blocks: this.withIds(change.blocks) } : {}),
    });
    this.emit('update', { type: 'message', message: this.renderMessage(found) });
    return found;
  }

  remove(channel: string, ts: string): boolean {
    const list = this.messages.get(channel);
    const index = list?.findIndex((m) => m.ts === ts) ?? -1;
    if (!list || index < 0) return false;
    list.splice(index, 1);
    this.emit('update', { type: 'message-deleted', channel, ts });
    return true;
  }

  /** Messages of a channel as conversations.history returns them: newest first, no ephemeral ones. */
  history(channel: string): StoredMessage[] {
    return [...(this.messages.get(channel) ?? [])].filter((m) => !m.ephemeral && !m.command).reverse();
  }

  homeView(): StoredView | null {
    return this.home;
  }

  publishHome(view: Json): StoredView {
    this.home = {
      id: this.home?.id ?? this.newId('V'),
      hash: this.newId('h'),
      view: { ...view, blocks: this.withIds(view.blocks) },
    };
    this.emit('update', { type: 'home', html: this.renderHome() });
    return this.home;
  }

  modalStack(): readonly StoredView[] {
    return this.modals;
  }

  findView(id: unknown): StoredView | undefined {
    if (this.home && this.home.id === id) return this.home;
    return this.modals.find((m) => m.id === id || (typeof id === 'string' && m.view.external_id === id));
  }

  pushModal(view: Json): StoredView {
    const stored: StoredView = {
      id: this.newId('V'),
      hash: this.newId('h'),
      view: { ...view, blocks: this.withIds(view.blocks) },
    };
    this.modals.push(stored);
    this.emitModals();
    return stored;
  }

  updateView(target: StoredView, view: Json): StoredView {
    target.view = { ...view, blocks: this.withIds(view.blocks) };
    target.hash = this.newId('h');
    delete target.errors;
    if (target === this.home) this.emit('update', { type: 'home', html: this.renderHome() });
    else this.emitModals();
    return target;
  }

  setErrors(target: StoredView, errors: Record<string, string>): void {
    target.errors = errors;
    this.emitModals();
  }

  /** Closes a modal and every modal pushed above it; `all` closes the whole stack (response_action "clear"). */
  closeModal(id: string | 'all'): void {
    const index = id === 'all' ? 0 : this.modals.findIndex((m) => m.id === id);
    if (index < 0) return;
    this.modals.splice(index);
    this.emitModals();
  }

  /** The view as Slack sends it back in payloads (ids, hash, state filled in). */
  viewPayload(target: StoredView, values: Json = {}): Json {
    const isHome = target === this.home;
    const rootId = isHome ? target.id : (this.modals[0]?.id ?? target.id);
    const index = this.modals.indexOf(target);
    return {
      ...target.view,
      id: target.id,
      team_id: TEAM.id,
      type: isHome ? 'home' : (target.view.type ?? 'modal'),
      private_metadata: target.view.private_metadata ?? '',
      callback_id: target.view.callback_id ?? '',
      external_id: target.view.external_id ?? '',
      state: { values },
      hash: target.hash,
      previous_view_id: index > 0 ? (this.modals[index - 1]?.id ?? null) : null,
      root_view_id: rootId,
      app_id: BOT.appId,
      app_installed_team_id: TEAM.id,
      bot_id: BOT.botId,
    };
  }

  /** Opens an assistant thread in the DM with the app: its root message, as Slack makes when the person opens
   *  the split view (the assistant_app_thread root), and the thread's state. */
  startAssistantThread(context: string | null): AssistantThread {
    const thread: AssistantThread = {
      channel: DM.id,
      threadTs: this.nextTs(),
      context,
      title: null,
      status: null,
      loadingMessages: [],
      prompts: null,
    };
    // Known as a thread before its root is posted, so the page never shows the root as a DM message.
    this.assistantThreads.set(thread.threadTs, thread);
    this.emit('update', { type: 'assistant', thread });
    this.post({
      channel: DM.id,
      ts: thread.threadTs,
      user: ME.id,
      text: 'New chat',
      blocks: [],
      attachments: [],
      ephemeral: false,
    });
    return thread;
  }

  assistantThread(channel: unknown, threadTs: unknown): AssistantThread | undefined {
    const thread = typeof threadTs === 'string' ? this.assistantThreads.get(threadTs) : undefined;
    return thread && thread.channel === channel ? thread : undefined;
  }

  updateAssistantThread(thread: AssistantThread, change: Partial<Omit<AssistantThread, 'channel' | 'threadTs'>>): void {
    Object.assign(thread, change);
    this.emit('update', { type: 'assistant', thread });
  }

  startRun(run: Omit<WorkflowRun, 'state'>): WorkflowRun {
    const stored: WorkflowRun = { ...run, state: 'running' };
    this.runs.set(run.executionId, stored);
    this.emitRun(stored);
    return stored;
  }

  run(executionId: unknown): WorkflowRun | undefined {
    return typeof executionId === 'string' ? this.runs.get(executionId) : undefined;
  }

  runByToken(token: string): WorkflowRun | undefined {
    return [...this.runs.values()].find((r) => r.token === token);
  }

  finishRun(run: WorkflowRun, end: { outputs: Record<string, unknown> } | { error: string }): void {
    Object.assign(run, 'error' in end ? { state: 'failed', error: end.error } : { state: 'completed', ...end });
    this.emitRun(run);
  }

  private emitRun(run: WorkflowRun): void {
    this.emit('update', { type: 'workflow', run: this.renderRun(run) });
  }

  private renderRun({ token: _token, ...run }: WorkflowRun): RenderedRun {
    return { ...run, ...(run.error ? { errorHtml: mrkdwnToHtml(run.error, this.renderContext) } : {}) };
  }

  snapshot(): {
    messages: RenderedMessage[];
    home: string | null;
    modals: RenderedModal[];
    assistantThreads: AssistantThread[];
    runs: RenderedRun[];
  } {
    return {
      messages: [...this.messages.values()].flat().map((m) => this.renderMessage(m)),
      home: this.renderHome(),
      modals: this.renderModals(),
      assistantThreads: [...this.assistantThreads.values()],
      runs: [...this.runs.values()].map((run) => this.renderRun(run)),
    };
  }

  renderMessage(m: StoredMessage): RenderedMessage {
    const kind = m.user === SLACKBOT ? 'slackbot' : m.botId || m.user === BOT.userId ? 'app' : 'person';
    const assistantThread = this.assistantThreads.has(m.threadTs ?? m.ts) ? (m.threadTs ?? m.ts) : undefined;
    return {
      key: `${m.channel}/${m.ts}`,
      channel: m.channel,
      ts: m.ts,
      ...(m.threadTs && m.threadTs !== m.ts ? { threadTs: m.threadTs } : {}),
      ...(assistantThread && m.channel === DM.id ? { assistantThread } : {}),
      author: { id: m.user, name: this.userName(m.user) ?? m.user, kind },
      ephemeral: m.ephemeral,
      command: m.command === true,
      ...(m.notice ? { notice: m.notice } : {}),
      edited: m.edited === true,
      html: renderMessageHtml(m, this.renderContext),
    };
  }

  private renderHome(): string | null {
    return this.home ? renderViewHtml(this.home.view, this.renderContext) : null;
  }

  private renderModals(): RenderedModal[] {
    return this.modals.map((m) => ({
      id: m.id,
      title: textObjectPlain(m.view.title),
      submit: m.view.submit ? textObjectPlain(m.view.submit) : null,
      close: m.view.close ? textObjectPlain(m.view.close) : 'Cancel',
      html: renderViewHtml(m.view, this.renderContext),
      errors: m.errors ?? {},
    }));
  }

  private emitModals(): void {
    this.emit('update', { type: 'modals', modals: this.renderModals() });
  }

  /** Slack gives every block a block_id and every interactive element an action_id when the app left them out. */
  private withIds(blocks: unknown): unknown[] {
    if (!Array.isArray(blocks)) return [];
    return blocks.map((b: unknown) => {
      if (!isJson(b)) return b;
      const block: Json = {
        ...b,
        block_id: typeof b.block_id === 'string' && b.block_id ? b.block_id : this.newId('b'),
      };
      const withAction = (e: unknown) =>
        isJson(e) && e.type !== 'image' && !('action_id' in e) && !/^(mrkdwn|plain_text)$/.test(String(e.type))
          ? { ...e, action_id: this.newId('a') }
          : e;
      if (Array.isArray(block.elements) && (block.type === 'actions' || block.type === 'context_actions'))
        block.elements = block.elements.map(withAction);
      if (block.accessory) block.accessory = withAction(block.accessory);
      if (block.element) block.element = withAction(block.element);
      return block;
    });
  }
}
