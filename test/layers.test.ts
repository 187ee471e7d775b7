// The lint step's layer and dependency rules (.dependency-cruiser.js) catch what they are for: run on a small
// project (test/fixtures/layers/) whose engine imports a transport and whose renderer imports a package its
// package.json does not declare, dependency-cruiser fails with both, and only those; on the app itself it passes.
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';

const CONFIG = resolve('.dependency-cruiser.js');
const CLI = resolve('node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

function cruise(cwd: string, paths: string[]): Promise<{ code: number; output: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [CLI, ...paths, '--config', CONFIG, '--output-type', 'err'],
      { cwd, env: { ...process.env, NO_COLOR: '1' } },
      (err, stdout, stderr) =>
        done({ code: err ? ((err as { code?: number }).code ?? 1) : 0, output: stdout + stderr }),
    );
  });
}

it('fails on an upward import and on an undeclared package, and names both', async () => {
  const { code, output } = await cruise(resolve('test/fixtures/layers'), ['src']);
  expect(code).not.toBe(0);
  expect(output).toMatch(/layer-engine: src\/engine\/upward\.ts → src\/transports\/reply\.ts/);
  expect(output).toMatch(/no-non-package-json: src\/renderers\/undeclared\.ts → .*pluralize/);
  expect(output).toMatch(/2 dependency violations \(2 errors/);
});

it('passes on the app and its tests', async () => {
  const { code, output } = await cruise(resolve('.'), ['src', 'test']);
  expect(output).toMatch(/no dependency violations found/);
  expect(code).toBe(0);
});
