// The JobZone AIJRI composite as seed 003 defines it. Computed from a role's inputs every time, never stored,
// so a knowledge author who changes one task score sees the new result at once.
import type { Assessment } from '../catalog/knowledge/schema.js';
import type { Aijri, SourceRef, Zone } from '../answers/types.js';

/** The constants of 003's method, in one place so docs, tests and FAQs agree. */
export const AIJRI = {
  taskCeiling: 6,
  evidenceWeight: 0.04,
  barrierWeight: 0.02,
  growthWeight: 0.05,
  floor: 0.54,
  span: 7.93,
  greenAtLeast: 48,
  yellowAtLeast: 25,
  /** Red Imminent needs all three (003's sub-label table). */
  imminent: { taskResistanceBelow: 1.8, evidenceAtMost: -6, barriersAtMost: 2 },
} as const;

const round = (value: number, digits: number) => Number(value.toFixed(digits));

export function zoneOf(score: number): Zone {
  if (score >= AIJRI.greenAtLeast) return 'green';
  if (score >= AIJRI.yellowAtLeast) return 'yellow';
  return 'red';
}

/** The composite for a task resistance, the three modifiers given: the same formula for every experience level. */
export function aijriScore(
  taskResistance: number,
  m: { evidenceModifier: number; barrierModifier: number; growthModifier: number },
): { raw: number; score: number } {
  const raw = round(taskResistance * m.evidenceModifier * m.barrierModifier * m.growthModifier, 4);
  return { raw, score: round(((raw - AIJRI.floor) / AIJRI.span) * 100, 1) };
}

export function computeAijri(assessment: Assessment, source: SourceRef): Aijri {
  const weighted = assessment.tasks.reduce((sum, t) => sum + (t.timeShare / 100) * t.score, 0);
  const taskResistance = round(AIJRI.taskCeiling - weighted, 2);
  const evidenceTotal = assessment.evidence.reduce((sum, e) => sum + e.score, 0);
  const barrierTotal = assessment.barriers.reduce((sum, b) => sum + b.score, 0);
  const growthCorrelation = assessment.growthCorrelation.score;

  const evidenceModifier = round(1 + AIJRI.evidenceWeight * evidenceTotal, 2);
  const barrierModifier = round(1 + AIJRI.barrierWeight * barrierTotal, 2);
  const growthModifier = round(1 + AIJRI.growthWeight * growthCorrelation, 2);
  const { raw, score } = aijriScore(taskResistance, { evidenceModifier, barrierModifier, growthModifier });
  const zone = zoneOf(score);

  const share = (pred: (t: Assessment['tasks'][number]) => boolean) =>
    round(
      assessment.tasks.filter(pred).reduce((sum, t) => sum + t.timeShare, 0),
      1,
    );
  const { subLabel, subLabelReason } = subLabelOf(zone, taskResistance, evidenceTotal, barrierTotal);

  return {
    taskResistance,
    evidenceModifier,
    barrierModifier,
    growthModifier,
    raw,
    score,
    zone,
    subLabel,
    subLabelReason,
    inputs: {
      evidenceTotal,
      barrierTotal,
      growthCorrelation,
      shareScoring3Plus: share((t) => t.score >= 3),
      displacementShare: share((t) => t.mode === 'displacement'),
      augmentationShare: share((t) => t.mode === 'augmentation'),
    },
    source,
  };
}

function subLabelOf(
  zone: Zone,
  taskResistance: number,
  evidence: number,
  barriers: number,
): { subLabel: string; subLabelReason: string } {
  if (zone !== 'red') {
    const name = zone === 'green' ? 'Green' : 'Yellow';
    return {
      subLabel: name,
      subLabelReason: `Score in the ${name} zone; the method's sources define sub-labels only for Red.`,
    };
  }
  const rule = AIJRI.imminent;
  const criteria = [
    {
      met: taskResistance < rule.taskResistanceBelow,
      yes: `task resistance ${taskResistance} < ${rule.taskResistanceBelow}`,
      no: `task resistance ${taskResistance} ≥ ${rule.taskResistanceBelow}`,
    },
    {
      met: evidence <= rule.evidenceAtMost,
      yes: `evidence ${evidence} ≤ ${rule.evidenceAtMost}`,
      no: `evidence ${evidence} > ${rule.evidenceAtMost}`,
    },
    {
      met: barriers <= rule.barriersAtMost,
      yes: `barriers ${barriers} ≤ ${rule.barriersAtMost}`,
      no: `barriers ${barriers} > ${rule.barriersAtMost}`,
    },
  ];
  const met = criteria.filter((c) => c.met);
  if (met.length === criteria.length) {
    return {
      subLabel: 'Red (Imminent)',
      subLabelReason: `All three Imminent criteria met: ${met.map((c) => c.yes).join('; ')}.`,
    };
  }
  const unmet = criteria.filter((c) => !c.met).map((c) => c.no);
  return {
    subLabel: 'Red',
    subLabelReason:
      `${met.length} of 3 Imminent criteria ` +
      `met${met.length ? ` (${met.map((c) => c.yes).join('; ')})` : ''}; ${unmet.join(' and ')} ` +
      `keep${unmet.length === 1 ? 's' : ''} it out of Red (Imminent).`,
  };
}
