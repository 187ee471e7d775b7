// The app under load for the Slack benchmark, in its own process so the load generator does not share its
// event loop: a stand-in Slack (Web API and response_url) plus the Bolt app, both on loopback.
// With "bare" as the second argument it serves a plain node:http 200 instead of the app: the floor this
// machine and load generator set, to read the app's latency against. With "store <postgres URL or SQLite
// path>" it runs the app with its HR features on that store, as the start command does (so each answer is
// counted in the store, and events are deduplicated through it); several such processes on one PostgreSQL
// database are several instances of one app.
// Prints "ready <port> <sink url>" when listening, "warm <ms>" when its background warm-up is done (the app
// only). On "stop" from standard input prints "rss <MB>", then
// "answers <JSON>": when each answer reached the stand-in's /response/<n> (process.hrtime, nanoseconds), and exits.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadSettings } from '../config/settings.js';
import { createSlackApp } from '../transports/slack/app.js';
import { bootEngine, warmUpInBackground } from '../app/boot.js';
import { createSlackHr } from '../app/slack-hr.js';

const secret = process.argv[2] ?? '';
const bare = process.argv[3] === 'bare';
const storeAt = process.argv[3] === 'store' ? (process.argv[4] ?? '') : null;
const answeredAt: Record<string, string> = {};
const okServer = () =>
  createServer((req, res) => {
    const n = /^\/response\/(\d+)$/.exec(req.url ?? '')?.[1];
    if (n) answeredAt[n] = process.hrtime.bigint().toString();
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    });
  });
const sink = okServer();
await new Promise<void>((r) => sink.listen(0, '127.0.0.1', r));
const sinkUrl = `http://127.0.0.1:${(sink.address() as AddressInfo).port}`;
let stopApp = async (): Promise<void> => {};
let server: Server;
if (bare) {
  server = okServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
} else {
  const booted = bootEngine();
  const { engine } = booted;
  const settings = loadSettings({
    SLACK_SIGNING_SECRET: secret,
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_API_URL: `${sinkUrl}/api/`,
    LOG_LEVEL: 'error',
    ...(storeAt === null
      ? {}
      : /^postgres(ql)?:/.test(storeAt)
        ? { DATABASE_URL: storeAt }
        : { AIRISK_DB_PATH: storeAt }),
  });
  const hr =
    storeAt === null ? undefined : await createSlackHr({ engine, settings, schedulerTickMs: 3_600_000, log: () => {} });
  const app = createSlackApp({ engine, settings, ...(hr ? { hr: hr.service, store: hr.store } : {}) });
  server = (await app.start(0)) as Server;
  // As the start command does: the load begins while the cards are still being composed.
  warmUpInBackground(engine, (ms) => console.log(`warm ${ms.toFixed(0)}`));
  stopApp = async () => {
    await app.stop();
    await hr?.stop();
  };
}
console.log(`ready ${(server.address() as AddressInfo).port} ${sinkUrl}`);
process.stdin.on('data', async () => {
  console.log(`rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)}`);
  console.log(`answers ${JSON.stringify(answeredAt)}`);
  await new Promise((r) => setTimeout(r, 500));
  await stopApp();
  if (bare) server.close();
  sink.close();
  process.exit(0);
});
