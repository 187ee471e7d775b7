// The CLI contract, run as a real process the way a person or script runs it.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { defaultKnowledgeDir } from '../../src/catalog/paths.js';

const run = promisify(execFile);
const bin = resolve('bin/airisk.js');

async function airisk(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}) {
  const child = run(process.execPath, [bin, ...args], {
    env: { ...process.env, ...options.env },
    maxBuffer: 64 * 2 ** 20,
  });
  if (options.input !== undefined) {
    child.child.stdin?.end(options.input);
  }
  return child;
}

describe('airisk CLI', () => {
  it('ask --json medical-coder shows the composite: 11.6, red', async () => {
    const { stdout } = await airisk(['ask', '--json', 'medical-coder']);
    const answer = JSON.parse(stdout);
    expect(answer.kind).toBe('role');
    expect(answer.role).toMatchObject({ id: 'medical-coder', title: 'Medical Coder', soc: '29-2072' });
    expect(answer.aijri).toMatchObject({
      taskResistance: 1.85,
      evidenceModifier: 0.8,
      barrierModifier: 1.04,
      growthModifier: 0.95,
      raw: 1.4622,
      score: 11.6,
      zone: 'red',
    });
  });

  it('prints the first screen for a person, and how it was scored with --details', async () => {
    const { stdout } = await airisk(['ask', 'medical coder']);
    expect(stdout).toContain('Medical Coder');
    expect(stdout).toMatch(/Very high AI exposure {2}▰▰▰▰▰▰▰▰▰▱ {2}high confidence/);
    expect(stdout).toContain('What to do now:');
    expect(stdout).toContain('Clinical Documentation Improvement Specialist');
    expect(stdout).toContain('airisk ask --details "medical coder"');
    expect(stdout).not.toContain('1.4622');
    const details = (await airisk(['ask', '--details', 'medical coder'])).stdout;
    expect(details.startsWith(stdout.slice(0, stdout.indexOf('How we scored this')))).toBe(true);
    expect(details).toContain('How we scored this');
    expect(details.replace(/\s+/g, ' ')).toContain('(1.4622 − 0.54) / 7.93 × 100 = 11.6');
    expect(details).toContain('Compliance Manager');
  });

  it('prints an FAQ list one item per line, without Markdown markers, and task statements whole', async () => {
    const faq = (await airisk(['ask', 'which coding specializations are most resilient to AI?'])).stdout;
    const items = faq.split('\n').filter((line) => line.startsWith('  - '));
    expect(items.length).toBeGreaterThanOrEqual(4);
    expect(items.some((line) => line.startsWith('  - Complex specialty coding:'))).toBe(true);
    expect(faq).not.toContain('**');
    for (const line of faq.split('\n')) expect(line.length).toBeLessThanOrEqual(88);

    const card = (await airisk(['ask', '--details', 'medical coder'])).stdout;
    // O*NET's statement is longer than a line; the card shows it to its last word.
    expect(card.replace(/\s+/g, ' ')).toContain(
      "by consulting with doctors or others or by participating in the coding team's regular meetings.",
    );
    // Long lines wrap under their bullet, so the card reads in an 88-column terminal; a web address stays whole
    // on a line of its own.
    for (const line of card.split('\n'))
      if (!/^ +https?:\/\/\S+$/.test(line)) expect(line.length, line).toBeLessThanOrEqual(88);
    expect(card).toMatch(/\n {2}- LLM exposure rated by GPT-4 \(β\): .*\n {4}\S/);
  });

  it('answers one JSON object per input line in batch mode', async () => {
    const { stdout } = await airisk(['ask', '--json'], {
      input: 'clinical coder\nCPC\nmedical codr\nqwxzzv plorft\nis medical coding still worth learning?\n',
    });
    const answers = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(answers.map((a) => (a.kind === 'role' ? a.role.id : a.kind))).toEqual([
      'medical-coder',
      'medical-coder',
      'medical-coder',
      'not_found',
      'faq',
    ]);
    expect(answers[4].faq.id).toBe('is-medical-coding-worth-learning');
  });

  it('answers for dataset occupations with measures, consensus and a path', async () => {
    const { stdout } = await airisk(['ask', '--json', 'accountant']);
    const answer = JSON.parse(stdout);
    expect(answer.role.soc).toBe('13-2011');
    expect(
      answer.measures.filter((m: { percentile: number | null }) => m.percentile !== null).length,
    ).toBeGreaterThanOrEqual(2);
    expect(answer.consensus).toMatchObject({ band: expect.any(String), confidence: expect.any(String) });
    expect(answer.path.transitions.length).toBeGreaterThanOrEqual(3);
  });

  it('reports a broken knowledge file with file and field, and exits non-zero', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'airisk-cli-kb-'));
    try {
      cpSync(defaultKnowledgeDir, dir, { recursive: true });
      writeFileSync(
        join(dir, 'roles/broken-role.yaml'),
        'id: broken-role\ntitle: Broken\nfigures:\n  - label: x\n    value: ten\n    unit: score\n    source: ' +
          'nowhere\n',
      );
      const failure = await airisk(['ask', 'medical coder'], { env: { AIRISK_KNOWLEDGE_DIR: dir } }).then(
        () => null,
        (err: { code: number; stderr: string }) => err,
      );
      expect(failure?.code).toBe(1);
      expect(failure?.stderr).toContain('knowledge/roles/broken-role.yaml:5 figures[0].value: must be a number');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives usage on a bad command', async () => {
    const failure = await airisk(['bogus']).then(
      () => null,
      (err: { code: number; stderr: string }) => err,
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stderr).toMatch(/Unknown command "bogus"/);
  });
});
