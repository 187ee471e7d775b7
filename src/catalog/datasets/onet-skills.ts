// O*NET basic skills (importance and level, 0–100) and Job Zone per occupation title, as tabulated in the
// "GPTs are GPTs" repository. The file has titles, not codes: the loader joins them to O*NET titles.
import { z } from 'zod';
import type { SkillLevel } from './types.js';
import { DatasetError, col, readTable } from './table.js';
import { ELOUNDOU_DIR } from './eloundou.js';

export const SKILLS_FILE = `${ELOUNDOU_DIR}/occupations_onet_basic_skills.csv`;

/** The eleven O*NET basic skills, as the file's columns spell them (spaces become underscores). */
export const BASIC_SKILLS = [
  'Active Learning',
  'Critical Thinking',
  'Learning Strategies',
  'Monitoring',
  'Active Listening',
  'Mathematics',
  'Programming',
  'Reading Comprehension',
  'Science',
  'Speaking',
  'Writing',
] as const;

export interface SkillProfile {
  title: string;
  jobZone: number;
  skills: SkillLevel[];
  line: number;
}

const score = col.number.refine((v) => v >= 0 && v <= 100, 'must be a number from 0 to 100');
/** O*NET writes "Not relevant" instead of a level when a skill's importance is too low to rate, and "Not available" when it has no rating. */
const NO_LEVEL = new Set(['Not relevant', 'Not available']);
const level = z
  .string()
  .trim()
  .refine(
    (v) => NO_LEVEL.has(v) || (/^\d+(\.\d+)?$/.test(v) && Number(v) <= 100),
    'must be a number from 0 to 100, "Not relevant" or "Not available"',
  )
  .transform((v) => (NO_LEVEL.has(v) ? null : Number(v)));
const jobZone = col.number.refine((v) => Number.isInteger(v) && v >= 1 && v <= 5, 'must be a Job Zone from 1 to 5');

const column = (skill: string, part: 'Importance' | 'Level') => `${skill.replace(/ /g, '_')}_${part}`;

/** Skill profiles keyed by the title as written in the file. */
export function readBasicSkills(dir: string): Map<string, SkillProfile> {
  const columns: Record<string, z.ZodType> = { Occupation: col.text, 'Job Zone': jobZone };
  for (const skill of BASIC_SKILLS) {
    columns[column(skill, 'Importance')] = score;
    columns[column(skill, 'Level')] = level;
  }
  const out = new Map<string, SkillProfile>();
  for (const { row, line } of readTable(dir, SKILLS_FILE, columns)) {
    const title = row.Occupation as string;
    const earlier = out.get(title);
    if (earlier)
      throw new DatasetError(SKILLS_FILE, line, `occupation "${title}" appears twice (first on line ${earlier.line})`);
    out.set(title, {
      title,
      jobZone: row['Job Zone'] as number,
      skills: BASIC_SKILLS.map((name) => ({
        name,
        importance: row[column(name, 'Importance')] as number,
        level: row[column(name, 'Level')] as number | null,
      })),
      line,
    });
  }
  return out;
}
