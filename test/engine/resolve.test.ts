// Resolution on a representative query set: titles, aliases, acronyms, typos, sentences, FAQ questions,
// dataset occupations, SOC codes, nonsense and hostile input.
import { beforeAll, describe, expect, it } from 'vitest';
import type { AskAnswer } from '../../src/answers/types.js';
import type { Engine } from '../../src/engine/types.js';
import { bootEngine } from '../../src/app/boot.js';

let engine: Engine;
beforeAll(() => {
  engine = bootEngine().engine;
});

const roleOf = (a: AskAnswer) => (a.kind === 'role' ? a.role.id : `${a.kind}${a.kind === 'faq' ? `:${a.faq.id}` : ''}`);

describe('role resolution', () => {
  it.each([
    ['medical coder', 'medical-coder'],
    ['Medical Coder', 'medical-coder'],
    ['medical-coder', 'medical-coder'],
    ['medical coders', 'medical-coder'],
    ['clinical coder', 'medical-coder'],
    ['coding specialist', 'medical-coder'],
    ['medical coding specialist', 'medical-coder'],
    ['medical billing and coding', 'medical-coder'],
    ['HIM coder', 'medical-coder'],
    ['CPC', 'medical-coder'],
    ['cpc', 'medical-coder'],
    ['CCS', 'medical-coder'],
    ['medical codr', 'medical-coder'],
    ['medcal coder', 'medical-coder'],
    ['registered nurse', 'registered-nurse'],
    ['registerd nurse', 'registered-nurse'],
    ['pharmacy technican', 'pharmacy-technician'],
    ['medical transcriptionist', 'medical-transcriptionist'],
    ['compliance manager', 'compliance-manager'],
    ['CDI specialist', 'clinical-documentation-improvement-specialist'],
    ['medical biller', 'medical-biller'],
  ])('%s -> %s', (query, id) => {
    expect(roleOf(engine.ask(query))).toBe(id);
  });

  it.each([
    ['will AI replace my job as a clinical coder?', 'medical-coder'],
    ['I work as a pharmacy technician, should I be worried about AI?', 'pharmacy-technician'],
    ['what about registered nurses', 'registered-nurse'],
  ])('finds the role inside a sentence: %s', (query, id) => {
    const answer = engine.ask(query);
    expect(roleOf(answer)).toBe(id);
    expect(answer.kind === 'role' && answer.match.how).toBe('sentence');
  });

  it.each([
    ['is medical coding still worth learning?', 'is-medical-coding-worth-learning'],
    ['Will AI replace medical coders?', 'will-ai-replace-medical-coders'],
    ['which medical coding specializations are most resilient to AI?', 'most-resilient-coding-specializations'],
    ['how accurate are language models at assigning medical codes?', 'how-accurate-are-llms-at-medical-codes'],
    ['what does ICD-11 change for coders?', 'what-does-icd-11-change'],
    ['who is liable when AI miscodes a claim?', 'who-is-liable-when-ai-miscodes'],
  ])('answers an FAQ question with the FAQ: %s', (query, faqId) => {
    expect(roleOf(engine.ask(query))).toBe(`faq:${faqId}`);
  });

  it('resolves dataset occupations and SOC codes', () => {
    const accountant = engine.ask('accountant');
    expect(accountant.kind).toBe('role');
    expect(accountant.kind === 'role' && accountant.role.soc).toBe('13-2011');
    expect(roleOf(engine.ask('13-2011'))).toBe(roleOf(accountant));
    const records = engine.ask('29-2072');
    expect(records.kind === 'role' && records.role.soc).toBe('29-2072');
    expect(roleOf(engine.ask('software developers'))).toMatch(/software-developer/);
  });

  it('finds a role by what the job involves when no name matches (O*NET task statements), and asks first', () => {
    const blood = engine.ask('draw blood samples from patients');
    expect(blood.kind).toBe('ambiguous');
    expect(blood.kind === 'ambiguous' && blood.candidates[0]?.id).toBe('phlebotomists');
    const forklift = engine.ask('operate forklift to move pallets in warehouse');
    const ids = forklift.kind === 'ambiguous' ? forklift.candidates.map((c) => c.id) : [roleOf(forklift)];
    expect(ids).toContain('industrial-truck-and-tractor-operators');
  });

  it('gives candidates for a near tie instead of guessing', () => {
    const answer = engine.ask('manager');
    expect(answer.kind).toBe('ambiguous');
    if (answer.kind !== 'ambiguous') return;
    expect(answer.candidates.length).toBeGreaterThanOrEqual(2);
    for (const c of answer.candidates)
      expect(c).toEqual(expect.objectContaining({ id: expect.any(String), title: expect.any(String) }));
  });

  it('gives suggestions when nothing matches, and help when nothing is asked', () => {
    const nonsense = engine.ask('qwxzzv plorft');
    expect(nonsense.kind).toBe('not_found');
    expect(nonsense.kind === 'not_found' && nonsense.suggestions.length).toBeGreaterThan(0);
    expect(engine.ask('').kind).toBe('help');
    expect(engine.ask('   ').kind).toBe('help');
    expect(engine.ask('help').kind).toBe('help');
  });

  it('survives hostile and odd input', () => {
    const inputs = [
      '🤖🤖🤖',
      '<!channel> <@U123> <script>alert(1)</script> medical coder',
      'x'.repeat(10_000),
      `${'medical coder '.repeat(800)}`,
      '\u0000\u0001\u202e',
      '%s %d {{constructor}} __proto__',
      '29-2072.00',
      '???',
    ];
    for (const input of inputs) {
      const answer = engine.ask(input);
      expect(['role', 'faq', 'ambiguous', 'not_found', 'help']).toContain(answer.kind);
    }
    expect(roleOf(engine.ask('<!channel> <@U123> medical coder'))).toBe('medical-coder');
  });

  it('compares two roles and gives a path', () => {
    const compare = engine.compare('medical coder vs registered nurse');
    expect(compare.kind).toBe('compare');
    if (compare.kind === 'compare')
      expect(compare.roles.map((r) => r.role.id)).toEqual(['medical-coder', 'registered-nurse']);
    const withAnd = engine.compare('medical billing and coding and registered nurse');
    expect(withAnd.kind === 'compare' && withAnd.roles.map((r) => r.role.id)).toEqual([
      'medical-coder',
      'registered-nurse',
    ]);
    const path = engine.path('clinical coder');
    expect(path.kind).toBe('path');
    if (path.kind === 'path') expect(path.path.transitions.map((t) => t.id)).toContain('compliance-manager');
  });
});
