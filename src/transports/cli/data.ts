// `airisk data fetch` and `airisk data status`: the public datasets in the data folder (AIRISK_DATA_DIR, else
// the per-user cache), downloaded and verified, or listed with what is there and whether it verifies.
import { parseArgs } from 'node:util';
import { fetchDatasets, FetchSetupError } from '../../catalog/fetch/fetch.js';
import { dataStatus, type DataStatus } from '../../catalog/fetch/status.js';
import { dataDirFromEnv, defaultDataDir } from '../../catalog/paths.js';
import { fetchReporter, fetchSummary, formatBytes, type Output } from '../fetch-progress.js';

export const DATA_USAGE = `  airisk data fetch [--mirror <base URL>]   download the public datasets, verify them, keep them
  airisk data status [--json]               each dataset: present or missing, version, size, verified`;

const DATA_ENV = `Data folder: AIRISK_DATA_DIR, else ~/.cache/airisk/datasets (AIRISK_CACHE_DIR or XDG_CACHE_HOME move it).
AIRISK_DATA_MIRROR = a server with the data folder's layout, used instead of the original sources.`;

export interface DataIO {
  env: NodeJS.ProcessEnv;
  out: Output;
  err: Output;
}

/** Runs `airisk data <args>`; resolves with the exit code. */
export async function dataCommand(args: string[], io: DataIO): Promise<number> {
  const say = (o: Output, text: string) => o.write(`${text}\n`);
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        mirror: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    say(io.err, `${(err as Error).message}\n\n${DATA_USAGE}`);
    return 2;
  }
  const [sub, ...extra] = parsed.positionals;
  if (parsed.values.help) {
    say(io.out, `Usage:\n${DATA_USAGE}\n${DATA_ENV}`);
    return 0;
  }
  if ((sub !== 'fetch' && sub !== 'status') || extra.length > 0) {
    say(
      io.err,
      `${sub ? `Unknown data command "${[sub, ...extra].join(' ')}".` : 'Which data command?'}\n\nUsage:\n${DATA_USAGE}`,
    );
    return 2;
  }

  if (sub === 'status') {
    const status = await dataStatus(io.env);
    say(io.out, parsed.values.json ? JSON.stringify(status) : renderStatus(status).join('\n'));
    return status.verified ? 0 : 1;
  }

  const explicit = dataDirFromEnv(io.env);
  const dir = explicit ?? defaultDataDir(io.env);
  const mirror = parsed.values.mirror ?? (io.env.AIRISK_DATA_MIRROR?.trim() || null);
  const reporter = fetchReporter(io.out);
  try {
    // A folder named by AIRISK_DATA_DIR and filled by hand (../shared/datasets) is checked, never written to.
    const result = await fetchDatasets({ dir, mirror, reporter, adoptFilledFolder: !explicit });
    reporter.stop();
    for (const line of fetchSummary(result)) say(result.complete ? io.out : io.err, line);
    if (result.complete && !explicit) say(io.out, 'airisk reads them from there whenever AIRISK_DATA_DIR is unset.');
    return result.complete ? 0 : 1;
  } catch (err) {
    reporter.stop();
    if (err instanceof FetchSetupError) {
      say(io.err, err.message);
      return 1;
    }
    throw err;
  }
}

/** The status as a person reads it: the folder, its record, a line per dataset, then each problem. */
export function renderStatus(status: DataStatus): string[] {
  const lines = [
    `Data folder: ${status.dir} ` +
      `(${status.origin === 'AIRISK_DATA_DIR' ? 'AIRISK_DATA_DIR' : 'the default: AIRISK_DATA_DIR is unset'})`,
  ];
  const { record } = status;
  if (!status.exists) lines.push('The folder does not exist yet: `airisk data fetch` creates and fills it.');
  else if (!record) lines.push('No fetch record: the folder was filled by hand. Its files are checked below.');
  else {
    const from = record.mirror ? `the mirror ${record.mirror}` : 'the original sources';
    const state = !record.forThisVersion
      ? 'for another version of airisk: `airisk data fetch` updates it'
      : record.complete
        ? 'complete'
        : 'not finished: `airisk data fetch` resumes it';
    lines.push(
      `Fetched by \`airisk data fetch\` from ${from}, last on ${record.updatedAt.slice(0, 16).replace('T', ' ')} ` +
        `UTC; ${state}.`,
    );
  }
  lines.push('');
  const rows = status.datasets.map((d) => {
    const present = d.files.filter((f) => f.state !== 'missing').length;
    const files = (n: number) => `${n} file${n === 1 ? '' : 's'}`;
    return [
      d.state,
      `${d.id}/`,
      present === d.files.length ? files(present) : `${present} of ${files(d.files.length)}`,
      present ? formatBytes(d.bytes) : '-',
      `${d.name}, ${d.version}`,
    ];
  });
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  const right = new Set([2, 3]);
  for (const row of rows)
    lines.push(
      `  ${row
        .map((cell, i) =>
          i === row.length - 1 ? cell : right.has(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0),
        )
        .join('  ')}`,
    );
  lines.push(
    '',
    'Each file is checked now: SHA-256 for commit-pinned files, header and row count for files from an archive.',
  );

  // A dataset missing as a whole is said by its row; a partial or failing one lists its files.
  const problems = status.datasets
    .filter((d) => d.state !== 'missing')
    .flatMap((d) => d.files.filter((f) => f.state !== 'verified'));
  if (problems.length) {
    lines.push('', 'Problems:');
    for (const f of problems) lines.push(`  ${f.path}: ${f.detail}`);
  }
  lines.push('');
  if (status.verified && status.used)
    lines.push('Every dataset is there and verified: airisk answers for every occupation.');
  else if (status.verified)
    lines.push('Every dataset is there and verified, but the fetch record is not complete: run `airisk data fetch`.');
  else if (status.used)
    lines.push(
      'airisk reads this folder (AIRISK_DATA_DIR) as it is: fix the problems above, or run `airisk data fetch` to ' +
        'replace what fails.',
    );
  else lines.push('airisk answers from curated knowledge only until `airisk data fetch` completes this folder.');
  return lines;
}
