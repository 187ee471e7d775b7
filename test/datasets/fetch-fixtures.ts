// The fetch tests' world: the hand-made files of test/fixtures/fetch served on loopback as "original sources"
// (two commit-pinned files and an O*NET-like text-edition archive) and as a mirror with the data folder's own
// layout, and a manifest that pins them exactly as the real one pins the real files.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import yazl from 'yazl';
import type { DataManifest, ManifestFile } from '../../src/catalog/datasets/manifest.js';
import type { FetchReporter } from '../../src/catalog/fetch/fetch.js';
import { FileServer } from '../support/file-server.js';

export const FIXTURES = resolve('test/fixtures/fetch');
export const fixture = (path: string) => readFileSync(join(FIXTURES, path));

/** The archive's tables, as O*NET's text edition names them. */
export const ONET_TEXT = ['Occupation Data.txt', 'Skills.txt', 'Read Me.txt'] as const;

export const PATHS = {
  notes: 'demo/notes.csv',
  license: 'demo/LICENSE',
  occupations: 'onet-test/Occupation Data.txt',
  skills: 'onet-test/Skills.txt',
  readMe: 'onet-test/Read Me.txt',
} as const;

export const URL_PATHS = {
  notes: '/repo/abc1234/notes.csv',
  license: '/repo/abc1234/LICENSE',
  archive: '/dl/db_99_9_text.zip',
} as const;

async function zipOf(entries: Record<string, Buffer>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, body] of Object.entries(entries)) zip.addBuffer(body, name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The text-edition archive as O*NET publishes it: one top folder. `replace` swaps a table for another body. */
export function onetArchive(replace: Partial<Record<(typeof ONET_TEXT)[number], Buffer>> = {}): Promise<Buffer> {
  return zipOf(
    Object.fromEntries(
      ONET_TEXT.map((name) => [`db_99_9_text/${name}`, replace[name] ?? fixture(`origin/onet-text/${name}`)]),
    ),
  );
}

const sha256 = (body: Buffer) => createHash('sha256').update(body).digest('hex');

function pinnedFile(path: string, url: string, body: Buffer): ManifestFile {
  return { path, origin: { url }, check: { kind: 'sha256', sha256: sha256(body), bytes: body.length } };
}

/** A manifest for the fixtures served at `base`, with the same kinds of checks as DATA_MANIFEST. */
function fixtureManifest(base: string): DataManifest {
  const archive = { id: 'onet-test-text', url: `${base}${URL_PATHS.archive}`, name: 'test O*NET archive' };
  const fromArchive = (name: string) => ({ archive: archive.id, entry: name });
  return {
    archives: [archive],
    datasets: [
      {
        id: 'demo',
        name: 'Demo repository',
        version: 'commit abc1234',
        source: 'a loopback test server',
        license: 'test data',
        files: [
          pinnedFile(PATHS.notes, `${base}${URL_PATHS.notes}`, fixture('origin/repo/notes.csv')),
          pinnedFile(PATHS.license, `${base}${URL_PATHS.license}`, fixture('origin/repo/LICENSE')),
        ],
      },
      {
        id: 'onet-test',
        name: 'Test O*NET',
        version: 'O*NET 99.9',
        source: 'a loopback test server',
        license: 'test data',
        files: [
          {
            path: PATHS.occupations,
            origin: fromArchive('Occupation Data.txt'),
            check: { kind: 'table', delimiter: '\t', columns: ['O*NET-SOC Code', 'Title', 'Description'], rows: 3 },
          },
          {
            path: PATHS.skills,
            origin: fromArchive('Skills.txt'),
            check: {
              kind: 'table',
              delimiter: '\t',
              columns: ['O*NET-SOC Code', 'Element ID', 'Element Name', 'Scale ID', 'Data Value', 'Recommend Suppress'],
              rows: 4,
            },
          },
          {
            path: PATHS.readMe,
            origin: fromArchive('Read Me.txt'),
            check: { kind: 'text', contains: 'O*NET 99.9 Database' },
          },
        ],
      },
    ],
  };
}

export interface FetchWorld {
  server: FileServer;
  manifest: DataManifest;
  /** The mirror's base URL: the data folder's layout under /mirror/. */
  mirror: string;
  /** A fresh empty folder per call; all removed by close(). */
  tempDir(): string;
  close(): Promise<void>;
}

/** Starts the server with the originals at their pinned URLs and a mirror of the data folder's layout. */
export async function startFetchWorld(): Promise<FetchWorld> {
  const server = await new FileServer().start();
  server
    .set(URL_PATHS.notes, fixture('origin/repo/notes.csv'))
    .set(URL_PATHS.license, fixture('origin/repo/LICENSE'))
    .set(URL_PATHS.archive, await onetArchive());
  server.set(`/mirror/${PATHS.notes}`, fixture('origin/repo/notes.csv'));
  server.set(`/mirror/${PATHS.license}`, fixture('origin/repo/LICENSE'));
  for (const name of ONET_TEXT) server.set(`/mirror/onet-test/${name}`, fixture(`origin/onet-text/${name}`));
  const dirs: string[] = [];
  return {
    server,
    manifest: fixtureManifest(server.url),
    mirror: `${server.url}/mirror`,
    tempDir() {
      const dir = mkdtempSync(join(tmpdir(), 'airisk-fetch-'));
      dirs.push(dir);
      return dir;
    },
    async close() {
      await server.close();
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A reporter that keeps every event, for assertions. */
export function recordingReporter(): FetchReporter & { events: { event: string; info: Record<string, unknown> }[] } {
  const events: { event: string; info: Record<string, unknown> }[] = [];
  const keep =
    (event: string) =>
    (info: object): void => {
      events.push({ event, info: info as Record<string, unknown> });
    };
  return {
    events,
    planned: keep('planned'),
    waitingForLock: keep('waitingForLock'),
    downloadStarted: keep('downloadStarted'),
    downloadRetry: keep('downloadRetry'),
    downloadFinished: keep('downloadFinished'),
    verified: keep('verified'),
    failed: keep('failed'),
  };
}
