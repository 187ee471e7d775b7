// Short notices the app sends in reply to a click, as messages with a fallback text and one section.
import type { SlackMessage } from './messages.js';
import { LIMITS, cut } from './text.js';

const THANKS = {
  helpful: 'Thanks! Glad it helped.',
  notHelpful: 'Thanks for telling us: we use this to improve the cards.',
} as const;

/** The private thank-you for a 👍 / 👎 on a card. */
export function feedbackThanksMessage(helpful: boolean): SlackMessage {
  const text = helpful ? THANKS.helpful : THANKS.notHelpful;
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}

/** In the person's DM with the app, when a card could not be shown where they asked: the app is not in
 *  that conversation (a private channel or a DM between people) and the response_url had expired. */
export function couldNotReplyThereMessage(channel: string, message: SlackMessage, shared: boolean): SlackMessage {
  // Only a real conversation id becomes a channel mention; anything else is named in words.
  const there = /^[CGD][A-Z0-9]{2,}$/.test(channel) ? `<#${channel}>` : 'that conversation';
  const why = shared
    ? `I could not share this card in ${there}: airisk is not a member there. Invite it with \`/invite @airisk\`, ` +
      `then share again.`
    : `I could not answer in ${there} (airisk is not a member there), so here is your answer.`;
  const plain = shared
    ? 'I could not share this card in that conversation: airisk is not a member there.'
    : 'I could not answer in that conversation, so here is your answer.';
  const notice = { type: 'context' as const, elements: [{ type: 'mrkdwn' as const, text: why }] };
  return {
    text: cut(`${plain} ${message.text}`, LIMITS.fallbackText),
    blocks: [notice, ...message.blocks].slice(0, LIMITS.messageBlocks),
  };
}
