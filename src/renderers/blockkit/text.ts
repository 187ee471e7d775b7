// Safe text for Block Kit. Everything a person typed or an author wrote goes through escapeMrkdwn, so no
// input can become <!channel>, <!here>, <!everyone>, a user-group or user ping, or a link it did not intend.
// Limits are Slack's (https://api.slack.com/reference/block-kit/blocks), enforced here in one place.

import type { CommandHelp } from '../../answers/types.js';

export const LIMITS = {
  messageBlocks: 50,
  surfaceBlocks: 100,
  sectionText: 3000,
  fields: 10,
  fieldText: 2000,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  id: 255,
  fallbackText: 3000,
  modalTitle: 24,
} as const;

export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A link Slack shows as `label`: only http(s) URLs; the URL cannot close the link early or add a second label. */
export function link(url: string | undefined, label: string): string {
  if (!url || !/^https?:\/\/[^\s]+$/.test(url)) return escapeMrkdwn(label);
  return `<${escapeMrkdwn(url).replace(/\|/g, '%7C')}|${escapeMrkdwn(label).replace(/\|/g, '¦')}>`;
}

/** Cuts text to `max` characters at a word, ending with "…", never inside an &amp;-style escape or a <url|label>
 *  link. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const amp = text.lastIndexOf('&', end);
  if (amp !== -1 && amp > end - 6 && text.indexOf(';', amp) >= end) end = amp;
  // Our own links are the only raw "<" (everything else is escaped): never leave one half-open.
  const open = text.lastIndexOf('<', end - 1);
  if (open !== -1 && text.lastIndexOf('>', end - 1) < open) end = open;
  const space = text.lastIndexOf(' ', end);
  if (space > max * 0.6) end = space;
  // Nor split an emoji or other surrogate pair.
  if (/[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end -= 1;
  return `${text.slice(0, end).trimEnd()}…`;
}

/** Markdown as authors write it in knowledge/ (**bold**, _italics_, [text](url), "- " lists) to Slack mrkdwn. */
export function markdownToMrkdwn(markdown: string): string {
  // Links first, from the raw text, so link() escapes URL and label once; the rest is escaped around them.
  const parts = markdown.split(/(\[[^\]]+\]\(https?:\/\/[^\s)]+\))/g);
  return parts
    .map((part, i) => {
      if (i % 2 === 0) return escapeMrkdwn(part);
      const m = /^\[([^\]]+)\]\((.+)\)$/.exec(part);
      return m ? link(m[2], m[1] ?? '') : escapeMrkdwn(part);
    })
    .join('')
    .replace(/\*\*([^*]+)\*\*/g, '*$1*')
    .replace(/(^|\n)\s*[-*] /g, '$1• ');
}

/** How Slack shows a channel link in mrkdwn: the reader sees #name. */
export const channelLink = (id: string): string => `<#${id}>`;

/** The slash command, as every Slack message that mentions it spells it (manifest.yml declares it). */
export const SLASH_COMMAND = '/airisk';

/** A command as Slack takes it: "/airisk <job title>", "/airisk path <job title>", "/airisk help". */
export function slashCommand(c: CommandHelp): string {
  return [SLASH_COMMAND, c.verb === 'ask' ? '' : c.verb, c.args].filter(Boolean).join(' ');
}
