// Where each dataset figure comes from, as ../shared/datasets/PROVENANCE.md records it. Every Measure,
// TaskLine and FigureLine the loaders build names one of these ids.
import type { DatasetSource } from './types.js';

const ELOUNDOU_AS_OF = '2025-10-03';
const ELOUNDOU_URL = 'https://github.com/openai/GPTs-are-GPTs';
const ELOUNDOU_CITATION =
  'Eloundou, Manning, Mishkin, Rock, "GPTs are GPTs", Science (2024); data from github.com/openai/GPTs-are-GPTs, commit 0471612';
const EXPOSURE_SCALE = '0–1 share of tasks exposed (β: E1 + ½·E2)';

const exposureMeaning = (raters: string) =>
  `Share of the occupation's O*NET tasks that ${raters} judged an LLM could do in half the time (E1, counted fully) or could with software built on an LLM (E2, counted half). Mean over the O*NET occupations in the SOC.`;

export const DATASET_SOURCES = {
  eloundouGpt4: {
    id: 'eloundou-gpt4',
    name: 'GPTs are GPTs: GPT-4 exposure ratings',
    publisher: 'Eloundou, Manning, Mishkin, Rock (Science, 2024)',
    url: ELOUNDOU_URL,
    asOf: ELOUNDOU_AS_OF,
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
    license: 'MIT',
    attribution: `${ELOUNDOU_CITATION}; task statements from O*NET`,
  },
  onetSkills: {
    id: 'onet-basic-skills',
    name: 'O*NET basic skills (as tabulated in GPTs are GPTs)',
    publisher: 'O*NET (USDOL/ETA), via Eloundou et al.',
    url: ELOUNDOU_URL,
    asOf: ELOUNDOU_AS_OF,
    license: 'MIT (repository)',
    attribution: `O*NET basic-skills importance and level and Job Zone, as tabulated in ${ELOUNDOU_CITATION}`,
  },
  blsProjections2020: {
    id: 'bls-projections-2020',
    name: 'BLS Employment Projections 2020–30 (as processed in GPTs are GPTs)',
    publisher: 'U.S. Bureau of Labor Statistics, via Eloundou et al.',
    url: ELOUNDOU_URL,
    asOf: ELOUNDOU_AS_OF,
    license: 'Public domain (BLS data)',
    attribution: `Employment Projections program, U.S. Bureau of Labor Statistics, as processed in ${ELOUNDOU_CITATION}`,
  },
  microsoft: {
    id: 'microsoft-ai-applicability',
    name: 'Working with AI: AI applicability score',
    publisher: 'Tomlinson, Jaffe, Wang, Counts, Suri (Microsoft, 2025)',
    url: 'https://github.com/microsoft/working-with-ai',
    asOf: '2025-10-17',
    license: 'CC BY 4.0',
    attribution:
      'Tomlinson, Jaffe, Wang, Counts, Suri, "Working with AI" (2025); data from github.com/microsoft/working-with-ai, commit 84c4eba, CC BY 4.0',
    measure: {
      name: 'AI applicability score',
      scale: '0–1 AI applicability score',
      meaning:
        'How much of the occupation’s work people applied AI to in Bing Copilot conversations (Jan–Sep 2024), combining coverage, completion and scope. It shows where AI is used, not whether the job is replaced.',
      higherMeansMoreRisk: true,
    },
  },
  blsOoh: {
    id: 'bls-ooh',
    name: 'BLS Occupational Outlook Handbook',
    publisher: 'U.S. Bureau of Labor Statistics',
    url: 'https://www.bls.gov/ooh/',
    asOf: '2024',
    license: 'Public domain',
    attribution:
      'U.S. Bureau of Labor Statistics, Occupational Outlook Handbook, as tabulated in github.com/karpathy/jobs, commit d7ecbd7',
  },
  blsOews2021: {
    id: 'bls-oews-2021',
    name: 'BLS Occupational Employment and Wage Statistics, May 2021',
    publisher: 'U.S. Bureau of Labor Statistics',
    url: 'https://www.bls.gov/oes/',
    asOf: '2021-05',
    license: 'Public domain',
    attribution:
      'U.S. Bureau of Labor Statistics, OEWS national estimates May 2021, via github.com/openai/GPTs-are-GPTs',
  },
  onet: {
    id: 'onet-30.1',
    name: 'O*NET 30.1 Database',
    publisher: 'U.S. Department of Labor, Employment and Training Administration (USDOL/ETA)',
    url: 'https://www.onetcenter.org/database.html',
    asOf: '2025-12',
    license: 'CC BY 4.0',
    attribution:
      'This product includes information from the O*NET 30.1 Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license.',
  },
} satisfies Record<string, DatasetSource>;

/** Said wherever the Microsoft score is shown, so nobody reads it as a replacement forecast. */
export const MICROSOFT_CAVEAT =
  'Measures where people applied AI in Bing Copilot chats, not whether the job is replaced. Health-record work scores low partly because compliant tools do not route through Copilot.';
