// The HR subcommands of /airisk, read from the command text into typed requests, with a usage line for
// anything that does not fit.
import type { DigestKind } from '../store/types.js';
import type { AnnounceTarget } from './announcements.js';
import { CADENCE_USAGE, parseCadence, type Cadence } from './cadence.js';
import { channelToken, plainNameHelp } from './channels.js';

export const HR_SUBCOMMANDS = ['announce', 'schedule', 'insights'] as const;

export type HrCommand =
  | { kind: 'announce'; target: AnnounceTarget; channel: string | null }
  | { kind: 'schedule-add'; cadence: Cadence; digest: DigestKind; channel: string | null }
  | { kind: 'schedule-list' }
  | { kind: 'schedule-remove'; id: number }
  | { kind: 'insights' }
  | { kind: 'usage'; problem: string | null; usage: string };

export const HR_USAGE = {
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

export const hrUsage = (...parts: (keyof typeof HR_USAGE)[]): string =>
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
      const what = split.words.join(' ').trim();
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
