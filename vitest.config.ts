import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Starts the throwaway PostgreSQL when no server is named or running (test/global-setup.ts).
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 20_000,
    // A promise rejection or exception nobody handles fails the run, even when every test passed (Vitest's
    // default, spelled out: the start command keeps serving on one, tests must not; test/support/vitest.test.ts).
    dangerouslyIgnoreUnhandledErrors: false,
    hookTimeout: 30_000,
    // Tests read the public datasets from the shared folder beside the project, as CI does, and keep their
    // start-up cache (src/catalog/cache.ts) out of the user's own cache folder.
    env: {
      AIRISK_DATA_DIR: process.env.AIRISK_DATA_DIR ?? '../shared/datasets',
      AIRISK_CACHE_DIR: process.env.AIRISK_CACHE_DIR ?? join(tmpdir(), 'airisk-test-cache'),
    },
  },
});
