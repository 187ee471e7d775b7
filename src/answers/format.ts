// How numbers read in every renderer: one place, so the terminal, Slack and the preview agree.
import type { RoleCard, Transition } from './types.js';
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
  return approximate ? `about ${asOf}` : asOf;
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
      text: `${t.fit}: more alike than ${Math.floor(t.similarity * 1000) / 10} % of occupation pairs (O*NET 30.1 profiles)`,
    });
  if (t.skillsToBuild?.length)
    out.push({
      label: 'To learn',
      text: `${t.skillsToBuild.map((g) => `${g.name} (${level(g.have)} → ${level(g.level)})`).join(', ')} · O*NET levels 0–7`,
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
      text: `${formatFigure(t.pay.origin, 'usd')} → ${formatFigure(t.pay.target, 'usd')} a year, both ${t.pay.period} (${t.pay.sourceName}${t.pay.group ? ', a group figure' : ''})`,
    });
  return out;
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
