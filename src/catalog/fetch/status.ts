// `airisk data status`: each dataset of the manifest in the data folder the app would read, present or missing,
// its version and size, and every file verified now against the manifest (not taken on the record's word).
import { join } from 'node:path';
import { dataDirFromEnv, defaultDataDir } from '../paths.js';
import { folderState, type FolderState } from '../datasets/folder.js';
import { DATA_MANIFEST, manifestDigest, type DataManifest } from '../datasets/manifest.js';
import { verifyFile } from './verify.js';

interface FileStatus {
  path: string;
  state: 'verified' | 'missing' | 'failed';
  bytes: number | null;
  /** How it verified, or what is wrong. */
  detail: string;
}

interface DatasetStatus {
  id: string;
  name: string;
  version: string;
  source: string;
  license: string;
  /** verified: every file there and verified; missing: none there; incomplete: some missing; failed: one fails. */
  state: 'verified' | 'missing' | 'incomplete' | 'failed';
  /** How its files are verified: "SHA-256" or "header and row count". */
  check: string;
  bytes: number;
  files: FileStatus[];
}

export interface DataStatus {
  dir: string;
  origin: 'AIRISK_DATA_DIR' | 'default';
  exists: boolean;
  /** What the folder's fetch record says; null for a folder no fetch wrote (filled by hand, or empty). */
  record: { complete: boolean; updatedAt: string; mirror: string | null; forThisVersion: boolean } | null;
  datasets: DatasetStatus[];
  /** Every file of every dataset is there and verifies. */
  verified: boolean;
  /** The app reads this folder when it starts. */
  used: boolean;
}

export async function dataStatus(
  env: NodeJS.ProcessEnv = process.env,
  manifest: DataManifest = DATA_MANIFEST,
): Promise<DataStatus> {
  const explicit = dataDirFromEnv(env);
  const dir = explicit ?? defaultDataDir(env);
  const state = folderState(dir, manifest);
  const datasets: DatasetStatus[] = [];
  for (const dataset of manifest.datasets) {
    const files: FileStatus[] = [];
    for (const file of dataset.files) {
      const v = await verifyFile(join(dir, file.path), file.check);
      files.push(
        v.ok
          ? { path: file.path, state: 'verified', bytes: v.bytes, detail: v.detail }
          : { path: file.path, state: v.problem === 'missing' ? 'missing' : 'failed', bytes: null, detail: v.problem },
      );
    }
    datasets.push({
      id: dataset.id,
      name: dataset.name,
      version: dataset.version,
      source: dataset.source,
      license: dataset.license,
      state: files.some((f) => f.state === 'failed')
        ? 'failed'
        : files.every((f) => f.state === 'missing')
          ? 'missing'
          : files.some((f) => f.state === 'missing')
            ? 'incomplete'
            : 'verified',
      check: dataset.files.some((f) => f.check.kind === 'table') ? 'header and row count' : 'SHA-256',
      bytes: files.reduce((n, f) => n + (f.bytes ?? 0), 0),
      files,
    });
  }
  return {
    dir,
    origin: explicit ? 'AIRISK_DATA_DIR' : 'default',
    exists: state.kind !== 'missing',
    record: recordOf(state, manifest),
    datasets,
    verified: datasets.every((d) => d.state === 'verified'),
    used: explicit ? state.kind !== 'missing' && state.kind !== 'incomplete' : state.kind === 'complete',
  };
}

function recordOf(state: FolderState, manifest: DataManifest): DataStatus['record'] {
  if (state.kind === 'missing' || state.kind === 'unrecorded') return null;
  const { record } = state;
  return {
    complete: record.complete,
    updatedAt: record.updatedAt,
    mirror: record.mirror,
    forThisVersion: record.manifest === manifestDigest(manifest),
  };
}
