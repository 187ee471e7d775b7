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
const SKILLS = 'eloundou-gpts-are-gpts/occupations_onet_basic_skills.csv';
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
      `Dataset file ${OCC}, line 1: missing column "dv_rating_beta" (the header has: O*NET-SOC Code, Title, dv_rating_alpha, dv_rating_b, dv_rating_gamma, human_rating_alpha, human_rating_beta, human_rating_gamma)`,
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

  it('a skill level that is neither a number nor an O*NET mark', () => {
    const dir = copyFixture();
    edit(dir, SKILLS, (t) => t.replace('Not available', 'n/a'));
    expect(errorOf(dir).message).toBe(
      `Dataset file ${SKILLS}, line 3: column "Programming_Level" must be a number from 0 to 100, "Not relevant" or "Not available", got "n/a"`,
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
