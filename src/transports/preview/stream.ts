// The page's live feed (server-sent events): a snapshot when the page connects, then every change to the
// workspace and to the knowledge status, with a comment line now and then so proxies keep the connection open.
import type { IncomingMessage, ServerResponse } from 'node:http';

const KEEPALIVE_MS = 15_000;

export class EventStream {
  private readonly clients = new Set<ServerResponse>();
  private readonly keepAlive = setInterval(() => {
    for (const res of this.clients) res.write(': keep-alive\n\n');
  }, KEEPALIVE_MS);

  /** `snapshot` is what a page that connects gets first. */
  constructor(private readonly snapshot: () => unknown) {}

  open(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    this.clients.add(res);
    req.on('close', () => this.clients.delete(res));
    send(res, 'snapshot', this.snapshot());
  }

  broadcast(event: string, data: unknown): void {
    for (const res of this.clients) send(res, event, data);
  }

  close(): void {
    clearInterval(this.keepAlive);
    for (const res of this.clients) res.end();
    this.clients.clear();
  }
}

function send(res: ServerResponse, event: string, data: unknown): void {
  res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}
