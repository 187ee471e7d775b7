// A static file server on loopback for the dataset fetch tests: serves bodies by path with ETag and HTTP Range
// (206, If-Range) as GitHub's raw host and the O*NET Resource Center do, records every request, and can be told
// to misbehave per path: answer with a status, drop the connection mid-body, or ignore Range.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ServedRequest {
  path: string;
  range: string | null;
  ifRange: string | null;
}

type Fault = { kind: 'status'; status: number } | { kind: 'drop'; afterBytes: number } | { kind: 'ignore-range' };

export class FileServer {
  readonly requests: ServedRequest[] = [];
  private readonly files = new Map<string, Buffer>();
  /** Per path, faults to apply to the next requests in order; `times: Infinity` for every one. */
  private readonly faults = new Map<string, { fault: Fault; times: number }[]>();
  private server: Server | null = null;
  url = '';

  /** Serves `body` at `path` ("/onet/Skills.txt", not URL-encoded: requests are decoded before lookup). */
  set(path: string, body: Buffer | string): this {
    this.files.set(path, Buffer.from(body));
    return this;
  }

  /** The next `times` requests for `path` get this fault instead of (or, for a drop, in the middle of) the file. */
  fault(path: string, fault: Fault, times = 1): this {
    this.faults.set(path, [...(this.faults.get(path) ?? []), { fault, times }]);
    return this;
  }

  /** Clears the faults of every path. */
  heal(): this {
    this.faults.clear();
    return this;
  }

  requestsFor(path: string): ServedRequest[] {
    return this.requests.filter((r) => r.path === path);
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private nextFault(path: string): Fault | null {
    const list = this.faults.get(path);
    const first = list?.[0];
    if (!list || !first) return null;
    first.times -= 1;
    if (first.times <= 0) list.shift();
    return first.fault;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0] as string);
    const range = header(req, 'range');
    const ifRange = header(req, 'if-range');
    this.requests.push({ path, range, ifRange });
    const fault = this.nextFault(path);
    if (fault?.kind === 'status') {
      res.writeHead(fault.status, { 'content-type': 'text/plain' }).end(`status ${fault.status}`);
      return;
    }
    const body = this.files.get(path);
    if (!body) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
    let start = 0;
    const ranged = /^bytes=(\d+)-$/.exec(range ?? '');
    if (ranged && fault?.kind !== 'ignore-range' && (!ifRange || ifRange === etag)) {
      start = Number(ranged[1]);
      if (start >= body.length) {
        res.writeHead(416, { 'content-range': `bytes */${body.length}` }).end();
        return;
      }
    }
    const part = body.subarray(start);
    res.writeHead(start > 0 ? 206 : 200, {
      'content-type': 'application/octet-stream',
      'content-length': String(part.length),
      etag,
      'accept-ranges': 'bytes',
      ...(start > 0 ? { 'content-range': `bytes ${start}-${body.length - 1}/${body.length}` } : {}),
    });
    if (fault?.kind === 'drop') {
      // Send some of the body, let it reach the client, then cut the connection as a network failure would.
      res.write(part.subarray(0, fault.afterBytes), () => setImmediate(() => res.socket?.destroy()));
      return;
    }
    res.end(part);
  }
}

function header(req: IncomingMessage, name: string): string | null {
  const v = req.headers[name];
  return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
}
