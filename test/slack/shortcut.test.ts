// The message shortcut "Check AI risk of this role" over the wire: a signed message_action (Slack's shortcut
// payload: callback_id, trigger_id, message, channel, response_url) and what Slack would receive: a private
// card for a message naming one role, a modal listing the roles a job post names, did-you-mean otherwise.
import { describe, expect, it } from 'vitest';
import { ACTIONS, VIEWS, nthAction } from '../../src/renderers/blockkit/ids.js';
import { bootEngine } from '../../src/app/boot.js';
import { SHORTCUTS } from '../../src/transports/slack/manifest-ids.js';
import { modalProblems } from '../support/block-limits.js';
import { useTestApp } from '../support/slack-app.js';
import { blockAction, messageShortcut } from '../support/slack-requests.js';

const { engine } = bootEngine();
const { fake, app } = useTestApp(engine);

const JOB_POST = `We're hiring! Our clinic in Boston is looking for:
• Senior Medical Coder (CPC required) – remote
• Registered Nurse, night shift
• a pharmacy technician and a medical biller
Responsibilities: review charts, assign ICD-10 codes, work with the compliance team.`;

const shortcut = (text: string, extra: Record<string, unknown> = {}, responseId = 'sc') =>
  messageShortcut(
    app().url,
    SHORTCUTS.checkAiRisk,
    { text, user: 'U2', ts: '1730000300.000100', ...extra },
    fake.responseUrl(responseId),
    {
      channel: 'C0JOBS',
      user: 'U1',
      triggerId: '12345.67890.shortcut',
    },
  );

describe('the message shortcut', () => {
  it('opens a modal with every role a job post names, each opening its card in the DM', async () => {
    const before = app().lookups.length;
    const res = await shortcut(JOB_POST);
    expect(res.status).toBe(200);
    const [open] = await fake.waitFor('views.open');
    expect(open!.body.trigger_id).toBe('12345.67890.shortcut');
    const view = open!.body.view as Record<string, unknown>;
    expect(view.callback_id).toBe(VIEWS.rolesInMessage);
    expect(modalProblems(view)).toEqual([]);
    const listed = JSON.stringify(view);
    const ids = ['medical-coder', 'registered-nurse', 'pharmacy-technician', 'medical-biller'];
    for (const id of ids) expect(listed).toContain(`"value":"${id}"`);
    expect(listed).toContain('names *4 roles*');
    // Each role shown counts as a lookup (role id and day only).
    expect(
      app()
        .lookups.slice(before)
        .map((a) => (a.kind === 'role' ? a.role.id : a.kind)),
    ).toEqual(ids);
    expect(fake.callsTo('response')).toEqual([]);

    // "Open card" in the modal: no channel and no response_url, so the card goes to the person's DM.
    fake.reset();
    await blockAction(app().url, nthAction(ACTIONS.pickRole, 1), 'registered-nurse', '', { channel: null });
    const [dm] = await fake.waitFor('chat.postMessage');
    expect(dm!.body.channel).toBe('U1');
    expect(String(dm!.body.text)).toMatch(/^Registered Nurse: Very low AI exposure/);
  });

  it('answers a message naming one role with its card, only for the person', async () => {
    await shortcut('Has anyone here worked as a clinical coder before? Thinking of applying.');
    const [reply] = await fake.waitFor('response');
    expect(reply!.body.response_type).toBe('ephemeral');
    expect(String(reply!.body.text)).toMatch(/^Medical Coder: Very high AI exposure/);
    expect(fake.callsTo('views.open')).toEqual([]);
  });

  it('answers a message naming no role with what the engine makes of it, privately', async () => {
    await shortcut('Lunch at noon? <!channel> <@U999>');
    const [reply] = await fake.waitFor('response');
    expect(reply!.body.response_type).toBe('ephemeral');
    expect(String(reply!.body.text)).toMatch(/^No role found|could mean several roles|^Did you mean/);
  });

  it('reads a message made only of blocks (a bot or workflow post)', async () => {
    await shortcut('', {
      text: '',
      bot_id: 'B0OTHER',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'Open roles this week' } },
        { type: 'section', text: { type: 'mrkdwn', text: '*Registered Nurse* (ICU) and *Pharmacy Technician*' } },
      ],
    });
    const [open] = await fake.waitFor('views.open');
    expect(JSON.stringify(open!.body.view)).toContain('"value":"pharmacy-technician"');
  });

  it('sends the list privately when the modal cannot be opened', async () => {
    fake.script('views.open', { status: 200, body: { ok: false, error: 'expired_trigger_id' } });
    await shortcut(JOB_POST, {}, 'late');
    const [reply] = await fake.waitFor('response');
    expect(reply!.body.response_type).toBe('ephemeral');
    expect(String(reply!.body.text)).toMatch(/^This message names 4 roles: Medical Coder, Registered Nurse/);
    expect(app().logged.join('\n')).toMatch(/expired_trigger_id/);
  });
});
