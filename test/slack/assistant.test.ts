// The assistant split view over the wire: Bolt's HTTP receiver on loopback, signed Events API requests in the
// shapes of Slack's documentation (assistant_thread_started and assistant_thread_context_changed with
// assistant_thread.{user_id, context, channel_id, thread_ts}; message.im with a thread_ts), and the fake Web API
// recording what Slack would receive: the greeting, the suggested prompts, the status line, one answer per
// message in the thread, the thread's title.
import { describe, expect, it } from 'vitest';
import { ACTIONS, nthAction } from '../../src/renderers/blockkit/ids.js';
import { bootEngine } from '../../src/app/boot.js';
import type { RecordedCall } from '../support/fake-slack.js';
import { useTestApp } from '../support/slack-app.js';
import {
  BOT_TOKEN,
  assistantThreadEvent,
  blockAction,
  eventCallback,
  feedbackButtonsClick,
  threadMessage,
} from '../support/slack-requests.js';

const { engine } = bootEngine();
const { fake, app } = useTestApp(engine);

const DM = 'D0ASSIST';
let threadCounter = 0;
const newThread = () => `1729999327.${String(++threadCounter).padStart(6, '0')}`;

const threadStarted = (threadTs: string, context?: string) =>
  assistantThreadEvent(app().url, 'assistant_thread_started', {
    channel: DM,
    threadTs,
    ...(context ? { context } : {}),
  });
const contextChanged = (threadTs: string, context: string) =>
  assistantThreadEvent(app().url, 'assistant_thread_context_changed', { channel: DM, threadTs, context });
const say = (threadTs: string, text: string, extra: Record<string, unknown> = {}) =>
  threadMessage(app().url, { channel: DM, threadTs }, text, extra);

/** Waits for the answer in the thread (and the thread's title, set after it, unless the answer names no role),
 *  then until the app is done with the message, so that any extra answer would show. */
async function answers(threadTs: string, options: { titled?: boolean } = {}): Promise<RecordedCall[]> {
  await fake.waitFor('chat.postMessage');
  if (options.titled !== false) await fake.waitFor('assistant.threads.setTitle');
  await app().idle();
  const posted = fake.callsTo('chat.postMessage');
  for (const p of posted) expect(p.body).toMatchObject({ channel: DM, thread_ts: threadTs });
  return posted;
}

const text = (call: RecordedCall | undefined) => String(call?.body.text ?? '');
const index = (call: RecordedCall | undefined) => fake.calls.indexOf(call as RecordedCall);

describe('a thread starts', () => {
  it('greets, saves the context, and suggests prompts about the roles the channel beside it names', async () => {
    fake.conversations.set('C0CODING', { name: 'medical-coding', purpose: 'Coders of the Boston clinic' });
    const threadTs = newThread();
    const res = await threadStarted(threadTs, 'C0CODING');
    expect(res.status).toBe(200);
    const [prompts] = await fake.waitFor('assistant.threads.setSuggestedPrompts');
    const [greeting] = fake.callsTo('chat.postMessage');
    expect(greeting!.body).toMatchObject({ channel: DM, thread_ts: threadTs });
    expect(text(greeting)).toMatch(/^Hi! Tell me a job title/);
    // Bolt's say() carries the thread's context as message metadata.
    expect(greeting!.body.metadata).toMatchObject({
      event_type: 'assistant_thread_context',
      event_payload: { channel_id: 'C0CODING' },
    });
    expect(fake.callsTo('conversations.info')[0]!.body.channel).toBe('C0CODING');
    expect(prompts!.body).toMatchObject({ channel_id: DM, thread_ts: threadTs, title: 'For #medical-coding' });
    const list = prompts!.body.prompts as { title: string; message: string }[];
    expect(list.length).toBeGreaterThan(1);
    expect(list.length).toBeLessThanOrEqual(4);
    expect(list[0]).toEqual({ title: 'AI risk: Medical Coder', message: 'Will AI replace my job as Medical Coder?' });
    expect(list[1]).toEqual({
      title: 'Reskilling path for Medical Coder',
      message: 'Reskilling path for Medical Coder',
    });
    expect(prompts!.token).toBe(BOT_TOKEN);
  });

  it('suggests the general prompts when the app cannot see the channel, or there is none', async () => {
    await threadStarted(newThread(), 'C0PRIVATE');
    const [unseen] = await fake.waitFor('assistant.threads.setSuggestedPrompts');
    expect(unseen!.body.title).toBe('Try asking');
    expect((unseen!.body.prompts as { title: string }[]).map((p) => p.title)).toEqual([
      'Will AI replace my job?',
      `Reskilling path for ${engine.popularRoles()[0]!.title}`,
      'Compare two roles',
      'How is the score calculated?',
    ]);
    fake.reset();
    await threadStarted(newThread());
    const [none] = await fake.waitFor('assistant.threads.setSuggestedPrompts');
    expect(none!.body.title).toBe('Try asking');
    expect(fake.callsTo('conversations.info')).toEqual([]);
  });

  it('answers every suggested prompt it makes with a real answer', async () => {
    fake.conversations.set('C0RN', { name: 'nursing-staff', purpose: 'Registered nurses and pharmacy technicians' });
    const threadTs = newThread();
    await threadStarted(threadTs, 'C0RN');
    const [set] = await fake.waitFor('assistant.threads.setSuggestedPrompts');
    const prompts = set!.body.prompts as { title: string; message: string }[];
    expect(prompts[0]!.title).toBe('AI risk: Registered Nurse');
    for (const p of prompts) {
      fake.reset();
      await say(threadTs, p.message);
      const [answer] = await answers(threadTs, { titled: false });
      expect(text(answer), p.message).not.toMatch(/^No role found|could mean several roles|^Did you mean/);
    }
  });
});

describe('a message in the thread', () => {
  it('shows a status while composing, then exactly one answer in the thread, and titles the thread', async () => {
    const threadTs = newThread();
    await say(threadTs, 'will AI replace my job as a medical coder?');
    const [answer] = await answers(threadTs);
    const [status] = fake.callsTo('assistant.threads.setStatus');
    expect(status!.body).toMatchObject({ channel_id: DM, thread_ts: threadTs, status: 'is checking the sources…' });
    expect(status!.body.loading_messages).toEqual(expect.arrayContaining([expect.any(String)]));
    expect(index(status)).toBeLessThan(index(answer));
    expect(text(answer)).toMatch(/^Medical Coder: Very high AI exposure/);
    const [title] = fake.callsTo('assistant.threads.setTitle');
    expect(title!.body).toMatchObject({ channel_id: DM, thread_ts: threadTs, title: 'Medical Coder' });
    expect(app().lookups.at(-1)?.kind).toBe('role');
  });

  it("puts Slack's feedback buttons on the card and counts a vote anonymously", async () => {
    const threadTs = newThread();
    await say(threadTs, 'registered nurse');
    const [answer] = await answers(threadTs);
    const blocks = answer!.body.blocks as { type: string; elements?: Record<string, unknown>[] }[];
    const feedback = blocks.find((b) => b.type === 'context_actions');
    expect(feedback?.elements?.[0]).toMatchObject({
      type: 'feedback_buttons',
      action_id: ACTIONS.feedback,
      positive_button: { value: 'helpful:registered-nurse' },
      negative_button: { value: 'not_helpful:registered-nurse' },
    });
    // The thumbs are no longer buttons in the action row.
    expect(JSON.stringify(blocks)).not.toContain(ACTIONS.helpful);

    await feedbackButtonsClick(app().url, ACTIONS.feedback, 'not_helpful:registered-nurse', fake.responseUrl('fb'), {
      channel: DM,
      threadTs,
    });
    // Thanked privately in the thread the card is in.
    const [thanks] = await fake.waitFor('chat.postEphemeral');
    expect(thanks!.body).toMatchObject({ channel: DM, user: 'U1', thread_ts: threadTs });
    expect(text(thanks)).toMatch(/^Thanks for telling us/);
    expect(app().votes.at(-1)).toEqual(['registered-nurse', false]);
    // Outside a thread, through the response_url as the card's buttons are.
    await feedbackButtonsClick(app().url, ACTIONS.feedback, 'helpful:medical-coder', fake.responseUrl('fb2'), {
      channel: DM,
    });
    const [viaUrl] = await fake.waitFor('response');
    expect(viaUrl!.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(app().votes.at(-1)).toEqual(['medical-coder', true]);
  });

  it('follows up on the role in context: another role, its path, a comparison, the card again', async () => {
    const threadTs = newThread();
    const turns: [string, RegExp, string][] = [
      ['medical coder', /^Medical Coder: Very high AI exposure/, 'Medical Coder'],
      ['what about nurses?', /^Registered Nurse: Very low AI exposure/, 'Registered Nurse'],
      ['show the path', /^Reskilling path for Registered Nurse/, 'Reskilling path: Registered Nurse'],
      [
        'compare with medical coder',
        /^Registered Nurse \(Very low AI exposure\) vs Medical Coder \(Very high AI exposure\)/,
        'Registered Nurse vs Medical Coder',
      ],
      ['is it safe?', /^Registered Nurse: Very low AI exposure/, 'Registered Nurse'],
    ];
    for (const [said, expected, title] of turns) {
      fake.reset();
      await say(threadTs, said);
      const posted = await answers(threadTs);
      expect(posted, said).toHaveLength(1);
      expect(text(posted[0]), said).toMatch(expected);
      expect(fake.callsTo('assistant.threads.setTitle')[0]?.body.title, said).toBe(title);
    }
  });

  it('answers a question with its FAQ and an unknown title with did-you-mean, once each', async () => {
    const threadTs = newThread();
    await say(threadTs, 'is medical coding still worth learning?');
    const [faq] = await answers(threadTs);
    expect(text(faq)).toMatch(/^Is medical coding still worth learning in 2026\?/);
    fake.reset();
    await say(threadTs, 'qwxzzv plorft');
    const [unknown] = await answers(threadTs, { titled: false });
    expect(text(unknown)).toMatch(/^No role found/);
    // No role: the thread keeps its title.
    expect(fake.callsTo('assistant.threads.setTitle')).toEqual([]);
  });

  it('answers a button on a card in the thread in that thread, and the thread follows it', async () => {
    const threadTs = newThread();
    await say(threadTs, 'manager');
    const [ambiguous] = await answers(threadTs, { titled: false });
    expect(text(ambiguous)).toMatch(/could mean several roles|^Did you mean/);
    fake.reset();
    // A candidate button: the card comes in the thread (not as an ephemeral beside it), and titles the thread.
    await blockAction(app().url, nthAction(ACTIONS.pickRole, 0), 'registered-nurse', fake.responseUrl('pick'), {
      channel: DM,
      threadTs,
    });
    const [card] = await answers(threadTs);
    expect(text(card)).toMatch(/^Registered Nurse: Very low AI exposure/);
    expect(fake.callsTo('response')).toEqual([]);
    expect(fake.callsTo('assistant.threads.setTitle')[0]!.body).toMatchObject({
      thread_ts: threadTs,
      title: 'Registered Nurse',
    });
    fake.reset();
    await blockAction(app().url, ACTIONS.path, 'registered-nurse', fake.responseUrl('path'), { channel: DM, threadTs });
    const [path] = await answers(threadTs);
    expect(text(path)).toMatch(/^Reskilling path for Registered Nurse/);
    fake.reset();
    await say(threadTs, 'compare with medical coder');
    const [compared] = await answers(threadTs);
    expect(text(compared)).toMatch(/^Registered Nurse \(Very low AI exposure\) vs Medical Coder/);
  });

  it('never answers a bot message, an edit, or a retry of the same event', async () => {
    const threadTs = newThread();
    await say(threadTs, 'nurse', { bot_id: 'B0OTHER' });
    await say(threadTs, 'nurse', { subtype: 'message_changed' });
    const event = {
      type: 'message',
      channel_type: 'im',
      channel: DM,
      user: 'U1',
      text: 'pharmacy technician',
      ts: '1730000100.000001',
      thread_ts: threadTs,
      event_ts: '1730000100.000001',
    };
    await eventCallback(app().url, event, { eventId: 'EvASSIST1' });
    await eventCallback(app().url, event, { eventId: 'EvASSIST1', headers: { 'x-slack-retry-num': '1' } });
    const posted = await answers(threadTs);
    expect(posted).toHaveLength(1);
    expect(text(posted[0])).toMatch(/^Pharmacy Technician/);
  });

  it('says it failed, and clears the status, when the answer cannot be posted', async () => {
    fake.script('chat.postMessage', { status: 200, body: { ok: false, error: 'msg_too_long' } });
    const threadTs = newThread();
    await say(threadTs, 'medical coder');
    const [, apology] = await fake.waitFor('chat.postMessage', 2);
    expect(text(apology)).toMatch(/^Sorry, I could not answer that/);
    const statuses = fake.callsTo('assistant.threads.setStatus').map((c) => c.body.status);
    expect(statuses).toEqual(['is checking the sources…', '']);
    expect(app().logged.join('\n')).toMatch(/msg_too_long/);
  });
});

describe('the context changes', () => {
  it('follows the channel with new prompts until the thread is about a role', async () => {
    fake.conversations.set('C0PHARM', { name: 'pharmacy', purpose: 'Pharmacy technicians' });
    const threadTs = newThread();
    await contextChanged(threadTs, 'C0PHARM');
    const [prompts] = await fake.waitFor('assistant.threads.setSuggestedPrompts');
    expect(prompts!.body.title).toBe('For #pharmacy');
    expect((prompts!.body.prompts as { title: string }[])[0]!.title).toBe('AI risk: Pharmacy Technician');

    await say(threadTs, 'medical biller');
    await answers(threadTs);
    fake.reset();
    await contextChanged(threadTs, 'C0PHARM');
    await app().idle();
    expect(fake.callsTo('assistant.threads.setSuggestedPrompts')).toEqual([]);
    // The saved context travels with the next answer's metadata.
    await say(threadTs, 'show the path');
    const [path] = await answers(threadTs);
    expect(text(path)).toMatch(/^Reskilling path for Medical Biller/);
    expect(path!.body.metadata).toMatchObject({ event_payload: { channel_id: 'C0PHARM' } });
  });
});

describe('plain direct messages beside the assistant', () => {
  it('answers a top-level DM in the DM, once, and a thread message only in its thread', async () => {
    await eventCallback(app().url, {
      type: 'message',
      channel_type: 'im',
      channel: DM,
      user: 'U1',
      text: 'medical coder',
      ts: '1730000200.000001',
      event_ts: '1730000200.000001',
    });
    const [plain] = await fake.waitFor('chat.postMessage');
    await app().idle();
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(plain!.body.thread_ts).toBeUndefined();
    expect(fake.callsTo('assistant.threads.setStatus')).toEqual([]);
    expect(text(plain)).toMatch(/^Medical Coder/);
    // Posted in the DM: the card's feedback is Slack's feedback_buttons.
    expect(JSON.stringify(plain!.body.blocks)).toContain('"context_actions"');
  });
});
