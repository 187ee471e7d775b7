// The occupations the public exposure measures, taken together, rank least exposed to AI among jobs many people
// hold: the list an FAQ such as "Which jobs are safest from AI?" ends with (its `list` in knowledge/faqs).
// Computed from the datasets, so each line can be traced: the consensus of the measures that rank it, and its
// freshest employment figure with source and date.
import { rankInWords, readableDate } from '../answers/format.js';
import type { Catalog, CatalogRole } from '../catalog/catalog.js';
import { isGroupFigure } from '../catalog/datasets/group-figures.js';
import { consensusOf } from './consensus.js';

/** Common jobs only: at least this many workers in the occupation's freshest employment figure. */
const MIN_WORKERS = 100_000;
/** At least this many measures must rank it, so that one measure's quirk does not put a job on the list. */
const MIN_SOURCES = 2;
const SHOWN = 10;

export interface LeastExposedList {
  /** The occupations listed, least exposed first. */
  roles: CatalogRole[];
  /** Markdown to append to the FAQ's answer: the list and how it was made. */
  markdown: string;
  /** Ids of the sources behind the list (exposure measures, employment). */
  sources: string[];
}

/** The least exposed common occupations; says so plainly when the datasets are not loaded. */
export function leastExposedList(catalog: Catalog): LeastExposedList {
  const candidates = [...catalog.bySoc.values()].flatMap((role) => {
    const data = role.data;
    // A residual "All Other" group is no job one can aim for.
    if (!data || /, all other$/i.test(data.title)) return [];
    const consensus = consensusOf(data.measures);
    // The occupation's own count, never a Handbook page's group (Pile Driver Operators are not 539,500 workers).
    const workers = data.employment.find((f) => f.unit === 'workers' && !isGroupFigure(f));
    if (!consensus || consensus.sourceCount < MIN_SOURCES || !workers || workers.value < MIN_WORKERS) return [];
    return [{ role, percentile: consensus.percentile, sourceCount: consensus.sourceCount, workers }];
  });
  if (candidates.length === 0)
    return {
      roles: [],
      markdown:
        '_The public datasets are not loaded on this server, so the list of the least exposed occupations cannot be ' +
        'computed here._',
      sources: [],
    };
  const shown = candidates.sort((a, b) => a.percentile - b.percentile).slice(0, SHOWN);
  const lines = shown.map(
    (c) =>
      `- **${c.role.title}**: ${rankInWords(c.percentile)} (${c.sourceCount} measures); ` +
      `${c.workers.display} (${sourceWithDate(c.workers.sourceName, c.workers.period ?? c.workers.asOf)})`,
  );
  const sources = new Set<string>();
  for (const c of shown) {
    for (const m of c.role.data?.measures ?? []) sources.add(m.source);
    sources.add(c.workers.source);
  }
  return {
    roles: shown.map((c) => c.role),
    markdown:
      `The ${shown.length} least exposed of the ${candidates.length} occupations with at least ` +
      `${MIN_WORKERS.toLocaleString('en-US')} workers that two or more measures rank:\n\n${lines.join('\n')}`,
    sources: [...sources].sort(),
  };
}

/** "BLS Occupational Outlook Handbook, 2024"; a name that carries its date already keeps it once. */
function sourceWithDate(name: string, period: string): string {
  const date = readableDate(period);
  return name.includes(date) ? name : `${name}, ${date}`;
}
