import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Tests read the public datasets from the shared folder beside the project, as CI does.
    env: { AIRISK_DATA_DIR: process.env.AIRISK_DATA_DIR ?? '../shared/datasets' },
  },
});
