// `airisk data fetch` against a loopback server: fresh fetch, resume after a dropped connection (in the same run
// and in the next), refusals (checksum, header, row count, broken archive), 404, 500, a host that does not
// answer, a mirror, and two fetches at once. No test reaches the internet.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  FETCH_RECORD,
  PARTIAL_DIR,
  folderState,
  readFetchRecord,
  resolveDataDir,
} from '../../src/catalog/datasets/folder.js';
import { fetchDatasets, mirrorUrl, type FetchOptions } from '../../src/catalog/fetch/fetch.js';
import { DatasetError } from '../../src/catalog/datasets/table.js';
import { FileServer } from '../support/file-server.js';
import {
  PATHS,
  URL_PATHS,
  fixture,
  onetArchive,
  recordingReporter,
  startFetchWorld,
  type FetchWorld,
} from './fetch-fixtures.js';

let world: FetchWorld;
beforeAll(async () => {
  world = await startFetchWorld();
});
afterAll(() => world.close());
beforeEach(async () => {
  world.server.heal();
  world.server.requests.length = 0;
  world.server.set(URL_PATHS.notes, fixture('origin/repo/notes.csv')).set(URL_PATHS.archive, await onetArchive());
});

const fetchInto = (dir: string, options: Partial<FetchOptions> = {}) =>
  fetchDatasets({ dir, manifest: world.manifest, retries: 2, retryDelayMs: 10, ...options });

/** Files in the folder a reader would see: everything but the fetch's own record and temporary area. */
function visibleFiles(dir: string, sub = ''): string[] {
  return readdirSync(join(dir, sub), { withFileTypes: true }).flatMap((e) => {
    const rel = sub ? `${sub}/${e.name}` : e.name;
    if (rel === FETCH_RECORD || rel === PARTIAL_DIR || rel.startsWith('.airisk-fetch')) return [];
    return e.isDirectory() ? visibleFiles(dir, rel) : [rel];
  });
}

describe('a fresh fetch', () => {
  it('downloads every file, verifies it, and records the folder complete', async () => {
    const dir = world.tempDir();
    const reporter = recordingReporter();
    const result = await fetchInto(dir, { reporter });

    expect(result.complete).toBe(true);
    expect(result.files.map((f) => [f.path, f.state])).toEqual([
      [PATHS.notes, 'verified'],
      [PATHS.license, 'verified'],
      [PATHS.occupations, 'verified'],
      [PATHS.skills, 'verified'],
      [PATHS.readMe, 'verified'],
    ]);
    expect(readFileSync(join(dir, PATHS.notes))).toEqual(fixture('origin/repo/notes.csv'));
    expect(readFileSync(join(dir, PATHS.skills))).toEqual(fixture('origin/onet-text/Skills.txt'));
    expect(visibleFiles(dir).sort()).toEqual(Object.values(PATHS).sort());
    // The archive and every temporary file are gone.
    expect(existsSync(join(dir, PARTIAL_DIR))).toBe(false);

    const record = readFetchRecord(dir);
    expect(record?.complete).toBe(true);
    expect(record?.files[PATHS.notes]).toMatchObject({
      verified: 'SHA-256',
      from: `${world.server.url}${URL_PATHS.notes}`,
    });
    expect(record?.files[PATHS.skills]).toMatchObject({
      verified: 'header and 4 rows',
      from: `${world.server.url}${URL_PATHS.archive} (Skills.txt)`,
    });
    expect(folderState(dir, world.manifest).kind).toBe('complete');

    // Two pinned files and one archive: three downloads, each said as it happened.
    expect(world.server.requests.map((r) => r.path).sort()).toEqual(
      [URL_PATHS.archive, URL_PATHS.license, URL_PATHS.notes].sort(),
    );
    expect(reporter.events.filter((e) => e.event === 'verified')).toHaveLength(5);
  });

  it('fetches nothing again once the folder is complete', async () => {
    const dir = world.tempDir();
    await fetchInto(dir);
    world.server.requests.length = 0;
    const again = await fetchInto(dir);
    expect(again.complete).toBe(true);
    expect(again.files.every((f) => f.state === 'kept')).toBe(true);
    expect(world.server.requests).toEqual([]);
  });

  it('is what the app reads when AIRISK_DATA_DIR is unset, and only once complete', async () => {
    const root = world.tempDir();
    const env = { AIRISK_CACHE_DIR: root };
    expect(resolveDataDir(env, world.manifest)).toMatchObject({
      dir: null,
      origin: 'none',
      state: { kind: 'missing' },
    });
    await fetchInto(join(root, 'datasets'));
    expect(resolveDataDir(env, world.manifest)).toMatchObject({ dir: join(root, 'datasets'), origin: 'fetched' });
    // The real manifest asks for other files: this folder is not complete for it.
    expect(resolveDataDir(env).dir).toBeNull();
  });
});

describe('an interrupted download', () => {
  it('resumes where the connection dropped, in the same run (HTTP Range with If-Range)', async () => {
    const dir = world.tempDir();
    world.server.fault(URL_PATHS.notes, { kind: 'drop', afterBytes: 40 });
    const reporter = recordingReporter();
    const result = await fetchInto(dir, { reporter });

    expect(result.complete).toBe(true);
    expect(readFileSync(join(dir, PATHS.notes))).toEqual(fixture('origin/repo/notes.csv'));
    const [first, second] = world.server.requestsFor(URL_PATHS.notes);
    expect(first?.range).toBeNull();
    expect(second?.range).toBe('bytes=40-');
    expect(second?.ifRange).toMatch(/^"[0-9a-f]{40}"$/);
    const retry = reporter.events.find((e) => e.event === 'downloadRetry');
    expect(retry?.info).toMatchObject({ label: PATHS.notes, resumeFrom: 40 });
    expect(String(retry?.info.problem)).toMatch(/connection dropped after 40 of 103 bytes/);
  });

  it('resumes in the next run from what the last one left, and the folder is not used meanwhile', async () => {
    // The server drops every answer after 25 bytes: three attempts (retries: 2) leave 75 of 103 bytes.
    const dir = world.tempDir();
    world.server.fault(URL_PATHS.notes, { kind: 'drop', afterBytes: 25 }, Infinity);
    const broken = await fetchInto(dir);

    expect(broken.complete).toBe(false);
    expect(broken.files.find((f) => f.path === PATHS.notes)).toMatchObject({
      state: 'failed',
      from: `${world.server.url}${URL_PATHS.notes}`,
    });
    // Each of the three attempts resumed and got 25 bytes more before the connection dropped again.
    expect(broken.files.find((f) => f.path === PATHS.notes)?.detail).toMatch(
      /connection dropped after 75 of 103 bytes/,
    );
    // Nothing half-written where the catalog reads; the folder says it is incomplete.
    expect(existsSync(join(dir, PATHS.notes))).toBe(false);
    expect(folderState(dir, world.manifest)).toMatchObject({ kind: 'incomplete', missing: [PATHS.notes] });
    expect(() => resolveDataDir({ AIRISK_DATA_DIR: dir }, world.manifest)).toThrow(DatasetError);
    expect(() => resolveDataDir({ AIRISK_DATA_DIR: dir }, world.manifest)).toThrow(
      /did not finish \(1 file missing: demo\/notes.csv\)/,
    );

    world.server.heal();
    world.server.requests.length = 0;
    const resumed = await fetchInto(dir);
    expect(resumed.complete).toBe(true);
    // Only the missing file is asked for, from the byte the last run stopped at.
    expect(world.server.requests.map((r) => [r.path, r.range])).toEqual([[URL_PATHS.notes, 'bytes=75-']]);
    expect(readFileSync(join(dir, PATHS.notes))).toEqual(fixture('origin/repo/notes.csv'));
  });

  it('starts the file again when the server ignores Range', async () => {
    const dir = world.tempDir();
    world.server
      .fault(URL_PATHS.notes, { kind: 'drop', afterBytes: 30 })
      .fault(URL_PATHS.notes, { kind: 'ignore-range' });
    const result = await fetchInto(dir);
    expect(result.complete).toBe(true);
    expect(world.server.requestsFor(URL_PATHS.notes).map((r) => r.range)).toEqual([null, 'bytes=30-']);
    expect(readFileSync(join(dir, PATHS.notes))).toEqual(fixture('origin/repo/notes.csv'));
  });

  it('downloads a resumed file whole once more when the joined bytes fail verification', async () => {
    const dir = world.tempDir();
    // The last run left the start of a different file, recorded as coming from the same URL.
    const part = join(dir, PARTIAL_DIR, `${PATHS.notes}.part`);
    mkdirSync(join(dir, PARTIAL_DIR, 'demo'), { recursive: true });
    const wrongStart = 'soc,title,share\n98-9999,Wrong Start,0.99\n';
    writeFileSync(part, wrongStart);
    writeFileSync(
      `${part}.json`,
      JSON.stringify({ url: `${world.server.url}${URL_PATHS.notes}`, etag: null, lastModified: null }),
    );

    const reporter = recordingReporter();
    const result = await fetchInto(dir, { reporter });
    expect(result.complete).toBe(true);
    expect(readFileSync(join(dir, PATHS.notes))).toEqual(fixture('origin/repo/notes.csv'));
    expect(world.server.requestsFor(URL_PATHS.notes).map((r) => r.range)).toEqual([
      `bytes=${wrongStart.length}-`,
      null,
    ]);
    expect(
      reporter.events.some((e) => e.event === 'downloadRetry' && /failed verification/.test(String(e.info.problem))),
    ).toBe(true);
  });
});

describe('refusals', () => {
  it('refuses a file whose SHA-256 differs from the pinned one, naming the URL and both digests', async () => {
    const dir = world.tempDir();
    world.server.set(URL_PATHS.notes, fixture('corrupted/notes.csv'));
    const reporter = recordingReporter();
    const result = await fetchInto(dir, { reporter });

    expect(result.complete).toBe(false);
    const notes = result.files.find((f) => f.path === PATHS.notes);
    expect(notes).toMatchObject({ state: 'failed', from: `${world.server.url}${URL_PATHS.notes}` });
    expect(notes?.detail).toMatch(/^SHA-256 is [0-9a-f]{64}, expected [0-9a-f]{64}$/);
    expect(existsSync(join(dir, PATHS.notes))).toBe(false);
    expect(existsSync(join(dir, PARTIAL_DIR, PATHS.notes))).toBe(false);
    // The others are in place and recorded; the record says incomplete.
    expect(result.files.filter((f) => f.state === 'verified')).toHaveLength(4);
    expect(readFetchRecord(dir)?.complete).toBe(false);
    expect(reporter.events.find((e) => e.event === 'failed')?.info).toMatchObject({ what: PATHS.notes });
  });

  it('replaces a copy in the folder that fails verification', async () => {
    const dir = world.tempDir();
    mkdirSync(join(dir, 'demo'), { recursive: true });
    writeFileSync(join(dir, PATHS.notes), fixture('corrupted/notes.csv'));
    const reporter = recordingReporter();
    const result = await fetchInto(dir, { reporter });
    expect(result.complete).toBe(true);
    expect(readFileSync(join(dir, PATHS.notes))).toEqual(fixture('origin/repo/notes.csv'));
    const planned = reporter.events.find((e) => e.event === 'planned')?.info;
    expect(planned?.replacing).toEqual([{ path: PATHS.notes, problem: expect.stringMatching(/^SHA-256 is/) }]);
  });

  it('refuses an archive table with a row missing, and keeps the archive tables that verify', async () => {
    const dir = world.tempDir();
    world.server.set(URL_PATHS.archive, await onetArchive({ 'Skills.txt': fixture('corrupted/Skills.txt') }));
    const result = await fetchInto(dir);
    expect(result.complete).toBe(false);
    expect(result.files.find((f) => f.path === PATHS.skills)).toMatchObject({
      state: 'failed',
      from: `${world.server.url}${URL_PATHS.archive} (Skills.txt)`,
      detail: 'has 3 data rows, expected 4',
    });
    expect(result.files.find((f) => f.path === PATHS.occupations)?.state).toBe('verified');
    expect(existsSync(join(dir, PATHS.skills))).toBe(false);
    // A bad archive is not kept for the next run.
    expect(existsSync(join(dir, PARTIAL_DIR, 'onet-test-text.zip'))).toBe(false);
  });

  it('refuses a table whose header lacks a column, by name', async () => {
    const dir = world.tempDir();
    const renamed = Buffer.from(fixture('origin/onet-text/Skills.txt').toString('utf8').replace('Scale ID', 'Scale'));
    world.server.set(URL_PATHS.archive, await onetArchive({ 'Skills.txt': renamed }));
    const result = await fetchInto(dir);
    expect(result.files.find((f) => f.path === PATHS.skills)?.detail).toMatch(
      /^the header lacks "Scale ID" \(it has: .*Scale,/,
    );
  });

  it('reads columns by name: extra columns (the Excel edition adds Title and Scale Name) still verify', async () => {
    const dir = world.tempDir();
    const lines = fixture('origin/onet-text/Skills.txt').toString('utf8').trimEnd().split('\n');
    const withTitle = lines.map((line, i) => {
      const cells = line.split('\t');
      cells.splice(1, 0, i === 0 ? 'Title' : 'Lamplighters');
      cells.splice(5, 0, i === 0 ? 'Scale Name' : 'Importance');
      return cells.join('\t');
    });
    world.server.set(URL_PATHS.archive, await onetArchive({ 'Skills.txt': Buffer.from(`${withTitle.join('\n')}\n`) }));
    const result = await fetchInto(dir);
    expect(result.complete).toBe(true);
  });

  it('refuses an archive that is not a whole zip, and deletes it so the next fetch downloads it again', async () => {
    const dir = world.tempDir();
    const whole = await onetArchive();
    world.server.set(URL_PATHS.archive, whole.subarray(0, whole.length - 30));
    const result = await fetchInto(dir);
    const onet = result.files.filter((f) => f.path.startsWith('onet-test/'));
    expect(onet).toHaveLength(3);
    for (const f of onet) {
      expect(f.state).toBe('failed');
      expect(f.detail).toMatch(
        /^the archive cannot be read as a zip .*; it was deleted, the next fetch downloads it again$/,
      );
    }
    expect(existsSync(join(dir, PARTIAL_DIR, 'onet-test-text.zip'))).toBe(false);
  });
});

describe('servers that fail', () => {
  it('reports a 404 with its URL, without retrying', async () => {
    const dir = world.tempDir();
    world.server.fault(URL_PATHS.license, { kind: 'status', status: 404 }, Infinity);
    const result = await fetchInto(dir);
    expect(result.files.find((f) => f.path === PATHS.license)).toMatchObject({
      state: 'failed',
      from: `${world.server.url}${URL_PATHS.license}`,
      detail: 'not found (HTTP 404)',
    });
    expect(world.server.requestsFor(URL_PATHS.license)).toHaveLength(1);
  });

  it('retries a 500, and reports it when it stays', async () => {
    const dir = world.tempDir();
    world.server.fault(URL_PATHS.license, { kind: 'status', status: 500 }, Infinity);
    const result = await fetchInto(dir, { retries: 2 });
    expect(result.files.find((f) => f.path === PATHS.license)).toMatchObject({
      state: 'failed',
      detail: 'server error (HTTP 500)',
    });
    expect(world.server.requestsFor(URL_PATHS.license)).toHaveLength(3);
    expect(result.unreachableHosts).toEqual([]);
  });

  it('gets past a passing 500', async () => {
    const dir = world.tempDir();
    world.server.fault(URL_PATHS.archive, { kind: 'status', status: 503 });
    const result = await fetchInto(dir);
    expect(result.complete).toBe(true);
    expect(world.server.requestsFor(URL_PATHS.archive)).toHaveLength(2);
  });

  it('does not try the other files of a host that does not answer at all', async () => {
    const dir = world.tempDir();
    const gone = await new FileServer().start();
    const deadBase = gone.url;
    await gone.close();
    const manifest = structuredClone(world.manifest);
    for (const file of manifest.datasets[0]?.files ?? [])
      if ('url' in file.origin) file.origin.url = file.origin.url.replace(world.server.url, deadBase);

    const result = await fetchDatasets({ dir, manifest, retries: 2, retryDelayMs: 10 });
    const host = new URL(deadBase).host;
    expect(result.unreachableHosts).toEqual([host]);
    expect(result.files.find((f) => f.path === PATHS.notes)).toMatchObject({ state: 'failed', unreachable: true });
    expect(result.files.find((f) => f.path === PATHS.notes)?.detail).toMatch(/^no answer \(ECONNREFUSED\)$/);
    expect(result.files.find((f) => f.path === PATHS.license)).toMatchObject({
      state: 'not-tried',
      detail: `not tried: ${host} did not answer`,
    });
    // The archive's host answers: its files are there.
    expect(result.files.find((f) => f.path === PATHS.skills)?.state).toBe('verified');
  });
});

describe('a mirror (AIRISK_DATA_MIRROR)', () => {
  it('serves every file in the data folder layout, verified as strictly', async () => {
    const dir = world.tempDir();
    const result = await fetchInto(dir, { mirror: world.mirror });
    expect(result.complete).toBe(true);
    expect(world.server.requests.map((r) => r.path).sort()).toEqual(
      Object.values(PATHS)
        .map((p) => `/mirror/${p}`)
        .sort(),
    );
    expect(readFetchRecord(dir)).toMatchObject({ mirror: `${world.mirror}/`, complete: true });
    expect(readFetchRecord(dir)?.files[PATHS.skills]).toMatchObject({
      verified: 'header and 4 rows',
      from: `${world.mirror}/onet-test/Skills.txt`,
    });
  });

  it('refuses a mirror file with the wrong digest, or the wrong row count', async () => {
    const dir = world.tempDir();
    world.server.set(`/mirror/${PATHS.notes}`, fixture('corrupted/notes.csv'));
    world.server.set(`/mirror/${PATHS.skills}`, fixture('corrupted/Skills.txt'));
    const result = await fetchInto(dir, { mirror: world.mirror });
    world.server.set(`/mirror/${PATHS.notes}`, fixture('origin/repo/notes.csv'));
    world.server.set(`/mirror/${PATHS.skills}`, fixture('origin/onet-text/Skills.txt'));
    expect(result.files.find((f) => f.path === PATHS.notes)?.detail).toMatch(/^SHA-256 is/);
    expect(result.files.find((f) => f.path === PATHS.skills)).toMatchObject({
      from: `${world.mirror}/onet-test/Skills.txt`,
      detail: 'has 3 data rows, expected 4',
    });
    expect(result.complete).toBe(false);
  });

  it('encodes paths as URLs', () => {
    expect(mirrorUrl('https://data.example.org/airisk/', 'onet-30.1/Education, Training, and Experience.txt')).toBe(
      'https://data.example.org/airisk/onet-30.1/Education%2C%20Training%2C%20and%20Experience.txt',
    );
  });

  it('refuses a mirror that is not an http(s) URL', async () => {
    await expect(fetchInto(world.tempDir(), { mirror: 'ftp://example.org/data' })).rejects.toThrow(
      /AIRISK_DATA_MIRROR must be an http or https URL/,
    );
  });
});

describe('two fetches at once', () => {
  it('download each file once: the second waits for the first and finds the folder complete', async () => {
    const dir = world.tempDir();
    const first = recordingReporter();
    const second = recordingReporter();
    const [a, b] = await Promise.all([fetchInto(dir, { reporter: first }), fetchInto(dir, { reporter: second })]);
    expect(a.complete && b.complete).toBe(true);
    for (const path of [URL_PATHS.notes, URL_PATHS.license, URL_PATHS.archive])
      expect(world.server.requestsFor(path)).toHaveLength(1);
    const waited = [first, second].filter((r) => r.events.some((e) => e.event === 'waitingForLock'));
    expect(waited).toHaveLength(1);
  });
});
