// The app under load for the Slack benchmark, in its own process so the load generator does not share its
// event loop: a stand-in Slack (Web API and response_url) plus the Bolt app, both on loopback.
// Prints "ready <port>" when listening; prints "rss <MB>" and exits on "stop" from standard input.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadSettings } from '../config/settings.js';
import { createSlackApp } from '../transports/slack/app.js';
import { bootEngine } from '../transports/boot.js';

const secret = process.argv[2] ?? '';
const sink = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"ok":true}');
  });
});
await new Promise<void>((r) => sink.listen(0, '127.0.0.1', r));
const sinkUrl = `http://127.0.0.1:${(sink.address() as AddressInfo).port}`;
const { engine } = bootEngine();
engine.warmUp();
const app = createSlackApp({ engine, settings: loadSettings({ SLACK_SIGNING_SECRET: secret, SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_API_URL: `${sinkUrl}/api/`, LOG_LEVEL: 'error' }) });
const server = (await app.start(0)) as Server;
console.log(`ready ${(server.address() as AddressInfo).port} ${sinkUrl}`);
process.stdin.on('data', async () => {
  console.log(`rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)}`);
  await new Promise((r) => setTimeout(r, 500));
  await app.stop();
  sink.close();
  process.exit(0);
});
