// Every file the catalog reads from the data folder: its path there, where the original comes from, and how a
// copy is verified. `airisk data fetch` downloads by it, `airisk data status` checks by it, and the dataset
// sources name the versions it pins. Change a pin here and only here.
import { createHash } from 'node:crypto';
import { ONET_DIR } from './onet.js';

/** How a copy of a file is known to be the right one. */
export type FileCheck =
  /** Fixed bytes (a commit-pinned file): its SHA-256 and size. */
  | { kind: 'sha256'; sha256: string; bytes: number }
  /** A table from a published archive: these columns (by name: other columns may come and go) and exactly this many
   *  data rows. */
  | { kind: 'table'; delimiter: '\t' | ','; columns: readonly string[]; rows: number }
  /** A small text file that must name its release. */
  | { kind: 'text'; contains: string };

/** Where the original of a file comes from: a URL of its own, or an entry of a published archive. */
type FileOrigin = { url: string } | { archive: string; entry: string };

export interface ManifestFile {
  /** Path in the data folder, with '/' between folders (`onet-30.1/Skills.txt`). */
  path: string;
  origin: FileOrigin;
  check: FileCheck;
}

export interface ManifestArchive {
  id: string;
  url: string;
  /** What it is, for progress lines: "O*NET 30.1 database, text edition". */
  name: string;
}

export interface ManifestDataset {
  /** Its folder in the data folder. */
  id: string;
  name: string;
  /** The version pinned, as people should read it on a card: "commit 0471612", "O*NET 30.1". */
  version: string;
  /** Where it comes from, in words with the repository or page. */
  source: string;
  license: string;
  files: ManifestFile[];
}

export interface DataManifest {
  datasets: ManifestDataset[];
  archives: ManifestArchive[];
}

const GITHUB_RAW = 'https://raw.githubusercontent.com';

/** The commits the GitHub files are pinned to. karpathy/jobs and microsoft/working-with-ai are pinned by the
 *  7-digit abbreviation the README has always given (GitHub resolves it); every byte is checked by SHA-256. */
const PINNED_COMMITS = {
  gptsAreGpts: { repo: 'openai/GPTs-are-GPTs', commit: '0471612fef3cc22b74fb884d27bff9dbd3770582' },
  workingWithAi: { repo: 'microsoft/working-with-ai', commit: '84c4eba' },
  karpathyJobs: { repo: 'karpathy/jobs', commit: 'd7ecbd7' },
} as const;

type Pin = (typeof PINNED_COMMITS)[keyof typeof PINNED_COMMITS];

/** "commit 0471612": how a pin is named to people. */
const commitLabel = (pin: Pin) => `commit ${pin.commit.slice(0, 7)}`;

function pinned(dir: string, pin: Pin, repoPath: string, sha256: string, bytes: number): ManifestFile {
  return {
    path: `${dir}/${repoPath.split('/').at(-1)}`,
    origin: { url: `${GITHUB_RAW}/${pin.repo}/${pin.commit}/${repoPath}` },
    check: { kind: 'sha256', sha256, bytes },
  };
}

const ONET_ARCHIVE: ManifestArchive = {
  id: 'onet-30.1-text',
  url: 'https://www.onetcenter.org/dl_files/database/db_30_1_text.zip',
  name: 'O*NET 30.1 database, text edition',
};

/** An O*NET file: the columns both its text edition and its Excel edition have, and the row count the O*NET 30.1
 *  data dictionary gives (the same in both editions). */
function onet(name: string, columns: readonly string[], rows: number): ManifestFile {
  return {
    path: `${ONET_DIR}/${name}`,
    origin: { archive: ONET_ARCHIVE.id, entry: name },
    check: { kind: 'table', delimiter: '\t', columns, rows },
  };
}

/** The O*NET rating files' columns, as its data dictionary lists them: the element rated, the value, its
 *  statistics, and when and by whom it was rated. */
const ELEMENT = ['O*NET-SOC Code', 'Element ID', 'Element Name', 'Scale ID'] as const;
const STATISTICS = ['N', 'Standard Error', 'Lower CI Bound', 'Upper CI Bound', 'Recommend Suppress'] as const;
const RATED = ['Date', 'Domain Source'] as const;
const RATING_COLUMNS = [...ELEMENT, 'Data Value', ...STATISTICS, 'Not Relevant', ...RATED];

const { gptsAreGpts, workingWithAi, karpathyJobs } = PINNED_COMMITS;

export const DATA_MANIFEST: DataManifest = {
  archives: [ONET_ARCHIVE],
  datasets: [
    {
      id: 'eloundou-gpts-are-gpts',
      name: 'GPTs are GPTs (Eloundou et al.)',
      version: commitLabel(gptsAreGpts),
      source: `github.com/${gptsAreGpts.repo}, ${commitLabel(gptsAreGpts)}`,
      license: 'MIT',
      files: [
        pinned(
          'eloundou-gpts-are-gpts',
          gptsAreGpts,
          'data/occ_level.csv',
          '40c74f53de40aec91c0017d80690cbba915f83a8bb414bcf2f884692f1749acb',
          126_022,
        ),
        pinned(
          'eloundou-gpts-are-gpts',
          gptsAreGpts,
          'data/full_labelset.tsv',
          '094378905e1f3349e50a9a83dc69643a2ef227954d611c8316a46da08cb3d8de',
          3_893_248,
        ),
        pinned(
          'eloundou-gpts-are-gpts',
          gptsAreGpts,
          'data/occupations_projections_processed.csv',
          'd1f2a237e8ee0016e1ef656f9e453efdfffc48fcc0a8d4b15697fdd57995f730',
          45_300,
        ),
        pinned(
          'eloundou-gpts-are-gpts',
          gptsAreGpts,
          'LICENSE',
          'd831db55645e47ca8e491c5a0e37f1ee744d7b10bf5aa8d50146c795ac0176c0',
          1_063,
        ),
      ],
    },
    {
      id: 'microsoft-working-with-ai',
      name: 'Working with AI (Microsoft Research)',
      version: commitLabel(workingWithAi),
      source: `github.com/${workingWithAi.repo}, ${commitLabel(workingWithAi)}`,
      license: 'CC BY 4.0',
      files: [
        pinned(
          'microsoft-working-with-ai',
          workingWithAi,
          'soc_ai_applicability_scores.csv',
          '2a077dbe90ff377813adac04b2acef6aee51c4b13505a4760ea84ca3efc9039a',
          49_995,
        ),
        pinned(
          'microsoft-working-with-ai',
          workingWithAi,
          'soc_metrics.csv',
          '111390f0a0d60e287dfa694b299d144f88eaebf2c4c41e910ae258f17d364a04',
          183_429,
        ),
        pinned(
          'microsoft-working-with-ai',
          workingWithAi,
          'LICENSE.txt',
          '7482bb7c074d6d966bb94e54f3393f089d576e8be9dc9e92e239a40a56df8a41',
          214,
        ),
        pinned(
          'microsoft-working-with-ai',
          workingWithAi,
          'NOTICE.md',
          '5bd3f57af189553c8d7f287a7d5542e55a758d2eceb36f79834db1fa96ae67d3',
          855,
        ),
      ],
    },
    {
      id: 'bls-ooh',
      name: 'BLS Occupational Outlook Handbook',
      version: `karpathy/jobs ${commitLabel(karpathyJobs)}`,
      source: `github.com/${karpathyJobs.repo}, ${commitLabel(karpathyJobs)}`,
      license: 'Public domain (BLS)',
      files: [
        pinned(
          'bls-ooh',
          karpathyJobs,
          'occupations.csv',
          '190e92212c18ddeb96f8e848c279874a262509136e65656d3e27c09e8a36fd59',
          92_091,
        ),
      ],
    },
    {
      id: 'bls-oews-2021',
      name: 'BLS Occupational Employment and Wage Statistics, May 2021',
      version: `GPTs-are-GPTs ${commitLabel(gptsAreGpts)}`,
      source: `github.com/${gptsAreGpts.repo}, ${commitLabel(gptsAreGpts)}`,
      license: 'Public domain (BLS)',
      files: [
        pinned(
          'bls-oews-2021',
          gptsAreGpts,
          'data/national_May2021_dl.csv',
          'ed35ea6dda3c430f7865c2194df49bacf8f0502a6783462051c603b53974583f',
          309_133,
        ),
      ],
    },
    {
      id: ONET_DIR,
      name: 'O*NET 30.1 Database (USDOL/ETA)',
      version: 'O*NET 30.1',
      source: `O*NET Resource Center, ${ONET_ARCHIVE.url}`,
      license: 'CC BY 4.0',
      files: [
        onet('Occupation Data.txt', ['O*NET-SOC Code', 'Title', 'Description'], 1_016),
        onet('Alternate Titles.txt', ['O*NET-SOC Code', 'Alternate Title', 'Short Title', 'Source(s)'], 56_505),
        onet('Sample of Reported Titles.txt', ['O*NET-SOC Code', 'Reported Job Title', 'Shown in My Next Move'], 7_955),
        onet('Skills.txt', RATING_COLUMNS, 62_580),
        onet('Knowledge.txt', RATING_COLUMNS, 59_004),
        onet(
          'Education, Training, and Experience.txt',
          [...ELEMENT, 'Category', 'Data Value', ...STATISTICS, ...RATED],
          37_125,
        ),
        onet(
          'Education, Training, and Experience Categories.txt',
          ['Element ID', 'Element Name', 'Scale ID', 'Category', 'Category Description'],
          41,
        ),
        onet('Job Zones.txt', ['O*NET-SOC Code', 'Job Zone', 'Date', 'Domain Source'], 923),
        onet(
          'Job Zone Reference.txt',
          ['Job Zone', 'Name', 'Experience', 'Education', 'Job Training', 'Examples', 'SVP Range'],
          5,
        ),
        onet(
          'Technology Skills.txt',
          ['O*NET-SOC Code', 'Example', 'Commodity Code', 'Commodity Title', 'Hot Technology', 'In Demand'],
          32_773,
        ),
        onet(
          'Task Statements.txt',
          ['O*NET-SOC Code', 'Task ID', 'Task', 'Task Type', 'Incumbents Responding', 'Date', 'Domain Source'],
          18_796,
        ),
        onet('Content Model Reference.txt', ['Element ID', 'Element Name', 'Description'], 630),
        onet('Scales Reference.txt', ['Scale ID', 'Scale Name', 'Minimum', 'Maximum'], 31),
        {
          path: `${ONET_DIR}/Read Me.txt`,
          origin: { archive: ONET_ARCHIVE.id, entry: 'Read Me.txt' },
          check: { kind: 'text', contains: 'O*NET 30.1 Database' },
        },
      ],
    },
  ],
};

/** The dataset entry with this folder id; throws for an id the manifest lacks (a programming error). */
export function manifestDataset(id: string, manifest: DataManifest = DATA_MANIFEST): ManifestDataset {
  const found = manifest.datasets.find((d) => d.id === id);
  if (!found) throw new Error(`No dataset "${id}" in the data manifest`);
  return found;
}

export function manifestFiles(manifest: DataManifest = DATA_MANIFEST): ManifestFile[] {
  return manifest.datasets.flatMap((d) => d.files);
}

/**
 * Identifies what a complete folder must hold: every path with its check, not where it came from (a mirror and
 * the original give the same folder). A folder fetched under another digest was fetched for another manifest.
 */
export function manifestDigest(manifest: DataManifest = DATA_MANIFEST): string {
  const spec = manifestFiles(manifest)
    .map((f) => ({ path: f.path, check: f.check }))
    .sort((a, b) => a.path.localeCompare(b.path));
  return createHash('sha256').update(JSON.stringify(spec)).digest('hex');
}

/** What a file's check means, in words: "SHA-256", "header and 62,580 rows", "names O*NET 30.1 Database". */
export function checkLabel(check: FileCheck): string {
  if (check.kind === 'sha256') return 'SHA-256';
  if (check.kind === 'table') return `header and ${check.rows.toLocaleString('en-US')} rows`;
  return `names "${check.contains}"`;
}
