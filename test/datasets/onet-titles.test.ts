// O*NET 30.1 job titles: read by header name from O*NET's text edition (the hand-made fixture) and from the
// Excel-derived copy in the shared folder (which adds a Title column), folded to 6-digit SOC, each problem
// reported with its file and line.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DatasetError, loadDatasets } from '../../src/catalog/datasets/load.js';
import {
  ALTERNATE_TITLES_FILE,
  OCCUPATION_DATA_FILE,
  REPORTED_TITLES_FILE,
  readOnetTitles,
} from '../../src/catalog/datasets/onet-titles.js';

const FIXTURE = resolve(import.meta.dirname, '../fixtures/datasets/small');
const SHARED = process.env.AIRISK_DATA_DIR as string;
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function brokenCopy(file: string, change: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'airisk-onet-'));
  dirs.push(dir);
  cpSync(FIXTURE, dir, { recursive: true });
  const path = join(dir, file);
  const after = change(readFileSync(path, 'utf8'));
  writeFileSync(path, after);
  return dir;
}

function errorOf(dir: string): string {
  try {
    loadDatasets(dir);
  } catch (err) {
    expect(err).toBeInstanceOf(DatasetError);
    return (err as Error).message;
  }
  throw new Error('expected a DatasetError');
}

describe('O*NET titles', () => {
  it("load from O*NET's text edition (no Title column) as names of 6-digit SOC occupations", () => {
    const data = loadDatasets(FIXTURE);
    const titles = data.titles.filter((t) => t.soc === '98-1011');
    expect(titles).toEqual(
      expect.arrayContaining([
        {
          soc: '98-1011',
          code: '98-1011.00',
          title: 'Widget Inspectors',
          source: 'onet-occupation',
          sources: 1,
          description: 'Inspect widgets for wobble and log what they find.',
        },
        {
          soc: '98-1011',
          code: '98-1011.01',
          title: 'Night Widget Inspectors',
          source: 'onet-occupation',
          sources: 1,
          description: 'Inspect widgets at night.',
        },
        { soc: '98-1011', code: '98-1011.00', title: 'Wobble Checker', source: 'onet-alternate', sources: 2 },
        {
          soc: '98-1011',
          code: '98-1011.01',
          title: 'Night Shift Widget Checker',
          source: 'onet-alternate',
          sources: 1,
        },
        {
          soc: '98-1011',
          code: '98-1011.00',
          title: 'Certified Widget Inspector (CWI)',
          source: 'onet-alternate',
          sources: 1,
          short: 'CWI',
        },
        {
          soc: '98-1011',
          code: '98-1011.00',
          title: 'CWI',
          source: 'onet-short',
          of: 'Certified Widget Inspector (CWI)',
          sources: 1,
        },
        { soc: '98-1011', code: '98-1011.00', title: 'Quality Widget Inspector', source: 'onet-reported', sources: 1 },
      ]),
    );
  });

  it('load from the Excel-derived copy (with a Title column) too: every row of the three files', () => {
    const onet = readOnetTitles(SHARED);
    expect(onet.occupations.size).toBe(1016);
    expect(onet.alternate).toHaveLength(56_505);
    expect(onet.reported).toHaveLength(7_955);
    expect(onet.alternate.filter((a) => a.short).length).toBeGreaterThan(3000);
    expect(onet.alternate).toContainEqual({ code: '53-7051.00', title: 'Forklift Operator', short: null, sources: 5 });
    expect(onet.alternate).toContainEqual({
      code: '29-1141.00',
      title: 'Registered Nurse (RN)',
      short: 'RN',
      sources: 7,
    });
  });

  it.each([
    [
      ALTERNATE_TITLES_FILE,
      (t: string) => t.replace('Alternate Title', 'Alt Title'),
      /line 1: missing column "Alternate Title"/,
    ],
    [
      ALTERNATE_TITLES_FILE,
      (t: string) => t.replace('98-2011.00\tPuppeteer', '98-2099.00\tPuppeteer'),
      /Alternate Titles\.txt, line 8: O\*NET-SOC code 98-2099\.00 is not in onet-30\.1\/Occupation Data\.txt/,
    ],
    [
      ALTERNATE_TITLES_FILE,
      (t: string) => t.replace('\t02,04\n', '\ttwo\n'),
      /line 8: column "Source\(s\)" must be O\*NET source codes 01–10 separated by commas, such as 02,04, got "two"/,
    ],
    [
      REPORTED_TITLES_FILE,
      (t: string) => t.replace('98-2012.00\tLight Keeper', '98-2012\tLight Keeper'),
      /Sample of Reported Titles\.txt, line 3: column "O\*NET-SOC Code" must be an 8-digit O\*NET-SOC code/,
    ],
    [
      OCCUPATION_DATA_FILE,
      (t: string) => t.replace('98-1012.00\tGadget Testers', '98-1011.00\tGadget Testers'),
      /Occupation Data\.txt, line 4: O\*NET-SOC code 98-1011\.00 appears twice \(first on line 2\)/,
    ],
  ])('report a problem in %s with its line', (file, change, message) => {
    expect(errorOf(brokenCopy(file, change))).toMatch(message);
  });
});
