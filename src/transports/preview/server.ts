// The local preview: the whole bot in a browser, no Slack needed. The page sends what a person would type
// or click; PreviewReceiver turns it into Slack's payloads for the same Bolt app; the app's Web API calls and
// response_url posts come back to this server, which shows them as a Slack conversation would.
// Knowledge edits are picked up on the next action; an invalid edit is shown and the last valid one serves.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { KnowledgeInvalidError, formatProblem } from '../../catalog/knowledge/load.js';
import { defaultKnowledgeDir } from '../../catalog/paths.js';
import { loadSettings } from '../../config/settings.js';
import type { Engine } from '../../engine/types.js';
import { blocksToHtml } from '../../renderers/html/blocks.js';
import { escapeHtml } from '../../renderers/html/escape.js';
import { bootEngine } from '../boot.js';
import { createSlackApp } from '../slack/app.js';
import { PREVIEW_PAGE } from './page.js';
import { PreviewReceiver } from './receiver.js';

export interface PreviewOptions {
  port: number;
  host?: string;
  env: NodeJS.ProcessEnv;
  knowledgeDir?: string;
}

interface ChatItem {
  id: number;
  from: 'you' | 'airisk';
  html: string;
  note?: string;
}

const USER = 'UPREVIEW';
const CHANNEL = 'DPREVIEW';

export async function startPreview(options: PreviewOptions): Promise<{ url: string; close(): Promise<void> }> {
  const host = options.host ?? '127.0.0.1';
  const knowledgeDir = options.knowledgeDir ?? (options.env.AIRISK_KNOWLEDGE_DIR?.trim() || defaultKnowledgeDir);
  let current = bootEngine(options.env, knowledgeDir).engine;
  let signature = knowledgeSignature(knowledgeDir);
  let knowledgeErrors: string[] = [];

  /** Rebuilds the engine when a knowledge file changed; keeps the last valid one if the edit is invalid. */
  const refresh = () => {
    const now = knowledgeSignature(knowledgeDir);
    if (now === signature) return;
    signature = now;
    try {
      current = bootEngine(options.env, knowledgeDir).engine;
      knowledgeErrors = [];
    } catch (err) {
      if (!(err instanceof KnowledgeInvalidError)) throw err;
      knowledgeErrors = err.problems.map(formatProblem);
    }
  };
  const live: Engine = {
    ask: (t) => current.ask(t),
    path: (t) => current.path(t),
    compare: (t) => current.compare(t),
    roleById: (id) => current.roleById(id),
    help: () => current.help(),
    popularRoles: () => current.popularRoles(),
    stats: () => current.stats(),
    warmUp: () => current.warmUp(),
  };

  const items: ChatItem[] = [];
  let nextId = 1;
  let home = '';
  let modal: { html: string; callbackId: string; privateMetadata: string; title: string } | null = null;
  const add = (from: ChatItem['from'], html: string, note?: string) => items.push({ id: nextId++, from, html, ...(note ? { note } : {}) });
  let responseCounter = 0;

  const receiver = new PreviewReceiver();
  let baseUrl = '';
  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`preview error: ${err instanceof Error ? err.message : String(err)}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  baseUrl = `http://${host}:${(server.address() as AddressInfo).port}`;

  const settings = { ...loadSettings({ ...options.env, SLACK_SIGNING_SECRET: '', SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '' }), slackApiUrl: `${baseUrl}/api/` };
  const app = createSlackApp({ engine: live, settings, receiver, retryConfig: { retries: 0 } });
  await app.start();

  const common = { team_id: 'TPREVIEW', api_app_id: 'APREVIEW', token: 'preview' };
  const user = { id: USER, username: 'you', team_id: 'TPREVIEW' };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', baseUrl);
    const body = req.method === 'POST' ? await readBody(req) : {};
    // What the app sends to "Slack": Web API calls and response_url posts.
    if (url.pathname.startsWith('/api/')) return json(res, webApi(url.pathname.slice(5), body));
    if (url.pathname.startsWith('/response/')) {
      const note = body.response_type === 'in_channel' ? 'Shared in the channel' : 'Only visible to you';
      add('airisk', blocksToHtml(body.blocks as unknown[], String(body.text ?? '')), note);
      return json(res, { ok: true });
    }
    if (url.pathname === '/' && req.method === 'GET') {
      refresh();
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(PREVIEW_PAGE);
      return;
    }
    if (url.pathname === '/preview/state') return json(res, { items, home, modal, knowledgeErrors, stats: current.stats() });
    if (url.pathname === '/preview/send' && req.method === 'POST') {
      refresh();
      const text = String(body.text ?? '').slice(0, 4000);
      add('you', `<span class="you-text">${escapeHtml(text)}</span>`);
      const command = /^\s*\/airisk\b\s*([\s\S]*)$/i.exec(text);
      if (command) {
        await receiver.dispatch({ ...common, command: '/airisk', text: command[1]?.trim() ?? '', user_id: USER, user_name: 'you', channel_id: CHANNEL, channel_name: 'directmessage', response_url: `${baseUrl}/response/${++responseCounter}`, trigger_id: `t${responseCounter}` });
      } else {
        await receiver.dispatch({ ...common, type: 'event_callback', event_id: `Ev${nextId}${Date.now()}`, event_time: Math.floor(Date.now() / 1000), event: { type: 'message', channel_type: 'im', user: USER, text, ts: `${Date.now() / 1000}`, channel: CHANNEL, event_ts: `${Date.now() / 1000}` } });
      }
      return json(res, { ok: true });
    }
    if (url.pathname === '/preview/action' && req.method === 'POST') {
      refresh();
      const fromHome = body.surface === 'home';
      await receiver.dispatch({
        type: 'block_actions',
        team: { id: 'TPREVIEW', domain: 'preview' },
        user,
        api_app_id: 'APREVIEW',
        token: 'preview',
        trigger_id: `t${++responseCounter}`,
        ...(fromHome ? { view: { type: 'home' } } : { channel: { id: CHANNEL, name: 'directmessage' }, response_url: `${baseUrl}/response/${responseCounter}`, container: { type: 'message', channel_id: CHANNEL, is_ephemeral: true } }),
        actions: [{ type: 'button', action_id: String(body.actionId ?? ''), block_id: String(body.blockId ?? ''), value: String(body.value ?? ''), action_ts: `${Date.now() / 1000}` }],
      });
      return json(res, { ok: true });
    }
    if (url.pathname === '/preview/home' && req.method === 'POST') {
      refresh();
      await receiver.dispatch({ ...common, type: 'event_callback', event_id: `EvHome${Date.now()}`, event_time: Math.floor(Date.now() / 1000), event: { type: 'app_home_opened', user: USER, channel: CHANNEL, tab: 'home', event_ts: `${Date.now() / 1000}` } });
      return json(res, { ok: true });
    }
    if (url.pathname === '/preview/submit' && req.method === 'POST') {
      refresh();
      if (!modal) return json(res, { ok: false, error: 'no modal open' });
      const values = (body.values ?? {}) as Record<string, Record<string, string>>;
      const state: Record<string, Record<string, { type: string; value: string }>> = {};
      for (const [blockId, actions] of Object.entries(values)) {
        state[blockId] = Object.fromEntries(Object.entries(actions).map(([actionId, value]) => [actionId, { type: 'plain_text_input', value: String(value) }]));
      }
      const acked = (await receiver.dispatch({ type: 'view_submission', team: { id: 'TPREVIEW', domain: 'preview' }, user, api_app_id: 'APREVIEW', token: 'preview', trigger_id: `t${++responseCounter}`, view: { id: 'VPREVIEW', type: 'modal', callback_id: modal.callbackId, private_metadata: modal.privateMetadata, state: { values: state }, hash: 'h' } })) as { response_action?: string; errors?: Record<string, string> } | undefined;
      if (acked?.response_action === 'errors') return json(res, { ok: false, errors: acked.errors });
      modal = null;
      return json(res, { ok: true });
    }
    if (url.pathname === '/preview/close' && req.method === 'POST') {
      modal = null;
      return json(res, { ok: true });
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  }

  /** The Web API methods the app calls, answered as Slack would, and shown on the page. */
  function webApi(method: string, body: Record<string, unknown>): unknown {
    switch (method) {
      case 'chat.postMessage':
        add('airisk', blocksToHtml(body.blocks as unknown[], String(body.text ?? '')), body.thread_ts ? 'In thread' : undefined);
        return { ok: true, channel: body.channel, ts: `${Date.now() / 1000}` };
      case 'chat.postEphemeral':
        add('airisk', blocksToHtml(body.blocks as unknown[], String(body.text ?? '')), 'Only visible to you');
        return { ok: true, message_ts: `${Date.now() / 1000}` };
      case 'views.publish':
        home = blocksToHtml((body.view as { blocks?: unknown[] })?.blocks);
        return { ok: true, view: { id: 'VHOME' } };
      case 'views.open': {
        const view = (body.view ?? {}) as { blocks?: unknown[]; callback_id?: string; private_metadata?: string; title?: { text?: string } };
        modal = { html: blocksToHtml(view.blocks), callbackId: String(view.callback_id ?? ''), privateMetadata: String(view.private_metadata ?? ''), title: escapeHtml(String(view.title?.text ?? '')) };
        return { ok: true, view: { id: 'VMODAL' } };
      }
      case 'auth.test':
        return { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'TPREVIEW' };
      default:
        return { ok: false, error: 'not_available_in_preview' };
    }
  }

  return {
    url: `http://${host === '127.0.0.1' ? 'localhost' : host}:${(server.address() as AddressInfo).port}`,
    async close() {
      await app.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Changes whenever a knowledge file is added, removed or edited. */
function knowledgeSignature(dir: string): string {
  const parts: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      const st = statSync(path);
      if (st.isDirectory()) walk(path);
      else parts.push(`${path}:${st.size}:${st.mtimeMs}`);
    }
  };
  try {
    walk(dir);
  } catch {
    return 'missing';
  }
  return parts.join('|');
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  if (!raw) return {};
  if ((req.headers['content-type'] ?? '').includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) out[k] = /^[[{]/.test(v) ? parseOr(v) : v;
  return out;
}

function parseOr(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function json(res: ServerResponse, value: unknown): void {
  res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(value));
}
