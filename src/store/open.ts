// Opens the store the settings name: PostgreSQL when DATABASE_URL is set (several instances share it),
// otherwise the SQLite file at AIRISK_DB_PATH (one instance).
import { openPostgresStore } from './postgres.js';
import { openSqliteStore } from './sqlite.js';
import type { Store } from './types.js';

export async function openStore(
  settings: { dbPath: string; databaseUrl: string | null },
  options: { now?: () => number; log?: (message: string) => void } = {},
): Promise<Store> {
  if (settings.databaseUrl)
    return openPostgresStore(settings.databaseUrl, {
      ...(options.now ? { now: options.now } : {}),
      ...(options.log ? { log: options.log } : {}),
    });
  return openSqliteStore(settings.dbPath, options.now ? { now: options.now } : {});
}
