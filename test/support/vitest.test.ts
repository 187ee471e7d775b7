// The test setup fails on any unhandled rejection: the project's vitest settings, run on a test that passes
// while a promise nobody awaits is rejected, end the run with a failure that names it.
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';

it('a run with an unhandled rejection fails even when its tests pass', async () => {
  // This run's own variables would make the inner vitest think it is a worker of this one.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')));
  const run = await new Promise<{ code: number | null; output: string }>((done) => {
    const child = execFile(
      process.execPath,
      [
        resolve('node_modules/vitest/vitest.mjs'),
        'run',
        '--config',
        'test/fixtures/unhandled-rejection/vitest.config.ts',
      ],
      { env: { ...env, NO_COLOR: '1' } },
      (err, stdout, stderr) => done({ code: child.exitCode ?? (err ? 1 : 0), output: stdout + stderr }),
    );
  });
  expect(run.output).toMatch(/1 passed/);
  expect(run.output).toMatch(/Unhandled Rejection/);
  expect(run.output).toContain('nobody handles this rejection');
  expect(run.code).toBe(1);
});
