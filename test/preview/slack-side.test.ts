// The preview's stand-in for Slack answers the app as Slack would (including its errors and limits), and the
// preview server only takes requests from this machine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SettingsError } from '../../src/config/settings.js';
import { readManifest } from '../../src/transports/preview/manifest.js';
import { startPreview } from '../../src/app/preview.js';
import { previewPort, type PreviewServer } from '../../src/transports/preview/server.js';
import { SlackSide } from '../../src/transports/preview/web-api.js';
import { BOT, DM, ME, Workspace, type WorkspaceUpdate } from '../../src/transports/preview/workspace.js';

const TOKEN = 'xoxb-test';

function slackSide() {
  const workspace = new Workspace();
  const updates: WorkspaceUpdate[] = [];
  workspace.on('update', (u) => updates.push(u));
  const unsimulated: string[] = [];
  const slack = new SlackSide(workspace, {
    baseUrl: () => 'http://127.0.0.1:1',
    token: TOKEN,
    onUnsimulated: (m) => unsimulated.push(m),
    steps: readManifest().steps,
  });
  const call = (method: string, args: Record<string, unknown>) =>
    slack.call(method, args, `Bearer ${TOKEN}`).body as Record<string, unknown>;
  return { workspace, slack, call, updates, unsimulated };
}

describe('the fake Web API', () => {
  it('refuses calls without the app token', () => {
    const { slack } = slackSide();
    expect(slack.call('chat.postMessage', { channel: DM.id, text: 'hi' }, undefined).body).toEqual({
      ok: false,
      error: 'not_authed',
    });
    expect(slack.call('chat.postMessage', { channel: DM.id, text: 'hi' }, 'Bearer xoxb-other').body).toEqual({
      ok: false,
      error: 'invalid_auth',
    });
  });

  it('posts to a conversation, or to the DM when given the person’s user id, and sends the page its HTML', () => {
    const { call, updates, workspace } = slackSide();
    const posted = call('chat.postMessage', {
      channel: ME.id,
      text: 'fallback',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*Hello* &lt;b&gt;' } }],
    });
    expect(posted).toMatchObject({ ok: true, channel: DM.id });
    const update = updates.at(-1);
    expect(update?.type === 'message' && update.message.html).toContain('<strong>Hello</strong> &lt;b&gt;');
    // Slack gives blocks without a block_id one.
    expect(workspace.find(DM.id, String(posted.ts))?.blocks[0]).toHaveProperty('block_id');
    expect(call('chat.postMessage', { channel: 'C0NOPE', text: 'x' })).toEqual({
      ok: false,
      error: 'channel_not_found',
    });
    expect(call('chat.postMessage', { channel: DM.id })).toEqual({ ok: false, error: 'no_text' });
  });

  it('replaces or adds messages through a response_url, and stops accepting it after five uses', () => {
    const { slack, workspace, call } = slackSide();
    const source = call('chat.postMessage', { channel: DM.id, text: 'original' });
    const id = slack.responseUrl(DM.id, String(source.ts)).split('/').pop()!;
    expect(slack.respond(id, { replace_original: true, text: 'replaced' })).toEqual({
      status: 200,
      body: { ok: true },
    });
    expect(workspace.find(DM.id, String(source.ts))?.text).toBe('replaced');
    slack.respond(id, { text: 'new, only for you' });
    expect(workspace.history(DM.id).map((m) => m.text)).toEqual(['replaced']);
    slack.respond(id, { response_type: 'in_channel', text: 'for everyone' });
    expect(workspace.history(DM.id).map((m) => m.text)).toEqual(['for everyone', 'replaced']);
    slack.respond(id, { delete_original: true });
    expect(workspace.find(DM.id, String(source.ts))).toBeUndefined();
    expect(slack.respond(id, { text: 'fifth' }).status).toBe(200);
    expect(slack.respond(id, { text: 'sixth' })).toEqual({ status: 404, body: 'used_url' });
    expect(slack.respond('R-unknown', { text: 'x' })).toEqual({ status: 404, body: 'expired_url' });
  });

  it('opens a modal only with a fresh trigger_id, once', () => {
    const { slack, call, workspace } = slackSide();
    const trigger = slack.trigger();
    const view = { type: 'modal', title: { type: 'plain_text', text: 'Look up' }, blocks: [] };
    expect(call('views.open', { trigger_id: trigger, view })).toMatchObject({
      ok: true,
      view: { type: 'modal', root_view_id: expect.any(String) },
    });
    expect(call('views.open', { trigger_id: trigger, view })).toEqual({ ok: false, error: 'expired_trigger_id' });
    expect(call('views.open', { trigger_id: 'made-up', view })).toEqual({ ok: false, error: 'invalid_trigger_id' });
    expect(workspace.modalStack()).toHaveLength(1);
  });

  it('publishes App Home for the person, and says which methods it does not simulate', () => {
    const { call, unsimulated, workspace } = slackSide();
    expect(
      call('views.publish', {
        user_id: ME.id,
        view: { type: 'home', blocks: [{ type: 'header', text: { type: 'plain_text', text: 'Home' } }] },
      }),
    ).toMatchObject({ ok: true, view: { type: 'home', bot_id: BOT.botId } });
    expect(workspace.snapshot().home).toContain('Home');
    expect(call('admin.users.list', {})).toEqual({ ok: false, error: 'unknown_method' });
    expect(unsimulated).toEqual(['admin.users.list']);
  });
});

describe('the fake Web API: the assistant view', () => {
  it("sets a thread's status, suggested prompts and title, refusing what Slack refuses", () => {
    const { call, workspace } = slackSide();
    const thread = workspace.startAssistantThread('C0GENERAL');
    const at = { channel_id: DM.id, thread_ts: thread.threadTs };
    expect(
      call('assistant.threads.setStatus', { ...at, status: 'is checking…', loading_messages: ['a', 'b'] }),
    ).toEqual({
      ok: true,
    });
    expect(thread).toMatchObject({ status: 'is checking…', loadingMessages: ['a', 'b'] });
    expect(call('assistant.threads.setStatus', { ...at, status: '' })).toEqual({ ok: true });
    expect(thread.status).toBeNull();
    const prompts = [{ title: 'A', message: 'a' }];
    expect(call('assistant.threads.setSuggestedPrompts', { ...at, title: 'Try', prompts })).toEqual({ ok: true });
    expect(thread.prompts).toEqual({ title: 'Try', prompts });
    expect(call('assistant.threads.setTitle', { ...at, title: 'Medical Coder' })).toEqual({ ok: true });
    expect(thread.title).toBe('Medical Coder');
    // Up to four prompts, each with a title and a message; a thread Slack knows; a channel that exists.
    const five = Array.from({ length: 5 }, (_, i) => ({ title: `t${i}`, message: `m${i}` }));
    expect(call('assistant.threads.setSuggestedPrompts', { ...at, prompts: five })).toEqual({
      ok: false,
      error: 'invalid_arguments',
    });
    expect(call('assistant.threads.setSuggestedPrompts', { ...at, prompts: [{ title: 'no message' }] })).toMatchObject({
      ok: false,
    });
    expect(call('assistant.threads.setTitle', { ...at, thread_ts: '1.000001', title: 'x' })).toEqual({
      ok: false,
      error: 'invalid_thread_ts',
    });
    expect(call('assistant.threads.setStatus', { ...at, channel_id: 'D0NOWHERE', status: 'x' })).toEqual({
      ok: false,
      error: 'channel_not_found',
    });
  });

  it('clears the status when the app answers in the thread, as Slack does', () => {
    const { call, workspace } = slackSide();
    const thread = workspace.startAssistantThread(null);
    call('assistant.threads.setStatus', { channel_id: DM.id, thread_ts: thread.threadTs, status: 'is thinking' });
    const posted = call('chat.postMessage', { channel: DM.id, thread_ts: thread.threadTs, text: 'answer' });
    expect(posted.ok).toBe(true);
    expect(thread.status).toBeNull();
    const rendered = workspace.snapshot().messages.find((m) => m.ts === posted.ts);
    expect(rendered?.assistantThread).toBe(thread.threadTs);
  });
});

describe('the fake Web API: a workflow step', () => {
  const start = (workspace: Workspace) =>
    workspace.startRun({
      executionId: 'Fx1',
      token: 'xwfp-run-1',
      callbackId: 'airisk_role_card',
      title: 'AI career card for a role',
      inputs: { role: 'medical coder' },
    });

  it("takes the execution's token while it runs, checks outputs against the manifest, and ends the run once", () => {
    const { slack, workspace } = slackSide();
    const run = start(workspace);
    const as = (method: string, args: Record<string, unknown>) =>
      slack.call(method, args, `Bearer ${run.token}`).body as Record<string, unknown>;
    expect(as('chat.postMessage', { channel: 'C0GENERAL', text: 'card' }).ok).toBe(true);
    expect(as('functions.completeSuccess', { function_execution_id: 'Fx1', outputs: { summary: 'x' } })).toEqual({
      ok: false,
      error: 'parameter_validation_failed',
      errors: ['role_title is required'],
    });
    expect(
      as('functions.completeSuccess', {
        function_execution_id: 'Fx1',
        outputs: { role_title: 'Medical Coder', summary: 'x', score: '11.6' },
      }),
    ).toMatchObject({ ok: false, errors: ['score must be number'] });
    expect(as('functions.completeSuccess', { function_execution_id: 'Fx9', outputs: {} })).toEqual({
      ok: false,
      error: 'function_execution_not_found',
    });
    const outputs = { role_title: 'Medical Coder', summary: 'x', score: 11.6 };
    expect(as('functions.completeSuccess', { function_execution_id: 'Fx1', outputs })).toEqual({ ok: true });
    expect(run).toMatchObject({ state: 'completed', outputs });
    // The execution's token ends with it.
    expect(as('chat.postMessage', { channel: 'C0GENERAL', text: 'late' })).toEqual({
      ok: false,
      error: 'token_expired',
    });
    expect(
      slack.call('functions.completeError', { function_execution_id: 'Fx1', error: 'x' }, `Bearer ${TOKEN}`).body,
    ).toEqual({ ok: false, error: 'execution_not_in_running_state' });
  });

  it('records an error as the end of a run', () => {
    const { call, workspace } = slackSide();
    const run = start(workspace);
    expect(call('functions.completeError', { function_execution_id: 'Fx1', error: 'No role found' })).toEqual({
      ok: true,
    });
    expect(run).toMatchObject({ state: 'failed', error: 'No role found' });
    expect(call('functions.completeError', { function_execution_id: 'Fx1' })).toMatchObject({ ok: false });
  });
});

describe('PREVIEW_PORT', () => {
  it('wins over PORT when set, and must be a port number', () => {
    expect(previewPort({}, 3000)).toBe(3000);
    expect(previewPort({ PREVIEW_PORT: '4000' }, 3000)).toBe(4000);
    expect(() => previewPort({ PREVIEW_PORT: 'eighty' }, 3000)).toThrow(SettingsError);
    expect(() => previewPort({ PREVIEW_PORT: '70000' }, 3000)).toThrow(
      'PREVIEW_PORT must be a port number from 1 to 65535, such as 3000 (it is "70000")',
    );
  });
});

describe('the preview server', () => {
  let preview: PreviewServer;
  let base: string;
  beforeAll(async () => {
    preview = await startPreview({
      port: 0,
      env: { ...process.env, SLACK_BOT_TOKEN: '', SLACK_SIGNING_SECRET: '', SLACK_APP_TOKEN: '' },
      hr: false,
    });
    base = preview.url.replace('localhost', '127.0.0.1');
  });
  afterAll(() => preview?.close());

  it('serves the page on loopback and refuses other host names and non-JSON posts', async () => {
    expect(preview.url).toMatch(/^http:\/\/localhost:\d+$/);
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>airisk · local preview</title>');
    // A page elsewhere cannot reach the preview by pointing its own name at 127.0.0.1.
    const port = new URL(base).port;
    const { request } = await import('node:http');
    const status = await new Promise<number | undefined>((resolve, reject) => {
      request({ host: '127.0.0.1', port, path: '/', headers: { host: `attacker.example:${port}` } }, (res) =>
        resolve(res.statusCode),
      )
        .on('error', reject)
        .end();
    });
    expect(status).toBe(403);
    const form = await fetch(`${base}/preview/send`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'text=hi',
    });
    expect(form.status).toBe(415);
  });

  it('tells the person what is wrong with an empty or unknown request', async () => {
    const empty = await fetch(`${base}/preview/send`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: '  ' }),
    });
    expect([empty.status, await empty.text()]).toEqual([400, 'Type something first.']);
    const gone = await fetch(`${base}/preview/action`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ surface: 'message', channel: DM.id, ts: '1.000001', blockId: 'b', actionId: 'a' }),
    });
    expect([gone.status, await gone.text()]).toEqual([404, 'That message is gone.']);
  });
});
