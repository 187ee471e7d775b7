// "What to do now": up to three concrete steps for the first screen, drawn from the reskilling path (a move, a
// skill to build, a specialization or certification), or, for a role with no path yet, from its task ratings.
// One function of the path, so richer transition fields (issue 11) only need a change here. Pure.
import { formatGap } from '../answers/format.js';
import type { NextStep, ReskillingPath, TaskLine, Transition } from '../answers/types.js';
import { isTypicalTask } from './glance.js';

export const MAX_NEXT_STEPS = 3;
/** A step's reason is kept only when it is short enough for the step to stay one line on the first screen;
 *  the full reasons are in the reskilling path. */
const WHY_MAX_CHARS = 60;

export function nextStepsOf(path: ReskillingPath, tasks: readonly TaskLine[], max = MAX_NEXT_STEPS): NextStep[] {
  const steps: NextStep[] = [];
  const taken: string[] = [];
  const add = (step: NextStep) => {
    if (steps.length >= max || taken.some((t) => overlaps(t, step.title))) return;
    steps.push(step);
    taken.push(step.title);
  };

  const [move, second] = path.transitions;
  if (move) add(moveStep(move));
  // A skill the authors name first; else the largest gap among the knowledge areas and skills the first move
  // turns on (never a generic one such as English Language or Active Listening).
  const future = path.skills.find((s) => s.kind === 'future');
  const gap = move?.skillsToBuild?.find((g) => g.core);
  if (future) add({ kind: 'skill', action: 'Build', title: future.name, why: shortReason(future.description ?? '') });
  else if (move && gap) add({ kind: 'skill', action: 'Build', title: gap.name, why: `needed for ${move.title}` });
  for (const s of path.specializations)
    add({ kind: 'specialization', action: 'Specialise in', title: s.name, why: shortReason(s.why), source: s.source });
  for (const c of path.certifications)
    add({ kind: 'certification', action: 'Earn the', title: `${c.acronym} (${c.issuer})`, why: shortReason(c.why) });
  if (second) add(moveStep(second));
  if (steps.length === 0) for (const step of taskSteps(tasks)) add(step);
  return steps;
}

function moveStep(t: Transition): NextStep {
  return {
    kind: 'move',
    action: 'Look at a move to',
    title: t.title,
    why:
      t.origin === 'curated'
        ? t.requires
          ? `needs ${lowerFirst(t.requires).replace(/\.$/, '')}`
          : shortReason(t.why)
        : computedWhy(t),
    roleId: t.id,
    ...(t.source ? { source: t.source } : {}),
  };
}

/** A computed move in plain words: the data behind it (exposure rank, pay with its source and year), no jargon. */
function computedWhy(t: Transition): string {
  const parts = [
    t.lateral
      ? 'no more exposed to AI'
      : t.exposureGap !== undefined && t.exposureGap < 0
        ? 'less exposed to AI'
        : 'similar skills',
  ];
  if (t.payGap !== undefined && t.payGap !== 0)
    parts.push(
      `median pay ${formatGap(Math.abs(t.payGap), 'usd').replace(/^[+−]/, '')} ${t.payGap > 0 ? 'higher' : 'lower'}${t.pay ? `, ${payBy(t.pay)}` : ''}`,
    );
  return parts.join(', ');
}

/** Where a pay gap's two wages come from, briefly: "BLS 2021" (both from one source and one year). */
function payBy(pay: NonNullable<Transition['pay']>): string {
  const publisher = /^[A-Z][A-Z*&]+\b/.exec(pay.sourceName)?.[0] ?? pay.sourceName;
  const year = /\d{4}/.exec(pay.period)?.[0] ?? pay.period;
  return `${publisher} ${year}`;
}

/** The first sentence, or its first clause, when short enough for one line; otherwise nothing. */
function shortReason(text: string): string {
  const sentence = firstSentence(text).replace(/\.$/, '');
  if (sentence.length <= WHY_MAX_CHARS) return lowerFirst(sentence);
  const clause = sentence.split(/;\s| — /)[0] ?? '';
  return clause.length >= 12 && clause.length <= WHY_MAX_CHARS ? lowerFirst(clause) : '';
}

/** Without a path: the tasks the raters judged AI least and most able to speed up. */
function taskSteps(tasks: readonly TaskLine[]): NextStep[] {
  // Among the least (most) exposed, a Core task of the occupation itself where there is one (isTypicalTask), then
  // the shortest: it reads best as one line.
  const end = (pick: (t: TaskLine) => boolean) => {
    const ends = tasks.filter(pick);
    const typical = ends.filter(isTypicalTask);
    return (typical.length ? typical : ends).sort((a, b) => a.task.length - b.task.length)[0];
  };
  const low = Math.min(...tasks.map((t) => t.exposure));
  const high = Math.max(...tasks.map((t) => t.exposure));
  const least = end((t) => t.exposure === low);
  const most = end((t) => t.exposure === high);
  const steps: NextStep[] = [];
  if (least && least.exposure <= 0.25)
    steps.push({
      kind: 'task',
      action: 'Spend more time on what AI helps least:',
      title: trimStop(least.task),
      why: '',
      source: least.source,
    });
  if (most && most.exposure >= 0.75 && most !== least)
    steps.push({
      kind: 'task',
      action: 'Learn AI tools for what they speed up most:',
      title: trimStop(most.task),
      why: '',
      source: most.source,
    });
  return steps;
}

/** Two titles share most of their significant words ("Clinical documentation improvement (CDI)" and "Clinical
 *  Documentation Improvement Specialist"): the second would repeat the first. */
function overlaps(a: string, b: string): boolean {
  const words = (s: string) =>
    new Set(
      s
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .filter((w) => w.length > 3),
    );
  const x = words(a);
  const y = words(b);
  const shared = [...x].filter((w) => y.has(w)).length;
  return shared >= 2 && shared >= Math.min(x.size, y.size) / 2;
}

export function firstSentence(text: string): string {
  const m = /^(.+?[.!?])(?:\s|$)/.exec(text.trim());
  return (m?.[1] ?? text).trim();
}

const trimStop = (s: string) => s.replace(/\s+/g, ' ').trim().replace(/\.$/, '');
/** Lower-cases a first word that is surely not a name ("The most direct step" -> "the most direct step"), so a
 *  reason reads on after a dash; "Medicare Advantage…" keeps its capital. */
const COMMON_FIRST_WORDS = new Set([
  'needed',
  'the',
  'a',
  'an',
  'it',
  'its',
  'this',
  'that',
  'these',
  'those',
  'one',
  'more',
  'most',
  'less',
  'some',
  'many',
  'a',
  'additional',
  'another',
]);
const lowerFirst = (s: string) => {
  const first = /^[A-Z][a-z]*/.exec(s)?.[0];
  return first && COMMON_FIRST_WORDS.has(first.toLowerCase()) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
};
