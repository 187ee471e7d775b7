// What `npm start` does about the public datasets before it boots. AIRISK_DATA_DIR set: nothing (the loaders
// check that folder). Otherwise the per-user folder is used once a fetch has completed it; until then the start
// fetches it when AIRISK_FETCH_DATA=1, asks when a person is at the terminal, and else says in one line that it
// answers from curated knowledge only and how to fetch. A fetch that fails leaves the app on curated knowledge.
import { createInterface } from 'node:readline/promises';
import { resolveDataDir, type DataDirChoice } from '../catalog/datasets/folder.js';
import { fetchDatasets, FetchSetupError, type FetchOptions } from '../catalog/fetch/fetch.js';
import { SettingsError } from '../config/settings.js';
import { fetchReporter, fetchSummary, type Output } from '../transports/fetch-progress.js';

export interface FirstStartIO {
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: Output;
}

const CURATED_ONLY = 'answering from curated knowledge only';
const HOW_TO_FETCH = 'Fetch the datasets with `npm run data:fetch`, or start with AIRISK_FETCH_DATA=1.';

/**
 * Makes sure the datasets are there before the app boots, or says why not. Prints one line when it has nothing
 * to do, progress and one closing line when it fetches. Throws SettingsError for a malformed AIRISK_FETCH_DATA,
 * and DatasetError (from resolveDataDir) for an AIRISK_DATA_DIR a fetch left unfinished.
 */
export async function prepareDatasets(
  env: NodeJS.ProcessEnv,
  io: FirstStartIO,
  fetchOptions: Partial<FetchOptions> = {},
): Promise<void> {
  const say = (text: string) => io.output.write(`${text}\n`);
  const wish = fetchWish(env);
  const choice = resolveDataDir(env, fetchOptions.manifest);
  if (choice.origin === 'env') return;
  if (choice.origin === 'fetched') {
    const when = choice.state.kind === 'complete' ? `, fetched ${choice.state.record.updatedAt.slice(0, 10)}` : '';
    say(`Public datasets from ${choice.dir}${when}, verified.`);
    return;
  }

  const why = whyNoData(choice);
  let go = wish === 'fetch';
  if (wish === 'ask' && io.input.isTTY && io.output.isTTY)
    go = await confirm(
      io,
      `${why}. Fetch them now (about 40 MB on disk, from GitHub and the O*NET Resource Center)? [Y/n] `,
    );
  if (!go) {
    say(`${why}: ${CURATED_ONLY}. ${HOW_TO_FETCH}`);
    return;
  }

  const reporter = fetchReporter(io.output);
  let result;
  try {
    // Failures are told once, in the closing lines: offline, that is a single line.
    result = await fetchDatasets({
      dir: choice.defaultDir,
      mirror: env.AIRISK_DATA_MIRROR?.trim() || null,
      ...fetchOptions,
      reporter: { ...reporter, failed: () => reporter.stop() },
    });
  } catch (err) {
    reporter.stop();
    if (!(err instanceof FetchSetupError)) throw err;
    say(`${err.message}: ${CURATED_ONLY}.`);
    return;
  } finally {
    reporter.stop();
  }
  if (result.complete) {
    say(fetchSummary(result).join(' '));
    return;
  }
  const unanswered = result.files.filter((f) => f.state !== 'kept' && f.state !== 'verified');
  if (unanswered.every((f) => f.unreachable)) {
    say(
      `No answer from ${result.unreachableHosts.join(', ')} (offline?): ${CURATED_ONLY}. Run \`npm run data:fetch\` ` +
        `once online, or set AIRISK_DATA_MIRROR.`,
    );
    return;
  }
  for (const line of fetchSummary(result)) say(line);
  say(`Until then, ${CURATED_ONLY}.`);
}

/** AIRISK_FETCH_DATA: 1 fetches without asking, 0 never asks; unset asks a person at a terminal. */
function fetchWish(env: NodeJS.ProcessEnv): 'fetch' | 'never' | 'ask' {
  const value = env.AIRISK_FETCH_DATA?.trim().toLowerCase() ?? '';
  if (value === '') return 'ask';
  if (['1', 'true', 'yes'].includes(value)) return 'fetch';
  if (['0', 'false', 'no'].includes(value)) return 'never';
  throw new SettingsError([
    `AIRISK_FETCH_DATA must be 1 (fetch the datasets on start) or 0 (never), not "${env.AIRISK_FETCH_DATA}"`,
  ]);
}

function whyNoData(choice: DataDirChoice): string {
  const { state, defaultDir } = choice;
  if (state.kind === 'incomplete') return `The last fetch into ${defaultDir} did not finish`;
  if (state.kind === 'outdated') return `The datasets in ${defaultDir} were fetched for another version of airisk`;
  if (state.kind === 'unrecorded') return `No complete fetch of the public datasets in ${defaultDir}`;
  return `No public datasets in ${defaultDir}`;
}

async function confirm(io: FirstStartIO, question: string): Promise<boolean> {
  const rl = createInterface({ input: io.input, output: io.output as NodeJS.WritableStream });
  try {
    const answer = (await rl.question(question)).trim().toLowerCase();
    return answer === '' || answer === 'y' || answer === 'yes';
  } finally {
    rl.close();
  }
}
