// An assistant thread carries on wherever its next message lands: after a restart (a new app on the same SQLite
// file) and across two live instances sharing one PostgreSQL database, the thread keeps its context (the
// channel Slack said the person is viewing) and the role it is about, so "show the path" and "compare with …"
// mean the same on every instance. Each app has its own store connection: all they share is the database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../src/store/postgres.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/types.js';
import { bootEngine } from '../../src/app/boot.js';
import { FakeSlack } from '../support/fake-slack.js';
import { createTestDatabase, type TestDatabase } from '../support/postgres.js';
import { startTestApp, type TestApp } from '../support/slack-app.js';
import { assistantThreadEvent, threadMessage } from '../support/slack-requests.js';

const { engine } = bootEngine();
const fake = new FakeSlack();
const DM = 'D0THREADS';
const VIEWING = 'C0VIEWING';

beforeAll(() => fake.start());
afterAll(() => fake.stop());
beforeEach(() => fake.reset());

const threadStarted = (app: TestApp, threadTs: string) =>
  assistantThreadEvent(app.url, 'assistant_thread_started', { channel: DM, threadTs, context: VIEWING });

/** Sends a message in the thread to `app` and returns the one answer Slack received for it. */
async function ask(app: TestApp, threadTs: string, text: string) {
  fake.reset();
  await threadMessage(app.url, { channel: DM, threadTs }, text);
  const [answer] = await fake.waitFor('chat.postMessage');
  await fake.waitFor('assistant.threads.setTitle');
  return {
    text: String(answer!.body.text),
    context: (answer!.body.metadata as { event_payload?: { channel_id?: string } } | undefined)?.event_payload,
    threadTs: answer!.body.thread_ts,
  };
}

describe('after a restart (SQLite file)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'airisk-threads-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a new app on the same file carries the thread on', async () => {
    const file = join(dir, 'airisk.sqlite');
    const threadTs = '1730001000.000001';
    const firstStore = openSqliteStore(file);
    const first = await startTestApp(engine, fake, { store: firstStore });
    await threadStarted(first, threadTs);
    await fake.waitFor('assistant.threads.setSuggestedPrompts');
    expect((await ask(first, threadTs, 'registered nurse')).text).toMatch(/^Registered Nurse: Very low AI exposure/);
    await first.stop();
    await firstStore.close();

    const secondStore = openSqliteStore(file);
    const second = await startTestApp(engine, fake, { store: secondStore });
    try {
      const path = await ask(second, threadTs, 'show the path');
      expect(path.text).toMatch(/^Reskilling path for Registered Nurse/);
      expect(path.threadTs).toBe(threadTs);
      // The context saved at the thread's start, by the app that is gone.
      expect(path.context).toMatchObject({ channel_id: VIEWING });
    } finally {
      await second.stop();
      await secondStore.close();
    }
  });
});

describe('two live instances (one PostgreSQL database)', () => {
  let db: TestDatabase;
  const stores: Store[] = [];
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    db = await createTestDatabase();
    stores.push(await openPostgresStore(db.url, { log: () => {} }), await openPostgresStore(db.url, { log: () => {} }));
    a = await startTestApp(engine, fake, { store: stores[0]! });
    b = await startTestApp(engine, fake, { store: stores[1]! });
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    for (const s of stores) await s.close();
    await db?.drop();
  });

  it('each message may land on either instance, and follow-ups mean the same on both', async () => {
    const threadTs = '1730002000.000001';
    await threadStarted(a, threadTs);
    await fake.waitFor('assistant.threads.setSuggestedPrompts');

    const card = await ask(b, threadTs, 'medical coder');
    expect(card.text).toMatch(/^Medical Coder: Very high AI exposure/);
    expect(card.context).toMatchObject({ channel_id: VIEWING });

    expect((await ask(a, threadTs, 'show the path')).text).toMatch(/^Reskilling path for Medical Coder/);
    expect((await ask(b, threadTs, 'compare with registered nurse')).text).toMatch(
      /^Medical Coder \(Very high AI exposure\) vs Registered Nurse \(Very low AI exposure\)/,
    );
    expect((await ask(a, threadTs, 'what about pharmacy technicians?')).text).toMatch(/^Pharmacy Technician/);
    expect((await ask(b, threadTs, 'show the path')).text).toMatch(/^Reskilling path for Pharmacy Technician/);
  });
});
