// Builds the engine from knowledge/ and AIRISK_DATA_DIR: what every transport (CLI, Slack, preview) starts from.
import { loadCatalog, type Catalog } from '../catalog/catalog.js';
import { dataDirFromEnv, defaultKnowledgeDir } from '../catalog/paths.js';
import { createEngine } from '../engine/engine.js';
import type { Engine } from '../engine/types.js';

export interface Booted {
  engine: Engine;
  catalog: Catalog;
}

export function bootEngine(env: NodeJS.ProcessEnv = process.env, knowledgeDir = env.AIRISK_KNOWLEDGE_DIR?.trim() || defaultKnowledgeDir): Booted {
  const catalog = loadCatalog({ knowledgeDir, dataDir: dataDirFromEnv(env) });
  return { engine: createEngine(catalog), catalog };
}
