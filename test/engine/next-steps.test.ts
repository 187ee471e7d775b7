// "What to do now": up to three concrete steps from the reskilling path, in one function of the path; without a
// path, from the task ratings.
import { describe, expect, it } from 'vitest';
import type { ReskillingPath, TaskLine, Transition } from '../../src/answers/types.js';
import { nextStepsOf } from '../../src/engine/next-steps.js';

const move = (over: Partial<Transition>): Transition => ({
  id: 'target',
  title: 'Target Role',
  soc: null,
  why: 'Why it fits.',
  origin: 'curated',
  ...over,
});
const path = (over: Partial<ReskillingPath>): ReskillingPath => ({
  transitions: [],
  longRange: [],
  skills: [],
  certifications: [],
  specializations: [],
  ...over,
});
const task = (text: string, exposure: number): TaskLine => ({ task: text, exposure, source: 'eloundou-tasks' });

describe('what to do now', () => {
  it('takes a move, a skill to build and a specialization that does not repeat the move', () => {
    const steps = nextStepsOf(
      path({
        transitions: [
          move({
            id: 'cdi',
            title: 'Clinical Documentation Improvement Specialist',
            why: 'The most direct step; it builds on coding knowledge and adds the physician-facing work AI cannot do.',
          }),
        ],
        skills: [{ id: 'ai', name: 'AI validation', kind: 'future', description: 'Auditing what AI assigns.' }],
        specializations: [
          { name: 'Clinical documentation improvement (CDI)', why: 'Repeats the move.', source: 's' },
          {
            name: 'Risk adjustment coding',
            why: 'A long reason that goes on and on, far beyond what fits on one line of the first screen.',
            source: 's',
          },
        ],
      }),
      [],
    );
    expect(steps.map((s) => [s.kind, s.action, s.title, s.why])).toEqual([
      ['move', 'Look at a move to', 'Clinical Documentation Improvement Specialist', 'the most direct step'],
      ['skill', 'Build', 'AI validation', 'Auditing what AI assigns'],
      ['specialization', 'Specialise in', 'Risk adjustment coding', ''],
    ]);
  });

  it('says what a move needs, and a computed move in plain words with the skill it needs', () => {
    const [needs] = nextStepsOf(path({ transitions: [move({ requires: 'A nursing degree and a licence.' })] }), []);
    expect(needs!.why).toBe('needs a nursing degree and a licence');
    const steps = nextStepsOf(
      path({
        transitions: [
          move({
            title: 'Actuaries',
            origin: 'computed',
            exposureGap: -7.6,
            payGap: 44090,
            skillsToBuild: [{ name: 'Programming', kind: 'skill', gap: 1.2, level: 4, have: 2.5 }],
          }),
          move({ id: 'other', title: 'Civil Engineers', origin: 'computed', exposureGap: -7.8, payGap: -100 }),
        ],
      }),
      [],
    );
    expect(steps.map((s) => `${s.action} ${s.title}: ${s.why}`)).toEqual([
      'Look at a move to Actuaries: less exposed to AI, median pay $44,090 higher',
      'Build Programming: needed for Actuaries',
      'Look at a move to Civil Engineers: less exposed to AI, median pay $100 lower',
    ]);
  });

  it('without a path, points at the tasks AI helps least and speeds up most', () => {
    const steps = nextStepsOf(path({}), [
      task('Write the reports for the board.', 1),
      task('Write reports.', 1),
      task('Train users on new equipment.', 0.25),
      task('Calm people down in an emergency.', 0),
    ]);
    expect(steps.map((s) => `${s.action} ${s.title}`)).toEqual([
      'Spend more time on what AI helps least: Calm people down in an emergency',
      'Learn AI tools for what they speed up most: Write reports',
    ]);
    // Nothing to say when no task is clearly at either end.
    expect(nextStepsOf(path({}), [task('Something.', 0.5)])).toEqual([]);
  });

  it('never gives more than three', () => {
    const many = path({
      transitions: [move({ id: 'a', title: 'Alpha' }), move({ id: 'b', title: 'Bravo' })],
      skills: [{ id: 's', name: 'Skill', kind: 'future' }],
      specializations: [{ name: 'Speciality', why: 'Why.', source: 's' }],
      certifications: [{ id: 'c', acronym: 'CERT', name: 'Cert', issuer: 'Body', why: 'Why.' }],
    });
    expect(nextStepsOf(many, []).map((s) => s.title)).toEqual(['Alpha', 'Skill', 'Speciality']);
  });
});
