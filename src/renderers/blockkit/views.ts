// App Home and modals.
import type { types } from '@slack/bolt';
import type { HelpAnswer } from '../../answers/types.js';
import { ACTIONS, INPUTS, VIEWS, nthAction } from './ids.js';
import { LIMITS, cut, escapeMrkdwn } from './text.js';

export function homeView(help: HelpAnswer, stats: { roles: number; curatedRoles: number }): types.HomeView {
  const e = escapeMrkdwn;
  return {
    type: 'home',
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: 'Will AI replace my job?' } },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `I answer with a *score card*: how exposed a role is to AI according to several independent sources, how far they agree, which tasks AI can and cannot do, pay and outlook, and a *reskilling path*. I know ${stats.roles} roles, ${stats.curatedRoles} of them curated in depth.`,
        },
        accessory: {
          type: 'button',
          action_id: ACTIONS.openLookup,
          text: { type: 'plain_text', text: 'Look up a role' },
          style: 'primary',
          value: 'lookup',
        },
      },
      { type: 'divider' },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `*How to ask*\n${help.commands.map((c) => `• \`${e(c.usage)}\` ${e(c.description)}`).join('\n')}\n• Or send me a direct message, or mention me in a channel, with any question.`,
        },
      },
      { type: 'section', text: { type: 'mrkdwn', text: `*Popular roles*` } },
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
      { type: 'context', elements: [{ type: 'mrkdwn', text: cut(e(help.dataNote), LIMITS.sectionText) }] },
    ],
  };
}

export function lookupModal(): types.ModalView {
  return {
    type: 'modal',
    callback_id: VIEWS.lookup,
    title: { type: 'plain_text', text: 'Look up a role' },
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
