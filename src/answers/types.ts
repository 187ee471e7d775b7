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
  period?: string;
  note?: string;
  /** Other sources that give this same figure (their ids); the note names them. */
  confirmedBy?: string[];
}

export interface Transition extends RoleRef {
  why: string;
  /** The target's AIJRI (curated) or consensus percentile, and the gap from the origin role. */
  score?: number;
  scoreGap?: number;
  exposurePercentile?: number;
  exposureGap?: number;
  /** Median pay difference in USD a year, where both are known. */
  payGap?: number;
  medianPay?: number;
  /** 0–1 cosine similarity of basic-skills profiles, for computed transitions. */
  similarity?: number;
  requires?: string;
  /** Basic skills the target needs at a higher level than the origin has, biggest gap first. */
  skillsToBuild?: { name: string; gap: number }[];
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

/** Where the name that matched comes from: a role's own title or curated alias (`catalog`), an O*NET title
 *  (`onet-occupation`, `onet-alternate`, its `onet-short` form, `onet-reported`), a curated British or
 *  international title (`synonym`), the SOC code typed (`soc-code`), or the role's O*NET task statements
 *  (`task-statements`, when no name matched). */
export type MatchSource =
  | 'catalog'
  | 'onet-occupation'
  | 'onet-alternate'
  | 'onet-short'
  | 'onet-reported'
  | 'synonym'
  | 'soc-code'
  | 'task-statements';

export interface MatchInfo {
  how: 'exact' | 'soc' | 'search' | 'sentence' | 'id';
  /** 0–1. */
  confidence: number;
  /** The words of the query that matched, normalized. */
  matched: string;
  /** The name that matched, as its source writes it ("Forklift Operator"). */
  title: string;
  source: MatchSource;
  /** For a short title ("CPA"), the title it shortens. */
  of?: string;
  /** What the person added that was set aside to find the job ("senior", "part-time", "5 years experience"). */
  qualifiers: string[];
}

export interface RoleAnswer extends RoleCard {
  kind: 'role';
  query: string;
  match: MatchInfo;
  /** Other occupations the words can mean, most likely first ("Also: …"). */
  alternatives: RoleRef[];
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
  /**
   * Why the person is asked to choose: the title means several occupations and none clearly dominates
   * (`several`); one word matched only through a typo (`typo`, "Did you mean …?"); only a generic word such as
   * "manager" matched (`generic`); or the best match is too weak to answer with (`unsure`).
   */
  reason: 'several' | 'typo' | 'generic' | 'unsure';
  candidates: (RoleRef & { confidence: number })[];
  /** Qualifiers set aside, as on a role answer. */
  qualifiers: string[];
}

export interface NotFoundAnswer {
  kind: 'not_found';
  query: string;
  suggestions: RoleRef[];
  /** `no_job`: the text asks about AI and jobs but names no job ("will AI replace my job?"): ask which job. */
  reason: 'empty' | 'no_match' | 'no_job';
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
