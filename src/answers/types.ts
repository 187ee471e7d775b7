// Answers are plain data: the engine composes them, renderers (terminal, Block Kit, HTML) draw them.
// Nothing here knows about Slack. Field names are part of the `airisk ask --json` contract.

export type Zone = 'green' | 'yellow' | 'red';

/** Five-level consensus exposure band, from the sources' percentile ranks. */
export type Band = 'very-low' | 'low' | 'moderate' | 'high' | 'very-high';
export type Confidence = 'high' | 'medium' | 'low';

export interface SourceRef {
  id: string;
  name: string;
  publisher?: string;
  url?: string;
  asOf: string;
  /** No source states this date: it is an estimate, shown as "about 2026" (format.ts formatAsOf). */
  approximate?: boolean;
}

export interface RoleRef {
  id: string;
  title: string;
  /** 6-digit SOC such as 29-2072, where known. */
  soc: string | null;
}

/** The composite of seed 003 (JobZone AIJRI), computed from the role's inputs. */
export interface Aijri {
  taskResistance: number;
  evidenceModifier: number;
  barrierModifier: number;
  growthModifier: number;
  raw: number;
  score: number;
  zone: Zone;
  subLabel: string;
  /** Why the sub-label is what it is, one line. */
  subLabelReason: string;
  inputs: {
    evidenceTotal: number;
    barrierTotal: number;
    growthCorrelation: number;
    shareScoring3Plus: number;
    displacementShare: number;
    augmentationShare: number;
  };
  source: SourceRef;
}

/** One source's measure of the role, on its own scale, with its rank among all occupations it covers. */
export interface Measure {
  source: string;
  sourceName: string;
  measure: string;
  value: number;
  scale: string;
  /** 0–100: share of occupations in this source with a lower exposure value. null for curated scores. */
  percentile: number | null;
  higherMeansMoreRisk: boolean;
  asOf: string;
  /** The source's date is an estimate (see SourceRef.approximate). */
  asOfApproximate?: boolean;
  label?: string;
  /** Where it came from: a curated knowledge entry or a public dataset. */
  origin: 'curated' | 'dataset';
  note?: string;
}

export interface Consensus {
  band: Band;
  /** 0–100 mean exposure percentile of the sources that cover the role. */
  percentile: number;
  confidence: Confidence;
  sourceCount: number;
  /** One sentence: how many sources, how closely they agree. */
  explanation: string;
}

export interface TaskLine {
  task: string;
  /** Percent of working time, where known (curated roles). */
  timeShare?: number;
  /** 1–5 (003's agentic AI score), where known. */
  score?: number;
  mode?: 'displacement' | 'augmentation' | 'not-involved';
  rationale?: string;
  /** Dataset labels E0 (none) / E1 (direct) / E2 (with tools) from humans and GPT-4. */
  humanExposure?: 'E0' | 'E1' | 'E2';
  gpt4Exposure?: 'E0' | 'E1' | 'E2';
  /** Human raters and GPT-4 disagree on this task. */
  disagreement?: boolean;
  /** 0–1 exposure used to order tasks. */
  exposure: number;
  source: string;
}

export interface Claim {
  text: string;
  source: string;
}

export interface FigureLine {
  label: string;
  value: number;
  unit: string;
  /** Human-readable value such as "$50,250 a year" or "+7%". */
  display: string;
  source: string;
  sourceName: string;
  asOf: string;
  /** The source's date is an estimate (see SourceRef.approximate). */
  asOfApproximate?: boolean;
  period?: string;
  note?: string;
  /** Other sources that give this same figure (their ids); the note names them. */
  confirmedBy?: string[];
}

/** What a long-range option needs that the origin lacks; such a move is never a plain one. */
export interface Gate {
  kind: 'professional-degree' | 'licence' | 'graduate-degree';
  /** One sentence: the requirement, with the O*NET share behind it. */
  requirement: string;
}

/** A knowledge area or skill the target needs more of, on O*NET's 0–7 level scale. */
export interface SkillGap {
  name: string;
  kind: 'knowledge' | 'skill';
  /** Level points the target needs beyond the origin's, weighted by the target's importance ((IM − 1) / 4). */
  gap: number;
  /** The target's level and the origin's (0–7). */
  level: number;
  have: number;
}

/** Both annual medians of a pay gap: one source, one year. */
export interface PayComparison {
  source: string;
  sourceName: string;
  period: string;
  origin: number;
  target: number;
  /** target / origin. */
  ratio: number;
  /** At least one figure is for a group that includes the occupation. */
  group: boolean;
}

export interface Transition extends RoleRef {
  why: string;
  /** The target's AIJRI (curated) or consensus percentile, and the gap from the origin role. */
  score?: number;
  scoreGap?: number;
  exposurePercentile?: number;
  exposureGap?: number;
  /** Median pay difference in USD a year (target − origin), both from one source and year (`pay`). */
  payGap?: number;
  /** The target's median pay, from the same source and year as `payGap`. */
  medianPay?: number;
  pay?: PayComparison;
  /** How alike the two O*NET profiles are: the share of occupation pairs less alike (0–1). */
  similarity?: number;
  /** Viability after Mapping Career Causeways: above the thresholds set from SOC broad and minor groups. */
  fit?: 'highly viable' | 'viable' | 'below the viable threshold';
  requires?: string;
  /** For a long-range option: the degree or licence it needs that the origin lacks. */
  gate?: Gate;
  /** Knowledge areas and skills to build, largest importance-weighted gap first (3 to 5). */
  skillsToBuild?: SkillGap[];
  /** Hot or in-demand technologies the target uses and the origin does not (O*NET Technology Skills). */
  technologies?: { name: string; hot: boolean; inDemand: boolean }[];
  /** The education or related experience the target usually needs beyond the origin's (O*NET's typical level:
   *  the category the median worker reports; `share` = % of the target's workers at that level or above). */
  steps?: { kind: 'education' | 'experience'; to: string; from?: string; share: number }[];
  /** The target's O*NET Job Zone (1–5). */
  jobZone?: number;
  origin: 'curated' | 'computed';
  source?: string;
}

export interface SkillLine {
  id: string;
  name: string;
  kind: 'exposed' | 'resilient' | 'future' | 'gap';
  description?: string;
  /** For computed skill gaps: how much more the target needs (0–100 level points). */
  gap?: number;
}

export interface ReskillingPath {
  transitions: Transition[];
  /** Computed options that need a degree or licence the origin lacks (each with `gate`); never plain moves. */
  longRange: Transition[];
  /** When the role has no O*NET ratings of its own, the rated occupation whose profile stands in for it. */
  proxy?: { soc: string; title: string; taskSimilarity: number; note: string };
  skills: SkillLine[];
  certifications: { id: string; acronym: string; name: string; issuer: string; why: string }[];
  specializations: { name: string; why: string; source: string }[];
}

export interface RoleCard {
  role: RoleRef & { summary?: string; curated: boolean; socTitle?: string };
  /** The single number shown first, with where it came from. */
  headline: { value: number; scale: string; zone?: Zone; band?: Band; label: string; source: string } | null;
  aijri?: Aijri;
  measures: Measure[];
  consensus: Consensus | null;
  ratings: { label: string; value: string; meaning?: string; source: string }[];
  tasks: TaskLine[];
  aiCan: Claim[];
  aiCannot: Claim[];
  risks: Claim[];
  tools: Claim[];
  timeline: { horizon: string; text: string; source: string }[];
  pay: FigureLine[];
  employment: FigureLine[];
  outlook: FigureLine[];
  otherFigures: FigureLine[];
  notThisRole: { role?: string; title: string; difference: string }[];
  seniority?: string;
  whoShouldWorry: Claim[];
  path: ReskillingPath;
  /** What this card cannot show, in plain words. */
  lacks: string[];
  sources: SourceRef[];
}

export interface MatchInfo {
  how: 'exact' | 'soc' | 'search' | 'sentence' | 'id';
  /** 0–1. */
  confidence: number;
  matched: string;
}

export interface RoleAnswer extends RoleCard {
  kind: 'role';
  query: string;
  match: MatchInfo;
}

export interface FaqAnswer {
  kind: 'faq';
  query: string;
  faq: { id: string; question: string; answer: string };
  roles: RoleRef[];
  sources: SourceRef[];
}

export interface AmbiguousAnswer {
  kind: 'ambiguous';
  query: string;
  candidates: (RoleRef & { confidence: number })[];
}

export interface NotFoundAnswer {
  kind: 'not_found';
  query: string;
  suggestions: RoleRef[];
  reason: 'empty' | 'no_match';
}

export interface HelpAnswer {
  kind: 'help';
  examples: string[];
  popularRoles: RoleRef[];
  commands: { usage: string; description: string }[];
  dataNote: string;
}

export interface PathAnswer {
  kind: 'path';
  query: string;
  role: RoleRef;
  headline: RoleCard['headline'];
  path: ReskillingPath;
  lacks: string[];
}

export interface CompareAnswer {
  kind: 'compare';
  query: string;
  roles: [RoleCard, RoleCard];
}

/** What `ask` can return; `path` and `compare` come from their own entry points. */
export type AskAnswer = RoleAnswer | FaqAnswer | AmbiguousAnswer | NotFoundAnswer | HelpAnswer;
export type Answer = AskAnswer | PathAnswer | CompareAnswer;
