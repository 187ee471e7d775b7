// Short notices the app sends in reply to a click, as messages with a fallback text and one section.
import type { SlackMessage } from './messages.js';

const THANKS = { helpful: 'Thanks! Glad it helped.', notHelpful: 'Thanks for telling us: we use this to improve the cards.' } as const;

/** The private thank-you for a 👍 / 👎 on a card. */
export function feedbackThanksMessage(helpful: boolean): SlackMessage {
  const text = helpful ? THANKS.helpful : THANKS.notHelpful;
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}
