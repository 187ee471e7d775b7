// Where the app finds its inputs: knowledge/ ships with the project; datasets come from AIRISK_DATA_DIR, or
// else from the per-user cache that `airisk data fetch` fills.
import { homedir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { isAbsolute, join, resolve } from 'node:path';

export const projectRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const defaultKnowledgeDir = resolve(projectRoot, 'knowledge');

/** The datasets folder named by AIRISK_DATA_DIR (relative to the working directory), or null when unset. */
export function dataDirFromEnv(env: NodeJS.ProcessEnv = process.env): string | null {
  const dir = env.AIRISK_DATA_DIR?.trim();
  return dir ? resolve(dir) : null;
}

/** The per-user cache root: AIRISK_CACHE_DIR, else `$XDG_CACHE_HOME/airisk`, else `~/.cache/airisk`. */
export function cacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  const own = env.AIRISK_CACHE_DIR?.trim();
  if (own) return resolve(own);
  const xdg = env.XDG_CACHE_HOME?.trim();
  // The XDG spec says a relative XDG_CACHE_HOME is invalid and is to be ignored.
  return join(xdg && isAbsolute(xdg) ? xdg : join(homedir(), '.cache'), 'airisk');
}

/** Where `airisk data fetch` puts the datasets when AIRISK_DATA_DIR is unset. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(cacheRoot(env), 'datasets');
}
