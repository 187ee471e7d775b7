// What an assistant thread remembers between messages: the context Slack sent with it (the channel the person
// is viewing beside the split view) and the role the thread is about, for follow-ups ("show the path"). Kept
// in the store, by channel and thread, so that a restart or another instance behind the load balancer carries
// the thread on; without a store (tests, the preview without HR) in this process's memory. Bolt's Assistant
// takes its part through a pluggable AssistantThreadContextStore
// (https://docs.slack.dev/tools/bolt-js/concepts/using-the-assistant-class: "(Recommended) A custom
// ThreadContextStore can be provided"); Bolt's default keeps it in message metadata, read back with
// conversations.replies, which would need another scope and a Slack round trip per message.
import type { AssistantConfig } from '@slack/bolt';
import type { RoleRef } from '../../answers/types.js';
import type { Store, ThreadContext } from '../../store/types.js';

/** The context Slack sends in assistant_thread_started / _context_changed (assistant_thread.context). */
interface SlackThreadContext {
  channel_id?: string;
  team_id?: string;
  enterprise_id?: string | null;
}

interface ThreadState {
  context: SlackThreadContext;
  /** The role the thread is about: the last one answered. */
  role?: RoleRef;
}

export interface ThreadMemory {
  get(channel: string, threadTs: string): Promise<ThreadState>;
  /** Replaces the parts of the state given, keeping the rest. */
  update(channel: string, threadTs: string, change: Partial<ThreadState>): Promise<void>;
}

/** A thread is remembered this long after its last change: people come back to a thread days later. */
const THREAD_TTL_MS = 30 * 24 * 60 * 60_000;
const REMEMBERED_LOCALLY = 2000;

/** The thread state in the shared store. A store that cannot be reached costs the thread its memory (the
 *  answer is still given, without the context) and is logged; it never costs the answer. */
export function storeThreadMemory(
  store: Store,
  options: { now?: () => number; ttlMs?: number; log?: (message: string) => void } = {},
): ThreadMemory {
  const { now = Date.now, ttlMs = THREAD_TTL_MS, log = () => {} } = options;
  const get = async (channel: string, threadTs: string): Promise<ThreadState> => {
    try {
      return stateOf(await store.getThreadContext(channel, threadTs, now()));
    } catch (err) {
      log(`could not read assistant thread ${channel}/${threadTs} from the store: ${(err as Error).message}`);
      return { context: {} };
    }
  };
  return {
    get,
    async update(channel, threadTs, change) {
      try {
        const next = { ...(await get(channel, threadTs)), ...change };
        await store.setThreadContext(channel, threadTs, next as unknown as ThreadContext, now(), ttlMs);
      } catch (err) {
        log(`could not save assistant thread ${channel}/${threadTs} to the store: ${(err as Error).message}`);
      }
    },
  };
}

/** The thread state in this process only, the most recent threads first kept. */
export function localThreadMemory(size = REMEMBERED_LOCALLY): ThreadMemory {
  const threads = new Map<string, ThreadState>();
  return {
    async get(channel, threadTs) {
      return threads.get(`${channel}/${threadTs}`) ?? { context: {} };
    },
    async update(channel, threadTs, change) {
      const key = `${channel}/${threadTs}`;
      const next = { ...(threads.get(key) ?? { context: {} }), ...change };
      threads.delete(key);
      threads.set(key, next);
      if (threads.size > size) threads.delete(threads.keys().next().value as string);
    },
  };
}

/** What was stored, read defensively: a row written by another version may lack a part. */
function stateOf(stored: ThreadContext | null): ThreadState {
  if (!stored) return { context: {} };
  const context = isObject(stored.context) ? (stored.context as SlackThreadContext) : {};
  const role = isObject(stored.role) && typeof stored.role.id === 'string' ? (stored.role as unknown as RoleRef) : null;
  return { context, ...(role ? { role } : {}) };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The assistant thread an event belongs to: assistant_thread.{channel_id, thread_ts} on the thread events, the
 *  message's channel and thread_ts on a message. */
function threadOf(payload: unknown): { channel: string; threadTs: string } | null {
  const p = isObject(payload) ? payload : {};
  const thread = isObject(p.assistant_thread) ? p.assistant_thread : p;
  const channel = thread.channel_id ?? thread.channel;
  const threadTs = thread.thread_ts;
  return typeof channel === 'string' && typeof threadTs === 'string' ? { channel, threadTs } : null;
}

/** Bolt's Assistant reads and saves the context Slack sent through this, in the thread memory. */
export function threadContextStore(memory: ThreadMemory): NonNullable<AssistantConfig['threadContextStore']> {
  return {
    async get({ payload }) {
      const thread = threadOf(payload);
      return thread ? (await memory.get(thread.channel, thread.threadTs)).context : {};
    },
    async save({ payload }) {
      const thread = threadOf(payload);
      const p = payload as { assistant_thread?: { context?: SlackThreadContext } };
      const context = p.assistant_thread?.context;
      if (thread && context) await memory.update(thread.channel, thread.threadTs, { context });
    },
  };
}
