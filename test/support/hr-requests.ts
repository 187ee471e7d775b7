// The HR conversation over the wire, shared by the single-instance and multi-instance tests: a signed command or
// button click sent to an app, and the reply it sends to the fake Slack's response_url.
import { expect } from 'vitest';
import { ACTIONS } from '../../src/renderers/blockkit/ids.js';
import type { FakeSlack, RecordedCall } from './fake-slack.js';
import { blockAction, slashCommand } from './slack-requests.js';

export const textOf = (call: RecordedCall | undefined) => JSON.stringify(call?.body ?? {});

/** The outbox id the preview's Post button carries. */
export function postButtonValue(call: RecordedCall | undefined): string {
  const blocks = (call?.body.blocks ?? []) as { type: string; elements?: { action_id?: string; value?: string }[] }[];
  const post = blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === ACTIONS.hrPost);
  if (!post?.value) throw new Error(`no Post button in ${textOf(call)}`);
  return post.value;
}

/** The messages posted to channels (or DMs) through chat.postMessage, optionally only to one channel. */
export const posts = (fake: FakeSlack, channel?: string) =>
  fake.callsTo('chat.postMessage').filter((c) => !channel || c.body.channel === channel);

/** chat.postMessage calls carrying an announcement's outbox id in their metadata. */
export const announcementPosts = (fake: FakeSlack, outboxId: string) =>
  posts(fake).filter(
    (c) =>
      (c.body.metadata as { event_payload?: { outbox_id?: string } } | undefined)?.event_payload?.outbox_id ===
      outboxId,
  );

/** The next `count` replies on response_url, from now on. */
export async function nextResponses(fake: FakeSlack, count = 1): Promise<RecordedCall[]> {
  const seen = fake.callsTo('response').length;
  return (await fake.waitFor('response', seen + count, 20_000)).slice(seen, seen + count);
}

export async function command(fake: FakeSlack, url: string, text: string, user: string): Promise<RecordedCall> {
  const reply = nextResponses(fake);
  expect((await slashCommand(url, text, fake.responseUrl(), { user, channel: 'C0ADMINS' })).status).toBe(200);
  return (await reply)[0] as RecordedCall;
}

export async function click(
  fake: FakeSlack,
  url: string,
  actionId: string,
  value: string,
  user: string,
): Promise<RecordedCall> {
  const reply = nextResponses(fake);
  expect((await blockAction(url, actionId, value, fake.responseUrl(), { user })).status).toBe(200);
  return (await reply)[0] as RecordedCall;
}
