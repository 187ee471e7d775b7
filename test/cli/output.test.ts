// What the CLI writes to a terminal or a pipe, run as a real process: a reader that closes the pipe early
// (`airisk ask --json < big | head -1`) ends it quietly with status 0, as Unix tools do; control characters a
// user typed or a file holds are never written raw (a terminal would obey them).
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const bin = resolve('bin/airisk.js');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI with its standard streams as Node's child pipes. */
function airisk(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  const child = spawn(process.execPath, [bin, ...args], {
    env: { ...process.env, ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += String(d)));
  child.stderr.on('data', (d) => (stderr += String(d)));
  child.stdin.end(options.input ?? '');
  return new Promise((done) => child.on('close', (code) => done({ code, stdout, stderr })));
}

/** `airisk <args> < input | head -1` in bash: a real OS pipe whose reader leaves after one line (Node's own child
 *  pipes are socket pairs, which behave differently). The code is the CLI's, not head's. */
async function pipedToHead(args: string[], input: string): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'airisk-pipe-'));
  try {
    writeFileSync(join(dir, 'input.txt'), input);
    const script = `"$0" "$1" ${args.join(' ')} < "$2/input.txt" 2> "$2/stderr.txt" | head -1; exit \${PIPESTATUS[0]}`;
    const child = spawn('bash', ['-c', script, process.execPath, bin, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    const code = await new Promise<number | null>((done) => child.on('close', done));
    return { code, stdout, stderr: readFileSync(join(dir, 'stderr.txt'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Input longer than one 64 KiB read, so the CLI is still answering when the reader leaves. */
const many = (line: string, n: number) => `${line}\n`.repeat(n);

describe('a reader that closes the pipe early', () => {
  it('ask --json with a long input and only the first line read: status 0, nothing on stderr', async () => {
    const run = await pipedToHead(['ask', '--json'], many('medical coder', 10_000));
    expect(JSON.parse(run.stdout).role.id).toBe('medical-coder');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('the same in text mode', async () => {
    const run = await pipedToHead(['ask'], many('registered nurse', 10_000));
    expect(run.stdout).toMatch(/^Registered Nurse/);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });
});

// ESC (a colour, then a window-title sequence ending in BEL), CR, a C1 CSI, DEL and a right-to-left override.
const HOSTILE = '\u001b[31mqwxzzv\u001b]0;pwned\u0007 plorft\r\u009b2J\u007f\u202etxt';
/** On standard input a CR ends the line (readline's rule), so a query there is the same without it. */
const LINE = HOSTILE.replace('\r', '');
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('control characters never reach the terminal raw', () => {
  it('text mode shows them as escapes, from an argument and from standard input', async () => {
    for (const run of [await airisk(['ask', HOSTILE]), await airisk(['ask'], { input: `${LINE}\n` })]) {
      expect(run.code).toBe(0);
      expect(run.stdout).not.toMatch(RAW);
      expect(run.stdout).toContain('\\x1B[31mqwxzzv\\x1B]0;pwned\\x07 plorft');
      expect(run.stdout).toContain('\\u202E');
    }
  });

  it('JSON mode escapes what JSON.stringify leaves raw (DEL, C1, bidi controls) and parses to the same text', async () => {
    expect(JSON.stringify(HOSTILE)).toMatch(/[\u007f\u009b\u202e]/); // what JSON alone would print
    for (const [query, run] of [
      [HOSTILE, await airisk(['ask', '--json', HOSTILE])],
      [LINE, await airisk(['ask', '--json'], { input: `${LINE}\n` })],
    ] as const) {
      expect(run.stdout).not.toMatch(RAW);
      expect(JSON.parse(run.stdout).query).toBe(query);
    }
  });

  it('error messages on stderr show them as escapes too', async () => {
    const unknown = await airisk([HOSTILE]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown command "\\x1B[31mqwxzzv');
    const option = await airisk(['ask', `--\u001b[2J`]);
    expect(option.code).toBe(2);
    for (const run of [unknown, option]) expect(run.stderr).not.toMatch(RAW);
  });
});

describe('a dataset file replaced by binary data', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('stops with a short message naming the file, and no raw bytes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'airisk-binary-'));
    dirs.push(dir);
    cpSync(resolve('test/fixtures/datasets/small'), dir, { recursive: true });
    // Bytes as a compiled program or an image has them: NULs, controls, high bytes, a few line breaks.
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 151 + (i >> 3)) % 256));
    writeFileSync(join(dir, 'bls-ooh/occupations.csv'), Buffer.concat([Buffer.from('\u007fELF\u0002\u0001'), bytes]));
    const run = await airisk(['ask', 'nurse'], { env: { AIRISK_DATA_DIR: dir } });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^Dataset file bls-ooh\/occupations\.csv, line 1: holds binary data, not text/);
    expect(run.stderr).not.toMatch(RAW);
    expect(run.stderr).not.toContain('\ufffd');
    expect(run.stderr.length).toBeLessThan(300);
  });
});
