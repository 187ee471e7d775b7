// Where the app finds its inputs: knowledge/ ships with the project; datasets come from AIRISK_DATA_DIR.
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

export const projectRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const defaultKnowledgeDir = resolve(projectRoot, 'knowledge');

/** The datasets folder named by AIRISK_DATA_DIR (relative to the working directory), or null when unset. */
export function dataDirFromEnv(env: NodeJS.ProcessEnv = process.env): string | null {
  const dir = env.AIRISK_DATA_DIR?.trim();
  return dir ? resolve(dir) : null;
}
