// The real data manifest against the real datasets (AIRISK_DATA_DIR, ../shared/datasets in tests, whose pinned
// files are byte for byte the ones the manifest pins): every digest and row count holds, every file the loaders
// read is in it, and `npm start` with no AIRISK_DATA_DIR fetches them from a loopback mirror of that folder into
// a folder the loaders read as they read the original.
import { execFile, spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OCC_LEVEL_FILE, TASKS_FILE } from '../../src/catalog/datasets/eloundou.js';
import { loadDatasets } from '../../src/catalog/datasets/load.js';
import { DATA_MANIFEST, manifestFiles } from '../../src/catalog/datasets/manifest.js';
import { MICROSOFT_FILE } from '../../src/catalog/datasets/microsoft.js';
import { OEWS_FILE } from '../../src/catalog/datasets/oews.js';
import { ONET_FILES } from '../../src/catalog/datasets/onet-profiles.js';
import { OOH_FILE } from '../../src/catalog/datasets/ooh.js';
import { PROJECTIONS_FILE } from '../../src/catalog/datasets/projections.js';
import { dataStatus } from '../../src/catalog/fetch/status.js';
import { FileServer } from '../support/file-server.js';
import { startFetchWorld, type FetchWorld } from './fetch-fixtures.js';

const shared = process.env.AIRISK_DATA_DIR;
if (!shared) throw new Error('AIRISK_DATA_DIR must be set (vitest.config.ts sets it to ../shared/datasets)');
const run = promisify(execFile);
const bin = resolve('bin/airisk.js');

let world: FetchWorld;
let mirror: FileServer;
beforeAll(async () => {
  world = await startFetchWorld();
  mirror = await new FileServer().start();
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
    );
  for (const file of walk(shared)) mirror.set(`/${relative(shared, file)}`, readFileSync(file));
});
afterAll(async () => {
  await mirror.close();
  await world.close();
});

describe('the real manifest', () => {
  it('pins every file the catalog loaders read', () => {
    const paths = manifestFiles().map((f) => f.path);
    for (const file of [
      OCC_LEVEL_FILE,
      TASKS_FILE,
      ...Object.values(ONET_FILES),
      PROJECTIONS_FILE,
      MICROSOFT_FILE,
      OOH_FILE,
      OEWS_FILE,
    ])
      expect(paths).toContain(file);
  });

  it('pins GitHub files to a commit and O*NET to its 30.1 text-edition archive', () => {
    for (const file of manifestFiles()) {
      if ('url' in file.origin) {
        expect(file.origin.url).toMatch(/^https:\/\/raw\.githubusercontent\.com\/[\w.-]+\/[\w.-]+\/[0-9a-f]{7,40}\//);
        expect(file.check.kind).toBe('sha256');
      } else {
        const { archive } = file.origin;
        expect(file.path.startsWith('onet-30.1/')).toBe(true);
        expect(DATA_MANIFEST.archives.find((a) => a.id === archive)?.url).toBe(
          'https://www.onetcenter.org/dl_files/database/db_30_1_text.zip',
        );
      }
    }
  });

  it('verifies every file of the shared datasets: digests, sizes, O*NET headers and row counts', async () => {
    const status = await dataStatus({ AIRISK_DATA_DIR: shared });
    const problems = status.datasets.flatMap((d) => d.files.filter((f) => f.state !== 'verified'));
    expect(problems).toEqual([]);
    expect(status.datasets.map((d) => d.id)).toEqual([
      'eloundou-gpts-are-gpts',
      'microsoft-working-with-ai',
      'bls-ooh',
      'bls-oews-2021',
      'onet-30.1',
    ]);
    expect(status.record).toBeNull();
  });
});

describe('npm start with no data folder', () => {
  it(
    'fetches on AIRISK_FETCH_DATA=1, then the app and the CLI answer from the fetched datasets, naming their ' +
      'versions',
    async () => {
      const cache = world.tempDir();
      const env: NodeJS.ProcessEnv = {
        PATH: process.env.PATH,
        HOME: world.tempDir(),
        AIRISK_CACHE_DIR: cache,
        AIRISK_FETCH_DATA: '1',
        AIRISK_DATA_MIRROR: mirror.url,
        PORT: String(await freePort()),
      };
      // From a folder with no .env, so that nothing but this env decides.
      const child = spawn(process.execPath, [resolve('dist/main.js')], {
        cwd: world.tempDir(),
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      try {
        await new Promise<void>((resolveStarted, reject) => {
          child.stdout.on('data', (d: Buffer) => {
            out += d.toString();
            if (out.includes('local preview at')) resolveStarted();
          });
          child.on('exit', (code) => reject(new Error(`npm start exited (${code}): ${out}${err}`)));
        });
      } finally {
        child.kill();
      }
      const lines = out.trim().split('\n');
      const files = manifestFiles().length;
      expect(lines[0]).toMatch(
        new RegExp(`^Fetching ${files} downloads \\(.*\\) from the mirror .* into .*datasets\\.$`),
      );
      expect(out).toContain(
        `All ${files} dataset files are in ${join(cache, 'datasets')}, verified (${files} fetched now).`,
      );
      expect(lines.at(-1)).toMatch(/^No Slack credentials set: local preview at http:\/\/localhost:\d+/);
      const fetched = join(cache, 'datasets');
      for (const file of manifestFiles())
        expect(statSync(join(fetched, file.path)).size).toBe(statSync(join(shared, file.path)).size);
      expect(loadDatasets(fetched).occupations.size).toBe(loadDatasets(shared).occupations.size);

      const cli = { ...env, AIRISK_FETCH_DATA: undefined };
      const { stdout } = await run(process.execPath, [bin, 'ask', '--json', 'accountant'], {
        env: cli,
        maxBuffer: 2 ** 24,
      });
      const answer = JSON.parse(stdout);
      expect(answer.kind).toBe('role');
      expect(answer.measures.some((m: { origin: string }) => m.origin === 'dataset')).toBe(true);
      expect(answer.sources).toContainEqual(
        expect.objectContaining({ id: 'eloundou-gpt4', version: 'commit 0471612', asOf: '2025-10-03' }),
      );
      expect(answer.sources).toContainEqual(
        expect.objectContaining({ id: 'microsoft-ai-applicability', version: 'commit 84c4eba' }),
      );

      const status = await run(process.execPath, [bin, 'data', 'status'], { env: cli });
      expect(status.stdout).toContain('Every dataset is there and verified');
    },
  );
});

function freePort(): Promise<number> {
  return new Promise((resolvePort) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}
