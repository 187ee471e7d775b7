// How numbers read in every renderer: one place, so the terminal, Slack and the preview agree.
import type { RoleAnswer, RoleCard, Transition } from './types.js';
const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const plain = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

export type FigureUnit =
  'usd-per-year' | 'usd-per-hour' | 'usd' | 'percent' | 'workers' | 'jobs' | 'score' | 'count' | 'usd-billions';

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
      return `${value > 0 ? '+' : ''}${plain.format(value)}%`;
    case 'workers':
      return `${plain.format(value)} workers`;
    case 'jobs':
      return `${value > 0 ? '+' : ''}${plain.format(value)} jobs`;
    default:
      return plain.format(value);
  }
}

/** "$3,200 more" / "$1,500 less" for pay gaps. */
export function formatGap(value: number, unit: 'usd' | 'points'): string {
  const size = unit === 'usd' ? usd.format(Math.abs(value)) : `${plain.format(Math.abs(value))} points`;
  if (value === 0) return unit === 'usd' ? 'same pay' : 'no change';
  return `${value > 0 ? '+' : '−'}${size}`;
}

/** 1st, 2nd, 3rd, 11th, 12th, 13th, 21st… (rounded to a whole number). */
export function ordinal(value: number): string {
  const n = Math.round(value);
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** The numbers of a reskilling move: its AIJRI and gap, exposure gap and pay gap, where known. */
export function transitionFacts(t: Transition): string[] {
  return [
    t.score !== undefined
      ? `AIJRI ${t.score}${t.scoreGap !== undefined ? ` (${t.scoreGap >= 0 ? '+' : ''}${t.scoreGap})` : ''}`
      : '',
    t.exposureGap !== undefined ? `exposure ${formatGap(t.exposureGap, 'points')}` : '',
    t.payGap !== undefined ? `pay ${formatGap(t.payGap, 'usd')}` : '',
  ].filter(Boolean);
}

/** The headline's zone (or consensus band) in words, and its label only where the label adds to them:
 *  "Red (not Imminent)" does, a bare "Red" or "Consensus exposure: very high" does not. */
export function headlineWords(h: NonNullable<RoleCard['headline']>): { zone: string; label: string } {
  const zone = h.zone ? h.zone.toUpperCase() : h.band ? `${h.band.replace('-', ' ')} exposure` : '';
  const said = new Set([...zone.toLowerCase().split(' '), 'consensus', 'exposure', 'zone']);
  const adds = h.label
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .some((w) => w && !said.has(w));
  return { zone, label: adds ? h.label : '' };
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
      return match.title.toLowerCase() === role.title.toLowerCase()
        ? null
        : `${name} is an O*NET occupation within ${role.title}.`;
    case 'synonym':
      return `${name} is a British or international title for ${role.title}.`;
    case 'catalog':
      return match.title.toLowerCase() === role.title.toLowerCase()
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
