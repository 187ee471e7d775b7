// A dataset file that is missing, lacks a column, has a malformed row or is cut off stops the load with
// a message naming the file (relative to the data folder), the line and what is wrong. Each test copies
// the hand-made folder in test/fixtures/datasets/small and breaks one thing.
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DatasetError, loadDatasets } from '../../src/catalog/datasets/load.js';

const FIXTURE = resolve(import.meta.dirname, '../fixtures/datasets/small');
const OCC = 'eloundou-gpts-are-gpts/occ_level.csv';
const TASKS = 'eloundou-gpts-are-gpts/full_labelset.tsv';
const OOH = 'bls-ooh/occupations.csv';
const OEWS = 'bls-oews-2021/national_May2021_dl.csv';
const SKILLS = 'onet-30.1/Skills.txt';
const KNOWLEDGE = 'onet-30.1/Knowledge.txt';
const ETE = 'onet-30.1/Education, Training, and Experience.txt';
const ETE_CATEGORIES = 'onet-30.1/Education, Training, and Experience Categories.txt';
const JOB_ZONES = 'onet-30.1/Job Zones.txt';
const TECHNOLOGY = 'onet-30.1/Technology Skills.txt';
const PROJECTIONS = 'eloundou-gpts-are-gpts/occupations_projections_processed.csv';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function copyFixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'airisk-data-'));
  dirs.push(dir);
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

function edit(dir: string, file: string, change: (text: string) => string): void {
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = change(before);
  expect(after, `the edit to ${file} must change it`).not.toBe(before);
  writeFileSync(path, after);
}

function errorOf(dir: string): DatasetError {
  try {
    loadDatasets(dir);
  } catch (err) {
    expect(err).toBeInstanceOf(DatasetError);
    return err as DatasetError;
  }
  throw new Error('expected loadDatasets to throw a DatasetError');
}

describe('the hand-made fixture', () => {
  it('loads cleanly, so each test below fails for the one thing it breaks', () => {
    expect(loadDatasets(copyFixture()).occupations.size).toBe(7);
  });
});

describe('dataset errors name the file, the line and the problem', () => {
  it('a missing file', () => {
    const dir = copyFixture();
    unlinkSync(join(dir, 'microsoft-working-with-ai/soc_ai_applicability_scores.csv'));
    const err = errorOf(dir);
    expect(err.message).toContain('microsoft-working-with-ai/soc_ai_applicability_scores.csv');
    expect(err.message).toContain('file not found');
    expect(err.file).toBe('microsoft-working-with-ai/soc_ai_applicability_scores.csv');
  });

  it('a missing data folder', () => {
    const err = errorOf(join(tmpdir(), 'airisk-no-such-folder'));
    expect(err.message).toMatch(
      /Dataset folder .*airisk-no-such-folder: not found or not a folder \(check AIRISK_DATA_DIR\)/,
    );
  });

  it('a missing column', () => {
    const dir = copyFixture();
    edit(dir, OCC, (t) => t.replace('dv_rating_beta', 'dv_rating_b'));
    const err = errorOf(dir);
    expect(err.message).toBe(
      `Dataset file ${OCC}, line 1: missing column "dv_rating_beta" (the header has: O*NET-SOC Code, Title, ` +
        `dv_rating_alpha, dv_rating_b, dv_rating_gamma, human_rating_alpha, human_rating_beta, human_rating_gamma)`,
    );
  });

  it('a malformed value', () => {
    const dir = copyFixture();
    edit(dir, OCC, (t) => t.replace('Gadget Testers,0.0,0.2', 'Gadget Testers,0.0,lots'));
    expect(errorOf(dir).message).toBe(
      `Dataset file ${OCC}, line 4: column "dv_rating_beta" must be a number from 0 to 1, got "lots"`,
    );
  });

  it('a value out of range', () => {
    const dir = copyFixture();
    edit(dir, OCC, (t) => t.replace('Gadget Testers,0.0,0.2', 'Gadget Testers,0.0,1.2'));
    expect(errorOf(dir).message).toContain(
      `${OCC}, line 4: column "dv_rating_beta" must be a number from 0 to 1, got "1.2"`,
    );
  });

  it('a row with too many fields', () => {
    const dir = copyFixture();
    edit(dir, TASKS, (t) => t.replace('Shake gadgets.\t', 'Shake gadgets.\textra\t'));
    expect(errorOf(dir).message).toBe(`Dataset file ${TASKS}, line 6: the row has 17 fields but the header has 16`);
  });

  it('an unknown exposure label', () => {
    const dir = copyFixture();
    edit(dir, TASKS, (t) => t.replace('Widget Inspectors\tE0\tE2', 'Widget Inspectors\tE0\tE7'));
    expect(errorOf(dir).message).toBe(
      `Dataset file ${TASKS}, line 3: column "gpt4_exposure" must be E0, E1 or E2, got "E7"`,
    );
  });

  it('a file cut off in its last row', () => {
    const dir = copyFixture();
    edit(dir, TASKS, (t) => t.slice(0, t.lastIndexOf('Gadget Testers')));
    expect(errorOf(dir).message).toBe(
      `Dataset file ${TASKS}, line 6: the last row has 6 of 16 fields: the file looks truncated`,
    );
  });

  it('a file cut off inside a quoted field', () => {
    const dir = copyFixture();
    edit(dir, OOH, (t) => t.slice(0, t.indexOf('"Sprocket assessors') + 10));
    expect(errorOf(dir).message).toBe(
      `Dataset file ${OOH}, line 3: a quoted field never closes: the file looks truncated`,
    );
  });

  it('an empty file', () => {
    const dir = copyFixture();
    edit(dir, PROJECTIONS, () => '');
    expect(errorOf(dir).message).toBe(`Dataset file ${PROJECTIONS}: the file is empty`);
  });

  it('a header without rows', () => {
    const dir = copyFixture();
    edit(dir, PROJECTIONS, (t) => `${t.split('\n')[0]}\n`);
    expect(errorOf(dir).message).toBe(`Dataset file ${PROJECTIONS}: the file has a header but no rows`);
  });

  it('a footer line that is not at the end', () => {
    const dir = copyFixture();
    edit(dir, PROJECTIONS, (t) => `${t}Gadget makers,2.0\n`);
    expect(errorOf(dir).message).toBe(
      `Dataset file ${PROJECTIONS}, line 6: a footer row ("Source: …") appears before the end of the file`,
    );
  });

  it('a wage that is neither a number nor a BLS mark', () => {
    const dir = copyFixture();
    edit(dir, OEWS, (t) => t.replace('"57,200"', '"57,2OO"'));
    expect(errorOf(dir).message).toBe(
      `Dataset file ${OEWS}, line 3: column "A_MEDIAN" must be a number (commas allowed), "*" or "#", got "57,2OO"`,
    );
  });

  it('the same O*NET-SOC code twice', () => {
    const dir = copyFixture();
    edit(dir, OCC, (t) => t.replace('98-1012.00,Gadget Testers', '98-1011.00,Gadget Testers'));
    expect(errorOf(dir).message).toBe(
      `Dataset file ${OCC}, line 4: O*NET-SOC code 98-1011.00 appears twice (first on line 2)`,
    );
  });
});

describe('O*NET 30.1 errors name the file, the line and the problem', () => {
  it('a missing file', () => {
    const dir = copyFixture();
    unlinkSync(join(dir, ETE_CATEGORIES));
    expect(errorOf(dir).message).toMatch(
      /^Dataset file onet-30\.1\/Education, Training, and Experience Categories\.txt: file not found in /,
    );
  });

  it('a missing column, read by header name', () => {
    const dir = copyFixture();
    edit(dir, KNOWLEDGE, (t) => t.replace('\tScale ID\t', '\tScale\t'));
    expect(errorOf(dir).message).toBe(
      `Dataset file ${KNOWLEDGE}, line 1: missing column "Scale ID" (the header has: O*NET-SOC Code, Element ID, ` +
        `Element Name, Scale, Data Value, N, Standard Error, Lower CI Bound, Upper CI Bound, Recommend Suppress, Not ` +
        `Relevant, Date, Domain Source)`,
    );
  });

  it('a level out of range', () => {
    const dir = copyFixture();
    edit(dir, SKILLS, (t) => t.replace('Reading Comprehension\tLV\tLevel\t4.5', 'Reading Comprehension\tLV\tLevel\t8'));
    expect(errorOf(dir).message).toBe(
      `Dataset file ${SKILLS}, line 3: column "Data Value" must be a number from 0 to 7, got "8"`,
    );
  });

  it('an importance that is not a number', () => {
    const dir = copyFixture();
    edit(dir, KNOWLEDGE, (t) => t.replace('Clerical\tIM\t4.2', 'Clerical\tIM\thigh'));
    expect(errorOf(dir).message).toBe(
      `Dataset file ${KNOWLEDGE}, line 2: column "Data Value" must be a number from 1 to 5, got "high"`,
    );
  });

  it('an unknown Recommend Suppress mark', () => {
    const dir = copyFixture();
    edit(dir, SKILLS, (t) => t.replace('\t0.2\t\t\tN\t\t08/2023', '\t0.2\t\t\tmaybe\t\t08/2023'));
    expect(errorOf(dir).message).toBe(
      `Dataset file ${SKILLS}, line 2: column "Recommend Suppress" must be Y, N or empty, got "maybe"`,
    );
  });

  it('a malformed O*NET-SOC code', () => {
    const dir = copyFixture();
    edit(dir, JOB_ZONES, (t) => t.replace('98-1012.00\t', '98-1012\t'));
    expect(errorOf(dir).message).toBe(
      `Dataset file ${JOB_ZONES}, line 4: column "O*NET-SOC Code" must be an 8-digit O*NET-SOC code such as ` +
        `29-2072.00, got "98-1012"`,
    );
  });

  it('a Job Zone outside 1–5', () => {
    const dir = copyFixture();
    edit(dir, JOB_ZONES, (t) => t.replace('Gadget Testers\t2', 'Gadget Testers\t6'));
    expect(errorOf(dir).message).toBe(
      `Dataset file ${JOB_ZONES}, line 4: column "Job Zone" must be a whole number from 1 to 5, got "6"`,
    );
  });

  it('a rating given twice', () => {
    const dir = copyFixture();
    edit(dir, KNOWLEDGE, (t) => {
      const lines = t.split('\n');
      lines.splice(3, 0, lines[1] as string);
      return lines.join('\n');
    });
    expect(errorOf(dir).message).toBe(
      `Dataset file ${KNOWLEDGE}, line 4: 98-1011.00 has a second IM value for Clerical (first on line 2)`,
    );
  });

  it('an element renamed half-way', () => {
    const dir = copyFixture();
    edit(dir, SKILLS, (t) =>
      t.replace(
        '98-1011.01\tNight Widget Inspectors\t2.A.1.a\tReading Comprehension',
        '98-1011.01\tNight Widget Inspectors\t2.A.1.a\tReading',
      ),
    );
    expect(errorOf(dir).message).toBe(
      `Dataset file ${SKILLS}, line 8: element 2.A.1.a is named "Reading" here but "Reading Comprehension" on line 2`,
    );
  });

  it('an education category the categories file does not have', () => {
    const dir = copyFixture();
    edit(dir, ETE, (t) =>
      t.replace(
        'Required Level Of Education (Categories 1-3)\t3\t10',
        'Required Level Of Education (Categories 1-3)\t4\t10',
      ),
    );
    expect(errorOf(dir).message).toBe(
      `Dataset file ${ETE}, line 4: column "Category" must be a whole number from 1 to 3, got "4"`,
    );
  });

  it('an unknown ETE scale', () => {
    const dir = copyFixture();
    edit(dir, ETE, (t) => t.replace('\tRW\t', '\tRX\t'));
    expect(errorOf(dir).message).toBe(
      `Dataset file ${ETE}, line 5: column "Scale ID" must be RL, RW, PT, OJ or IM, got "RX"`,
    );
  });

  it('an In Demand flag that is neither Y nor N', () => {
    const dir = copyFixture();
    edit(dir, TECHNOLOGY, (t) => t.replace('Accounting software\tN\tY', 'Accounting software\tN\tyes'));
    expect(errorOf(dir).message).toBe(
      `Dataset file ${TECHNOLOGY}, line 2: column "In Demand" must be Y or N, got "yes"`,
    );
  });

  it('a row with too many fields', () => {
    const dir = copyFixture();
    edit(dir, TECHNOLOGY, (t) => t.replace('Gadget simulator\t', 'Gadget simulator\textra\t'));
    expect(errorOf(dir).message).toBe(`Dataset file ${TECHNOLOGY}, line 5: the row has 8 fields but the header has 7`);
  });

  it('a file cut off in its last row', () => {
    const dir = copyFixture();
    edit(dir, SKILLS, (t) => t.slice(0, t.lastIndexOf('\tLevel\t')));
    expect(errorOf(dir).message).toBe(
      `Dataset file ${SKILLS}, line 31: the last row has 5 of 15 fields: the file looks truncated`,
    );
  });

  it('an empty file and a header without rows', () => {
    const dir = copyFixture();
    edit(dir, JOB_ZONES, () => '');
    expect(errorOf(dir).message).toBe(`Dataset file ${JOB_ZONES}: the file is empty`);
    edit(dir, JOB_ZONES, () => 'O*NET-SOC Code\tTitle\tJob Zone\tDate\tDomain Source\n');
    expect(errorOf(dir).message).toBe(`Dataset file ${JOB_ZONES}: the file has a header but no rows`);
  });

  it('CRLF line endings load as LF ones do', () => {
    const dir = copyFixture();
    edit(dir, SKILLS, (t) => t.replace(/\n/g, '\r\n'));
    expect(loadDatasets(dir).occupations.get('98-1011')?.profile?.skills?.level).toEqual([4.5, 3, 1]);
  });
});

describe('line numbers', () => {
  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ])('count the lines of quoted fields that span several and of blank lines (%s endings)', async (_name, eol) => {
    const { parseRecords } = await import('../../src/catalog/datasets/table.js');
    const text = ['a,b', '1,"two', 'lines"', '', '3,x', '"4', 'more', 'lines",y', '5,z', '', '', ''].join(eol);
    const records = [...parseRecords(text, ',', 'f.csv')].map((r) => [
      r.fields[0]?.replace(/\r/g, ''),
      r.line,
      r.isLast,
    ]);
    expect(records).toEqual([
      ['a', 1, false],
      ['1', 2, false],
      ['3', 5, false],
      ['4\nmore\nlines', 6, false],
      ['5', 9, true],
    ]);
  });
});

describe('a file that is not UTF-8 text', () => {
  it('binary data: the file and line, never its bytes', () => {
    const dir = copyFixture();
    const path = join(dir, OEWS);
    writeFileSync(
      path,
      Buffer.concat([readFileSync(path).subarray(0, 80), Buffer.from([0x0a, 0x00, 0x1b, 0x9b, 0xff])]),
    );
    const err = errorOf(dir);
    expect(err.message).toBe(
      `Dataset file ${OEWS}, line 2: holds binary data, not text (a control character no CSV or TSV has): download ` +
        `the file again`,
    );
  });

  it('UTF-16, as spreadsheets save "Unicode text"', () => {
    const dir = copyFixture();
    const path = join(dir, OOH);
    writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(path, 'utf8'), 'utf16le')]));
    expect(errorOf(dir).message).toBe(`Dataset file ${OOH}: is UTF-16 text: save it as UTF-8 (or download it again)`);
  });
});
