// Experience levels: the level a question asks about ("5 years experience", "entry-level", "senior"), which
// level a card's profile describes, and each level's result by the same AIJRI formula where a source gives
// level-specific inputs (knowledge YAML, assessment.experience). Pure functions.
import { verdictStep } from '../answers/format.js';
import type { Aijri, Experience, ExperienceLevel, ExperienceResult } from '../answers/types.js';
import type { ExperienceInputs } from '../catalog/knowledge/schema.js';
import { bandOf } from './consensus.js';
import { aijriScore, zoneOf } from './scoring.js';

/** Years that separate the levels when a question gives years: seed 003's profiles (entry-level 0–2 years,
 *  mid-level 2–5, senior beyond). */
const EXPERIENCE_YEARS = { entryBelow: 2, seniorAbove: 5 } as const;

const LEVEL_WORDS: [ExperienceLevel, RegExp][] = [
  [
    'entry',
    /\b(?:entry[\s-]?level|entry|junior|jr|trainee|apprentice|intern|beginner|novice|new[\s-]?grad|newly qualified|just started|starting out|first[\s-]year|no experience)\b/i,
  ],
  ['mid', /\b(?:mid[\s-]?level|mid[\s-]?career|intermediate)\b/i],
  ['senior', /\b(?:senior|sr|lead|veteran|seasoned|expert|decades?)\b/i],
];

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
};

const DURATION = new RegExp(
  String.raw`(\d+(?:\.\d+)?|${Object.keys(NUMBER_WORDS).join('|')})\s*\+?\s*-?\s*(years?|yrs?|months?)\b`,
  'gi',
);
/** "in 5 years", "within 2 years", "the next 10 years" are horizons, not experience; "5 years old" is an age. */
const HORIZON_BEFORE = /\b(?:in|within|next|than|by|from now|over)\s*$/i;
const EXPERIENCE_AFTER = /^\s*(?:of\s+)?(?:experience|exp|xp|in\b|as\b|on the job|doing|working|coding|into|at\b)/i;
const EXPERIENCE_BEFORE = /\b(?:with|have|having|had|i've|ive|been|for|got|after|over)\s*$/i;

/** The level from years of experience (seed 003's 0–2 / 2–5 / beyond). */
export function levelOfYears(years: number): ExperienceLevel {
  if (years < EXPERIENCE_YEARS.entryBelow) return 'entry';
  if (years <= EXPERIENCE_YEARS.seniorAbove) return 'mid';
  return 'senior';
}

/**
 * The experience level a phrase asks about, and the words that said so: "entry-level", "junior", "senior",
 * "5 years experience", "with 10 years as a coder". A duration that reads as a horizon ("in 5 years") or an age
 * ("30 years old") is not experience. Level words win over years when both are there. null when neither.
 */
export function experienceLevelOf(text: string): { level: ExperienceLevel; words: string } | null {
  for (const [level, pattern] of LEVEL_WORDS) {
    const m = pattern.exec(text);
    if (m) return { level, words: m[0] };
  }
  for (const m of text.matchAll(DURATION)) {
    const before = text.slice(0, m.index);
    const after = text.slice((m.index ?? 0) + m[0].length);
    if (HORIZON_BEFORE.test(before) || /^\s*old\b/i.test(after)) continue;
    const experienceSaid = EXPERIENCE_AFTER.test(after) || EXPERIENCE_BEFORE.test(before);
    if (!experienceSaid && !/\bexp(?:erience[ds]?)?\b/i.test(text)) continue;
    const count = NUMBER_WORDS[(m[1] ?? '').toLowerCase()] ?? Number(m[1]);
    const years = /^month/i.test(m[2] ?? '') ? count / 12 : count;
    const phrase = `${m[0]}${EXPERIENCE_AFTER.exec(after)?.[0] ?? ''}`.replace(/\s+/g, ' ').trim();
    return { level: levelOfYears(years), words: phrase };
  }
  return null;
}

const ORDER: ExperienceLevel[] = ['entry', 'mid', 'senior'];
const WHOLE_OCCUPATION = 'the occupation as a whole, across experience levels';

/** Each level's AIJRI by the same formula as the assessed profile, the other inputs held fixed. */
export function experienceOf(inputs: ExperienceInputs | undefined, aijri: Aijri | undefined): Experience {
  if (!inputs || !aijri) {
    const profile = aijri ? 'the assessed profile (the source does not say which experience level)' : WHOLE_OCCUPATION;
    return withAsked({ profile, levels: [], heldFixed: null, source: aijri?.source.id ?? null }, null);
  }
  const result = (from: number, to: number) => {
    const a = { from: aijriScore(from, aijri).score, to: aijriScore(to, aijri).score };
    // More resistance (a higher AIJRI) means less exposure: the verdict reads an AIJRI as 100 − AIJRI.
    return {
      aijri: a,
      verdictLevel: { from: bandOf(100 - a.from), to: bandOf(100 - a.to) },
      zone: { from: zoneOf(a.from), to: zoneOf(a.to) },
    };
  };
  const levels: ExperienceResult[] = [...inputs.levels]
    .sort((a, b) => ORDER.indexOf(a.level) - ORDER.indexOf(b.level))
    .map((l) => {
      const assessed = l.level === inputs.assessed;
      const tr = assessed
        ? { from: aijri.taskResistance, to: aijri.taskResistance }
        : (l.taskResistance ?? { from: aijri.taskResistance, to: aijri.taskResistance });
      const r = assessed
        ? {
            aijri: { from: aijri.score, to: aijri.score },
            verdictLevel: { from: bandOf(100 - aijri.score), to: bandOf(100 - aijri.score) },
            zone: { from: aijri.zone, to: aijri.zone },
          }
        : result(tr.from, tr.to);
      return {
        level: l.level,
        label: l.label,
        ...(l.work ? { work: l.work } : {}),
        taskResistance: tr,
        ...r,
        assessed,
      };
    });
  const assessed = levels.find((l) => l.assessed);
  const i = aijri.inputs;
  return withAsked(
    {
      profile: assessed ? lowerFirst(assessed.label) : WHOLE_OCCUPATION,
      levels,
      heldFixed:
        `evidence ${i.evidenceTotal} (×${aijri.evidenceModifier}), barriers ${i.barrierTotal} ` +
        `(×${aijri.barrierModifier}) and AI growth correlation ${i.growthCorrelation} (×${aijri.growthModifier})`,
      source: inputs.source,
    },
    null,
  );
}

/** The experience of a card for a question that asked about a level (or none): sets `asked` and the sentence. */
export function withAsked(experience: Omit<Experience, 'asked' | 'sentence'>, asked: Experience['asked']): Experience {
  return { ...experience, asked, sentence: sentenceOf(experience, asked) };
}

function sentenceOf(x: Omit<Experience, 'asked' | 'sentence'>, asked: Experience['asked']): string {
  const assessed = x.levels.find((l) => l.assessed);
  if (!assessed) {
    if (!asked) return `The figures describe ${x.profile}.`;
    return (
      `You mentioned “${asked.words}”: the sources give no separate figures by experience, so this describes ` +
      `${x.profile}.`
    );
  }
  const own = assessed.verdictLevel.from;
  const sameStep = (l: ExperienceResult) => l.verdictLevel.from === own && l.verdictLevel.to === own;
  const direction = (l: ExperienceResult) =>
    l.aijri.to < assessed.aijri.from
      ? 'more exposed'
      : l.aijri.from > assessed.aijri.to
        ? 'less exposed'
        : 'about as exposed';
  const stepOf = (l: ExperienceResult) => {
    const from = verdictStep(l.verdictLevel.from).words;
    const to = verdictStep(l.verdictLevel.to).words;
    return from === to ? from : `${from} to ${to}`;
  };
  const still = `${verdictStep(own).words} exposure`;
  if (!asked || asked.level === assessed.level) {
    const others = x.levels.filter((l) => !l.assessed);
    const lead = asked
      ? `You said “${asked.words}”: that is the profile this card describes, ${x.profile}.`
      : `This card describes ${x.profile}.`;
    const parts = others.map((l, i) => {
      const who = lowerFirst(l.label);
      const how = direction(l);
      const tail = sameStep(l) ? '' : ` (${stepOf(l)})`;
      return i === 0 ? `${who} come out ${how}${tail}` : `${who} ${how}${tail}`;
    });
    const all = others.every(sameStep) ? `, all still ${still}` : '';
    return `${lead} By the same formula, ${parts.join(' and ')}${all}.`;
  }
  const level = x.levels.find((l) => l.level === asked.level);
  if (!level)
    return `You said “${asked.words}”: the source gives no figures for that level, so this describes ${x.profile}.`;
  const step = sameStep(level) ? `still ${still}` : `${stepOf(level)} exposure`;
  return (
    `You said “${asked.words}”: by the same formula, ${lowerFirst(level.label)} come out ${direction(level)} ` +
    `than the ${x.profile} this card describes, ${step}.`
  );
}

/** "Entry-level coders" -> "entry-level coders", but "CDI specialists" stays. */
function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
