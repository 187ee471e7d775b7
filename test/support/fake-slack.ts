// A local stand-in for Slack's Web API (and for response_url): records every call the app makes, so tests
// assert what Slack would receive. Behaviour per method can be scripted (429s, 5xx, expired URLs) and answers held.
// It reads requests and pages history as the preview's stand-in does (src/transports/preview/web-api-wire.ts);
// unlike the preview, it takes any channel, user, trigger and response_url a test makes up.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeWebApiBody, historyPage } from '../../src/transports/preview/web-api-wire.js';

export interface RecordedCall {
  method: string;
  /** Bearer token the app sent, if any. */
  token: string | null;
  body: Record<string, unknown>;
  at: number;
}

/** afterStoring: do what Slack does by default (e.g. keep the posted message), then answer with this anyway:
 *  a 5xx or timeout after Slack acted on the request. */
type Scripted = { status: number; headers?: Record<string, string>; body?: unknown; afterStoring?: boolean };

/** Keeps the answer to a request until release(): "mid-send" made deterministic. acted: Slack has already
 *  done what was asked (the message is in the channel) when the answer is held; otherwise it acts only on
 *  release, and never if the caller went away first (killed). */
export interface Hold {
  acted: boolean;
}

/** A message as conversations.history returns it. */
export interface StoredMessage {
  ts: string;
  text: unknown;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

export class FakeSlack {
  readonly calls: RecordedCall[] = [];
  /** What chat.postMessage stored per channel, oldest first; conversations.history reads it. */
  readonly channels = new Map<string, StoredMessage[]>();
  /** Slack's clock: message ts are seconds since the epoch, as on Slack. Tests with a manual clock replace it. */
  now: () => number = Date.now;
  /** Members of user groups, for usergroups.users.list. */
  readonly usergroups = new Map<string, string[]>();
  /** Channels conversations.info knows (name, topic, purpose); any other is channel_not_found. */
  readonly conversations = new Map<string, { name: string; topic?: string; purpose?: string }>();
  private readonly scripts = new Map<string, Scripted[]>();
  private readonly holds = new Map<string, Hold[]>();
  /** Requests being held now; release() answers them. */
  readonly held: { method: string; body: Record<string, unknown>; release: () => void }[] = [];
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

  /** Holds the answers to the next calls of a method, one hold per call, in order. */
  hold(method: string, ...holds: Hold[]): void {
    this.holds.set(method, [...(this.holds.get(method) ?? []), ...holds]);
  }

  /** Answers every held request whose caller is still there. */
  releaseAll(): void {
    for (const h of this.held.splice(0)) h.release();
  }

  /** Waits until `count` requests are being held. */
  async waitForHeld(count = 1, timeoutMs = 8000): Promise<void> {
    const start = Date.now();
    while (this.held.length < count) {
      if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${count} held request(s)`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  async waitFor(method: string, count = 1, timeoutMs = 8000): Promise<RecordedCall[]> {
    const start = Date.now();
    while (this.callsTo(method).length < count) {
      if (Date.now() - start > timeoutMs)
        throw new Error(
          `timed out waiting for ${count} × ${method}; saw: ${this.calls.map((c) => c.method).join(', ') || 'nothing'}`,
        );
      await new Promise((r) => setTimeout(r, 20));
    }
    return this.callsTo(method);
  }

  reset(): void {
    this.calls.length = 0;
    this.scripts.clear();
    this.holds.clear();
    this.releaseAll();
    this.channels.clear();
    this.usergroups.clear();
    this.conversations.clear();
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
    const method = url.pathname.startsWith('/api/')
      ? url.pathname.slice(5)
      : url.pathname.startsWith('/response/')
        ? 'response'
        : url.pathname;
    const body = decodeWebApiBody(raw, req.headers['content-type'] ?? '');
    const auth = req.headers.authorization ?? '';
    const token = auth.startsWith('Bearer ') ? auth.slice(7) : typeof body.token === 'string' ? body.token : null;
    this.calls.push({ method, token, body, at: Date.now() });

    const hold = this.holds.get(method)?.shift();
    if (hold) {
      const answer = hold.acted ? this.respond(method, body) : undefined;
      const released = await new Promise<boolean>((resolve) => {
        this.held.push({ method, body, release: () => resolve(true) });
        res.on('close', () => resolve(false));
      });
      if (!released) return;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer ?? this.respond(method, body)));
      return;
    }
    const scripted = this.scripts.get(method)?.shift();
    if (scripted?.afterStoring) this.respond(method, body);
    if (scripted) {
      res.writeHead(scripted.status, { 'content-type': 'application/json', ...scripted.headers });
      res.end(scripted.body === undefined ? '' : JSON.stringify(scripted.body));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(this.respond(method, body)));
  }

  private respond(method: string, body: Record<string, unknown>): unknown {
    switch (method) {
      case 'chat.postMessage': {
        const answer = {
          ...(defaultResponse(method, body) as object),
          ts: `${Math.floor(this.now() / 1000)}.${String(seq++).padStart(6, '0')}`,
        };
        const channel = String(body.channel);
        const metadata = body.metadata as StoredMessage['metadata'];
        this.channels.set(channel, [
          ...(this.channels.get(channel) ?? []),
          { ts: answer.ts, text: body.text, ...(metadata ? { metadata } : {}) },
        ]);
        return answer;
      }
      case 'conversations.history':
        return historyPage(this.channels.get(String(body.channel)) ?? [], body, (m) => ({ type: 'message', ...m }));
      case 'conversations.info': {
        const c = this.conversations.get(String(body.channel));
        return c
          ? {
              ok: true,
              channel: {
                id: body.channel,
                name: c.name,
                is_channel: true,
                topic: { value: c.topic ?? '' },
                purpose: { value: c.purpose ?? '' },
              },
            }
          : { ok: false, error: 'channel_not_found' };
      }
      case 'usergroups.users.list': {
        const users = this.usergroups.get(String(body.usergroup));
        return users ? { ok: true, users } : { ok: false, error: 'no_such_subteam' };
      }
      default:
        return defaultResponse(method, body);
    }
  }
}

let ts = 1_700_000_000;
let seq = 100;
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
