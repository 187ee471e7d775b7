// BLS projected employment change 2020–2030 by occupation title, as processed in the "GPTs are GPTs"
// repository. Titles mix groups ("Management occupations") and detailed occupations; the loader joins
// them to occupation titles and counts what did not join.
import { ELOUNDOU_DIR } from './eloundou.js';
import { col, readTable } from './table.js';

export const PROJECTIONS_FILE = `${ELOUNDOU_DIR}/occupations_projections_processed.csv`;

export interface Projection {
  title: string;
  pctChange: number;
}

/**
 * Projections keyed by title as written. BLS lists a group before its detailed occupations, so when a
 * title appears twice (a group and its one detailed occupation of the same name) the later row wins.
 */
export function readProjections(dir: string): Map<string, Projection> {
  const rows = readTable(
    dir,
    PROJECTIONS_FILE,
    { occupation: col.text, pct_emp_change_2020_2030: col.number },
    // The processed file ends with a credit line instead of data.
    { isFooter: (raw) => /^source:/i.test(raw.occupation ?? '') && (raw.pct_emp_change_2020_2030 ?? '').trim() === '' },
  );
  const out = new Map<string, Projection>();
  for (const { row } of rows)
    out.set(row.occupation, { title: row.occupation, pctChange: row.pct_emp_change_2020_2030 });
  return out;
}
