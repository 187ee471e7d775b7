// Exactly-once delivery against an in-memory Slack that fails the ways Slack fails. What counts is what
// people see: the messages in the channel.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDelivery } from '../../src/hr/delivery.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { OutboxEntry, Store } from '../../src/store/types.js';
import { FakeSlack, ManualClock } from './fakes.js';

const CHANNEL = 'C0HRNEWS';
let dir: string;
let path: string;
let stores: Store[];
let clock: ManualClock;
let slack: FakeSlack;

const openStore = () => {
  const store = openSqliteStore(path, { now: () => clock.now() });
  stores.push(store);
  return store;
};
const record = (store: Store, text = 'Role spotlight: a test role'): Promise<OutboxEntry> =>
  store.createOutbox({
    kind: 'spotlight',
    subject: 'test-role',
    channel: CHANNEL,
    message: { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] },
    status: 'pending',
    requestedBy: 'UADMIN',
    onDelivered: [{ key: `spotlight-last:${CHANNEL}`, value: 'test-role' }],
  });

/** What a process that then died did: took the entry's lease and began handing it to Slack. */
async function beginSendingAsDeadProcess(store: Store, entry: OutboxEntry) {
  expect(
    await store.lease(entry.id, { owner: 'a-dead-process', until: clock.now() + 60_000 }, clock.now()),
  ).not.toBeNull();
  expect(await store.beginSending(entry.id, 'a-dead-process', clock.now())).toBe(true);
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'airisk-delivery-'));
  path = join(dir, 'airisk.sqlite');
  stores = [];
  clock = new ManualClock(Date.parse('2026-03-02T10:00:00Z'));
  slack = new FakeSlack(clock).join(CHANNEL);
});
afterEach(async () => {
  for (const s of stores) await s.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('delivering an announcement', () => {
  it('posts once, with the outbox id in the message metadata, and records the ts', async () => {
    const store = openStore();
    const entry = await record(store);
    const outcome = await createDelivery({ store, slack, clock }).deliver(entry.id);
    const posts = slack.allPosts();
    expect(posts).toHaveLength(1);
    expect(posts[0]?.metadata).toEqual({ event_type: 'airisk_announcement', event_payload: { outbox_id: entry.id } });
    expect(outcome).toMatchObject({ status: 'sent', recovered: false });
    expect(await store.getOutbox(entry.id)).toMatchObject({ status: 'sent', ts: posts[0]?.ts });
    expect(await store.getState(`spotlight-last:${CHANNEL}`)).toBe('test-role');
    expect((await store.auditLog(5))[0]).toMatchObject({
      actor: 'UADMIN',
      action: 'posted',
      channel: CHANNEL,
      outboxId: entry.id,
      ts: posts[0]?.ts,
    });
  });

  it('two deliveries of the same entry at once post it once', async () => {
    const store = openStore();
    const entry = await record(store);
    const delivery = createDelivery({ store, slack, clock });
    await Promise.all([delivery.deliver(entry.id), delivery.deliver(entry.id), delivery.retryStale()]);
    expect(slack.allPosts()).toHaveLength(1);
  });

  it('waits out a 429 and posts once', async () => {
    const store = openStore();
    const entry = await record(store);
    slack.failNext('postMessage', { kind: 'rate_limited', retryAfterSeconds: 3 });
    const outcome = await createDelivery({ store, slack, clock }).deliver(entry.id);
    expect(outcome.status).toBe('sent');
    expect(clock.sleeps).toEqual([3000]);
    expect(slack.allPosts()).toHaveLength(1);
    expect(slack.calls.filter((c) => c.method === 'postMessage')).toHaveLength(2);
    expect(slack.calls.filter((c) => c.method === 'history')).toHaveLength(0);
  });

  it('after a 5xx that Slack had in fact acted on, finds the message and does not post it again', async () => {
    const store = openStore();
    const entry = await record(store);
    slack.failNext('postMessage', { kind: 'accept-then-unavailable' });
    const outcome = await createDelivery({ store, slack, clock }).deliver(entry.id);
    expect(outcome).toMatchObject({ status: 'sent', recovered: true });
    expect(slack.allPosts()).toHaveLength(1);
    expect((await store.getOutbox(entry.id))?.ts).toBe(slack.allPosts()[0]?.ts);
  });

  it('after a 5xx that Slack did not act on, looks, finds nothing, and posts once', async () => {
    const store = openStore();
    const entry = await record(store);
    slack.failNext('postMessage', { kind: 'unavailable', detail: 'HTTP 503' });
    const outcome = await createDelivery({ store, slack, clock }).deliver(entry.id);
    expect(outcome).toMatchObject({ status: 'sent', recovered: false });
    expect(slack.allPosts()).toHaveLength(1);
    const methods = slack.calls.map((c) => c.method);
    expect(methods).toEqual(['postMessage', 'history', 'postMessage']);
  });

  it('keeps the entry when Slack stays down, and delivers it on a later retry', async () => {
    const store = openStore();
    const entry = await record(store);
    const down = { kind: 'unavailable', detail: 'HTTP 500' } as const;
    slack.failNext('postMessage', down, down, down);
    const delivery = createDelivery({ store, slack, clock, maxAttempts: 3, retryIntervalMs: 60_000 });
    const outcome = await delivery.deliver(entry.id);
    expect(outcome.status).toBe('retrying');
    expect(slack.allPosts()).toHaveLength(0);
    expect((await store.undelivered()).map((e) => e.id)).toEqual([entry.id]);
    clock.advance(60_000);
    const [later] = await delivery.retryStale();
    expect(later?.status).toBe('sent');
    expect(slack.allPosts()).toHaveLength(1);
  });

  it('explains not_in_channel to the admin, posts nothing, and keeps the entry for a retry', async () => {
    const store = openStore();
    slack.members.delete(CHANNEL);
    const entry = await record(store);
    const outcome = await createDelivery({ store, slack, clock }).deliver(entry.id);
    expect(outcome.status).toBe('failed');
    expect(outcome.status === 'failed' && outcome.reason).toContain(
      `I'm not in <#${CHANNEL}>: invite me with \`/invite @airisk\``,
    );
    expect(await store.getOutbox(entry.id)).toMatchObject({ status: 'failed' });
    expect(await store.getState(`spotlight-last:${CHANNEL}`)).toBeNull();
    expect(slack.allPosts()).toHaveLength(0);
  });

  it('explains missing_scope with the permission Slack names', async () => {
    const store = openStore();
    const entry = await record(store);
    slack.failNext('postMessage', { kind: 'refused', code: 'missing_scope', needed: 'chat:write' });
    const outcome = await createDelivery({ store, slack, clock }).deliver(entry.id);
    expect(outcome.status === 'failed' && outcome.reason).toMatch(/missing a Slack permission \(chat:write\)/);
  });
});

describe('after a crash', () => {
  it('between recording and sending: the new process posts it exactly once', async () => {
    const first = openStore();
    const entry = await record(first);
    await first.close(); // the process dies before any post

    const second = openStore();
    const outcomes = await createDelivery({ store: second, slack, clock }).recover();
    expect(outcomes.map((o) => o.status)).toEqual(['sent']);
    expect(slack.allPosts()).toHaveLength(1);
    expect((await second.getOutbox(entry.id))?.status).toBe('sent');
    await createDelivery({ store: second, slack, clock }).recover();
    expect(slack.allPosts()).toHaveLength(1);
  });

  it('after Slack accepted but before marking: the new process finds it in the channel and does not post again', async () => {
    const first = openStore();
    const entry = await record(first);
    await beginSendingAsDeadProcess(first, entry);
    await slack.postMessage({
      channel: CHANNEL,
      text: entry.message.text,
      blocks: entry.message.blocks,
      metadata: { event_type: 'airisk_announcement', event_payload: { outbox_id: entry.id } },
    });
    await first.close(); // dies before markSent
    clock.advance(30 * 60_000);
    // Other traffic in the channel since, to page through.
    for (let i = 0; i < 5; i++) await slack.postMessage({ channel: CHANNEL, text: `chatter ${i}`, blocks: [] });

    const second = openStore();
    const [outcome] = await createDelivery({ store: second, slack, clock, historyPageLimit: 2 }).recover();
    expect(outcome).toMatchObject({ status: 'sent', recovered: true });
    expect(slack.allPosts().filter((m) => m.metadata?.event_payload.outbox_id === entry.id)).toHaveLength(1);
    expect((await second.getOutbox(entry.id))?.ts).toBe(slack.allPosts()[0]?.ts);
    expect(await second.getState(`spotlight-last:${CHANNEL}`)).toBe('test-role');
  });

  it('while sending but before Slack took it: the new process looks, finds nothing, and posts once', async () => {
    const first = openStore();
    const entry = await record(first);
    await beginSendingAsDeadProcess(first, entry);
    await first.close();
    const second = openStore();
    await createDelivery({ store: second, slack, clock }).recover();
    expect(slack.allPosts()).toHaveLength(1);
    expect(slack.calls.map((c) => c.method)).toEqual(['history', 'postMessage']);
  });

  it('when the channel history cannot be read, stops rather than risk a second post', async () => {
    const first = openStore();
    const entry = await record(first);
    await beginSendingAsDeadProcess(first, entry);
    await first.close();
    slack.failNext('history', { kind: 'refused', code: 'missing_scope', needed: 'channels:history' });
    const second = openStore();
    const [outcome] = await createDelivery({ store: second, slack, clock }).recover();
    expect(outcome?.status).toBe('failed');
    expect(outcome?.status === 'failed' && outcome.reason).toMatch(
      /channels:history.*To avoid posting it twice I stopped/s,
    );
    expect(slack.allPosts()).toHaveLength(0);
  });
});

describe('several instances sharing the store', () => {
  // The lease protocol on a store that says it is shared (PostgreSQL's contract is the same as SQLite's; the
  // real thing, across processes, is test/multi/instances.test.ts).
  const sharedStore = (): Store => ({ ...openStore(), shared: true });
  const instance = (store: Store, instanceId: string) =>
    createDelivery({ store, slack, clock, instanceId, leaseMs: 60_000 });

  it('leaves an entry another live instance is sending alone, and completes it once that instance is gone', async () => {
    const store = sharedStore();
    const entry = await record(store);
    expect(
      await store.lease(entry.id, { owner: 'instance-a', until: clock.now() + 60_000 }, clock.now()),
    ).not.toBeNull();
    expect(await store.beginSending(entry.id, 'instance-a', clock.now())).toBe(true);
    await slack.postMessage({
      channel: CHANNEL,
      text: entry.message.text,
      blocks: entry.message.blocks,
      metadata: { event_type: 'airisk_announcement', event_payload: { outbox_id: entry.id } },
    }); // instance A's post reached Slack; A dies before recording it

    const b = instance(store, 'instance-b');
    expect(await b.recover()).toEqual([]);
    clock.advance(59_000);
    expect(await b.retryStale()).toEqual([]);
    expect(await b.deliver(entry.id)).toMatchObject({
      status: 'not-deliverable',
      reason: expect.stringMatching(/Another instance/),
    });
    clock.advance(1_000); // A's lease has run out
    const [outcome] = await b.retryStale();
    expect(outcome).toMatchObject({ status: 'sent', recovered: true });
    expect(slack.allPosts()).toHaveLength(1);
    expect(await b.retryStale()).toEqual([]);
  });

  it('a restarted SQLite instance takes over its dead predecessor’s lease at once', async () => {
    const first = openStore();
    const entry = await record(first);
    await beginSendingAsDeadProcess(first, entry);
    const [outcome] = await instance(openStore(), 'instance-restarted').recover();
    expect(outcome).toMatchObject({ status: 'sent', recovered: false });
    expect(slack.allPosts()).toHaveLength(1);
  });

  it('an instance whose lease was taken over stops without posting', async () => {
    const store = sharedStore();
    const entry = await record(store);
    const a = instance(store, 'instance-a');
    expect(
      await store.lease(entry.id, { owner: 'instance-b', until: clock.now() + 60_000 }, clock.now()),
    ).not.toBeNull();
    expect(await a.deliver(entry.id)).toMatchObject({ status: 'not-deliverable' });
    expect(slack.allPosts()).toHaveLength(0);
    expect((await store.getOutbox(entry.id))?.leaseOwner).toBe('instance-b');
  });
});
