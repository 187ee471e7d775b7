// App Home and modals.
import type { types } from '@slack/bolt';
import type { HelpAnswer } from '../../answers/types.js';
import { ACTIONS, INPUTS, VIEWS, nthAction } from './ids.js';
import { LIMITS, cut, escapeMrkdwn, slashCommand } from './text.js';

/** App Home, written for employees: what the bot does, how to ask, jobs from across the economy. No server
 *  paths or dataset statistics (those go to the log and to HR admins). */
export function homeView(help: HelpAnswer): types.HomeView {
  const e = escapeMrkdwn;
  return {
    type: 'home',
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: 'Will AI replace my job?' } },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text:
            'Ask me about any job. In plain words I show how exposed it is to AI, what AI can and cannot do in ' +
            'it, and what to do now, with every figure traced to its source.',
        },
        accessory: {
          type: 'button',
          action_id: ACTIONS.openLookup,
          text: { type: 'plain_text', text: 'Look up a job' },
          style: 'primary',
          value: 'lookup',
        },
      },
      { type: 'divider' },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text:
            `*How to ` +
            `ask*\n${help.commands.map((c) => `• \`${e(slashCommand(c))}\` ${e(c.description)}`).join('\n')}\n• Or ` +
            `send me a direct message, or mention me in a channel, with any question.`,
        },
      },
      { type: 'section', text: { type: 'mrkdwn', text: '*Jobs from across the economy*' } },
      {
        type: 'actions',
        block_id: 'home-popular',
        elements: help.popularRoles.slice(0, LIMITS.actionsElements).map((r, i) => ({
          type: 'button' as const,
          action_id: nthAction(ACTIONS.pickRole, i),
          text: { type: 'plain_text' as const, text: cut(r.title, LIMITS.buttonText) },
          value: r.id,
        })),
      },
      { type: 'context', elements: [{ type: 'mrkdwn', text: cut(e(help.coverage), LIMITS.sectionText) }] },
    ],
  };
}

export function lookupModal(): types.ModalView {
  return {
    type: 'modal',
    callback_id: VIEWS.lookup,
    title: { type: 'plain_text', text: 'Look up a job' },
    submit: { type: 'plain_text', text: 'Look up' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'input',
        block_id: INPUTS.lookupBlock,
        label: { type: 'plain_text', text: 'Job title, code or question' },
        element: {
          type: 'plain_text_input',
          action_id: INPUTS.lookupText,
          placeholder: { type: 'plain_text', text: 'e.g. medical coder, CPC, 29-2072' },
          max_length: 500,
        },
      },
    ],
  };
}

/** What the compare modal carries to its submission. */
export interface CompareMetadata {
  roleId: string;
  channel?: string;
}

export function compareModal(title: string, metadata: CompareMetadata): types.ModalView {
  return {
    type: 'modal',
    callback_id: VIEWS.compare,
    private_metadata: JSON.stringify(metadata),
    title: { type: 'plain_text', text: 'Compare' },
    submit: { type: 'plain_text', text: 'Compare' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'input',
        block_id: INPUTS.compareBlock,
        label: { type: 'plain_text', text: cut(`Compare ${title} with…`, 2000) },
        element: {
          type: 'plain_text_input',
          action_id: INPUTS.compareText,
          placeholder: { type: 'plain_text', text: 'e.g. registered nurse' },
          max_length: 500,
        },
      },
    ],
  };
}
