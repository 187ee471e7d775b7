// The message shortcut "Check AI risk of this role" on a message that names several roles (a job post, a list
// of openings): each role with its headline, and a button that sends its full card to the person's DM. Shown
// in a modal; the same blocks make an ephemeral message when the modal cannot be opened.
import type { types } from '@slack/bolt';
import type { RoleAnswer } from '../../answers/types.js';
import { ACTIONS, VIEWS, nthAction } from './ids.js';
import { verdictLine, type SlackMessage } from './messages.js';
import { LIMITS, cut, escapeMrkdwn } from './text.js';

const e = escapeMrkdwn;

/** The roles a message names, each with its headline and an "Open card" button. */
export function rolesInMessage(roles: RoleAnswer[]): SlackMessage {
  const blocks: types.KnownBlock[] = [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `This message names *${roles.length} roles*. Open one to get its full score card in your DM with airisk.`,
      },
    },
    { type: 'divider' },
    ...roles.map((r, i): types.KnownBlock => ({
      type: 'section',
      block_id: `role:${r.role.id}`.slice(0, LIMITS.id),
      text: {
        type: 'mrkdwn',
        text: cut(
          `*${e(r.role.title)}*\n${r.verdict ? `${verdictLine(r.verdict)}\n${e(r.verdict.sentence)}` : '_No verdict yet: none of the AI studies we use rates this occupation._'}`,
          LIMITS.sectionText,
        ),
      },
      accessory: {
        type: 'button',
        action_id: nthAction(ACTIONS.pickRole, i),
        text: { type: 'plain_text', text: 'Open card' },
        value: r.role.id,
      },
    })),
  ];
  return {
    text: cut(
      e(`This message names ${roles.length} roles: ${roles.map((r) => r.role.title).join(', ')}`),
      LIMITS.fallbackText,
    ),
    blocks,
  };
}

export function rolesInMessageModal(roles: RoleAnswer[]): types.ModalView {
  return {
    type: 'modal',
    callback_id: VIEWS.rolesInMessage,
    title: { type: 'plain_text', text: 'Roles in this message' },
    close: { type: 'plain_text', text: 'Close' },
    blocks: rolesInMessage(roles).blocks,
  };
}
