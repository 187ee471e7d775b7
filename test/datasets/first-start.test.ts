// What `npm start` says and does about the datasets before it boots, with no AIRISK_DATA_DIR: one line when it
// does not fetch, a question at a terminal, a fetch on AIRISK_FETCH_DATA=1, one line when offline.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resolveDataDir } from '../../src/catalog/datasets/folder.js';
import { fetchDatasets } from '../../src/catalog/fetch/fetch.js';
import { SettingsError } from '../../src/config/settings.js';
import { prepareDatasets } from '../../src/app/first-start.js';
import { FileServer } from '../support/file-server.js';
import { PATHS, fixture, startFetchWorld, type FetchWorld } from './fetch-fixtures.js';

let world: FetchWorld;
beforeAll(async () => {
  world = await startFetchWorld();
});
afterAll(() => world.close());
beforeEach(() => {
  world.server.heal();
  world.server.requests.length = 0;
});

/** A terminal or a pipe: what the start wrote, without terminal control sequences. */
function terminal(tty: boolean, typed?: string) {
  const input = Object.assign(new PassThrough(), { isTTY: tty });
  const output = Object.assign(new PassThrough(), { isTTY: tty, columns: 100 });
  let text = '';
  output.on('data', (d: Buffer) => {
    text += d.toString();
    // Answer the question once it is asked, as a person would.
    if (typed !== undefined && text.includes('[Y/n]') && !input.writableEnded) input.end(typed);
  });
  // eslint-disable-next-line no-control-regex
  const plain = () => text.replace(/\x1b\[[0-9;?]*[A-Za-z]|\x1b[78]/g, '');
  return { io: { input, output }, lines: () => plain().trim().split('\n'), plain };
}

const start = (env: NodeJS.ProcessEnv, io: ReturnType<typeof terminal>['io']) =>
  prepareDatasets(env, io, { manifest: world.manifest, retries: 1, retryDelayMs: 10 });

describe('npm start with no datasets', () => {
  it('says in one line that it answers from curated knowledge only, and how to fetch (no terminal)', async () => {
    const cache = world.tempDir();
    const t = terminal(false);
    await start({ AIRISK_CACHE_DIR: cache }, t.io);
    expect(t.lines()).toEqual([
      `No public datasets in ${join(cache, 'datasets')}: answering from curated knowledge only. Fetch the datasets ` +
        `with \`npm run data:fetch\`, or start with AIRISK_FETCH_DATA=1.`,
    ]);
    expect(world.server.requests).toEqual([]);
    expect(existsSync(join(cache, 'datasets'))).toBe(false);
  });

  it('asks at a terminal; "n" leaves it on curated knowledge', async () => {
    const cache = world.tempDir();
    const t = terminal(true, 'n\n');
    await start({ AIRISK_CACHE_DIR: cache, AIRISK_DATA_MIRROR: world.mirror }, t.io);
    expect(t.plain()).toContain(
      `No public datasets in ${join(cache, 'datasets')}. Fetch them now (about 40 MB on disk`,
    );
    expect(t.lines().at(-1)).toMatch(/: answering from curated knowledge only\. Fetch the datasets with/);
    expect(world.server.requests).toEqual([]);
  });

  it('asks at a terminal; Enter fetches, with a progress bar, and the app then reads the folder', async () => {
    const cache = world.tempDir();
    const t = terminal(true, '\n');
    await start({ AIRISK_CACHE_DIR: cache, AIRISK_DATA_MIRROR: world.mirror }, t.io);
    const text = t.plain();
    expect(text).toMatch(/demo\/notes\.csv \[[█░]+\] 100% 103 B of 103 B/);
    expect(t.lines().at(-1)).toBe(`All 5 dataset files are in ${join(cache, 'datasets')}, verified (5 fetched now).`);
    expect(resolveDataDir({ AIRISK_CACHE_DIR: cache }, world.manifest)).toMatchObject({ origin: 'fetched' });
  });

  it('AIRISK_FETCH_DATA=0 never asks', async () => {
    const t = terminal(true);
    await start({ AIRISK_CACHE_DIR: world.tempDir(), AIRISK_FETCH_DATA: '0' }, t.io);
    expect(t.plain()).not.toContain('[Y/n]');
    expect(t.lines()).toHaveLength(1);
  });

  it('AIRISK_FETCH_DATA=1 fetches without asking, in plain lines when not at a terminal', async () => {
    const cache = world.tempDir();
    const t = terminal(false);
    await start({ AIRISK_CACHE_DIR: cache, AIRISK_FETCH_DATA: '1', AIRISK_DATA_MIRROR: world.mirror }, t.io);
    const lines = t.lines();
    expect(lines[0]).toBe(
      `Fetching 5 downloads (152 B plus 3 files of unknown size) from the mirror ${world.mirror}/ into ` +
        `${join(cache, 'datasets')}.`,
    );
    expect(lines).toContain(`Downloading ${world.mirror}/demo/notes.csv`);
    expect(lines).toContain('  verified onet-test/Skills.txt (header and 4 rows)');
    expect(lines.at(-1)).toBe(`All 5 dataset files are in ${join(cache, 'datasets')}, verified (5 fetched now).`);
  });

  it('offline: one closing line, curated knowledge only, and how to fetch later', async () => {
    const gone = await new FileServer().start();
    await gone.close();
    const t = terminal(false);
    await start({ AIRISK_CACHE_DIR: world.tempDir(), AIRISK_FETCH_DATA: '1', AIRISK_DATA_MIRROR: gone.url }, t.io);
    const lines = t.lines();
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Fetching 5 downloads/);
    expect(lines[1]).toBe(
      `No answer from ${new URL(gone.url).host} (offline?): answering from curated knowledge only. Run \`npm run ` +
        `data:fetch\` once online, or set AIRISK_DATA_MIRROR.`,
    );
  });

  it('a file that fails verification is named with its URL; the app stays on curated knowledge', async () => {
    const cache = world.tempDir();
    world.server.set(`/mirror/${PATHS.notes}`, fixture('corrupted/notes.csv'));
    const t = terminal(false);
    try {
      await start({ AIRISK_CACHE_DIR: cache, AIRISK_FETCH_DATA: '1', AIRISK_DATA_MIRROR: world.mirror }, t.io);
    } finally {
      world.server.set(`/mirror/${PATHS.notes}`, fixture('origin/repo/notes.csv'));
    }
    const text = t.plain();
    expect(text).toContain(`1 of 5 dataset files could not be fetched into ${join(cache, 'datasets')}:`);
    expect(text).toMatch(
      new RegExp(
        `demo/notes\\.csv: SHA-256 is [0-9a-f]{64}, expected [0-9a-f]{64} \\(${world.mirror}/demo/notes\\.csv\\)`,
      ),
    );
    expect(t.lines().at(-1)).toBe('Until then, answering from curated knowledge only.');
    expect(resolveDataDir({ AIRISK_CACHE_DIR: cache }, world.manifest).dir).toBeNull();
  });

  it('a complete folder: one line naming it', async () => {
    const cache = world.tempDir();
    await fetchDatasets({ dir: join(cache, 'datasets'), manifest: world.manifest, mirror: world.mirror });
    const t = terminal(false);
    await start({ AIRISK_CACHE_DIR: cache }, t.io);
    expect(t.lines()).toEqual([
      expect.stringMatching(
        new RegExp(`^Public datasets from ${join(cache, 'datasets')}, fetched \\d{4}-\\d{2}-\\d{2}, verified\\.$`),
      ),
    ]);
  });

  it('AIRISK_DATA_DIR set: says nothing, fetches nothing', async () => {
    const t = terminal(true);
    await start({ AIRISK_DATA_DIR: world.tempDir(), AIRISK_FETCH_DATA: '1' }, t.io);
    expect(t.plain()).toBe('');
    expect(world.server.requests).toEqual([]);
  });

  it('refuses an AIRISK_FETCH_DATA it does not understand', async () => {
    await expect(start({ AIRISK_FETCH_DATA: 'sometimes' }, terminal(false).io)).rejects.toThrow(SettingsError);
    await expect(start({ AIRISK_FETCH_DATA: 'sometimes' }, terminal(false).io)).rejects.toThrow(
      /AIRISK_FETCH_DATA must be 1 \(fetch the datasets on start\) or 0 \(never\), not "sometimes"/,
    );
  });
});
