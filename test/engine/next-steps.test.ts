// "What to do now": up to three concrete steps from the reskilling path, in one function of the path; without a
// path, from the task ratings.
import { describe, expect, it } from 'vitest';
import type { ReskillingPath, TaskLine, Transition } from '../../src/answers/types.js';
import { glanceOf } from '../../src/engine/glance.js';
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
    const pay = (origin: number, target: number, period = 'May 2021') => ({
      source: 'bls-oews-2021',
      sourceName: 'BLS Occupational Employment and Wage Statistics, May 2021',
      period,
      origin,
      target,
      ratio: target / origin,
      group: false,
    });
    const steps = nextStepsOf(
      path({
        transitions: [
          move({
            title: 'Actuaries',
            origin: 'computed',
            exposureGap: -7.6,
            payGap: 44090,
            pay: pay(80000, 124090),
            skillsToBuild: [{ name: 'Programming', kind: 'skill', gap: 1.2, level: 4, have: 2.5, core: true }],
          }),
          move({
            id: 'other',
            title: 'Civil Engineers',
            origin: 'computed',
            exposureGap: -7.8,
            payGap: -100,
            pay: { ...pay(90100, 90000, '2024'), source: 'bls-ooh', sourceName: 'BLS Occupational Outlook Handbook' },
          }),
        ],
      }),
      [],
    );
    expect(steps.map((s) => `${s.action} ${s.title}: ${s.why}`)).toEqual([
      'Look at a move to Actuaries: less exposed to AI, median pay $44,090 higher, BLS 2021',
      'Build Programming: needed for Actuaries',
      'Look at a move to Civil Engineers: less exposed to AI, median pay $100 lower, BLS 2024',
    ]);
  });

  it('builds the largest gap the move turns on, never a generic one', () => {
    const gaps = [
      { name: 'Sales and Marketing', kind: 'knowledge' as const, gap: 2.56, level: 4.4, have: 0 },
      {
        name: 'Administration and Management',
        kind: 'knowledge' as const,
        gap: 1.13,
        level: 5.4,
        have: 4.1,
        core: true,
      },
      {
        name: 'Management of Financial Resources',
        kind: 'skill' as const,
        gap: 0.59,
        level: 3.6,
        have: 2.5,
        core: true,
      },
    ];
    const financial = move({
      title: 'Financial Managers',
      origin: 'computed',
      exposureGap: -13.5,
      skillsToBuild: gaps,
    });
    const [, skill] = nextStepsOf(path({ transitions: [financial] }), []);
    expect(`${skill?.action} ${skill?.title}: ${skill?.why}`).toBe(
      'Build Administration and Management: needed for Financial Managers',
    );
    // Only generic gaps: no skill step rather than one a person would not recognise.
    const generic = move({ title: 'Financial Managers', origin: 'computed', skillsToBuild: [gaps[0]!] });
    expect(nextStepsOf(path({ transitions: [generic] }), []).map((s) => s.kind)).toEqual(['move']);
  });

  it('says a move from a job already among the least exposed is no more exposed, not safer', () => {
    const [step] = nextStepsOf(
      path({ transitions: [move({ title: 'Boilermakers', origin: 'computed', exposureGap: -2, lateral: true })] }),
      [],
    );
    expect(step?.why).toBe('no more exposed to AI');
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

  it("shows the occupation's own Core tasks first at a glance too, among tasks as exposed", () => {
    const glance = glanceOf(
      [],
      [],
      [
        task('Write reports.', 1),
        { ...task('Provide post-mortem care.', 0), specialty: true },
        { ...task('Order supplies.', 0), supplemental: true },
        task('Give medications to patients.', 0),
        task('Comfort patients.', 0),
      ],
    );
    expect(glance.aiCannot.map((c) => c.text)).toEqual(['Give medications to patients.', 'Comfort patients.']);
  });

  it('prefers a Core task of the occupation itself to a shorter Supplemental or specialty one', () => {
    const steps = nextStepsOf(path({}), [
      task('Write reports.', 1),
      { ...task('Provide post-mortem care.', 0), specialty: true },
      { ...task('Order supplies.', 0), supplemental: true },
      task('Give medications to patients.', 0),
    ]);
    expect(steps[0]?.title).toBe('Give medications to patients');
    // With nothing else at that end, a Supplemental or specialty task still says something.
    const only = nextStepsOf(path({}), [{ ...task('Provide post-mortem care.', 0), specialty: true }]);
    expect(only[0]?.title).toBe('Provide post-mortem care');
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
