// The HR subcommands of /airisk (announce, schedule, insights), read from the command text as Slack sends it
// into typed requests, with a usage line for anything that does not fit. Channels come as Slack sends a picked
// one, <#C0123|name>; the HR features keep only the id, which conversations.history needs.
import { CADENCE_USAGE, parseCadence, type Cadence } from './cadence.js';
import { stripSlackMarkup } from './slack-markup.js';

const HR_SUBCOMMANDS = ['announce', 'schedule', 'insights'] as const;

/** What a scheduled digest posts: the next role of the spotlight rotation, or what changed in the knowledge base. */
type DigestKind = 'spotlight' | 'digest';

export type AnnounceTarget = { type: 'spotlight' } | { type: 'digest' } | { type: 'role'; text: string };

export type HrCommand =
  | { kind: 'announce'; target: AnnounceTarget; channel: string | null }
  | { kind: 'schedule-add'; cadence: Cadence; digest: DigestKind; channel: string | null }
  | { kind: 'schedule-list' }
  | { kind: 'schedule-remove'; id: number }
  | { kind: 'insights' }
  | { kind: 'usage'; problem: string | null; usage: string };

const HR_USAGE = {
  announce: [
    '`/airisk announce <role> [#channel]`: preview an announcement about a role, then Post, Edit or Cancel',
    '`/airisk announce spotlight [#channel]`: the next role in the channel’s spotlight rotation',
    '`/airisk announce digest [#channel]`: what changed in the knowledge base since the channel’s last digest',
  ],
  schedule: [
    '`/airisk schedule add weekly mon 09:00 spotlight [#channel]`: post a digest on a schedule (cadence: ' +
      CADENCE_USAGE +
      '; kind: `spotlight` or `digest`)',
    '`/airisk schedule list`: the schedules, with their next run',
    '`/airisk schedule remove <number>`: stop a schedule',
  ],
  insights: [
    '`/airisk insights`: the most asked-about roles and questions this week and month, and how helpful answers were',
  ],
};

const hrUsage = (...parts: (keyof typeof HR_USAGE)[]): string =>
  (parts.length ? parts : (Object.keys(HR_USAGE) as (keyof typeof HR_USAGE)[]))
    .flatMap((p) => HR_USAGE[p])
    .map((l) => `• ${l}`)
    .join('\n');

/** Whether the command text is one of the HR subcommands (the /airisk listener routes these here). */
export function isHrCommand(text: string): boolean {
  const first = text.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  return (HR_SUBCOMMANDS as readonly string[]).includes(first);
}

const usage = (problem: string | null, part: keyof typeof HR_USAGE): HrCommand => ({
  kind: 'usage',
  problem,
  usage: hrUsage(part),
});

/** Splits a trailing channel off the words: a mention, or an explanation when it is a bare #name. */
function trailingChannel(words: string[]): { words: string[]; channel: string | null } | { problem: string } {
  const last = words.at(-1);
  if (last === undefined) return { words, channel: null };
  const token = channelToken(last);
  if (token.kind === 'channel') return { words: words.slice(0, -1), channel: token.id };
  if (token.kind === 'plain-name') return { problem: plainNameHelp(token.name) };
  return { words, channel: null };
}

export function parseHrCommand(text: string): HrCommand {
  const [sub = '', ...words] = text.trim().split(/\s+/);
  switch (sub.toLowerCase()) {
    case 'announce': {
      const split = trailingChannel(words);
      if ('problem' in split) return usage(split.problem, 'announce');
      // The role as typed, without the Slack markup around it (a mention or a link names no role).
      const what = stripSlackMarkup(split.words.join(' ')).trim();
      if (!what) return usage('Tell me what to announce.', 'announce');
      const keyword = what.toLowerCase();
      const target: AnnounceTarget =
        keyword === 'spotlight'
          ? { type: 'spotlight' }
          : keyword === 'digest'
            ? { type: 'digest' }
            : { type: 'role', text: what };
      return { kind: 'announce', target, channel: split.channel };
    }
    case 'schedule': {
      const [action = '', ...rest] = words;
      switch (action.toLowerCase()) {
        case 'list':
        case '':
          return rest.length ? usage(`"schedule list" takes nothing after it.`, 'schedule') : { kind: 'schedule-list' };
        case 'remove':
        case 'delete': {
          const id = Number((rest[0] ?? '').replace(/^#/, ''));
          if (rest.length !== 1 || !Number.isInteger(id) || id < 1)
            return usage(
              `Give the number of the schedule to remove, as shown by \`/airisk schedule list\`.`,
              'schedule',
            );
          return { kind: 'schedule-remove', id };
        }
        case 'add': {
          const split = trailingChannel(rest);
          if ('problem' in split) return usage(split.problem, 'schedule');
          const cadence = parseCadence(split.words);
          if (!cadence.ok) return usage(cadence.error, 'schedule');
          const [first, ...extra] = cadence.rest;
          const kind = first?.toLowerCase();
          if (kind !== 'spotlight' && kind !== 'digest')
            return usage(
              `After the time, say what to post: \`spotlight\` or \`digest\`${kind ? `, not "${kind}"` : ''}.`,
              'schedule',
            );
          if (extra.length) return usage(`I don't understand "${extra.join(' ')}" at the end.`, 'schedule');
          return { kind: 'schedule-add', cadence: cadence.cadence, digest: kind, channel: split.channel };
        }
        default:
          return usage(`I don't know "schedule ${action}".`, 'schedule');
      }
    }
    case 'insights':
      return words.length ? usage('`insights` takes nothing after it.', 'insights') : { kind: 'insights' };
    default:
      return { kind: 'usage', problem: null, usage: hrUsage() };
  }
}

const MENTION = /^<#([CG][A-Z0-9]+)(?:\|([^>]*))?>$/;
const CHANNEL_ID = /^[CG][A-Z0-9]+$/;
/** A channel id typed as a bare word, in the shape Slack gives them (C or G, then at least eight capitals and
 *  digits, with a digit among them), so that an acronym such as CPC or CCS is never taken for a channel. */
const TYPED_CHANNEL_ID = /^[CG](?=[A-Z]*\d)[A-Z0-9]{8,}$/;

type ChannelToken = { kind: 'channel'; id: string } | { kind: 'plain-name'; name: string } | { kind: 'none' };

/** What a command word says about a channel: a real mention, a bare #name Slack did not turn into a mention,
 *  or not a channel at all. */
function channelToken(word: string): ChannelToken {
  const mention = MENTION.exec(word);
  if (mention?.[1]) return { kind: 'channel', id: mention[1] };
  if (TYPED_CHANNEL_ID.test(word)) return { kind: 'channel', id: word };
  if (/^#[\w-]+$/.test(word)) return { kind: 'plain-name', name: word };
  return { kind: 'none' };
}

/** A channel id as Slack's channel picker gives it (C… or G…). */
export function isChannelId(text: string): boolean {
  return CHANNEL_ID.test(text);
}

const plainNameHelp = (name: string): string =>
  `I can't tell which channel ${name} is from its name alone: type # and pick the channel from Slack's list, so ` +
  `Slack sends me its id.`;
