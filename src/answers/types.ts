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
  /** For a public dataset, the pinned version read ("commit 0471612", "O*NET 30.1"), so answers never change
   *  silently. */
  version?: string;
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
  /** O*NET marks it a Supplemental task of the occupation, not a Core one (less relevant or less important). */
  supplemental?: boolean;
  /** It comes from a specialty O*NET occupation folded into the SOC (29-1141.03 Critical Care Nurses in
   *  Registered Nurses), not from the SOC's own O*NET occupation. */
  specialty?: boolean;
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
  kind:
    | 'professional-degree'
    | 'licence'
    | 'graduate-degree'
    | 'degree'
    | 'education-step'
    | 'certificate'
    | 'apprenticeship'
    | 'study';
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
  /** One the move turns on: the target needs it far more than most jobs do, and it is not one most jobs rate
   *  important (English Language, Active Listening…). The first screen names the largest such gap. */
  core?: boolean;
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
  /** For a long-range option: the degree, licence, certificate or apprenticeship it needs that the origin lacks. */
  gate?: Gate;
  /** A computed move from an occupation already among the least exposed: not safer, but no more exposed (it is in
   *  the least exposed fifth too, and at most the safer margin above the origin). */
  lateral?: boolean;
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
  /** Computed options that need a degree, licence, certificate or apprenticeship the origin lacks (each with
   *  `gate`); never plain moves. */
  longRange: Transition[];
  /** When the role has no O*NET ratings of its own, the rated occupation whose profile stands in for it. */
  proxy?: { soc: string; title: string; taskSimilarity: number; note: string };
  skills: SkillLine[];
  certifications: { id: string; acronym: string; name: string; issuer: string; why: string }[];
  specializations: { name: string; why: string; source: string }[];
}

/** Where a verdict's exposure comes from: the consensus of ranked public datasets, or an AIJRI turned round. */
type VerdictBasis = 'consensus' | 'aijri' | 'aijri-published';

/**
 * The card's one verdict, in one direction: more is always more exposed. `exposure` is what the bar fills with;
 * `level` is its step on the five-step scale and the word and colour every renderer shows.
 */
export interface Verdict {
  /** Five steps, from very low to very high AI exposure (thresholds 20, 40, 60, 80 on `exposure`). */
  level: Band;
  /**
   * 0–100, more = more exposed. For basis `consensus` it is the exposure percentile; for an AIJRI (higher = more
   * resistant) it is 100 − AIJRI, the same index turned round, which is not a rank among occupations.
   */
  exposure: number;
  /** 0–100 rank among all occupations the ranked sources cover, more = more exposed; null where none covers it. */
  exposurePercentile: number | null;
  basis: VerdictBasis;
  /** The measure the verdict follows from, on its own scale (e.g. "AIJRI 11.6 of 100, higher = more resistant"). */
  from: string;
  confidence: Confidence;
  /** Why confidence is what it is, in plain words; renderers say it before the verdict when confidence is low. */
  confidenceNote: string;
  /** One plain sentence on why: no codes, no Greek letters, no "percentile". */
  sentence: string;
  /** One sentence: exposure is not a layoff forecast. */
  caveat: string;
  /** One sentence: which kind of AI the measures cover. */
  measuredAi: string;
  /** How the verdict follows from its measure, for the details ("100 − 11.6 = 88.4, in the very high step"). */
  method: string;
}

/** Two things AI can and two it cannot do, for the first screen. */
export interface Glance {
  aiCan: Claim[];
  aiCannot: Claim[];
  /** curated: statements from the role's sources; tasks: the most and least exposed task statements. */
  from: 'curated' | 'tasks' | 'none';
}

/** One concrete thing to do now, drawn from the reskilling path (or, without one, from the task ratings). */
export interface NextStep {
  kind: 'move' | 'skill' | 'certification' | 'specialization' | 'task';
  /** What to do, in words before the title: "Look at a move to", "Build", "Specialise in". */
  action: string;
  /** The thing itself: a role, skill, certification or task. */
  title: string;
  /** Why, in one clause. */
  why: string;
  roleId?: string;
  source?: string;
}

/** A figure chosen for the first screen, with its source in a few words ("BLS") and its date or period. */
export interface KeyFigure extends FigureLine {
  by: string;
  when: string;
}

/** The one figure per fact shown on the first screen; every other figure stays in the details. */
export interface KeyFigures {
  pay: KeyFigure | null;
  employment: KeyFigure | null;
  outlook: KeyFigure | null;
  /** One sentence on why the pay figures differ, when there are several. */
  payDiffers: string | null;
  /** The same for the employment figures. */
  employmentDiffers: string | null;
}

export type ExperienceLevel = 'entry' | 'mid' | 'senior';

/** One experience level's result by the same AIJRI formula, the other inputs held fixed. */
export interface ExperienceResult {
  level: ExperienceLevel;
  label: string;
  /** The work that sets this level apart, where the source says. */
  work?: string;
  /** Task resistance (1–5) as the source gives it for this level: a range, or one value for the assessed level. */
  taskResistance: { from: number; to: number };
  /** AIJRI (higher = more resistant) for each end of the range. */
  aijri: { from: number; to: number };
  /** The verdict step of each end (100 − AIJRI, as the verdict reads an AIJRI). */
  verdictLevel: { from: Band; to: Band };
  zone: { from: Zone; to: Zone };
  /** The level the card's profile describes. */
  assessed: boolean;
}

export interface Experience {
  /** Which experience level the card's profile describes, in words. */
  profile: string;
  /** Results by level, where a source gives level-specific inputs. */
  levels: ExperienceResult[];
  /** The inputs held fixed between levels, in words. */
  heldFixed: string | null;
  source: string | null;
  /** The level a qualifier in the question asked about ("5 years experience", "senior"), and the words. */
  asked: { level: ExperienceLevel; words: string } | null;
  /** One plain sentence for the first screen. */
  sentence: string;
}

export interface RoleCard {
  role: RoleRef & {
    summary?: string;
    curated: boolean;
    socTitle?: string;
    /** The O*NET occupation the card is for when its SOC is a residual "All Other" group (then `title` reads
     *  "Midwives (in Healthcare Practitioners and Technical Workers, All Other)" and `socTitle` is the SOC's). */
    onetOccupation?: string;
  };
  /** The headline measure on its own scale (AIJRI or consensus percentile); the verdict normalises it. */
  headline: { value: number; scale: string; zone?: Zone; band?: Band; label: string; source: string } | null;
  /** The verdict, one direction (more = more exposed); null when no measure covers the role. */
  verdict: Verdict | null;
  glance: Glance;
  /** Up to three concrete things to do now. */
  nextSteps: NextStep[];
  keyFigures: KeyFigures;
  experience: Experience;
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
  /** For a synonym (knowledge/synonyms.yaml), who lists the title for this occupation ("U.S. Bureau of Labor
   *  Statistics"): the publisher of the source the entry names. */
  listedBy?: string;
  /** The O*NET-SOC occupation (8 digits, e.g. 29-9099.01) the matched title belongs to, for an O*NET title. */
  onet?: string;
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
  /** no_job: a question that names no job ("will AI replace my job?"); the reply asks for the job title. */
  reason: 'empty' | 'no_match' | 'no_job';
}

/** One command: `ask` is the question itself (no word before it), the others take their verb first. */
export interface CommandHelp {
  verb: 'ask' | 'path' | 'compare' | 'help';
  /** What follows the verb, with <placeholders>; empty when nothing does. */
  args: string;
  description: string;
}

export interface HelpAnswer {
  kind: 'help';
  examples: string[];
  popularRoles: RoleRef[];
  /** What can be asked, as neutral data: each renderer spells a command the way its transport takes it. */
  commands: CommandHelp[];
  /** What the bot covers, in words for employees (no server paths or dataset statistics). */
  coverage: string;
}

export interface PathAnswer {
  kind: 'path';
  query: string;
  role: RoleRef;
  headline: RoleCard['headline'];
  verdict: Verdict | null;
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
