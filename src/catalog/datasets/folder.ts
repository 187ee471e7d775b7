// The data folder's own record of what `airisk data fetch` put in it, and which folder the app reads. A fetch
// writes files under a temporary folder and moves each one in only once it is verified, and it keeps a record
// (`.airisk-fetch.json`) of every file it verified. The record says "complete" only when every file of the
// manifest is there, so a folder that a fetch is still filling, or that an interrupted fetch left, is never
// taken for a whole one.
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { dataDirFromEnv, defaultDataDir } from '../paths.js';
import { DATA_MANIFEST, manifestDigest, manifestFiles, type DataManifest } from './manifest.js';
import { DatasetError } from './table.js';

/** The fetch record, in the data folder. */
export const FETCH_RECORD = '.airisk-fetch.json';
/** Downloads and extractions in progress, in the data folder: never read by the catalog. */
export const PARTIAL_DIR = '.airisk-partial';
/** Held while a fetch writes to the folder, so that two starts at once do not both fetch. */
export const FETCH_LOCK = '.airisk-fetch.lock';

const recordSchema = z.object({
  format: z.literal(1),
  /** manifestDigest() of the manifest the folder was fetched for. */
  manifest: z.string(),
  complete: z.boolean(),
  updatedAt: z.string(),
  /** The mirror's base URL when the files came from one; null for the original sources. */
  mirror: z.string().nullable(),
  files: z.record(
    z.string(),
    z.object({
      bytes: z.number(),
      sha256: z.string(),
      /** How it was verified, in words ("SHA-256", "header and 62,580 rows"). */
      verified: z.string(),
      /** Where it came from, or "found in the folder" for a file that was there already and verified. */
      from: z.string(),
      at: z.string(),
    }),
  ),
});

export type FetchRecord = z.infer<typeof recordSchema>;
export type RecordedFile = FetchRecord['files'][string];

/** The record, or null when there is none (a folder filled by hand) or it cannot be read as one. */
export function readFetchRecord(dir: string): FetchRecord | null {
  let text: string;
  try {
    text = readFileSync(join(dir, FETCH_RECORD), 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = recordSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Writes the record whole or not at all (a temporary file renamed over the old one). */
export function writeFetchRecord(dir: string, record: FetchRecord): void {
  const path = join(dir, FETCH_RECORD);
  writeFileSync(`${path}.tmp`, `${JSON.stringify(record, null, 2)}\n`);
  renameSync(`${path}.tmp`, path);
}

/** What a folder holds, as far as the record and the files' sizes tell (no hashing: this runs on every start). */
export type FolderState =
  | { kind: 'missing' }
  /** No fetch record: a folder someone filled by hand (or not at all). */
  | { kind: 'unrecorded' }
  | { kind: 'complete'; record: FetchRecord }
  /** A fetch that did not finish, or files gone or resized since it verified them. */
  | { kind: 'incomplete'; record: FetchRecord; missing: string[] }
  /** Complete for another version of the manifest: fetch again to update it. */
  | { kind: 'outdated'; record: FetchRecord };

export function folderState(dir: string, manifest: DataManifest = DATA_MANIFEST): FolderState {
  try {
    if (!statSync(dir).isDirectory()) return { kind: 'missing' };
  } catch {
    return { kind: 'missing' };
  }
  const record = readFetchRecord(dir);
  if (!record) return { kind: 'unrecorded' };
  if (record.manifest !== manifestDigest(manifest))
    return record.complete
      ? { kind: 'outdated', record }
      : { kind: 'incomplete', record, missing: missingFiles(dir, record, manifest) };
  const missing = missingFiles(dir, record, manifest);
  if (!record.complete || missing.length > 0) return { kind: 'incomplete', record, missing };
  return { kind: 'complete', record };
}

/** Manifest paths that are not in the folder with the size the record has for them. */
function missingFiles(dir: string, record: FetchRecord, manifest: DataManifest): string[] {
  return manifestFiles(manifest)
    .map((f) => f.path)
    .filter((path) => {
      const recorded = record.files[path];
      if (!recorded) return true;
      try {
        return statSync(join(dir, path)).size !== recorded.bytes;
      } catch {
        return true;
      }
    });
}

export interface DataDirChoice {
  /** The folder the catalog reads, or null for curated knowledge only. */
  dir: string | null;
  /** AIRISK_DATA_DIR, the fetched per-user folder, or neither. */
  origin: 'env' | 'fetched' | 'none';
  /** The per-user folder `airisk data fetch` fills when AIRISK_DATA_DIR is unset. */
  defaultDir: string;
  /** The state of the folder chosen, or of the per-user folder when none is. */
  state: FolderState;
}

/**
 * Which datasets folder the app reads: AIRISK_DATA_DIR when set (as it is, checked row by row by the loaders),
 * else the per-user folder once a fetch has completed it, else none. A folder with an unfinished fetch is
 * refused with a DatasetError saying how to finish it.
 */
export function resolveDataDir(env: NodeJS.ProcessEnv = process.env, manifest = DATA_MANIFEST): DataDirChoice {
  const defaultDir = defaultDataDir(env);
  const explicit = dataDirFromEnv(env);
  if (explicit) {
    const state = folderState(explicit, manifest);
    if (state.kind === 'incomplete')
      throw new DatasetError(
        explicit,
        null,
        `a fetch into this folder did not ` +
          `finish${state.missing.length ? ` (${describeMissing(state.missing)})` : ''}: run \`airisk data fetch\` ` +
          `again`,
        'folder',
      );
    return { dir: explicit, origin: 'env', defaultDir, state };
  }
  const state = folderState(defaultDir, manifest);
  return state.kind === 'complete'
    ? { dir: defaultDir, origin: 'fetched', defaultDir, state }
    : { dir: null, origin: 'none', defaultDir, state };
}

/** "2 files missing: onet-30.1/Skills.txt, bls-ooh/occupations.csv" (the first three named). */
function describeMissing(paths: string[]): string {
  const named = paths.slice(0, 3).join(', ');
  const more = paths.length > 3 ? ` and ${paths.length - 3} more` : '';
  return `${paths.length} file${paths.length === 1 ? '' : 's'} missing: ${named}${more}`;
}
