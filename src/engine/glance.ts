// What the first screen picks from a card: two things AI can and two it cannot do, and one pay, one employment
// and one outlook figure. Everything else stays in the details. Pure.
import { formatAsOf } from '../answers/format.js';
import type { Claim, FigureLine, Glance, KeyFigure, KeyFigures, TaskLine } from '../answers/types.js';

const GLANCE_ITEMS = 2;
/** A first-screen statement fits one line of Slack's desktop client (about 110 characters with its lead-in). */
const GLANCE_MAX_CHARS = 90;
/** A task counts as one AI can speed up when both raters call it exposed (mean weight ≥ 0.75: E1 and E1 or E2);
 *  as one it barely touches when at most one rater calls it exposed with tools (≤ 0.25: E0 and E0 or E2). */
const CAN_FROM = 0.75;
const CANNOT_UP_TO = 0.25;

/** A Core task of the occupation itself: not one O*NET marks Supplemental, nor one of a specialty folded into the
 *  SOC ("Provide post-mortem care" is Critical Care Nurses', not every registered nurse's). */
export function isTypicalTask(t: TaskLine): boolean {
  return !t.supplemental && !t.specialty;
}

/**
 * The authors' statements where the role has them (in their order); otherwise the most and least exposed task
 * statements, each with its source: the tasks raters judged AI can speed up most, and least.
 */
export function glanceOf(aiCan: readonly Claim[], aiCannot: readonly Claim[], tasks: readonly TaskLine[]): Glance {
  if (aiCan.length || aiCannot.length) {
    const main = (c: Claim): Claim => ({ ...c, text: mainClause(c.text) });
    return { aiCan: fitting(aiCan.map(main)), aiCannot: fitting(aiCannot.map(main)), from: 'curated' };
  }
  const claim = (t: TaskLine): Claim => ({ text: t.task.replace(/\s+/g, ' ').trim(), source: t.source });
  // Among equals, the occupation's own Core tasks first; stable sorts keep the source's order after that.
  const atypical = (t: TaskLine) => Number(!isTypicalTask(t));
  const can = tasks
    .filter((t) => t.exposure >= CAN_FROM)
    .sort((a, b) => b.exposure - a.exposure || atypical(a) - atypical(b));
  const cannot = tasks
    .filter((t) => t.exposure <= CANNOT_UP_TO)
    .sort((a, b) => a.exposure - b.exposure || atypical(a) - atypical(b));
  if (!can.length && !cannot.length) return { aiCan: [], aiCannot: [], from: 'none' };
  // Among the most (least) exposed, the ones that fit a line: the next statements are as exposed.
  const top = (list: TaskLine[]) =>
    fitting(list.filter((t) => t.exposure === list[0]?.exposure).map(claim), list.map(claim));
  return { aiCan: top(can), aiCannot: top(cannot), from: 'tasks' };
}

/** A statement up to its first semicolon or dash: "Code routine encounters end to end; one platform automates
 *  90 %" reads "Code routine encounters end to end". The whole statement stays in the details. */
function mainClause(text: string): string {
  const cut = text.split(/;\s| — | – /)[0]?.trim() ?? text;
  return cut.length >= 20 ? cut.replace(/[.,:]$/, '') : text;
}

/** The first two that fit one line, in the given order; then the first ones of `fallback` (or `claims`) to make
 *  up two. */
function fitting(claims: Claim[], fallback: Claim[] = claims): Claim[] {
  const short = claims.filter((c) => c.text.length <= GLANCE_MAX_CHARS).slice(0, GLANCE_ITEMS);
  for (const c of [...fallback.filter((c) => c.text.length <= GLANCE_MAX_CHARS), ...fallback])
    if (short.length < GLANCE_ITEMS && !short.includes(c) && !short.some((x) => x.text === c.text)) short.push(c);
  return short;
}

/** The first year a figure is about (its period, else its source's date), for "most recent first". */
function yearOf(f: FigureLine): number {
  return Number(/\d{4}/.exec(f.period ?? f.asOf)?.[0] ?? 0);
}

/**
 * One figure per fact: official statistics first (the publisher is the US Bureau of Labor Statistics), then the
 * most recent, then the order the card lists them in (curated and occupation-specific first). Pay prefers a
 * yearly figure to an hourly one and leaves out changes in pay; the outlook prefers a growth rate.
 */
export function keyFiguresOf(
  figures: { pay: FigureLine[]; employment: FigureLine[]; outlook: FigureLine[] },
  publisherOf: (sourceId: string) => string | undefined,
): KeyFigures {
  const official = (f: FigureLine) => /bureau of labor statistics/i.test(publisherOf(f.source) ?? '');
  const best = (lines: FigureLine[], unitRank: (unit: string) => number): KeyFigure | null => {
    const ranked = lines
      .map((f, i) => ({ f, i }))
      .filter(({ f }) => unitRank(f.unit) >= 0)
      .sort(
        (a, b) =>
          Number(official(b.f)) - Number(official(a.f)) ||
          unitRank(a.f.unit) - unitRank(b.f.unit) ||
          yearOf(b.f) - yearOf(a.f) ||
          a.i - b.i,
      );
    const f = ranked[0]?.f;
    if (!f) return null;
    return {
      ...f,
      by: official(f) ? 'BLS' : (publisherOf(f.source) ?? f.sourceName),
      when: f.period ?? formatAsOf(f.asOf, f.asOfApproximate),
    };
  };
  const rank = (units: string[]) => (unit: string) => units.indexOf(unit);
  const pay = best(figures.pay, rank(['usd-per-year', 'usd-per-hour']));
  const employment = best(figures.employment, rank(['workers']));
  return {
    pay,
    employment,
    outlook: best(figures.outlook, rank(['percent-change', 'percent', 'jobs', 'workers'])),
    payDiffers: whyFiguresDiffer(
      figures.pay.filter((f) => f.unit.startsWith('usd')),
      pay,
    ),
    employmentDiffers: whyFiguresDiffer(figures.employment, employment),
  };
}

/** One sentence on why several figures of one kind differ: years, sources and the groups of workers they cover. */
function whyFiguresDiffer(lines: FigureLine[], shown: KeyFigure | null): string | null {
  if (lines.length < 2) return null;
  const years = [...new Set(lines.map(yearOf).filter(Boolean))].sort();
  const sources = new Set(lines.map((f) => f.sourceName));
  const groups = new Set(
    lines.map((f) => f.label.replace(/^(median (annual |hourly )?(pay|wage|salary)|jobs|employment)\b/i, '').trim()),
  );
  const reasons = [
    sources.size > 1 ? 'different sources' : '',
    years.length > 1 ? `different years (${years[0]} to ${years.at(-1)})` : '',
    groups.size > 1 ? 'different groups of workers (see each label)' : '',
    lines.some((f) => f.unit === 'usd-per-hour') ? 'hourly as well as yearly pay' : '',
  ].filter(Boolean);
  const why = reasons.length
    ? reasons.length === 1
      ? reasons[0]
      : `${reasons.slice(0, -1).join(', ')} and ${reasons.at(-1)}`
    : 'different ways of counting';
  return `These figures differ because they come from ${why}${shown ? `; the first screen shows ${shown.display} (${shown.by}, ${shown.when}), ${shown.by === 'BLS' ? 'the most recent official figure' : 'the most recent figure'}` : ''}.`;
}
