// Experience levels: the qualifier a question carries selects a level; where a source gives level-specific inputs
// (seed 003's seniority note for the medical coder) the card shows each level by the same AIJRI formula; the
// inputs live in knowledge YAML (test/knowledge/validation.test.ts checks how kb:check validates them).
import { describe, expect, it } from 'vitest';
import { experienceLevelOf, levelOfYears } from '../../src/engine/experience.js';
import { AIJRI } from '../../src/engine/scoring.js';
import { bootEngine } from '../../src/app/boot.js';

const { engine } = bootEngine();

describe('the level a question asks about', () => {
  it.each([
    ['medical coder 5 years experience', 'mid', '5 years experience'],
    ['entry-level medical coder', 'entry', 'entry-level'],
    ['entry level coder', 'entry', 'entry level'],
    ['junior accountant', 'entry', 'junior'],
    ['Jr. software developer', 'entry', 'Jr'],
    ['senior software developer', 'senior', 'senior'],
    ['Sr accountant', 'senior', 'Sr'],
    ['mid-level cashier', 'mid', 'mid-level'],
    ['nurse with 10 years', 'senior', '10 years'],
    ['I have 1 year of experience as a coder', 'entry', '1 year of experience'],
    ['coder, six months in the job', 'entry', 'six months in'],
    ['accountant, 3 yrs exp', 'mid', '3 yrs exp'],
    ['been a cashier for 12 years', 'senior', '12 years'],
  ])('%s -> %s', (text, level, words) => {
    expect(experienceLevelOf(text)).toEqual({ level, words });
  });

  it.each([
    'medical coder',
    'will AI replace coders in 5 years?',
    'what will the job look like within 2 years',
    'cashier, 30 years old',
    'the next 10 years for accountants',
  ])('%s asks about no level', (text) => {
    expect(experienceLevelOf(text)).toBeNull();
  });

  it('splits years as seed 003 does: entry-level under 2, mid-level 2 to 5, senior beyond', () => {
    expect([0, 1.9, 2, 5, 5.5, 20].map(levelOfYears)).toEqual(['entry', 'entry', 'mid', 'mid', 'senior', 'senior']);
  });
});

describe('experience on the card', () => {
  /** The AIJRI for a task resistance with the coder's other inputs held fixed, written out again here. */
  const coderAijri = (taskResistance: number) =>
    Number((((Number((taskResistance * 0.8 * 1.04 * 0.95).toFixed(4)) - AIJRI.floor) / AIJRI.span) * 100).toFixed(1));

  it("shows the medical coder's entry-level and senior results by the same formula, other inputs held fixed", () => {
    const card = engine.card('medical-coder')!;
    const x = card.experience;
    expect(x.profile).toBe('mid-level coders (2–5 years)');
    expect(x.levels.map((l) => l.level)).toEqual(['entry', 'mid', 'senior']);
    const [entry, mid, senior] = x.levels;
    expect(entry).toMatchObject({
      taskResistance: { from: 1.5, to: 1.7 },
      aijri: { from: coderAijri(1.5), to: coderAijri(1.7) },
      assessed: false,
    });
    expect(entry!.aijri).toEqual({ from: 8.1, to: 10.1 });
    expect(mid).toMatchObject({
      taskResistance: { from: 1.85, to: 1.85 },
      aijri: { from: 11.6, to: 11.6 },
      assessed: true,
    });
    expect(senior!.aijri).toEqual({ from: coderAijri(2.2), to: coderAijri(2.4) });
    expect(senior!.aijri).toEqual({ from: 15.1, to: 17.1 });
    expect(x.heldFixed).toBe('evidence -5 (×0.8), barriers 2 (×1.04) and AI growth correlation -1 (×0.95)');
    expect(x.source).toBe('jobzone-aijri');
    expect(x.sentence).toBe(
      'This card describes mid-level coders (2–5 years). By the same formula, entry-level coders (0–2 years) come ' +
        'out more exposed and senior and specialist coders less exposed, all still Very high exposure.',
    );
  });

  it('a qualifier selects the level, and a card without level inputs says what it describes', () => {
    const entry = engine.ask('entry-level medical coder');
    if (entry.kind !== 'role') throw new Error('expected a role');
    expect(entry.experience.asked).toEqual({ level: 'entry', words: 'entry-level' });
    expect(entry.experience.sentence).toMatch(
      /^You said “entry-level”: by the same formula, entry-level coders \(0–2 years\) come out more exposed than the mid-level coders \(2–5 years\) this card describes/,
    );
    const five = engine.ask('medical coder 5 years experience');
    if (five.kind !== 'role') throw new Error('expected a role');
    expect(five.experience.sentence).toMatch(/^You said “5 years experience”: that is the profile this card describes/);
    const senior = engine.ask('senior medical coder');
    if (senior.kind !== 'role') throw new Error('expected a role');
    expect(senior.experience.sentence).toContain('senior and specialist coders come out less exposed');
    // The card itself, as buttons fetch it, names no level.
    expect(engine.card('medical-coder')!.experience.asked).toBeNull();

    const accountant = engine.ask('junior accountant');
    if (accountant.kind !== 'role') throw new Error('expected a role');
    expect(accountant.experience.levels).toEqual([]);
    expect(accountant.experience.sentence).toBe(
      'You mentioned “junior”: the sources give no separate figures by experience, so this describes the occupation ' +
        'as a whole, across experience levels.',
    );
    expect(engine.card('cashiers')!.experience.sentence).toBe(
      'The figures describe the occupation as a whole, across experience levels.',
    );
  });
});
