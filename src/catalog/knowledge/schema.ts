// The shape of everything under knowledge/. Authors edit YAML; these schemas are what `npm run kb:check`
// and the app's start-up hold it to. Messages are written for authors, not programmers.
import { z } from 'zod';

const id = z
  .string({ error: 'must be an id such as medical-coder' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens, such as medical-coder');
const text = z.string({ error: 'must be text' }).trim().min(1, 'must not be empty');
// YAML reads a bare 2026 as a number; authors should not need quotes for a year.
const isoDate = z
  .union([z.string(), z.number().int()], { error: 'must be a date written as YYYY, YYYY-MM or YYYY-MM-DD' })
  .transform(String)
  .pipe(z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be a date written as YYYY, YYYY-MM or YYYY-MM-DD'));
const soc = z
  .string({ error: 'must be a 6-digit SOC code such as 29-2072' })
  .regex(/^\d{2}-\d{4}$/, 'must be a 6-digit SOC code such as 29-2072');
const sourceRef = id.describe('id of an entry in knowledge/sources.yaml');

/** One place a fact came from. Every figure in knowledge/ points at one of these. */
const sourceSchema = z.strictObject({
  id,
  name: text,
  publisher: text.optional(),
  url: z.url({ error: 'must be a full web address starting with https://' }).optional(),
  /** The seed document this was taken from, when it came from ../shared/seeds. */
  seed: text.optional(),
  asOf: isoDate,
  /** true when no source states this date and it is an estimate: it is then shown as "about 2026". */
  asOfApproximate: z.boolean({ error: 'must be true or false' }).optional(),
  /** What the source measures, when it publishes a score or index. */
  measure: z
    .strictObject({
      name: text,
      scale: text,
      meaning: text,
      /** true when a higher value means more exposure / more risk; false when it means more resilience. */
      higherMeansMoreRisk: z.boolean(),
    })
    .optional(),
  note: text.optional(),
});

/** A sourced number, e.g. a median wage or a published score. */
const figureSchema = z.strictObject({
  label: text,
  value: z.number({ error: 'must be a number (no units, commas or % sign)' }),
  /** percent is a level (48 % of organisations); percent-change a change (+7 % growth), shown with its sign. */
  unit: z.enum(['usd-per-year', 'usd-per-hour', 'usd', 'percent', 'percent-change', 'workers', 'jobs', 'score', 'count', 'usd-billions']),
  source: sourceRef,
  /** Where the card shows it; when left out it follows from the unit (pay for usd-per-year, …). */
  topic: z.enum(['pay', 'employment', 'outlook', 'exposure', 'adoption', 'market', 'accuracy', 'other'], { error: 'must be one of pay, employment, outlook, exposure, adoption, market, accuracy, other' }).optional(),
  /** When the figure is about a period other than the source's as-of date (e.g. a projection window). */
  period: text.optional(),
  note: text.optional(),
  /** For a score: whether higher means more risk, when it differs from the source's measure (a sub-score such
   *  as AI Complementarity runs the other way from the index that contains it). */
  higherMeansMoreRisk: z.boolean({ error: 'must be true or false' }).optional(),
});

/** A sourced statement: a task AI can do, a risk, a timeline step… */
const claimSchema = z.strictObject({
  text,
  source: sourceRef,
});

const taskSchema = z.strictObject({
  task: text,
  timeShare: z.number({ error: 'must be a percentage number such as 35' }).gt(0, 'must be more than 0').max(100, 'must be at most 100'),
  score: z.number({ error: 'must be a whole number from 1 to 5' }).int('must be a whole number from 1 to 5').min(1, 'must be at least 1').max(5, 'must be at most 5'),
  mode: z.enum(['displacement', 'augmentation', 'not-involved'], { error: 'must be displacement, augmentation or ' +
    'not-involved' }),
  rationale: text,
});

const scored = (min: number, max: number) =>
  z
    .number({ error: `must be a whole number from ${min} to ${max}` })
    .int(`must be a whole number from ${min} to ${max}`)
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);

const experienceLevel = z.enum(['entry', 'mid', 'senior'], { error: 'must be entry, mid or senior' });
const taskResistance = z
  .number({ error: 'must be a number from 1 to 5, such as 1.85' })
  .min(1, 'must be at least 1')
  .max(5, 'must be at most 5');

/** Level-specific inputs a source gives (seed 003's seniority note): each other level's task resistance, as a
 *  range; the engine runs the same formula on it with the other inputs held fixed. */
const experienceSchema = z
  .strictObject({
    source: sourceRef,
    /** The level the task scores above describe; its task resistance is computed from them. */
    assessed: experienceLevel,
    levels: z
      .array(
        z.strictObject({
          level: experienceLevel,
          /** Who, in words: "Entry-level coders (0–2 years)". */
          label: text,
          /** The work that sets the level apart, where the source says. */
          work: text.optional(),
          taskResistance: z.strictObject({ from: taskResistance, to: taskResistance }).optional(),
        }),
      )
      .min(2, 'needs the assessed level and at least one other'),
  })
  .superRefine((x, ctx) => {
    const seen = new Set<string>();
    x.levels.forEach((l, i) => {
      if (seen.has(l.level))
        ctx.addIssue({ code: 'custom', path: ['levels', i, 'level'], message: `${l.level} is listed twice` });
      seen.add(l.level);
      if (l.level === x.assessed && l.taskResistance)
        ctx.addIssue({
          code: 'custom',
          path: ['levels', i, 'taskResistance'],
          message: 'the assessed level takes its task resistance from the task scores; leave it out here',
        });
      if (l.level !== x.assessed && !l.taskResistance)
        ctx.addIssue({
          code: 'custom',
          path: ['levels', i, 'taskResistance'],
          message: 'needs the task resistance the source gives for this level (from, to)',
        });
      if (l.taskResistance && l.taskResistance.from > l.taskResistance.to)
        ctx.addIssue({
          code: 'custom',
          path: ['levels', i, 'taskResistance', 'from'],
          message: `must not be more than "to" (${l.taskResistance.to})`,
        });
    });
    if (!seen.has(x.assessed))
      ctx.addIssue({ code: 'custom', path: ['assessed'], message: `names ${x.assessed}, which is not in levels` });
  });

/** The inputs of the AIJRI composite (seed 003). The score itself is computed, never written down. */
export const assessmentSchema = z
  .strictObject({
    source: sourceRef,
    seniority: text.optional(),
    experience: experienceSchema.optional(),
    tasks: z.array(taskSchema).min(1, 'needs at least one task'),
    evidence: z.array(z.strictObject({ dimension: text, score: scored(-2, 2), evidence: text })).min(1, 'needs at least one evidence dimension'),
    barriers: z.array(z.strictObject({ barrier: text, score: scored(0, 2), rationale: text })).min(1, 'needs at least one barrier'),
    growthCorrelation: z.strictObject({ score: scored(-2, 2), rationale: text }),
    protective: z.array(z.strictObject({ principle: text, score: scored(0, 3), rationale: text })).optional(),
    reinstatement: text.optional(),
    assessorOverride: text.optional(),
  })
  .superRefine((a, ctx) => {
    const total = a.tasks.reduce((sum, t) => sum + t.timeShare, 0);
    if (Math.abs(total - 100) > 0.01) {
      ctx.addIssue({
        code: 'custom',
        path: ['tasks'],
        message: `time shares must add up to 100 %, but they add up to ${Number(total.toFixed(2))} %`,
      });
    }
  });

const transitionSchema = z.strictObject({
  role: id.describe('id of a role in knowledge/roles'),
  why: text,
  source: sourceRef,
  /** What the move takes beyond transferable skills (a degree, a licence…). */
  requires: text.optional(),
});

export const roleSchema = z.strictObject({
  id,
  title: text,
  soc: soc.optional(),
  /** same: the role is that SOC occupation (its dataset entry merges into this role); within: a narrower
   *  role inside it (the SOC stays searchable on its own, and this role inherits its dataset measures). */
  socRelation: z.enum(['same', 'within'], { error: 'must be same or within' }).default('same'),
  /** Other names people use for this role; matched exactly and searched. */
  aliases: z.array(text).default([]),
  /** Short forms such as CPC; matched exactly, never fuzzed. */
  acronyms: z.array(z.string().trim().regex(/^[A-Za-z0-9&/+.-]{2,12}$/, 'must be a short form such as CPC')).default([]),
  summary: text.optional(),
  /** Roles this one is often confused with, and how they differ. */
  notThisRole: z.array(z.strictObject({ role: id.optional(), title: text, difference: text })).default([]),
  /** Published scores and other sourced numbers about the role. */
  figures: z.array(figureSchema).default([]),
  /** A published qualitative rating, e.g. "Augmentation potential: Low". */
  ratings: z.array(z.strictObject({ label: text, value: text, meaning: text.optional(), source: sourceRef })).default([]),
  assessment: assessmentSchema.optional(),
  aiCan: z.array(claimSchema).default([]),
  aiCannot: z.array(claimSchema).default([]),
  risks: z.array(claimSchema).default([]),
  tools: z.array(claimSchema).default([]),
  timeline: z.array(z.strictObject({ horizon: text, text, source: sourceRef })).default([]),
  whoShouldWorry: z.array(claimSchema).default([]),
  skills: z
    .strictObject({
      exposed: z.array(id).default([]),
      resilient: z.array(id).default([]),
      toBuild: z.array(id).default([]),
    })
    .default({ exposed: [], resilient: [], toBuild: [] }),
  certifications: z.array(id).default([]),
  specializations: z.array(z.strictObject({ name: text, why: text, source: sourceRef })).default([]),
  transitions: z.array(transitionSchema).default([]),
  /** What this role's card cannot show yet, in plain words (filled automatically too). */
  lacks: z.array(text).default([]),
});

export const faqSchema = z.strictObject({
  id,
  question: text,
  /** Other ways people ask the same thing. */
  alsoAsked: z.array(text).default([]),
  /** Markdown: **bold**, _italics_, lists and links. */
  answer: text,
  roles: z.array(id).default([]),
  sources: z.array(sourceRef).min(1, 'an answer needs at least one source'),
  /** A list the engine computes from the datasets and adds after the answer: `least-exposed-occupations` (the
   *  common occupations the exposure measures, taken together, rank least exposed, with their sources). */
  list: z
    .enum(['least-exposed-occupations'], { error: 'must be least-exposed-occupations (the one list airisk computes)' })
    .optional(),
});

const skillSchema = z.strictObject({
  id,
  name: text,
  kind: z.enum(['exposed', 'resilient', 'future'], { error: 'must be exposed, resilient or future' }),
  description: text,
  sources: z.array(sourceRef).min(1, 'a skill needs at least one source'),
});

const certificationSchema = z.strictObject({
  id,
  acronym: text,
  name: text,
  issuer: text,
  why: text,
  sources: z.array(sourceRef).min(1, 'a certification needs at least one source'),
});

/** Titles used outside the US (British, Australian, international) for a US SOC occupation. */
const synonymSchema = z.strictObject({
  /** The titles as people write them ("lorry driver", "HGV driver"). */
  titles: z.array(text).min(1, 'needs at least one title'),
  /** The US occupation they mean. */
  soc,
  /** Where the title is attested for that kind of work: a classification's index or a dictionary. */
  source: sourceRef,
  note: text.optional(),
});

/** A spelling used outside the US ("labourer") and the US spelling O*NET titles use ("laborer"). */
const spellingSchema = z.strictObject({
  spelling: z.string({ error: 'must be one word' }).trim().regex(/^[\p{L}]+$/u, 'must be one word, letters only'),
  us: z.string({ error: 'must be one word' }).trim().regex(/^[\p{L}]+$/u, 'must be one word, letters only'),
  source: sourceRef,
});

export const synonymsFileSchema = z.strictObject({
  synonyms: z.array(synonymSchema).default([]),
  spellings: z.array(spellingSchema).default([]),
});

export const sourcesFileSchema = z.strictObject({ sources: z.array(sourceSchema) });
export const skillsFileSchema = z.strictObject({ skills: z.array(skillSchema) });
export const certificationsFileSchema = z.strictObject({ certifications: z.array(certificationSchema) });

export type Source = z.infer<typeof sourceSchema>;
export type Figure = z.infer<typeof figureSchema>;
export type Assessment = z.infer<typeof assessmentSchema>;
export type ExperienceInputs = z.infer<typeof experienceSchema>;
export type Role = z.infer<typeof roleSchema>;
export type Faq = z.infer<typeof faqSchema>;
export type Skill = z.infer<typeof skillSchema>;
export type Certification = z.infer<typeof certificationSchema>;
/** One synonym title, and how to find its line (for messages about it once the datasets are loaded). */
export interface Synonym {
  title: string;
  soc: string;
  source: string;
  note?: string;
  lineOf?: () => number | undefined;
}
