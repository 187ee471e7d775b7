// Builds the engine from knowledge/ and the datasets (AIRISK_DATA_DIR, else the folder `airisk data fetch`
// completed): what every transport (CLI, Slack, preview) starts from. The datasets and their name index come from
// the start-up cache when it matches the data and the code (src/catalog/cache.ts); otherwise they are built and
// the cache is rewritten for the next start.
import { buildCatalog, type Catalog } from '../catalog/catalog.js';
import { codeHash, dataHash, readCache, startupCacheFile, writeCache, type CacheRead } from '../catalog/cache.js';
import { resolveDataDir } from '../catalog/datasets/folder.js';
import { loadDatasets } from '../catalog/datasets/load.js';
import type { Datasets } from '../catalog/datasets/types.js';
import { loadKnowledge } from '../catalog/knowledge/load.js';
import { defaultKnowledgeDir } from '../catalog/paths.js';
import { createEngine } from '../engine/engine.js';
import { NAME_INDEX_VERSION, type NameIndexData } from '../engine/names.js';
import { buildDatasetNameIndex } from '../engine/resolve.js';
import type { Engine } from '../engine/types.js';

export interface Booted {
  engine: Engine;
  catalog: Catalog;
  /** How the datasets were obtained: from the start-up cache (`hit`), or built because the cache was
   *  `missing`, `stale` (data or code changed) or `unreadable`; `none` without AIRISK_DATA_DIR. */
  cache: StartupCacheStatus;
}

export interface StartupCacheStatus {
  status: 'hit' | 'missing' | 'stale' | 'unreadable' | 'none';
  file?: string;
  /** The rebuilt cache could not be written (read-only or full disk): the next start builds again. */
  writeFailed?: boolean;
  detail?: string;
}

/** What the start-up cache holds. Any field `Datasets` gains is cached with it: it is stored whole. */
interface Cached {
  datasets: Datasets;
  names: NameIndexData;
}

export function bootEngine(
  env: NodeJS.ProcessEnv = process.env,
  knowledgeDir = env.AIRISK_KNOWLEDGE_DIR?.trim() || defaultKnowledgeDir,
): Booted {
  const knowledge = loadKnowledge(knowledgeDir);
  const { datasets, names, cache } = loadDatasetsCached(resolveDataDir(env).dir, env);
  const catalog = buildCatalog(knowledge, datasets);
  return { engine: createEngine(catalog, { names }), catalog, cache };
}

/** The datasets and their name index: from the start-up cache when it is current, else built (and cached). */
export function loadDatasetsCached(
  dataDir: string | null,
  env: NodeJS.ProcessEnv = process.env,
): Cached & { cache: StartupCacheStatus } {
  if (dataDir === null) {
    const datasets = loadDatasets(null);
    return { datasets, names: buildDatasetNameIndex(datasets), cache: { status: 'none' } };
  }
  // The 69,000 O*NET titles live on in the name index, which has all there is to know about them: kept in
  // Datasets too, they would cost 12 MB of memory twice over.
  const withoutTitles = (d: Datasets): Datasets => ({ ...d, titles: [] });
  const file = startupCacheFile(env, dataDir);
  let key: string | undefined;
  try {
    key = `${dataHash(dataDir)}:${codeHash()}`;
  } catch {
    // The folder cannot be read: loadDatasets says why, with the file and the problem.
  }
  const read: CacheRead<Cached> = key ? readCache(file, key, isCached) : { status: 'missing' };
  if (read.status === 'hit') return { ...read.value, cache: { status: 'hit', file } };
  const loaded = loadDatasets(dataDir);
  const names = buildDatasetNameIndex(loaded);
  const datasets = withoutTitles(loaded);
  const written = key ? writeCache(file, key, { datasets, names } satisfies Cached) : false;
  return {
    datasets,
    names,
    cache: {
      status: read.status,
      file,
      ...(written ? {} : { writeFailed: true }),
      ...(read.detail ? { detail: read.detail } : {}),
    },
  };
}

function isCached(value: unknown): value is Cached {
  const v = value as Partial<Cached> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    v.datasets?.occupations instanceof Map &&
    v.datasets.sources instanceof Map &&
    Array.isArray(v.datasets.titles) &&
    v.names?.version === NAME_INDEX_VERSION &&
    v.names.postings instanceof Int32Array
  );
}

/** Longest stretch of warm-up work between two turns of the event loop. A request needs several turns (body,
 *  signature, listener, ack), so each costs it up to this much while the warm-up runs. */
const WARM_UP_SLICE_MS = 4;

/** For a server, after it listens: builds the task index and composes every card so the first questions are as
 *  fast as the rest, in slices of a few milliseconds so that requests arriving meanwhile are handled between
 *  them. `done` gets the time it took. */
export function warmUpInBackground(engine: Engine, done?: (ms: number) => void): void {
  const start = performance.now();
  const steps = engine.warmUpSteps();
  const slice = (): void => {
    const until = performance.now() + WARM_UP_SLICE_MS;
    let finished = false;
    while (!finished && performance.now() < until) finished = steps.next().done === true;
    if (finished) done?.(performance.now() - start);
    else setImmediate(slice);
  };
  setImmediate(slice);
}
