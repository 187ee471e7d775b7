// "How we scored this" as a Slack modal. A modal rather than a second message: the first screen stays where it
// is (a second message would scroll it away), the details open for the person who clicked, also from a card
// shared in a channel or posted by HR, and a modal holds 100 blocks where a message holds 50.
import type { types } from '@slack/bolt';
import { detailsOf, type DetailLine } from '../../answers/details.js';
import type { RoleCard } from '../../answers/types.js';
import { VIEWS } from './ids.js';
import { LIMITS, cut, escapeMrkdwn, link } from './text.js';

type Block = types.KnownBlock;
const e = escapeMrkdwn;

/** One line in mrkdwn: *lead*: text _note_, the lead linked where it has a web address. */
function detailLineMrkdwn(l: DetailLine): string {
  const lead = l.lead ? `*${l.url ? link(l.url, l.lead) : e(l.lead)}*${l.text ? ': ' : ''}` : '';
  return `• ${lead}${e(l.text)}${l.note ? ` _(${e(l.note)})_` : ''}`;
}

/** Sections of at most Slack's 3,000 characters: a long list goes on in the next section, never cut. */
function sectionsOf(title: string, intro: string | undefined, lines: string[]): Block[] {
  const blocks: Block[] = [];
  let text = `*${e(title)}*${intro ? `\n${e(intro)}` : ''}`;
  for (const line of lines) {
    const next = `${text}\n${line}`;
    if (next.length > LIMITS.sectionText && text) {
      blocks.push(mrkdwnSection(text));
      text = cut(line, LIMITS.sectionText);
    } else text = next;
  }
  if (text) blocks.push(mrkdwnSection(text));
  return blocks;
}

const mrkdwnSection = (text: string): Block => ({
  type: 'section',
  text: { type: 'mrkdwn', text: cut(text, LIMITS.sectionText) },
});

/** The details of a card: everything the first screen leaves out, nothing lost. */
export function detailsBlocks(card: RoleCard): Block[] {
  const blocks: Block[] = [
    { type: 'header', text: { type: 'plain_text', text: cut(card.role.title, LIMITS.headerText) } },
  ];
  for (const s of detailsOf(card)) {
    if (blocks.length > 1) blocks.push({ type: 'divider' });
    blocks.push(...sectionsOf(s.title, s.intro, s.lines.map(detailLineMrkdwn)));
  }
  return blocks.slice(0, LIMITS.surfaceBlocks);
}

export function detailsModal(card: RoleCard): types.ModalView {
  return {
    type: 'modal',
    callback_id: VIEWS.details,
    title: { type: 'plain_text', text: 'How we scored this' },
    close: { type: 'plain_text', text: 'Close' },
    blocks: detailsBlocks(card),
  };
}
