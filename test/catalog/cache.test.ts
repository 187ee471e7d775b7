// The start-up cache: a hit skips loading the datasets and building the name index; changed data or code,
// a corrupt or cut-short file, and many processes starting at once all end in a correct, current cache.
import { execFile } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { deserialize } from 'node:v8';
import { afterEach, describe, expect, it } from 'vitest';
import { codeHash, dataHash, readCache, startupCacheFile, writeCache } from '../../src/catalog/cache.js';
import { cacheRoot } from '../../src/catalog/paths.js';
import { loadDatasets } from '../../src/catalog/datasets/load.js';
import { defaultKnowledgeDir } from '../../src/catalog/paths.js';
import { buildDatasetNameIndex } from '../../src/engine/resolve.js';
import { loadDatasetsCached } from '../../src/app/boot.js';

const FIXTURE = resolve(import.meta.dirname, '../fixtures/datasets/small');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const temp = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};
function setUp(): { data: string; env: NodeJS.ProcessEnv; file: string } {
  const data = temp('airisk-cache-data-');
  cpSync(FIXTURE, data, { recursive: true });
  const env = { AIRISK_CACHE_DIR: temp('airisk-cache-') };
  return { data, env, file: startupCacheFile(env, data) };
}

describe('start-up cache', () => {
  it('lives in AIRISK_CACHE_DIR, else $XDG_CACHE_HOME/airisk, else ~/.cache/airisk, under index/', () => {
    expect(cacheRoot({ AIRISK_CACHE_DIR: '/x/y' })).toBe('/x/y');
    expect(cacheRoot({ XDG_CACHE_HOME: '/xdg' })).toBe('/xdg/airisk');
    expect(cacheRoot({})).toMatch(/\.cache\/airisk$/);
    expect(startupCacheFile({ AIRISK_CACHE_DIR: '/c' }, '/data')).toMatch(/^\/c\/index\/datasets-[0-9a-f]{16}\.v8$/);
  });

  it('is built and written on the first start, then read: the same datasets and name index', () => {
    const { data, env, file } = setUp();
    const first = loadDatasetsCached(data, env);
    expect(first.cache).toEqual({ status: 'missing', file });
    const second = loadDatasetsCached(data, env);
    expect(second.cache).toEqual({ status: 'hit', file });
    expect(second.datasets).toEqual(first.datasets);
    expect(second.names).toEqual(first.names);
    // Plain data all the way down: what loadDatasets builds survives serialization unchanged, so fields added
    // to Datasets later are cached with no more work.
    // (The titles themselves live on in the name index only.)
    expect(second.datasets).toEqual({ ...loadDatasets(data), titles: [] });
    expect(second.names).toEqual(buildDatasetNameIndex(loadDatasets(data)));
  });

  it('gives each typed array read back a buffer of its own, so the file read is not kept in memory', () => {
    const { data, env } = setUp();
    loadDatasetsCached(data, env);
    const { names } = loadDatasetsCached(data, env);
    const arrays = Object.values(names).filter((v): v is Int32Array | Uint8Array => ArrayBuffer.isView(v));
    expect(arrays.length).toBeGreaterThan(10);
    // Node's own deserialize hands back views into the file's bytes, which hold every array at once.
    for (const array of arrays) expect(array.buffer.byteLength).toBe(array.byteLength);
    // A Buffer written to the cache comes back whole and on its own bytes too.
    const { file } = setUp();
    const bytes = Buffer.alloc(10_000, 'ab');
    expect(writeCache(file, 'k', { bytes, ints: Int32Array.of(1, 2, 3) })).toBe(true);
    const read = readCache(file, 'k', (v): v is { bytes: Buffer; ints: Int32Array } => typeof v === 'object');
    if (read.status !== 'hit') throw new Error(read.status);
    expect(read.value.bytes.equals(bytes)).toBe(true);
    expect(read.value.bytes.buffer.byteLength).toBe(10_000);
    expect([...read.value.ints]).toEqual([1, 2, 3]);
    expect(read.value.ints.buffer.byteLength).toBe(12);
  });

  it('is rebuilt when a data file changes', () => {
    const { data, env } = setUp();
    loadDatasetsCached(data, env);
    appendFileSync(join(data, 'onet-30.1/Alternate Titles.txt'), '98-1012.00\tGizmo Prober\t\t10\n');
    const after = loadDatasetsCached(data, env);
    expect(after.cache.status).toBe('stale');
    expect(after.names.keys).toContain('gizmo prober');
    expect(loadDatasetsCached(data, env).cache.status).toBe('hit');
  });

  it('is rebuilt when the code that builds it changes (a cache written under another code hash)', () => {
    const { data, env, file } = setUp();
    const built = loadDatasetsCached(data, env);
    writeCache(file, `${dataHash(data)}:${'0'.repeat(64)}`, { datasets: built.datasets, names: built.names });
    expect(readCache(file, `${dataHash(data)}:${codeHash()}`, (v): v is unknown => v !== null).status).toBe('stale');
    expect(loadDatasetsCached(data, env).cache.status).toBe('stale');
    expect(loadDatasetsCached(data, env).cache.status).toBe('hit');
  });

  it.each([
    ['garbage', () => Buffer.from('not a cache at all')],
    ['cut short', (bytes: Buffer) => bytes.subarray(0, bytes.length - 1000)],
    [
      'flipped payload',
      (bytes: Buffer) => Buffer.concat([bytes.subarray(0, bytes.length - 64), Buffer.alloc(64, 0xff)]),
    ],
  ])('is rebuilt from a %s file, never trusted', (_name, corrupt) => {
    const { data, env, file } = setUp();
    const good = loadDatasetsCached(data, env);
    writeFileSync(file, corrupt(readFileSync(file)));
    const again = loadDatasetsCached(data, env);
    expect(again.cache.status).toBe('unreadable');
    expect(again.datasets).toEqual(good.datasets);
    expect(loadDatasetsCached(data, env).cache.status).toBe('hit');
  });

  it('never stops a start when it cannot be written', () => {
    const { data } = setUp();
    const blocked = join(temp('airisk-cache-ro-'), 'file');
    writeFileSync(blocked, 'a file where the cache folder should be');
    const result = loadDatasetsCached(data, { AIRISK_CACHE_DIR: blocked });
    expect(result.cache).toMatchObject({ status: 'missing', writeFailed: true });
    expect(result.datasets.occupations.size).toBeGreaterThan(0);
  });

  it('stays whole when several processes start at once and all write it', async () => {
    const { data, env } = setUp();
    const boot = new URL('../../dist/app/boot.js', import.meta.url).href;
    const script = `const { bootEngine } = await import(${JSON.stringify(boot)});
      const { engine, cache } = bootEngine(process.env);
      const a = engine.ask('wobble checker');
      console.log(JSON.stringify({ cache: cache.status, role: a.kind === 'role' ? a.role.id : a.kind }));`;
    // The shipped synonyms name real SOC codes, which the hand-made data folder does not have.
    const knowledge = temp('airisk-cache-kb-');
    cpSync(defaultKnowledgeDir, knowledge, { recursive: true });
    rmSync(join(knowledge, 'synonyms.yaml'));
    const start = () =>
      promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
        env: { ...process.env, ...env, AIRISK_DATA_DIR: data, AIRISK_KNOWLEDGE_DIR: knowledge },
      }).then(({ stdout }) => JSON.parse(stdout.trim()) as { cache: string; role: string });
    const results = await Promise.all(Array.from({ length: 6 }, start));
    expect(new Set(results.map((r) => r.role)).size).toBe(1);
    const index = join(env.AIRISK_CACHE_DIR as string, 'index');
    // One cache file and no temporary file left behind, and the file is whole.
    expect(readdirSync(index)).toEqual([expect.stringMatching(/^datasets-[0-9a-f]{16}\.v8$/)]);
    const bytes = readFileSync(join(index, readdirSync(index)[0] as string));
    const headerEnd = 12 + bytes.readUInt32LE(8);
    expect(() => deserialize(bytes.subarray(headerEnd))).not.toThrow();
    expect((await start()).cache).toBe('hit');
  });
});
