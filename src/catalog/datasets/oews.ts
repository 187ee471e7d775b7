// BLS Occupational Employment and Wage Statistics, May 2021, national. Numbers carry thousands
// separators; BLS marks a wage it does not publish with "*" and one at or above its top code with "#".
// Those marks are kept as such, never read as numbers.
import { z } from 'zod';
import { DatasetError, col, readTable } from './table.js';

export const OEWS_FILE = 'bls-oews-2021/national_May2021_dl.csv';

/** BLS's top code for May 2021 wages: "#" means at least this much. */
export const OEWS_TOP_CODE = { annual: 208_000, hourly: 100 } as const;

type Estimate = { kind: 'value'; value: number } | { kind: 'not-published' } | { kind: 'top-coded' };

export interface OewsEntry {
  soc: string;
  title: string;
  group: 'detailed' | 'broad';
  employment: Estimate;
  annualMedian: Estimate;
  hourlyMedian: Estimate;
  /** BLS sets HOURLY when it publishes only hourly wages (work that is not year-round, full-time). */
  hourlyOnly: boolean;
}

const estimate = z
  .string()
  .trim()
  .regex(/^(?:\d{1,3}(?:,\d{3})*(?:\.\d+)?|\d+(?:\.\d+)?|\*{1,2}|#)$/, 'must be a number (commas allowed), "*" or "#"')
  .transform((v): Estimate =>
    v === '#'
      ? { kind: 'top-coded' }
      : v.startsWith('*')
        ? { kind: 'not-published' }
        : { kind: 'value', value: Number(v.replace(/,/g, '')) },
  );
const flag = z
  .string()
  .trim()
  .regex(/^(?:TRUE|FALSE|)$/i, 'must be TRUE, FALSE or empty')
  .transform((v) => v.toUpperCase() === 'TRUE');

/** Detailed occupations, plus broad groups so an O*NET SOC that OEWS 2021 only publishes as a group still gets a
 *  labelled group figure. */
export function readOews(dir: string): Map<string, OewsEntry> {
  const rows = readTable(dir, OEWS_FILE, {
    OCC_CODE: z
      .string()
      .trim()
      .regex(/^\d{2}-\d{4}$/, 'must be a SOC code such as 13-2011'),
    OCC_TITLE: col.text,
    O_GROUP: z.enum(['total', 'major', 'minor', 'broad', 'detailed'], {
      error: 'must be total, major, minor, broad or detailed',
    }),
    TOT_EMP: estimate,
    A_MEDIAN: estimate,
    H_MEDIAN: estimate,
    HOURLY: flag,
  });
  const out = new Map<string, OewsEntry>();
  const lines = new Map<string, number>();
  for (const { row, line } of rows) {
    if (row.O_GROUP !== 'detailed' && row.O_GROUP !== 'broad') continue;
    const soc = row.OCC_CODE;
    const existing = out.get(soc);
    // OEWS 2021 lists some codes twice, as a broad group and as a detailed (hybrid) occupation: keep the detailed row.
    if (existing && existing.group === row.O_GROUP)
      throw new DatasetError(OEWS_FILE, line, `occupation code ${soc} appears twice (first on line ${lines.get(soc)})`);
    if (existing?.group === 'detailed') continue;
    lines.set(soc, line);
    out.set(soc, {
      soc,
      title: row.OCC_TITLE,
      group: row.O_GROUP,
      employment: row.TOT_EMP,
      annualMedian: row.A_MEDIAN,
      hourlyMedian: row.H_MEDIAN,
      hourlyOnly: row.HOURLY,
    });
  }
  return out;
}

/** The OEWS row for a SOC: its own row (detailed, or broad for a SOC that is itself a 2018 broad code), else its
 *  broad group's (xx-xxx0). */
export function oewsFor(oews: Map<string, OewsEntry>, soc: string): { entry: OewsEntry; group: boolean } | null {
  const own = oews.get(soc);
  if (own) return { entry: own, group: false };
  const group = oews.get(`${soc.slice(0, 6)}0`);
  return group ? { entry: group, group: true } : null;
}
