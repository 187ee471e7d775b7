// The Workflow Builder step "AI career card for a role" over the wire: function_executed in the shape of Slack's
// documentation (function.callback_id, inputs, function_execution_id, workflow_execution_id,
// bot_access_token), and what Slack would receive, on the execution's own token: the card in the channel
// input, then functions.completeSuccess with the outputs, or functions.completeError with what to fix.
import { describe, expect, it } from 'vitest';
import { bootEngine } from '../../src/app/boot.js';
import { FUNCTIONS } from '../../src/transports/slack/manifest-ids.js';
import { useTestApp } from '../support/slack-app.js';
import { eventCallback } from '../support/slack-requests.js';

const { engine } = bootEngine();
const { fake, app } = useTestApp(engine);

let run = 0;
/** function_executed as docs.slack.dev/reference/events/function_executed shows it. */
function execute(inputs: Record<string, unknown>, options: { callbackId?: string; eventId?: string } = {}) {
  const n = ++run;
  const execution = { id: `Fx0STEP${n}`, token: `xwfp-T1-${n}-workflow-token` };
  const response = eventCallback(
    app().url,
    {
      type: 'function_executed',
      function: {
        id: 'Fn0ROLECARD',
        callback_id: options.callbackId ?? FUNCTIONS.roleCard,
        title: 'AI career card for a role',
        description: 'A role’s AI exposure score card; posts it to a channel when one is given',
        type: 'app',
        input_parameters: [
          { type: 'string', name: 'role', description: 'A job title', title: 'Role', is_required: true },
          {
            type: 'slack#/types/channel_id',
            name: 'channel',
            description: 'Where',
            title: 'Channel',
            is_required: false,
          },
        ],
        output_parameters: [],
        app_id: 'A1',
        date_created: 1694727597,
        date_updated: 1698947481,
        date_deleted: 0,
      },
      inputs,
      function_execution_id: execution.id,
      workflow_execution_id: `Wx0RUN${n}`,
      event_ts: '1698958075.998738',
      bot_access_token: execution.token,
    },
    options.eventId ? { eventId: options.eventId } : {},
  );
  return { execution, response };
}

describe('the workflow step', () => {
  it('posts the card in the channel input, then completes with the card as outputs, on the execution token', async () => {
    const { execution, response } = execute({ role: 'medical codr', channel: 'C0TEAM' });
    expect((await response).status).toBe(200);
    const [done] = await fake.waitFor('functions.completeSuccess');
    const [posted] = fake.callsTo('chat.postMessage');
    expect(posted!.body.channel).toBe('C0TEAM');
    expect(String(posted!.body.text)).toMatch(/^Medical Coder: Very high AI exposure/);
    expect(fake.calls.indexOf(posted!)).toBeLessThan(fake.calls.indexOf(done!));
    // Slack's token for this one execution, not the bot token.
    expect(posted!.token).toBe(execution.token);
    expect(done!.token).toBe(execution.token);
    expect(done!.body.function_execution_id).toBe(execution.id);
    const card = engine.card('medical-coder')!;
    expect(done!.body.outputs).toEqual({
      role_title: 'Medical Coder',
      score: card.verdict!.exposure,
      score_scale: expect.stringMatching(/^0–100 AI exposure, higher = more exposed/),
      zone: 'Very high AI exposure',
      confidence: card.verdict!.confidence,
      summary: expect.stringMatching(
        /^Medical Coder: Very high AI exposure \(high confidence\)\. .*Not a layoff forecast/,
      ),
    });
    expect(fake.callsTo('functions.completeError')).toEqual([]);
  });

  it('completes without posting when no channel is given, and does not count an automation as a person asking', async () => {
    const before = app().lookups.length;
    execute({ role: 'Registered nurse' });
    const [done] = await fake.waitFor('functions.completeSuccess');
    expect((done!.body.outputs as Record<string, unknown>).role_title).toBe('Registered Nurse');
    expect(fake.callsTo('chat.postMessage')).toEqual([]);
    expect(app().lookups.length).toBe(before);
  });

  it('gives a dataset occupation its consensus band, and leaves out what the card does not have', async () => {
    execute({ role: 'software developers' });
    const [done] = await fake.waitFor('functions.completeSuccess');
    const outputs = done!.body.outputs as Record<string, unknown>;
    const card = engine.card('software-developers')!;
    expect(outputs.role_title).toBe(card.role.title);
    if (card.headline) expect(outputs.score).toBe(card.headline.value);
    else expect(outputs).not.toHaveProperty('score');
    if (!card.headline?.zone && card.headline?.band) expect(String(outputs.zone)).toMatch(/exposure$/);
  });

  it('fails with suggestions for an unknown role, the candidates for an ambiguous one, and a note for an empty one', async () => {
    execute({ role: 'qwxzzv plorft' });
    execute({ role: 'manager' });
    execute({ role: '   ' });
    execute({ role: 'is medical coding still worth learning?' });
    const errors = (await fake.waitFor('functions.completeError', 4)).map((c) => String(c.body.error));
    expect(errors.find((e) => e.startsWith('No role found'))).toMatch(
      /^No role found for “qwxzzv plorft”\. Did you mean: .+\? Put a job title in the step's Role input\.$/,
    );
    expect(errors.find((e) => e.includes('manager'))).toMatch(
      /^“manager” could mean several roles: .+ Put the one you mean/,
    );
    expect(errors).toContain(
      'The step\'s Role input is empty. Put a job title in it, such as "medical coder", or a variable that holds one.',
    );
    expect(errors.find((e) => e.includes('worth learning'))).toMatch(/is not a job title/);
    expect(fake.callsTo('functions.completeSuccess')).toEqual([]);
    expect(fake.callsTo('chat.postMessage')).toEqual([]);
  });

  it('fails, saying how to fix it, when the card cannot be posted in the channel', async () => {
    fake.script('chat.postMessage', { status: 200, body: { ok: false, error: 'not_in_channel' } });
    execute({ role: 'CPC', channel: 'C0PRIVATE' });
    const [failed] = await fake.waitFor('functions.completeError');
    expect(failed!.body.error).toBe(
      'The card for this role could not be posted in <#C0PRIVATE>: the app is not a member of it. Invite it there ' +
        'with /invite @airisk, or pick another channel.',
    );
    expect(fake.callsTo('functions.completeSuccess')).toEqual([]);
  });

  it('escapes what was typed in the error, and refuses a channel input that is not a channel id', async () => {
    execute({ role: '<!channel> qwxzzv' });
    execute({ role: 'CPC', channel: '#general' });
    const errors = (await fake.waitFor('functions.completeError', 2)).map((c) => String(c.body.error));
    expect(errors.some((e) => e.includes('&lt;!channel&gt;'))).toBe(true);
    expect(errors.join(' ')).not.toContain('<!channel>');
    expect(errors).toContain("The step's Channel input is not a channel. Pick one from the list, or leave it empty.");
  });

  it('completes once when Slack retries the event, and acknowledges the retry', async () => {
    execute({ role: 'pharmacy technician' }, { eventId: 'EvSTEP1' });
    await fake.waitFor('functions.completeSuccess');
    const retried = execute({ role: 'pharmacy technician' }, { eventId: 'EvSTEP1' });
    expect((await retried.response).status).toBe(200);
    await app().idle();
    expect(fake.callsTo('functions.completeSuccess')).toHaveLength(1);
    expect(fake.callsTo('functions.completeError')).toEqual([]);
  });
});
