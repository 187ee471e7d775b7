import { describe, expect, it } from 'vitest';
import { assessmentSchema, type Assessment } from '../../src/catalog/knowledge/schema.js';
import { computeAijri, zoneOf } from '../../src/engine/scoring.js';
import { loadKnowledge } from '../../src/catalog/knowledge/load.js';
import { defaultKnowledgeDir } from '../../src/catalog/paths.js';

const source = { id: 'test', name: 'test', asOf: '2026' };
const task = (timeShare: number, score: number) => ({
  task: `t${timeShare}-${score}`,
  timeShare,
  score,
  mode: 'displacement' as const,
  rationale: 'r',
});

function assessment(tasks: [number, number][], evidence: number[], barriers: number[], growth: number): Assessment {
  return assessmentSchema.parse({
    source: 'test',
    tasks: tasks.map(([share, score]) => task(share, score)),
    evidence: evidence.map((score, i) => ({ dimension: `d${i}`, score, evidence: 'e' })),
    barriers: barriers.map((score, i) => ({ barrier: `b${i}`, score, rationale: 'r' })),
    growthCorrelation: { score: growth, rationale: 'g' },
  });
}

describe('AIJRI composite (seed 003)', () => {
  it('reproduces every intermediate of the medical coder worked example from the curated inputs', () => {
    const kb = loadKnowledge(defaultKnowledgeDir);
    const coder = kb.roles.get('medical-coder');
    expect(coder?.assessment, 'medical-coder has an assessment').toBeDefined();
    const a = computeAijri(coder!.assessment!, source);
    expect(a.taskResistance).toBe(1.85);
    expect(a.evidenceModifier).toBe(0.8);
    expect(a.barrierModifier).toBe(1.04);
    expect(a.growthModifier).toBe(0.95);
    expect(a.raw).toBe(1.4622);
    expect(a.score).toBe(11.6);
    expect(a.zone).toBe('red');
    expect(a.subLabel).toBe('Red');
    // 003's table prints 65 % here, which is the share on tasks scoring 4–5; tasks scoring 3+ take 85 %.
    expect(a.inputs.shareScoring3Plus).toBe(85);
    expect(a.inputs.displacementShare).toBe(65);
    expect(a.inputs.augmentationShare).toBe(35);
  });

  it('places scores in zones at the published boundaries', () => {
    expect(zoneOf(48)).toBe('green');
    expect(zoneOf(47.9)).toBe('yellow');
    expect(zoneOf(25)).toBe('yellow');
    expect(zoneOf(24.9)).toBe('red');
  });

  it('labels Red (Imminent) only when all three criteria are met', () => {
    const imminent = computeAijri(assessment([[100, 5]], [-2, -2, -2], [1], -2), source);
    expect(imminent.taskResistance).toBe(1);
    expect(imminent.zone).toBe('red');
    expect(imminent.subLabel).toBe('Red (Imminent)');
    const notImminent = computeAijri(assessment([[100, 5]], [-2, -2, -1], [1], -2), source);
    expect(notImminent.subLabel).toBe('Red');
    expect(notImminent.subLabelReason).toMatch(/evidence -5 > -6/);
  });

  it('scores a resistant role Green', () => {
    const a = computeAijri(
      assessment(
        [
          [50, 1],
          [50, 2],
        ],
        [2, 2],
        [2, 2, 2],
        2,
      ),
      source,
    );
    expect(a.taskResistance).toBe(4.5);
    expect(a.zone).toBe('green');
    expect(a.score).toBeGreaterThanOrEqual(48);
  });

  it('rejects time shares that do not add up to 100 % with a clear message', () => {
    const result = assessmentSchema.safeParse({
      source: 'x',
      tasks: [task(60, 3), task(30, 2)],
      evidence: [{ dimension: 'd', score: 0, evidence: 'e' }],
      barriers: [{ barrier: 'b', score: 0, rationale: 'r' }],
      growthCorrelation: { score: 0, rationale: 'g' },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('time shares must add up to 100 %, but they add up to 90 %');
  });

  it('rejects task scores outside 1–5', () => {
    const result = assessmentSchema.safeParse({
      source: 'x',
      tasks: [{ ...task(100, 3), score: 6 }],
      evidence: [{ dimension: 'd', score: 0, evidence: 'e' }],
      barriers: [{ barrier: 'b', score: 0, rationale: 'r' }],
      growthCorrelation: { score: 0, rationale: 'g' },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['tasks', 0, 'score']);
    expect(result.error?.issues[0]?.message).toBe('must be at most 5');
  });
});
