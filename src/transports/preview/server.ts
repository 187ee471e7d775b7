// The local preview: the whole bot in a browser, no Slack needed. This server answers the page (its assets, its
// live feed in ./stream.ts, and what the person does, handed to the session in ./session.ts) and the app's Web API
// calls and response_url posts (Slack's side, ./web-api.ts). Knowledge edits reload while it runs; an invalid edit
// is shown on the page and the last valid knowledge keeps answering. It binds to loopback by default and sends
// nothing outside this process.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { projectRoot } from '../../catalog/paths.js';
import { SettingsError } from '../../config/settings.js';
import type { Engine } from '../../engine/types.js';
import { listenError } from '../listen-error.js';
import { COMMAND } from '../slack/manifest-ids.js';
import { HttpError } from './http-error.js';
import { LiveKnowledge } from './knowledge.js';
import { createPreviewSession, type PreviewSession, type StartHr } from './session.js';
import { EventStream } from './stream.js';
import { decodeWebApiBody } from './web-api-wire.js';
import { BOT, CONVERSATIONS, ME, type Json, type WorkspaceUpdate } from './workspace.js';

export interface PreviewOptions {
  /** 0 picks a free port. */
  port: number;
  /** Interface to listen on; loopback unless told otherwise. */
  host?: string;
  /** Read for LOG_LEVEL and AIRISK_TIMEZONE; Slack credentials are ignored. */
  env: NodeJS.ProcessEnv;
  /** The knowledge folder, watched for edits. */
  knowledgeDir: string;
  /** Builds the engine from the knowledge folder (and the datasets); throws KnowledgeInvalidError on bad knowledge. */
  loadEngine: (knowledgeDir: string) => Engine;
  /** Starts the HR features (announce, schedule, insights); absent: no HR. */
  startHr?: StartHr;
}

export interface PreviewServer {
  /** Where to open the page, e.g. http://localhost:3000. */
  url: string;
  close(): Promise<void>;
}

const ASSETS_DIR = join(projectRoot, 'src/transports/preview/assets');
const ASSETS: Record<string, string> = {
  '/': 'index.html',
  '/assets/preview.css': 'preview.css',
  '/assets/preview.js': 'preview.js',
};
const CONTENT_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
};
const MAX_BODY_BYTES = 2 * 1024 * 1024;

export async function servePreview(options: PreviewOptions): Promise<PreviewServer> {
  const host = options.host ?? '127.0.0.1';
  const knowledge = new LiveKnowledge(options.knowledgeDir, options.loadEngine);
  let session: PreviewSession | undefined;

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      const status = err instanceof HttpError ? err.status : 500;
      if (!res.headersSent) res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(err instanceof Error ? err.message : String(err));
    });
  });
  const closeServer = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, host, () => resolve());
    });
  } catch (err) {
    knowledge.close();
    throw listenError(err, `Port ${options.port} on ${host}`, 'PORT (or PREVIEW_PORT)');
  }
  const address = server.address() as AddressInfo;
  // The app reaches this server over loopback whatever interface the page is served on.
  const bound = address.address;
  const loopback =
    bound === '0.0.0.0' || bound === '::' ? '127.0.0.1' : address.family === 'IPv6' ? `[${bound}]` : bound;
  const internalBase = `http://${loopback}:${address.port}`;
  const pageHost = host === '127.0.0.1' || host === '::1' || host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  const pageUrl = `http://${pageHost}:${address.port}`;
  const allowedHosts = new Set(
    ['localhost', '127.0.0.1', '[::1]', host.includes(':') ? `[${host}]` : host].map((h) => `${h}:${address.port}`),
  );

  try {
    session = await createPreviewSession({
      env: options.env,
      engine: knowledge.engine,
      latestEngine: knowledge.latest,
      internalBase,
      ...(options.startHr ? { startHr: options.startHr } : {}),
    });
  } catch (err) {
    knowledge.close();
    await closeServer();
    throw err;
  }
  const live = session;
  const stream = new EventStream(() => ({
    me: { id: ME.id, name: ME.realName },
    app: { id: BOT.userId, name: BOT.name },
    command: COMMAND,
    conversations: CONVERSATIONS,
    hr: live.hr,
    // What manifest.yml declares: the assistant view, message shortcuts, Workflow Builder steps.
    assistant: live.manifest.assistant,
    shortcuts: live.manifest.shortcuts,
    steps: live.manifest.steps,
    knowledge: knowledge.status,
    ...live.workspace.snapshot(),
  }));
  live.workspace.on('update', (update: WorkspaceUpdate) => stream.broadcast('update', update));
  knowledge.onChange((status) => stream.broadcast('knowledge', status));
  knowledge.watch();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!session) throw new HttpError(503, 'The preview is still starting.');
    const live = session;
    // Answer only requests addressed to this machine by name, so no web page can reach it by DNS tricks.
    if (!allowedHosts.has(String(req.headers.host ?? '')))
      throw new HttpError(403, 'This preview only answers requests to localhost.');
    const url = new URL(req.url ?? '/', internalBase);
    const path = url.pathname;

    if (req.method === 'GET') {
      const asset = ASSETS[path];
      if (asset) {
        if (asset === 'index.html') knowledge.refresh();
        return serveAsset(res, asset);
      }
      if (path === '/preview/events') return stream.open(req, res);
      if (path === '/favicon.ico') {
        res.writeHead(204).end();
        return;
      }
      throw new HttpError(404, 'Not found');
    }
    if (req.method !== 'POST') throw new HttpError(405, 'Method not allowed');

    // What the app sends to "Slack".
    if (path.startsWith('/api/')) {
      const reply = live.slack.call(path.slice('/api/'.length), await readBody(req), req.headers.authorization);
      return json(res, reply.body, reply.status);
    }
    if (path.startsWith('/response/')) {
      const reply = live.slack.respond(path.slice('/response/'.length), await readBody(req));
      return typeof reply.body === 'string' ? text(res, reply.body, reply.status) : json(res, reply.body, reply.status);
    }

    // What the person does on the page. JSON only: a plain form on another site cannot post here.
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json'))
      throw new HttpError(415, 'Send JSON.');
    const body = await readBody(req);
    knowledge.refresh();
    switch (path) {
      case '/preview/send':
        await live.typed(body);
        return json(res, { ok: true });
      case '/preview/action':
        await live.clicked(body);
        return json(res, { ok: true });
      case '/preview/submit':
        await live.submitted(body);
        return json(res, { ok: true });
      case '/preview/close':
        await live.closed(body);
        return json(res, { ok: true });
      case '/preview/open-tab':
        await live.openedTab(body);
        return json(res, { ok: true });
      case '/preview/assistant/open':
        return json(res, await live.openedAssistant(body));
      case '/preview/assistant/send':
        await live.typedToAssistant(body);
        return json(res, { ok: true });
      case '/preview/assistant/context':
        await live.assistantContextChanged(body);
        return json(res, { ok: true });
      case '/preview/shortcut':
        await live.usedShortcut(body);
        return json(res, { ok: true });
      case '/preview/workflow':
        return json(res, await live.ranWorkflowStep(body));
      default:
        throw new HttpError(404, 'Not found');
    }
  }

  return {
    url: pageUrl,
    async close() {
      stream.close();
      knowledge.close();
      await live.close();
      await closeServer();
    },
  };
}

/** The preview's port: PREVIEW_PORT when set (so PORT can stay the Slack app's), else `fallback` (PORT, 3000). */
export function previewPort(env: NodeJS.ProcessEnv, fallback: number): number {
  const raw = env.PREVIEW_PORT?.trim();
  if (!raw) return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new SettingsError([`PREVIEW_PORT must be a port number from 1 to 65535, such as 3000 (it is "${raw}")`]);
  return port;
}

function serveAsset(res: ServerResponse, name: string): void {
  const body = readFileSync(join(ASSETS_DIR, name));
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[name.split('.').pop() ?? ''] ?? 'application/octet-stream',
    'cache-control': 'no-store',
    // The page runs only its own script and style, and connects only back to this server.
    'content-security-policy':
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src " +
      "'self'; frame-ancestors 'none'",
    'x-content-type-options': 'nosniff',
  });
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<Json> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'Request too large.');
    chunks.push(chunk as Buffer);
  }
  try {
    return decodeWebApiBody(Buffer.concat(chunks).toString('utf8'), String(req.headers['content-type'] ?? ''));
  } catch {
    throw new HttpError(400, 'The request body is not valid JSON.');
  }
}

function json(res: ServerResponse, value: unknown, status = 200): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(value));
}

function text(res: ServerResponse, value: string, status: number): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(value);
}
