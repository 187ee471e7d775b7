// The message shortcut "Check AI risk of this role": the roles the message names (a job post names several),
// read with the engine's resolution sentence by sentence and item by item. One role: its card, only for the
// person. Several: a modal listing them with their headlines, each opening its full card in the person's DM
// (the same list as a private message if the modal cannot open). None: what the engine makes of the whole
// text (did-you-mean), privately.
import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { rolesInMessage, rolesInMessageModal } from '../../../../renderers/blockkit/shortcut.js';
import { typedRequest } from '../../../../requests/slack.js';
import type { SlackDeps } from '../../deps.js';
import { answerAndReply, ephemeralReply, recordLookup } from '../../pipeline.js';
import { afterPendingAcks, replyEphemeral } from '../../reply.js';

export function checkAiRisk(deps: SlackDeps) {
  return async ({ ack, shortcut, client, logger }: SlackShortcutMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    if (shortcut.type !== 'message_action') return;
    await afterPendingAcks();
    const typed = typedRequest(messageText(shortcut.message));
    const where = { channel: shortcut.channel.id, user: shortcut.user.id };
    const roles = deps.engine.rolesNamedIn(typed.text);
    const [only] = roles;
    if (roles.length <= 1) {
      const reply = ephemeralReply(shortcut.response_url, client, where);
      await answerAndReply(deps, only ? { kind: 'card', id: only.role.id } : typed, reply);
      return;
    }
    for (const role of roles) recordLookup(deps, role);
    try {
      await client.views.open({ trigger_id: shortcut.trigger_id, view: rolesInMessageModal(roles) });
    } catch (err) {
      logger.warn(`shortcut: could not open the roles modal (${(err as Error).message}); sending the list privately`);
      await replyEphemeral(shortcut.response_url, client, where, rolesInMessage(roles));
    }
  };
}

/** What the message says: its text, or, for a message made only of blocks, the text in them. */
function messageText(message: MessageShortcut['message']): string {
  if (typeof message.text === 'string' && message.text.trim()) return message.text;
  const parts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (typeof o.text === 'string') parts.push(o.text);
      Object.values(o).forEach(walk);
    }
  };
  walk(message.blocks);
  return parts.join('\n');
}
