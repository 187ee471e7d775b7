// The start command as a process (`dist/main.js`, as `npm start` runs it): a port another program holds, and
// a promise rejection nobody handles while it serves.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppProcess, freePort } from '../support/app-process.js';
import { FakeSlack } from '../support/fake-slack.js';
import { BOT_TOKEN, SIGNING_SECRET, slashCommand } from '../support/slack-requests.js';

const fake = new FakeSlack();
let app: AppProcess | undefined;
let busy: Server | undefined;
beforeAll(async () => {
  await fake.start();
});
afterEach(async () => {
  await app?.stop();
  app = undefined;
  await new Promise((r) => (busy ? busy.close(r) : r(undefined)));
  busy = undefined;
});
afterAll(async () => {
  await fake.stop();
});

const slackEnv = (port: number) => ({
  SLACK_SIGNING_SECRET: SIGNING_SECRET,
  SLACK_BOT_TOKEN: BOT_TOKEN,
  SLACK_API_URL: fake.apiUrl,
  PORT: String(port),
  AIRISK_DATA_DIR: '',
});

describe('HTTP mode on a busy port', () => {
  it('stops with one line naming PORT and how to fix it', async () => {
    busy = createServer();
    await new Promise<void>((r) => busy!.listen(0, r));
    const port = (busy.address() as AddressInfo).port;
    app = new AppProcess(slackEnv(port));
    expect(await app.exited).toBe(1);
    const lines = app.output.trim().split('\n');
    expect(lines.at(-1)).toBe(
      `airisk could not start: Port ${port} is already in use by another program: stop that program, or set PORT to ` +
        `a free port.`,
    );
  });
});

describe('an unexpected promise rejection while serving', () => {
  it('is logged with its context, never a token, and the app keeps serving', async () => {
    const port = await freePort();
    // A rejection nobody handles, on demand: as a background task or a library's event handler could make one.
    // The token comes from the environment, so that only the error message holds it (not the stack's file name).
    const trigger =
      "process.on('SIGUSR2', () => { const e = new Error('the outbox write failed for ' + process.env.SLACK_BOT_TOKEN);" +
      " e.code = 'slack_webapi_platform_error'; e.data = { error: 'not_in_channel' }; Promise.reject(e); });";
    app = new AppProcess(slackEnv(port), [`--import=data:text/javascript,${encodeURIComponent(trigger)}`]);
    await app.waitFor(/Listening for Slack/);
    app.child.kill('SIGUSR2');
    await app.waitFor(/unexpected error/);
    expect(app.output).toMatch(
      /airisk: unexpected error \(a promise rejection nobody handled\), still serving: Error: the outbox write failed for xoxb-\[redacted\] \(code slack_webapi_platform_error; Slack said not_in_channel\)\n {4}at /,
    );
    expect(app.output).not.toContain(BOT_TOKEN);
    const res = await slashCommand(`http://127.0.0.1:${port}`, 'CPC', fake.responseUrl('after'));
    expect(res.status).toBe(200);
    const [reply] = await fake.waitFor('response');
    expect(String(reply!.body.text)).toMatch(/^Medical Coder/);
    expect(app.child.exitCode).toBeNull();
  });

  it('is installed by the start command only: importing the app, as tests do, leaves Node and vitest in charge', async () => {
    const { logUnhandledRejection } = await import('../../src/transports/unhandled.js');
    await import('../../src/transports/slack/start.js');
    await import('../../src/transports/preview/server.js');
    await import('../../src/app/boot.js');
    await import('../../src/app/start.js');
    expect(process.listeners('unhandledRejection')).not.toContain(logUnhandledRejection);
  });
});
