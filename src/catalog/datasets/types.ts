// What the public datasets contribute to the catalog, per 6-digit SOC occupation.
import type { FigureLine, Measure, SourceRef, TaskLine } from '../../answers/types.js';

export interface DatasetSource extends SourceRef {
  license: string;
  attribution: string;
  measure?: { name: string; scale: string; meaning: string; higherMeansMoreRisk: boolean };
}

export interface SkillLevel {
  /** O*NET basic skill name, e.g. "Critical Thinking". */
  name: string;
  importance: number;
  /** 0–100; null where O*NET marks the skill "Not relevant" (or its level "Not available"). */
  level: number | null;
}

export interface OccupationData {
  /** 6-digit SOC, e.g. 29-2072. */
  soc: string;
  title: string;
  /** The O*NET-SOC (8-digit) occupations folded into this SOC, with their own titles. */
  onet: { code: string; title: string }[];
  /** One per dataset measure that covers the occupation, each with its percentile among all occupations. */
  measures: Measure[];
  /** Task statements with human and GPT-4 exposure labels, most exposed first. */
  tasks: TaskLine[];
  pay: FigureLine[];
  employment: FigureLine[];
  outlook: FigureLine[];
  /** Median annual pay in USD from the freshest source, for path pay gaps. */
  medianPay?: number;
  skills?: SkillLevel[];
  jobZone?: number;
  /** Entry education and the BLS OOH page, where the Handbook covers it. */
  ooh?: {
    url: string;
    entryEducation?: string;
    category?: string;
    /** The Handbook page's title; it may cover a group of SOCs. */ title?: string;
  };
  /** What the datasets could not give for this occupation, in plain words (e.g. a wage BLS does not publish). */
  lacks?: string[];
  /**
   * How many people hold the job, for choosing between occupations one title can mean (never shown as a
   * figure): the BLS Handbook's 2024 jobs for an occupation with its own Handbook page (self-employed
   * included), else BLS OEWS May 2021 employment of the occupation, else its OEWS broad group's employment
   * shared evenly among the group's occupations.
   */
  employmentPrior?: { workers: number; basis: 'ooh-2024' | 'oews-2021' | 'oews-2021-group-share' };
}

/** Where a title that names an occupation comes from. */
export type TitleSource = 'onet-occupation' | 'onet-alternate' | 'onet-short' | 'onet-reported';

/** A job title that names a 6-digit SOC occupation, as a dataset writes it. */
export interface OccupationTitle {
  soc: string;
  title: string;
  source: TitleSource;
  /** For a short title ("CPA"), the alternate title it shortens. */
  of?: string;
  /** How many of O*NET's title sources list it (an alternate title's Source(s) count); 1 for the others. */
  sources: number;
}

export interface Datasets {
  /** The folder read, or null when AIRISK_DATA_DIR is unset (curated knowledge only). */
  dir: string | null;
  occupations: Map<string, OccupationData>;
  sources: Map<string, DatasetSource>;
  /** Job titles that name the occupations (O*NET occupation, alternate, short and reported titles), as loaded.
   *  A booted engine has them in its name index instead (transports/boot.ts empties this list). */
  titles: OccupationTitle[];
  /** One line for the start-up log and the help answer, e.g. which datasets were read. */
  note: string;
}
