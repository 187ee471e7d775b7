// One airisk Slack instance in its own process, for the multi-instance tests (test/multi/): started as the
// start command starts it (settings from the environment, the store from DATABASE_URL, createSlackHr and
// startSlack), on a free loopback port, with two things a test needs that a deployment does not: a clock the
// parent can move, and scheduler ticks on request. It is compiled with the app so that a child process can
// run it (node dist/testing/slack-instance.js) and can be killed like a real one.
//
// Over the IPC channel it sends {type: 'ready', port} once listening, and answers
//   {type: 'clock', offsetMs}  -> {type: 'clock', offsetMs}   (now = real time + offsetMs)
//   {type: 'tick'}             -> {type: 'ticked', fired, retried}   (one scheduler tick)
// The scheduler's own timer runs too, every AIRISK_TEST_TICK_MS (default: an hour, so ticks are the test's).
import { loadSettings } from '../config/settings.js';
import type { Clock } from '../hr/clock.js';
import { bootEngine } from '../app/boot.js';
import { createSlackHr } from '../app/slack-hr.js';
import { startSlack } from '../transports/slack/start.js';
import type { AddressInfo } from 'node:net';

type Command = { type: 'clock'; offsetMs: number } | { type: 'tick' };

let offsetMs = Number(process.env.AIRISK_TEST_CLOCK_OFFSET_MS ?? 0);
const clock: Clock = {
  now: () => Date.now() + offsetMs,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

const settings = loadSettings(process.env);
const booted = bootEngine(process.env);
const hr = await createSlackHr({
  engine: booted.engine,
  settings,
  clock,
  schedulerTickMs: Number(process.env.AIRISK_TEST_TICK_MS ?? 3_600_000),
  delivery: {
    backoffMs: 50,
    ...(process.env.AIRISK_TEST_LEASE_MS ? { leaseMs: Number(process.env.AIRISK_TEST_LEASE_MS) } : {}),
  },
  log: (m) => console.log(`[hr ${process.pid}] ${m}`),
});
const { server } = await startSlack({ engine: booted.engine, settings, hr, port: 0 });

const send = (message: unknown) => process.send?.(message);
process.on('message', (message: Command) => {
  if (message.type === 'clock') {
    offsetMs = message.offsetMs;
    send({ type: 'clock', offsetMs });
  } else if (message.type === 'tick') {
    hr.service.scheduler.tick().then(
      (report) =>
        send({
          type: 'ticked',
          fired: report.fired.map((f) => ({
            schedule: f.schedule.id,
            outcome: f.outcome?.status ?? f.skipped ?? null,
          })),
          retried: report.retried.map((r) => r.status),
        }),
      (err: unknown) => send({ type: 'ticked', error: String(err) }),
    );
  }
});
// The parent going away ends the instance (a test that fails half-way leaves nothing running).
process.on('disconnect', () => process.exit(0));
send({ type: 'ready', port: (server?.address() as AddressInfo).port });
