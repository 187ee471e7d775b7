// Safe text for Block Kit. Everything a person typed or an author wrote goes through escapeMrkdwn, so no
// input can become <!channel>, <!here>, <!everyone>, a user-group or user ping, or a link it did not intend.
// Limits are Slack's (https://api.slack.com/reference/block-kit/blocks), enforced here in one place.

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

/** Cuts text to `max` characters at a word, ending with "…", never inside an &amp;-style escape. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const amp = text.lastIndexOf('&', end);
  if (amp !== -1 && amp > end - 6 && text.indexOf(';', amp) >= end) end = amp;
  const space = text.lastIndexOf(' ', end);
  if (space > max * 0.6) end = space;
  return `${text.slice(0, end).trimEnd()}…`;
}

/** Markdown as authors write it in knowledge/ (**bold**, _italics_, [text](url), "- " lists) to Slack mrkdwn. */
export function markdownToMrkdwn(markdown: string): string {
  return escapeMrkdwn(markdown)
    .replace(/\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/g, (_m, label: string, url: string) => `<${url}|${label.replace(/\|/g, '¦')}>`)
    .replace(/\*\*([^*]+)\*\*/g, '*$1*')
    .replace(/(^|\n)\s*[-*] /g, '$1• ');
}
