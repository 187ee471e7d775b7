// "GPTs are GPTs" (Eloundou et al.): occupation-level exposure by GPT-4 and by human annotators, and the
// task statements behind it with each rater's E0/E1/E2 label. Both are keyed by 8-digit O*NET-SOC codes
// and folded here to 6-digit SOC.
import { z } from 'zod';
import type { TaskLine } from '../../answers/types.js';
import { DATASET_SOURCES } from './sources.js';
import { DatasetError, col, readTable } from './table.js';

export const ELOUNDOU_DIR = 'eloundou-gpts-are-gpts';
export const OCC_LEVEL_FILE = `${ELOUNDOU_DIR}/occ_level.csv`;
export const TASKS_FILE = `${ELOUNDOU_DIR}/full_labelset.tsv`;

export interface EloundouExposure {
  soc: string;
  /** The O*NET-SOC occupations folded into this SOC, in code order. */
  onet: { code: string; title: string }[];
  /** Mean β over those occupations. */
  gpt4: number;
  human: number;
}

/** occ_level.csv folded to 6-digit SOC: the mean β of its O*NET-SOC occupations. */
export function readEloundouExposure(dir: string): Map<string, EloundouExposure> {
  const rows = readTable(dir, OCC_LEVEL_FILE, {
    'O*NET-SOC Code': col.onetSoc,
    Title: col.text,
    dv_rating_beta: col.share,
    human_rating_beta: col.share,
  });
  const seen = new Map<string, number>();
  const bySoc = new Map<string, { onet: EloundouExposure['onet']; gpt4: number[]; human: number[] }>();
  for (const { row, line } of rows) {
    const code = row['O*NET-SOC Code'];
    const first = seen.get(code);
    if (first !== undefined)
      throw new DatasetError(OCC_LEVEL_FILE, line, `O*NET-SOC code ${code} appears twice (first on line ${first})`);
    seen.set(code, line);
    const soc = code.slice(0, 7);
    let entry = bySoc.get(soc);
    if (!entry) bySoc.set(soc, (entry = { onet: [], gpt4: [], human: [] }));
    entry.onet.push({ code, title: row.Title });
    entry.gpt4.push(row.dv_rating_beta);
    entry.human.push(row.human_rating_beta);
  }
  const out = new Map<string, EloundouExposure>();
  for (const [soc, e] of bySoc) {
    e.onet.sort((a, b) => a.code.localeCompare(b.code));
    out.set(soc, { soc, onet: e.onet, gpt4: mean(e.gpt4), human: mean(e.human) });
  }
  return out;
}

/** The paper's β weights, reused for one task: E1 (an LLM alone) counts fully, E2 (LLM plus tools) half. */
const EXPOSURE_WEIGHT = { E0: 0, E1: 1, E2: 0.5 } as const;

/**
 * Task statements per 6-digit SOC. A task's exposure is the mean of both raters' β weights, so a task
 * both call E1 is 1, one both call E2 is 0.5, and a disagreement lands in between. Sorted most exposed
 * first; among equals, Core tasks before Supplemental ones, then file order. A task shared by several
 * O*NET occupations of one SOC is listed once.
 */
export function readEloundouTasks(dir: string): Map<string, TaskLine[]> {
  const rows = readTable(
    dir,
    TASKS_FILE,
    {
      'O*NET-SOC Code': col.onetSoc,
      Task: col.text,
      'Task Type': z.enum(['Core', 'Supplemental', ''], { error: 'must be Core, Supplemental or empty' }),
      human_exposure_agg: col.exposureLabel,
      gpt4_exposure: col.exposureLabel,
    },
    { delimiter: '\t' },
  );
  const bySoc = new Map<string, { task: TaskLine; core: boolean; order: number }[]>();
  const seen = new Set<string>();
  const source = DATASET_SOURCES.eloundouTasks.id;
  rows.forEach(({ row }, order) => {
    const soc = row['O*NET-SOC Code'].slice(0, 7);
    const key = `${soc}\u0000${row.Task}`;
    if (seen.has(key)) return;
    seen.add(key);
    const human = row.human_exposure_agg;
    const gpt4 = row.gpt4_exposure;
    const task: TaskLine = {
      task: row.Task,
      humanExposure: human,
      gpt4Exposure: gpt4,
      exposure: (EXPOSURE_WEIGHT[human] + EXPOSURE_WEIGHT[gpt4]) / 2,
      source,
    };
    if (human !== gpt4) task.disagreement = true;
    const core = row['Task Type'] !== 'Supplemental';
    if (!core) task.supplemental = true;
    if (!row['O*NET-SOC Code'].endsWith('.00')) task.specialty = true;
    let list = bySoc.get(soc);
    if (!list) bySoc.set(soc, (list = []));
    list.push({ task, core, order });
  });
  const out = new Map<string, TaskLine[]>();
  for (const [soc, list] of bySoc) {
    list.sort((a, b) => b.task.exposure - a.task.exposure || Number(b.core) - Number(a.core) || a.order - b.order);
    out.set(
      soc,
      list.map((x) => x.task),
    );
  }
  return out;
}

function mean(values: number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}
