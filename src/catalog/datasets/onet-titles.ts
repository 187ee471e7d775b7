// O*NET 30.1 job titles: the occupation titles (Occupation Data), the lay and alternate titles with their
// short forms (Alternate Titles) and the titles incumbents reported (Sample of Reported Titles). Columns are
// read by header name: O*NET's text edition and the Excel-derived copy (which adds a Title column to the
// title files) both load. Every code is checked against Occupation Data, so a title never points nowhere.
import { z } from 'zod';
import { ONET_DIR } from './onet.js';
import { DatasetError, col, readTable } from './table.js';

export const OCCUPATION_DATA_FILE = `${ONET_DIR}/Occupation Data.txt`;
export const ALTERNATE_TITLES_FILE = `${ONET_DIR}/Alternate Titles.txt`;
export const REPORTED_TITLES_FILE = `${ONET_DIR}/Sample of Reported Titles.txt`;

export interface OnetTitles {
  /** O*NET-SOC occupations (8-digit code, e.g. 29-1141.01) and their titles, in file order. */
  occupations: Map<string, string>;
  /** What each O*NET-SOC occupation does, in O*NET's words (Occupation Data's Description), where given. */
  descriptions: Map<string, string>;
  /** Lay and alternate titles; `short` is O*NET's brief form ("RN", "Admin Assistant") where it gives one. */
  alternate: { code: string; title: string; short: string | null; sources: number }[];
  reported: { code: string; title: string }[];
}

/** "02,04,10": which of O*NET's title sources (associations, incumbents, the SOC index, job postings…) list the
 *  title. */
const sourceCodes = z
  .string()
  .trim()
  .regex(/^(?:0[1-9]|10)(?:, ?(?:0[1-9]|10))*$/, 'must be O*NET source codes 01–10 separated by commas, such as 02,04')
  .transform((v) => v.split(',').length);

export function readOnetTitles(dir: string): OnetTitles {
  const occupations = new Map<string, string>();
  const descriptions = new Map<string, string>();
  const lines = new Map<string, number>();
  for (const { row, line } of readTable(
    dir,
    OCCUPATION_DATA_FILE,
    { 'O*NET-SOC Code': col.onetSoc, Title: col.text, Description: col.optionalText },
    { delimiter: '\t' },
  )) {
    const code = row['O*NET-SOC Code'];
    if (occupations.has(code))
      throw new DatasetError(
        OCCUPATION_DATA_FILE,
        line,
        `O*NET-SOC code ${code} appears twice (first on line ${lines.get(code)})`,
      );
    occupations.set(code, row.Title);
    if (row.Description) descriptions.set(code, row.Description);
    lines.set(code, line);
  }
  const known = (file: string, code: string, line: number) => {
    if (!occupations.has(code))
      throw new DatasetError(file, line, `O*NET-SOC code ${code} is not in ${OCCUPATION_DATA_FILE}`);
  };

  const alternate: OnetTitles['alternate'] = [];
  for (const { row, line } of readTable(
    dir,
    ALTERNATE_TITLES_FILE,
    {
      'O*NET-SOC Code': col.onetSoc,
      'Alternate Title': col.text,
      'Short Title': col.optionalText,
      'Source(s)': sourceCodes,
    },
    { delimiter: '\t' },
  )) {
    known(ALTERNATE_TITLES_FILE, row['O*NET-SOC Code'], line);
    alternate.push({
      code: row['O*NET-SOC Code'],
      title: row['Alternate Title'],
      short: row['Short Title'] || null,
      sources: row['Source(s)'],
    });
  }

  const reported: OnetTitles['reported'] = [];
  for (const { row, line } of readTable(
    dir,
    REPORTED_TITLES_FILE,
    { 'O*NET-SOC Code': col.onetSoc, 'Reported Job Title': col.text },
    { delimiter: '\t' },
  )) {
    known(REPORTED_TITLES_FILE, row['O*NET-SOC Code'], line);
    reported.push({ code: row['O*NET-SOC Code'], title: row['Reported Job Title'] });
  }
  return { occupations, descriptions, alternate, reported };
}
