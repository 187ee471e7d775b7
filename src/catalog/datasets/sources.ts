// Where each dataset figure comes from, as ../shared/datasets/PROVENANCE.md records it. Every Measure,
// TaskLine and FigureLine the loaders build names one of these ids. Versions come from the data manifest, which
// pins them, so a card's sources name exactly the data it was built from.
import { manifestDataset } from './manifest.js';
import { ONET_DIR } from './onet.js';
import type { DatasetSource } from './types.js';

const ELOUNDOU = manifestDataset('eloundou-gpts-are-gpts');
const MICROSOFT = manifestDataset('microsoft-working-with-ai');
const OOH = manifestDataset('bls-ooh');
const OEWS = manifestDataset('bls-oews-2021');

const ELOUNDOU_AS_OF = '2025-10-03';
const ELOUNDOU_URL = 'https://github.com/openai/GPTs-are-GPTs';
const ELOUNDOU_CITATION =
  `Eloundou, Manning, Mishkin, Rock, "GPTs are GPTs", Science (2024); data from ` + `${ELOUNDOU.source}`;
const EXPOSURE_SCALE = '0–1 share of tasks exposed (β: E1 + ½·E2)';

const exposureMeaning = (raters: string) =>
  `Share of the occupation's O*NET tasks that ${raters} judged an LLM could do in half the time (E1, counted fully) ` +
  `or could with software built on an LLM (E2, counted half). Mean over the O*NET occupations in the SOC.`;

export const DATASET_SOURCES = {
  eloundouGpt4: {
    id: 'eloundou-gpt4',
    name: 'GPTs are GPTs: GPT-4 exposure ratings',
    publisher: 'Eloundou, Manning, Mishkin, Rock (Science, 2024)',
    url: ELOUNDOU_URL,
    asOf: ELOUNDOU_AS_OF,
    version: ELOUNDOU.version,
    license: 'MIT',
    attribution: ELOUNDOU_CITATION,
    measure: {
      name: 'LLM exposure rated by GPT-4 (β)',
      scale: EXPOSURE_SCALE,
      meaning: exposureMeaning('GPT-4'),
      higherMeansMoreRisk: true,
    },
  },
  eloundouHuman: {
    id: 'eloundou-human',
    name: 'GPTs are GPTs: human exposure ratings',
    publisher: 'Eloundou, Manning, Mishkin, Rock (Science, 2024)',
    url: ELOUNDOU_URL,
    asOf: ELOUNDOU_AS_OF,
    version: ELOUNDOU.version,
    license: 'MIT',
    attribution: ELOUNDOU_CITATION,
    measure: {
      name: 'LLM exposure rated by human annotators (β)',
      scale: EXPOSURE_SCALE,
      meaning: exposureMeaning('human annotators'),
      higherMeansMoreRisk: true,
    },
  },
  eloundouTasks: {
    id: 'eloundou-tasks',
    name: 'GPTs are GPTs: task exposure labels',
    publisher: 'Eloundou, Manning, Mishkin, Rock (Science, 2024)',
    url: ELOUNDOU_URL,
    asOf: ELOUNDOU_AS_OF,
    version: ELOUNDOU.version,
    license: 'MIT',
    attribution: `${ELOUNDOU_CITATION}; task statements from O*NET`,
  },
  onet: {
    id: 'onet-30.1',
    name: 'O*NET 30.1 Database',
    publisher: 'U.S. Department of Labor, Employment and Training Administration (USDOL/ETA)',
    url: 'https://www.onetcenter.org/database.html',
    asOf: '2025-12',
    version: manifestDataset(ONET_DIR).version,
    license: 'CC BY 4.0',
    attribution:
      'This product includes information from the O*NET 30.1 Database by the U.S. Department of Labor, Employment ' +
      'and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license.',
  },
  blsProjections2020: {
    id: 'bls-projections-2020',
    name: 'BLS Employment Projections 2020–30 (as processed in GPTs are GPTs)',
    publisher: 'U.S. Bureau of Labor Statistics, via Eloundou et al.',
    url: ELOUNDOU_URL,
    asOf: ELOUNDOU_AS_OF,
    version: ELOUNDOU.version,
    license: 'Public domain (BLS data)',
    attribution:
      `Employment Projections program, U.S. Bureau of Labor Statistics, as processed in ` + `${ELOUNDOU_CITATION}`,
  },
  microsoft: {
    id: 'microsoft-ai-applicability',
    name: 'Working with AI: AI applicability score',
    publisher: 'Tomlinson, Jaffe, Wang, Counts, Suri (Microsoft, 2025)',
    url: 'https://github.com/microsoft/working-with-ai',
    asOf: '2025-10-17',
    version: MICROSOFT.version,
    license: 'CC BY 4.0',
    attribution:
      `Tomlinson, Jaffe, Wang, Counts, Suri, "Working with AI" (2025); data from ${MICROSOFT.source}, CC ` + `BY 4.0`,
    measure: {
      name: 'AI applicability score',
      scale: '0–1 AI applicability score',
      meaning:
        'How much of the occupation’s work people applied AI to in Bing Copilot conversations (Jan–Sep 2024), ' +
        'combining coverage, completion and scope. It shows where AI is used, not whether the job is replaced.',
      higherMeansMoreRisk: true,
    },
  },
  blsOoh: {
    id: 'bls-ooh',
    name: 'BLS Occupational Outlook Handbook',
    publisher: 'U.S. Bureau of Labor Statistics',
    url: 'https://www.bls.gov/ooh/',
    asOf: '2024',
    version: OOH.version,
    license: 'Public domain',
    attribution: `U.S. Bureau of Labor Statistics, Occupational Outlook Handbook, as tabulated in ${OOH.source}`,
  },
  blsOews2021: {
    id: 'bls-oews-2021',
    name: 'BLS Occupational Employment and Wage Statistics, May 2021',
    publisher: 'U.S. Bureau of Labor Statistics',
    url: 'https://www.bls.gov/oes/',
    asOf: '2021-05',
    version: OEWS.version,
    license: 'Public domain',
    attribution: `U.S. Bureau of Labor Statistics, OEWS national estimates May 2021, via ${OEWS.source}`,
  },
} satisfies Record<string, DatasetSource>;

/** Said wherever the Microsoft score is shown, so nobody reads it as a replacement forecast. */
export const MICROSOFT_CAVEAT =
  'Measures where people applied AI in Bing Copilot chats, not whether the job is replaced.';

/** Added only where it applies: health-record work is a large part of the job (HEALTH_RECORD_WORK) and the score
 *  ranks the occupation low (below the median), which is what the sentence explains. */
export const MICROSOFT_HEALTH_RECORDS_CAVEAT =
  'Health-record work may score low here partly because compliant tools do not route through Copilot.';

export const HEALTH_RECORD_WORK = {
  /** A task statement about health records. */
  task: /\b(?:medical|health|patient|clinical|dental)[- ](?:records?|charts?|information|histor(?:y|ies)|documentation)\b|\belectronic health records?\b|\bEHRs?\b/i,
  /** Share of the occupation's task statements that must be about them. */
  minShare: 0.2,
  /** The score's percentile below which it "scores low". */
  belowPercentile: 50,
} as const;
