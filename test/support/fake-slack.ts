// A local stand-in for Slack's Web API (and for response_url): records every call the app makes, so tests
// assert what Slack would receive. Behaviour per method can be scripted (429s, 5xx, expired URLs).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  method: string;
  /** Bearer token the app sent, if any. */
  token: string | null;
  body: Record<string, unknown>;
  at: number;
}

type Scripted = { status: number; headers?: Record<string, string>; body?: unknown };

export class FakeSlack {
  readonly calls: RecordedCall[] = [];
  private readonly scripts = new Map<string, Scripted[]>();
  private server!: Server;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  responseUrl(id = 'r1'): string {
    return `${this.url}/response/${id}`;
  }

  /** The next responses for a method (or "response" for response_url posts), used once each, in order. */
  script(method: string, ...responses: Scripted[]): void {
    this.scripts.set(method, [...(this.scripts.get(method) ?? []), ...responses]);
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  async waitFor(method: string, count = 1, timeoutMs = 8000): Promise<RecordedCall[]> {
    const start = Date.now();
    while (this.callsTo(method).length < count) {
      if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${count} × ${method}; saw: ${this.calls.map((c) => c.method).join(', ') || 'nothing'}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    return this.callsTo(method);
  }

  reset(): void {
    this.calls.length = 0;
    this.scripts.clear();
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', this.url);
    const method = url.pathname.startsWith('/api/') ? url.pathname.slice(5) : url.pathname.startsWith('/response/') ? 'response' : url.pathname;
    const body = parseBody(raw, req.headers['content-type'] ?? '');
    const auth = req.headers.authorization ?? '';
    const token = auth.startsWith('Bearer ') ? auth.slice(7) : typeof body.token === 'string' ? body.token : null;
    this.calls.push({ method, token, body, at: Date.now() });

    const scripted = this.scripts.get(method)?.shift();
    if (scripted) {
      res.writeHead(scripted.status, { 'content-type': 'application/json', ...scripted.headers });
      res.end(scripted.body === undefined ? '' : JSON.stringify(scripted.body));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(defaultResponse(method, body)));
  }
}

function parseBody(raw: string, type: string): Record<string, unknown> {
  if (!raw) return {};
  if (type.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    // The WebClient form-encodes arrays and objects as JSON strings.
    out[k] = /^[[{]/.test(v) ? safeJson(v) : v;
  }
  return out;
}

function safeJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

let ts = 1_700_000_000;
function defaultResponse(method: string, body: Record<string, unknown>): unknown {
  switch (method) {
    case 'auth.test':
      return { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', user: 'airisk' };
    case 'chat.postMessage':
      return { ok: true, channel: body.channel, ts: `${ts++}.000100`, message: { text: body.text } };
    case 'chat.postEphemeral':
      return { ok: true, message_ts: `${ts++}.000200` };
    case 'views.publish':
    case 'views.open':
    case 'views.update':
      return { ok: true, view: { id: 'V1' } };
    case 'apps.connections.open':
      return { ok: true, url: 'ws://127.0.0.1:1/' };
    case 'response':
      return { ok: true };
    default:
      return { ok: true };
  }
}
