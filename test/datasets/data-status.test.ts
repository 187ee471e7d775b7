// `airisk data status`: what is in the data folder, checked now against the manifest, for a fetched folder, one
// filled by hand, one with a bad copy, a missing one, and the per-user default.
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchDatasets } from '../../src/catalog/fetch/fetch.js';
import { dataStatus } from '../../src/catalog/fetch/status.js';
import { renderStatus } from '../../src/transports/cli/data.js';
import { FIXTURES, PATHS, fixture, startFetchWorld, type FetchWorld } from './fetch-fixtures.js';

let world: FetchWorld;
beforeAll(async () => {
  world = await startFetchWorld();
});
afterAll(() => world.close());

/** A folder with every fixture file in place, as someone would copy them by hand. */
function filledByHand(): string {
  const dir = world.tempDir();
  mkdirSync(join(dir, 'demo'));
  cpSync(join(FIXTURES, 'origin/repo'), join(dir, 'demo'), { recursive: true });
  cpSync(join(FIXTURES, 'origin/onet-text'), join(dir, 'onet-test'), { recursive: true });
  return dir;
}

describe('data status', () => {
  it('a fetched folder: each dataset verified, with version, size and the record', async () => {
    const dir = world.tempDir();
    await fetchDatasets({ dir, manifest: world.manifest, mirror: world.mirror });
    const status = await dataStatus({ AIRISK_DATA_DIR: dir }, world.manifest);
    expect(status).toMatchObject({
      dir,
      origin: 'AIRISK_DATA_DIR',
      exists: true,
      verified: true,
      used: true,
      record: { complete: true, mirror: `${world.mirror}/`, forThisVersion: true },
    });
    const demoBytes = fixture('origin/repo/notes.csv').length + fixture('origin/repo/LICENSE').length;
    expect(status.datasets.map((d) => [d.id, d.state, d.version, d.bytes, d.check])).toEqual([
      ['demo', 'verified', 'commit abc1234', demoBytes, 'SHA-256'],
      ['onet-test', 'verified', 'O*NET 99.9', expect.any(Number), 'header and row count'],
    ]);

    const text = renderStatus(status).join('\n');
    expect(text).toContain(`Data folder: ${dir} (AIRISK_DATA_DIR)`);
    expect(text).toMatch(/Fetched by `airisk data fetch` from the mirror .*; complete\./);
    expect(text).toMatch(/verified {2}demo\/ +2 files {2}152 B {2}Demo repository, commit abc1234/);
    expect(text).toMatch(/verified {2}onet-test\/ +3 files .* Test O\*NET, O\*NET 99\.9/);
    expect(text).not.toContain('Problems:');
    expect(text).toContain('Every dataset is there and verified: airisk answers for every occupation.');
  });

  it('a folder filled by hand: no record, its files checked all the same', async () => {
    const dir = filledByHand();
    const status = await dataStatus({ AIRISK_DATA_DIR: dir }, world.manifest);
    expect(status).toMatchObject({ record: null, verified: true, used: true });
    expect(renderStatus(status)).toContain(
      'No fetch record: the folder was filled by hand. Its files are checked below.',
    );
  });

  it('a bad copy or a missing file: which file, and what is wrong', async () => {
    const dir = filledByHand();
    writeFileSync(join(dir, PATHS.notes), fixture('corrupted/notes.csv'));
    writeFileSync(join(dir, PATHS.skills), fixture('corrupted/Skills.txt'));
    rmSync(join(dir, PATHS.readMe));
    const status = await dataStatus({ AIRISK_DATA_DIR: dir }, world.manifest);
    expect(status.verified).toBe(false);
    expect(status.datasets.map((d) => d.state)).toEqual(['failed', 'failed']);
    const text = renderStatus(status).join('\n');
    expect(text).toMatch(/^ {2}failed {2}demo\//m);
    expect(text).toMatch(/Problems:\n {2}demo\/notes\.csv: SHA-256 is [0-9a-f]{64}, expected [0-9a-f]{64}\n/);
    expect(text).toContain('  onet-test/Skills.txt: has 3 data rows, expected 4\n');
    expect(text).toContain('  onet-test/Read Me.txt: missing\n');
    expect(text).toContain('airisk reads this folder (AIRISK_DATA_DIR) as it is: fix the problems above');
  });

  it('the per-user default: missing, then used once a fetch completes it', async () => {
    const root = world.tempDir();
    const env = { AIRISK_CACHE_DIR: root };
    const before = await dataStatus(env, world.manifest);
    expect(before).toMatchObject({ dir: join(root, 'datasets'), origin: 'default', exists: false, used: false });
    expect(before.datasets.every((d) => d.state === 'missing')).toBe(true);
    const text = renderStatus(before).join('\n');
    expect(text).toContain('(the default: AIRISK_DATA_DIR is unset)');
    expect(text).toContain('The folder does not exist yet');
    expect(text).toMatch(/missing {2}demo\/ +0 of 2 files {2}- {2}Demo repository/);
    // A dataset missing as a whole is said by its row, not file by file.
    expect(text).not.toContain('Problems:');
    expect(text).toContain(
      'airisk answers from curated knowledge only until `airisk data fetch` completes this folder.',
    );

    await fetchDatasets({ dir: join(root, 'datasets'), manifest: world.manifest, mirror: world.mirror });
    expect(await dataStatus(env, world.manifest)).toMatchObject({ used: true, verified: true });
  });
});
