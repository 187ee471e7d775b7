// Channels as HR admins name them in commands. Slack sends a picked channel as <#C0123|name> (or <#C0123|>);
// the HR features only ever keep the id, which conversations.history needs.

const MENTION = /^<#([CG][A-Z0-9]+)(?:\|([^>]*))?>$/;
const CHANNEL_ID = /^[CG][A-Z0-9]+$/;
/** A channel id typed as a bare word, in the shape Slack gives them (C or G, then at least eight capitals and
 *  digits, with a digit among them), so that an acronym such as CPC or CCS is never taken for a channel. */
const TYPED_CHANNEL_ID = /^[CG](?=[A-Z]*\d)[A-Z0-9]{8,}$/;

export type ChannelToken = { kind: 'channel'; id: string } | { kind: 'plain-name'; name: string } | { kind: 'none' };

/** What a command word says about a channel: a real mention, a bare #name Slack did not turn into a mention,
 *  or not a channel at all. */
export function channelToken(word: string): ChannelToken {
  const mention = MENTION.exec(word);
  if (mention?.[1]) return { kind: 'channel', id: mention[1] };
  if (TYPED_CHANNEL_ID.test(word)) return { kind: 'channel', id: word };
  if (/^#[\w-]+$/.test(word)) return { kind: 'plain-name', name: word };
  return { kind: 'none' };
}

export function isChannelId(text: string): boolean {
  return CHANNEL_ID.test(text);
}

/** How Slack shows a channel link in mrkdwn: the reader sees #name. */
export const channelLink = (id: string): string => `<#${id}>`;

export const plainNameHelp = (name: string): string =>
  `I can't tell which channel ${name} is from its name alone: type # and pick the channel from Slack's list, so Slack sends me its id.`;
