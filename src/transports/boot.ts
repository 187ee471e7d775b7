// Builds the engine from knowledge/ and the datasets (AIRISK_DATA_DIR, else the folder `airisk data fetch`
// completed): what every transport (CLI, Slack, preview) starts from.
import { loadCatalog, type Catalog } from '../catalog/catalog.js';
import { resolveDataDir } from '../catalog/datasets/folder.js';
import { defaultKnowledgeDir } from '../catalog/paths.js';
import { createEngine } from '../engine/engine.js';
import type { Engine } from '../engine/types.js';

export interface Booted {
  engine: Engine;
  catalog: Catalog;
}

export function bootEngine(
  env: NodeJS.ProcessEnv = process.env,
  knowledgeDir = env.AIRISK_KNOWLEDGE_DIR?.trim() || defaultKnowledgeDir,
): Booted {
  const catalog = loadCatalog({ knowledgeDir, dataDir: resolveDataDir(env).dir });
  return { engine: createEngine(catalog), catalog };
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
