// BLS Occupational Outlook Handbook (2024 pay, 2024–2034 outlook), as tabulated in karpathy/jobs. A
// Handbook page may cover one SOC (13-2011), a group of SOCs (broad 13-1030, minor 39-2000) or have no
// code at all; the loader applies group pages to their SOCs, labelled as group figures.
import { z } from 'zod';
import { col, optionalNumber, readTable } from './table.js';

export const OOH_FILE = 'bls-ooh/occupations.csv';

export interface OohEntry {
  title: string;
  /** SOC code as given: detailed (13-2011), broad (13-1030), minor (39-2000), or null when the table has none. */
  soc: string | null;
  category: string;
  medianPay: number | null;
  entryEducation: string | null;
  jobs2024: number | null;
  projected2034: number | null;
  outlookPct: number | null;
  outlookDesc: string | null;
  url: string;
  line: number;
}

const optionalSoc = z
  .string()
  .trim()
  .regex(/^$|^\d{2}-\d{4}$/, 'must be a 6-digit SOC code such as 13-2011, or empty');
const url = z
  .string()
  .trim()
  .regex(/^https:\/\/www\.bls\.gov\/ooh\/\S+$/, 'must be a BLS Handbook address (https://www.bls.gov/ooh/…)');

export function readOoh(dir: string): OohEntry[] {
  const rows = readTable(dir, OOH_FILE, {
    title: col.text,
    category: col.text,
    soc_code: optionalSoc,
    median_pay_annual: optionalNumber,
    entry_education: col.optionalText,
    num_jobs_2024: optionalNumber,
    projected_employment_2034: optionalNumber,
    outlook_pct: optionalNumber,
    outlook_desc: col.optionalText,
    url,
  });
  return rows.map(({ row, line }) => ({
    title: row.title,
    soc: row.soc_code || null,
    category: row.category,
    medianPay: row.median_pay_annual,
    // "See How to Become One" is a pointer to the page, not an education level.
    entryEducation: row.entry_education && !/^see /i.test(row.entry_education) ? row.entry_education : null,
    jobs2024: row.num_jobs_2024,
    projected2034: row.projected_employment_2034,
    outlookPct: row.outlook_pct,
    outlookDesc: row.outlook_desc || null,
    url: row.url,
    line,
  }));
}

/** Finds the Handbook page for a SOC: its own page first, else the page of its broad, minor or major group. */
export function indexOoh(entries: OohEntry[]): (soc: string) => { entry: OohEntry; group: boolean } | null {
  const byCode = new Map<string, OohEntry>();
  const byPrefix = new Map<string, OohEntry>();
  for (const e of entries) {
    if (!e.soc) continue;
    if (!byCode.has(e.soc)) byCode.set(e.soc, e);
    // Group codes end in zeros: broad xx-xxx0, minor xx-x000, major xx-0000. The prefix before the zeros names the
    // group.
    const prefix = e.soc.endsWith('0000')
      ? e.soc.slice(0, 3)
      : e.soc.endsWith('000')
        ? e.soc.slice(0, 4)
        : e.soc.endsWith('0')
          ? e.soc.slice(0, 6)
          : null;
    if (prefix && !byPrefix.has(prefix)) byPrefix.set(prefix, e);
  }
  return (soc) => {
    const own = byCode.get(soc);
    if (own) return { entry: own, group: false };
    for (const length of [6, 4, 3]) {
      const group = byPrefix.get(soc.slice(0, length));
      if (group) return { entry: group, group: true };
    }
    return null;
  };
}
