// Slack transport benchmark: signed slash-command requests over loopback HTTP with autocannon; latency is to
// Bolt's acknowledgement (what Slack's 3-second limit is about). The app runs in its own process
// (slack-server.ts) with a local stand-in for Slack receiving the answers. The same load against a bare
// node:http server gives the floor of this machine and load generator, to read the app's numbers against.
import { createHmac } from 'node:crypto';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import type { BenchRow } from './table.js';

const SECRET = 'b7e151628aed2a6abf7158809cf4f3c7';
const TARGETS = { p99Ms: 20, rps: 200 } as const;
/** Offered load: a little above the target rate, so p99 is measured where the target asks for it. */
const OFFERED_RPS = Number(process.env.BENCH_RPS ?? 250);
const CONNECTIONS = 10;
const QUERIES = ['medical coder', 'CPC', 'accountant', 'registered nurse', 'will AI replace my job as a clinical coder?', 'software developers', 'medcal codr', '13-2011'];

interface LoadResult {
  result: autocannon.Result;
  rssMb: number;
}

/** Starts slack-server.js (the app, or the bare floor), offers the load for `seconds`, stops it. */
async function underLoad(target: 'app' | 'bare', seconds: number): Promise<LoadResult> {
  const args = [fileURLToPath(new URL('./slack-server.js', import.meta.url)), SECRET, ...(target === 'bare' ? ['bare'] : [])];
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'inherit'], env: process.env });
  const lines = createInterface({ input: child.stdout });
  const next = () => new Promise<string>((resolve) => lines.once('line', resolve));
  const [, port, sinkUrl] = (await next()).split(' ');
  let n = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/slack/events`,
    method: 'POST',
    connections: CONNECTIONS,
    duration: seconds,
    overallRate: OFFERED_RPS,
    requests: [
      {
        setupRequest: (req) => {
          const text = QUERIES[n++ % QUERIES.length] ?? 'medical coder';
          const body = new URLSearchParams({ command: '/airisk', text, user_id: 'U1', channel_id: 'C1', team_id: 'T1', response_url: `${sinkUrl}/response/${n}`, trigger_id: '1.2.3' }).toString();
          const ts = Math.floor(Date.now() / 1000);
          const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
          return { ...req, body, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signature } };
        },
      },
    ],
  });
  child.stdin.write('stop\n');
  const rssMb = Number((await next()).split(' ')[1]);
  await new Promise((r) => child.once('exit', r));
  return { result, rssMb };
}

export async function runSlackBench(durationSeconds = 10): Promise<BenchRow[]> {
  const { result, rssMb } = await underLoad('app', durationSeconds);
  const floor = (await underLoad('bare', Math.max(3, Math.round(durationSeconds / 2)))).result;

  const group = 'slack /airisk over HTTP';
  const ok = result.non2xx === 0 && result.errors === 0;
  return [
    { group, metric: `requests (${durationSeconds} s, ${CONNECTIONS} connections, offered ${OFFERED_RPS} req/s)`, value: `${result.requests.total} (${result.non2xx} non-2xx, ${result.errors} errors)`, target: 'all 2xx', pass: ok },
    { group, metric: 'throughput', value: `${result.requests.average.toFixed(0)} req/s`, target: `≥ ${TARGETS.rps} req/s`, pass: result.requests.average >= TARGETS.rps },
    { group, metric: 'latency to ack p50 / p99', value: `${result.latency.p50} ms / ${result.latency.p99} ms`, target: `p99 ≤ ${TARGETS.p99Ms} ms`, pass: result.latency.p99 <= TARGETS.p99Ms },
    { group, metric: 'floor: bare node:http 200, same load, p50 / p99', value: `${floor.latency.p50} ms / ${floor.latency.p99} ms` },
    { group, metric: 'RSS of the app process after the run', value: `${rssMb} MB` },
  ];
}
