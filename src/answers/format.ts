// How numbers read in every renderer: one place, so the terminal, Slack and the preview agree.
import type { Band, KeyFigure, NextStep, RoleAnswer, Transition } from './types.js';
const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const plain = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

export type FigureUnit =
  | 'usd-per-year'
  | 'usd-per-hour'
  | 'usd'
  | 'percent'
  | 'percent-change'
  | 'workers'
  | 'jobs'
  | 'score'
  | 'count'
  | 'usd-billions';

export function formatFigure(value: number, unit: FigureUnit | string): string {
  switch (unit) {
    case 'usd-per-year':
      return `${usd.format(value)} a year`;
    case 'usd-per-hour':
      return `${new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(value)} an hour`;
    case 'usd':
      return usd.format(value);
    case 'usd-billions':
      return `$${plain.format(value)} billion`;
    case 'percent':
      return `${plain.format(value)}%`;
    // A sign belongs to changes only, never to levels.
    case 'percent-change':
      return `${value > 0 ? '+' : ''}${plain.format(value)}%`;
    case 'workers':
      return `${plain.format(value)} workers`;
    case 'jobs':
      return `${value > 0 ? '+' : ''}${plain.format(value)} jobs`;
    default:
      return plain.format(value);
  }
}

/** A source's date as the card shows it: "2024-05", or "about 2026" when no source states it. */
export function formatAsOf(asOf: string, approximate?: boolean): string {
  return `${approximate ? 'about ' : ''}${readableDate(asOf)}`;
}

/** "$3,200 more" / "$1,500 less" for pay gaps. */
export function formatGap(value: number, unit: 'usd' | 'points'): string {
  const size = unit === 'usd' ? usd.format(Math.abs(value)) : `${plain.format(Math.abs(value))} points`;
  if (value === 0) return unit === 'usd' ? 'same pay' : 'no change';
  return `${value > 0 ? '+' : '−'}${size}`;
}

const level = (n: number) => plain.format(Math.round(n * 10) / 10);

/** 1st, 2nd, 3rd, 11th, 12th, 13th, 21st… (rounded to a whole number). */
export function ordinal(value: number): string {
  const n = Math.round(value);
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** The numbers of a reskilling move: its AIJRI and gap, exposure gap and pay gap (with the year of both wages),
 *  where known. */
export function transitionFacts(t: Transition): string[] {
  return [
    t.score !== undefined
      ? `AIJRI ${t.score}${t.scoreGap !== undefined ? ` (${t.scoreGap >= 0 ? '+' : ''}${t.scoreGap})` : ''}`
      : '',
    t.exposureGap !== undefined ? `exposure ${formatGap(t.exposureGap, 'points')}` : '',
    t.payGap !== undefined ? `pay ${formatGap(t.payGap, 'usd')}${t.pay ? ` (${t.pay.period})` : ''}` : '',
  ].filter(Boolean);
}

/** The verdict's five steps, lowest first: the word and colour every renderer shows for each. One table, so the
 *  bar, the colour and the word can never disagree. */
export const VERDICT_STEPS = [
  { level: 'very-low', words: 'Very low', emoji: '🟢', colour: 'green', from: 0 },
  { level: 'low', words: 'Low', emoji: '🟢', colour: 'green', from: 20 },
  { level: 'moderate', words: 'Moderate', emoji: '🟡', colour: 'yellow', from: 40 },
  { level: 'high', words: 'High', emoji: '🟠', colour: 'orange', from: 60 },
  { level: 'very-high', words: 'Very high', emoji: '🔴', colour: 'red', from: 80 },
] as const satisfies readonly { level: Band; words: string; emoji: string; colour: string; from: number }[];

export type VerdictStep = (typeof VERDICT_STEPS)[number];

export function verdictStep(level: Band): VerdictStep {
  return VERDICT_STEPS.find((s) => s.level === level) ?? VERDICT_STEPS[0];
}

/** "80 and up", "60 to 80", "below 20": a step's range on the 0–100 exposure scale. */
export function stepRange(level: Band): string {
  const i = VERDICT_STEPS.findIndex((s) => s.level === level);
  const step = VERDICT_STEPS[i] ?? VERDICT_STEPS[0];
  const next = VERDICT_STEPS[i + 1];
  if (i <= 0) return `below ${next?.from ?? 100}`;
  return next ? `${step.from} to ${next.from}` : `${step.from} and up`;
}

/** How many bar cells of ten an exposure (0–100, more = more exposed) fills. */
export function barCells(exposure: number): number {
  return Math.max(0, Math.min(10, Math.round(exposure / 10)));
}

/** ▰▰▰▰▰▰▰▰▱▱ for an exposure of 0–100. */
export function exposureBar(exposure: number): string {
  const filled = barCells(exposure);
  return '▰'.repeat(filled) + '▱'.repeat(10 - filled);
}

/** A rank among occupations in words, without the word "percentile": "more exposed than about 8 in 10
 *  occupations", "less exposed than about 7 in 10 occupations", "more exposed than about 19 in 20 occupations". */
export function rankInWords(percentile: number): string {
  if (percentile >= 95) return 'more exposed than about 19 in 20 occupations';
  if (percentile < 5) return 'less exposed than about 19 in 20 occupations';
  if (percentile >= 50) return `more exposed than about ${Math.min(9, Math.round(percentile / 10))} in 10 occupations`;
  return `less exposed than about ${Math.min(9, Math.max(1, Math.round((100 - percentile) / 10)))} in 10 occupations`;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2024-05" -> "May 2024"; "2025-10-03" -> "October 2025"; "2024" stays. */
export function readableDate(asOf: string): string {
  const m = /^(\d{4})-(\d{2})/.exec(asOf);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && month ? `${month} ${m[1]}` : asOf;
}

/** Bold in the renderer's markup: `*x*` for Slack, plain for the terminal. */
export type Strong = (text: string) => string;

const GENERIC_LABEL_WORDS = new Set(
  'median annual hourly pay wage wages salary jobs job employment employed projected projection change growth workers number of the in a'.split(
    ' ',
  ),
);

/** A key figure's label only where it says more than its heading ("Median pay" adds nothing to "Pay"). */
function labelAdds(label: string): boolean {
  return label
    .toLowerCase()
    .replace(/\d{2,4}(?:[–-]\d{2,4})?/g, ' ')
    .split(/[^a-z]+/)
    .some((w) => w && !GENERIC_LABEL_WORDS.has(w));
}

const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);

/** "Pay: $50,250 a year — median pay, all medical records specialists · BLS, May 2024"; an outlook says it is a
 *  forecast and by whom, on its own line. */
export function keyFigureText(kind: 'pay' | 'employment' | 'outlook', f: KeyFigure, strong: Strong): string {
  const heading = { pay: 'Pay', employment: 'Jobs', outlook: 'Outlook' }[kind];
  // The datasets mark a figure for a group of occupations that includes this one with "(group)".
  const group = /\(group\)/.test(f.label);
  const rest = f.label.replace(/\s*\(group\)/, '');
  const label = `${labelAdds(rest) ? ` — ${lowerFirst(rest)}` : ''}${group ? ', for a wider group of occupations' : ''}`;
  const source = kind === 'outlook' ? `${f.period ? `${f.period} · ` : ''}forecast by ${f.by}` : `${f.by}, ${f.when}`;
  return `${strong(`${heading}:`)} ${f.display}${label} · ${source}`;
}

/** "Look at a move to *Clinical Documentation Improvement Specialist*: the most direct step…" */
export function nextStepText(step: NextStep, strong: Strong): string {
  const why = step.why ? ` — ${step.why}` : '';
  return `${step.action} ${strong(step.title)}${why}`;
}

/**
 * What a move asks of the person, one labelled line each, for every renderer (plain text: renderers escape it):
 * how well it fits, the knowledge and skills to build, new technologies, the education or experience step, and
 * where the pay gap comes from. Empty lines are left out.
 */
export function transitionDetails(t: Transition): { label: string; text: string }[] {
  const out: { label: string; text: string }[] = [];
  if (t.fit && t.similarity !== undefined)
    out.push({
      label: 'Fit',
      text:
        `${t.fit}: more alike than ${Math.floor(t.similarity * 1000) / 10} % of occupation pairs (O*NET 30.1 ` +
        `profiles)`,
    });
  if (t.skillsToBuild?.length)
    out.push({
      label: 'To learn',
      text:
        `${t.skillsToBuild.map((g) => `${g.name} (${level(g.have)} → ${level(g.level)})`).join(', ')} · O*NET ` +
        `levels 0–7`,
    });
  if (t.technologies?.length)
    out.push({
      label: 'Technologies',
      text: t.technologies.map((x) => `${x.name}${x.inDemand ? ' (in demand)' : x.hot ? ' (hot)' : ''}`).join(', '),
    });
  for (const step of t.steps ?? []) {
    const usually =
      step.kind === 'education'
        ? `usually ${step.to.toLowerCase().startsWith('some') ? '' : 'a '}${step.to}`
        : `usually ${step.to.toLowerCase()} of related experience`;
    out.push({
      label: step.kind === 'education' ? 'Education' : 'Experience',
      text: `${usually} (${step.share} % of workers at that level or above)${step.from ? `, where yours is ${step.kind === 'education' ? step.from : step.from.toLowerCase()}` : ''}`,
    });
  }
  if (t.pay)
    out.push({
      label: 'Pay',
      text:
        `${formatFigure(t.pay.origin, 'usd')} → ${formatFigure(t.pay.target, 'usd')} a year, both ` +
        `${t.pay.period} (${t.pay.sourceName}${t.pay.group ? ', a group figure' : ''})`,
    });
  return out;
}

/**
 * Which name the answer matched and what it is, in one plain sentence ("‘Forklift Operator’ is an O*NET title
 * of Industrial Truck and Tractor Operators."), or null when the person typed the role's own title, its code
 * or pressed its button. Renderers escape it for their medium.
 */
export function matchSentence(answer: Pick<RoleAnswer, 'match' | 'role'>): string | null {
  const { match, role } = answer;
  const name = `‘${match.title}’`;
  if (match.how === 'id' || match.how === 'soc') return null;
  if (match.how === 'search') return `Closest match: ${name}, a title of ${role.title}.`;
  switch (match.source) {
    case 'onet-alternate':
      return `${name} is an O*NET title of ${role.title}.`;
    case 'onet-short':
      return `${name} is O*NET's short form of ‘${match.of ?? match.title}’, a title of ${role.title}.`;
    case 'onet-reported':
      return `${name} is a title workers reported to O*NET for ${role.title}.`;
    case 'onet-occupation':
      if (role.onetOccupation && role.socTitle) return `${name} is an O*NET occupation within ${role.socTitle}.`;
      return match.title.toLowerCase() === role.title.toLowerCase()
        ? null
        : `${name} is an O*NET occupation within ${role.title}.`;
    case 'synonym':
      return match.listedBy
        ? `${name} is another name for ${role.title}, per ${match.listedBy}.`
        : `${name} is another name for ${role.title}.`;
    case 'catalog':
      // "Painters" of "Painters, Construction and Maintenance", "Ranchers" of "Farmers, Ranchers, and …": the
      // title shown says it already.
      return role.title.toLowerCase().includes(match.title.toLowerCase())
        ? null
        : `${name} is another name for ${role.title}.`;
    default:
      return null;
  }
}

/** "Set aside: senior, part-time." — the qualifiers that did not change the occupation. */
export function qualifierNote(qualifiers: string[]): string | null {
  return qualifiers.length ? `Set aside: ${qualifiers.join(', ')}.` : null;
}

/** After "No verdict yet: none of the AI studies we use rates this occupation." on a first screen. */
export const NO_VERDICT_NEXT = 'The rest of this card still holds; How we scored this says what is missing.';

/** A readable local time such as "Mon, 30 Mar 2026, 09:00 (Europe/Paris)". */
export function formatLocal(timeZone: string, ms: number): string {
  const text = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(ms));
  return `${text} (${timeZone})`;
}
