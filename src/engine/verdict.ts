// The card's verdict: one level on a five-step scale, in one direction (more is always more exposed), with one
// plain sentence on why. It follows from the headline measure, turned so that more means more exposed:
//   - a computed or published AIJRI (higher = more resistant) is read as 100 − AIJRI, the same index turned
//     round: not a rank among occupations, and never presented as one;
//   - otherwise the consensus of the ranked public datasets, a rank among all occupations (0–100).
// Where both exist they are compared, step against step, for the confidence. Pure.
import { rankInWords, stepRange, verdictStep, VERDICT_STEPS } from '../answers/format.js';
import type { Aijri, Band, Confidence, Consensus, Verdict } from '../answers/types.js';
import { AIJRI, zoneOf } from './scoring.js';
import { bandOf } from './consensus.js';

const EXPOSURE_CAVEAT = 'Not a layoff forecast: exposure is how much of the work AI can do or speed up.';
const MEASURED_AI = 'Measured for language models and chat assistants, not robots.';

export interface VerdictInputs {
  /** The AIJRI computed from the role's inputs. */
  aijri?: Aijri;
  /** An AIJRI as published, where its inputs are not in the sources. */
  published?: { value: number; source: string };
  /** Who publishes the AIJRI, for sentences ("JobZone Risk"). */
  aijriBy?: string;
  consensus: Consensus | null;
  /** The ranked sources' percentiles, exposure direction. */
  ranks: number[];
  /** Set when the datasets describe a wider occupation than the role (a curated role within a SOC). */
  widerOccupation?: string;
}

const stepIndex = (level: Band) => VERDICT_STEPS.findIndex((s) => s.level === level);
const CONFIDENCE_ORDER: Confidence[] = ['low', 'medium', 'high'];
const lower = (a: Confidence, b: Confidence) =>
  CONFIDENCE_ORDER[Math.min(CONFIDENCE_ORDER.indexOf(a), CONFIDENCE_ORDER.indexOf(b))] ?? 'low';
const round1 = (n: number) => Math.round(n * 10) / 10;
const count = (n: number) => ['no', 'one', 'two', 'three', 'four', 'five'][n] ?? String(n);
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function verdictOf(x: VerdictInputs): Verdict | null {
  const aijriValue = x.aijri?.score ?? x.published?.value;
  const by = x.aijriBy ?? 'The AIJRI';
  const consensus = x.consensus;
  const subject = x.widerOccupation ? 'the wider occupation' : 'this occupation';
  const datasets = consensus
    ? `${count(consensus.sourceCount)} public dataset${consensus.sourceCount === 1 ? '' : 's'}`
    : '';
  const rank = consensus
    ? `${capital(datasets)} rank${consensus.sourceCount === 1 ? 's' : ''} ${subject} ` +
      `${rankInWords(consensus.percentile)}`
    : '';

  if (aijriValue === undefined) {
    if (!consensus) return null;
    const level = bandOf(consensus.percentile);
    return {
      level,
      exposure: consensus.percentile,
      exposurePercentile: consensus.percentile,
      basis: 'consensus',
      from: `mean rank of ${datasets} among all occupations: ${consensus.percentile} of 100 (higher = more exposed)`,
      confidence: consensus.confidence,
      confidenceNote: consensusNote(consensus, x.ranks),
      sentence: `${consensus.sourceCount > 1 ? 'On average, ' : ''}${consensus.sourceCount > 1 ? rank.charAt(0).toLowerCase() + rank.slice(1) : rank}.`,
      caveat: EXPOSURE_CAVEAT,
      measuredAi: MEASURED_AI,
      method:
        `The verdict is the mean of the ranks ${datasets} give ${subject} among all the occupations each one ` +
        `rates, where more means more exposed: ${consensus.percentile}, in the ${verdictStep(level).words} step ` +
        `(${stepRange(level)}).`,
    };
  }

  const exposure = round1(100 - aijriValue);
  const level = bandOf(exposure);
  const zone = zoneOf(aijriValue);
  const zoneRange =
    zone === 'green'
      ? `${AIJRI.greenAtLeast} and up`
      : zone === 'yellow'
        ? `${AIJRI.yellowAtLeast} to ${AIJRI.greenAtLeast}`
        : `below ${AIJRI.yellowAtLeast}`;
  const displaced = x.aijri?.inputs.displacementShare ?? 0;
  const own = x.aijri
    ? displaced > 0
      ? `AI can take over tasks that fill ${displaced} % of the working time, in ${by}'s task-by-task assessment`
      : `${by}'s task-by-task assessment puts it in its ${zone} zone for resistance to AI`
    : `${by} scores it ${aijriValue} of 100 for resistance to AI, in its ${zone} zone`;

  let confidence: Confidence = 'low';
  let confidenceNote = `Only one source (${by}) scores this role; no public dataset ranks it.`;
  let joiner = 'and';
  if (consensus) {
    const apart = Math.abs(stepIndex(level) - stepIndex(bandOf(consensus.percentile)));
    joiner = apart >= 2 ? 'while' : 'and';
    if (apart === 0) {
      confidence = consensus.confidence;
      confidenceNote =
        confidence === 'low' ? consensusNote(consensus, x.ranks) : `${by}'s assessment and ${datasets} agree.`;
    } else if (apart === 1) {
      confidence = lower(consensus.confidence, 'medium');
      confidenceNote =
        confidence === 'low'
          ? consensusNote(consensus, x.ranks)
          : `${by}'s assessment and ${datasets} broadly agree (one step apart).`;
    } else {
      confidence = 'low';
      confidenceNote = `${by}'s assessment and the public datasets disagree.`;
    }
  }
  return {
    level,
    exposure,
    exposurePercentile: consensus?.percentile ?? null,
    basis: x.aijri ? 'aijri' : 'aijri-published',
    from:
      `AIJRI ${aijriValue} of 100 (higher = more resistant), ${zone} zone ` +
      `(${zoneRange})${x.aijri ? '' : ', as published'}`,
    confidence,
    confidenceNote,
    sentence: `${own}${consensus ? `, ${joiner} ${rank.charAt(0).toLowerCase() + rank.slice(1)}` : ''}.`,
    caveat: EXPOSURE_CAVEAT,
    measuredAi: MEASURED_AI,
    method: `The AIJRI measures resistance (higher = more resistant), so the verdict turns it round: 100 − ${aijriValue} = ${exposure}, in the ${verdictStep(level).words} step (${stepRange(level)}). That is the same index read the other way, not a rank among occupations${consensus ? `; the datasets' mean rank, ${consensus.percentile}, is ${verdictStep(bandOf(consensus.percentile)).words} and sets the confidence with it` : ''}.`,
  };
}

/** The consensus's confidence in plain words: how many sources, and how far apart they rank the occupation. */
function consensusNote(c: Consensus, ranks: number[]): string {
  const n = capital(count(c.sourceCount));
  if (c.sourceCount === 1) return 'Only one source ranks this occupation.';
  if (c.confidence === 'high') return `${n} sources agree closely.`;
  if (c.confidence === 'medium') return `${n} sources broadly agree.`;
  // Two or more sources and still low: they lie further apart than confidence allows.
  const [lo, hi] = [rankInWords(Math.min(...ranks)), rankInWords(Math.max(...ranks))];
  // "…, another more exposed than about 9 in 10": the second says only what differs.
  const second = lo.startsWith(hi.slice(0, 12)) ? hi.replace(/^(more|less) exposed than /, '') : hi;
  return (
    `The ${count(c.sourceCount)} sources disagree: one ranks it ${lo}, another ` +
    `${second.replace(/ occupations$/, '')}.`
  );
}
