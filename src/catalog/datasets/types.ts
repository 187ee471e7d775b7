// What the public datasets contribute to the catalog, per 6-digit SOC occupation.
import type { FigureLine, Measure, SourceRef, TaskLine } from '../../answers/types.js';

export interface DatasetSource extends SourceRef {
  /** The pinned version read (from the data manifest), e.g. "commit 0471612", "O*NET 30.1". */
  version: string;
  license: string;
  attribution: string;
  measure?: { name: string; scale: string; meaning: string; higherMeansMoreRisk: boolean };
}

/** Importance (1–5) and level (0–7) of each O*NET element, in the order of `OnetReference`; null where O*NET
 *  suppresses the value (Recommend Suppress) or gives none. A level O*NET marks "Not Relevant" is 0. */
export interface OnetRatings {
  importance: (number | null)[];
  level: (number | null)[];
}

/** One SOC's O*NET 30.1 profile, folded from its O*NET-SOC occupations (see onet-profiles.ts). Plain numbers
 *  and arrays, so the whole Datasets object serializes compactly. */
export interface OnetProfile {
  /** The O*NET-SOC occupations whose ratings make `skills` and `knowledge`; empty when O*NET rates none. */
  ratedCodes: string[];
  skills?: OnetRatings;
  knowledge?: OnetRatings;
  /** Share of workers (0–100) in each category of required education (RL, 12 categories), related work
   *  experience (RW, 11), on-site or in-plant training (PT, 9) and on-the-job training (OJ, 9); index 0 is
   *  category 1. Labels are in `OnetReference.categories`. */
  education?: number[];
  experience?: number[];
  onSite?: number[];
  onTheJob?: number[];
  /** Importance (1–5) of a job-related professional certification or licence, where O*NET rates it. */
  certification?: number;
  /** 1–5: how much preparation the occupation needs. */
  jobZone?: number;
  /** Technologies it uses (indices into `OnetReference.technologies`, ascending), and those O*NET marks In
   *  Demand for it (frequent in its job postings). */
  technologies: number[];
  inDemand: number[];
}

/** What O*NET profiles index into: element names, category labels, Job Zone names, technologies. */
export interface OnetReference {
  skills: { id: string; name: string }[];
  knowledge: { id: string; name: string }[];
  categories: { education: string[]; experience: string[]; onSite: string[]; onTheJob: string[] };
  /** "Job Zone One: Little or No Preparation Needed", … (index 0 is zone 1). */
  jobZones: string[];
  /** Hot: O*NET's Hot Technology flag (frequent in job postings across occupations). */
  technologies: { name: string; commodity: string; hot: boolean }[];
}

/** One published annual median wage, so two occupations are compared within one source and one year. */
export interface AnnualPay {
  source: string;
  sourceName: string;
  /** The year or month the wage describes, e.g. "2024" or "May 2021". */
  period: string;
  value: number;
  /** The figure is for a group that includes the occupation (a Handbook page or an OEWS broad group). */
  group: boolean;
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
  /** Median annual pay in USD from the freshest source, as the card shows it first. */
  medianPay?: number;
  /** Every annual median published for it, own figures first, for pay gaps within one source and year. */
  annualPay: AnnualPay[];
  /** Its O*NET 30.1 profile, where O*NET covers the SOC (skills and knowledge only where O*NET rates it). */
  profile?: OnetProfile;
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
type TitleSource = 'onet-occupation' | 'onet-alternate' | 'onet-short' | 'onet-reported';

/** A job title that names a 6-digit SOC occupation, as a dataset writes it. */
export interface OccupationTitle {
  soc: string;
  /** The O*NET-SOC occupation (8 digits, e.g. 29-9099.01) the title belongs to. */
  code: string;
  title: string;
  source: TitleSource;
  /** For a short title ("CPA"), the alternate title it shortens; for an alternate title, its short form. */
  of?: string;
  short?: string;
  /** How many of O*NET's title sources list it (an alternate title's Source(s) count); 1 for the others. */
  sources: number;
  /** For an O*NET occupation's own title: what the occupation does (Occupation Data's Description). */
  description?: string;
}

export interface Datasets {
  /** The folder read, or null when AIRISK_DATA_DIR is unset (curated knowledge only). */
  dir: string | null;
  occupations: Map<string, OccupationData>;
  sources: Map<string, DatasetSource>;
  /** O*NET 30.1 names and labels the profiles index into; null without datasets. */
  onet: OnetReference | null;
  /** Job titles that name the occupations (O*NET occupation, alternate, short and reported titles), as loaded.
   *  A booted engine has them in its name index instead (app/boot.ts empties this list). */
  titles: OccupationTitle[];
  /** One line for the start-up log and the help answer, e.g. which datasets were read. */
  note: string;
}
