// The start command (`dist/main.js`, as `npm start` runs it) in a child process, in an empty working directory
// (so no .env is read and the SQLite file lands in a throwaway folder), with everything it prints collected.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';

const MAIN = resolve('dist/main.js');
/** Settings of the developer's shell that would change what the child does. */
const CLEARED = ['SLACK_SIGNING_SECRET', 'SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_API_URL', 'PORT', 'PREVIEW_PORT'];

export class AppProcess {
  readonly child: ChildProcess;
  readonly dir = mkdtempSync(resolve(tmpdir(), 'airisk-app-'));
  /** stdout and stderr together, in the order they arrived. */
  output = '';
  readonly exited: Promise<number | null>;

  constructor(env: NodeJS.ProcessEnv, nodeOptions: string[] = []) {
    const base = { ...process.env };
    for (const name of CLEARED) delete base[name];
    this.child = spawn(process.execPath, [...nodeOptions, MAIN], {
      cwd: this.dir,
      env: { ...base, AIRISK_DB_PATH: resolve(this.dir, 'airisk.sqlite'), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [this.child.stdout, this.child.stderr]) stream?.on('data', (d) => (this.output += String(d)));
    this.exited = new Promise((done) => this.child.on('exit', (code) => done(code)));
  }

  /** Resolves once the output matches; rejects if the process ends first. */
  async waitFor(pattern: RegExp, timeoutMs = 15_000): Promise<void> {
    let ended = false;
    void this.exited.then(() => (ended = true));
    const start = Date.now();
    while (!pattern.test(this.output)) {
      if (ended) throw new Error(`the app exited before printing ${pattern}:\n${this.output}`);
      if (Date.now() - start > timeoutMs) throw new Error(`the app did not print ${pattern}:\n${this.output}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** The exit code, or "still running" once it has printed `listening` (the start did not fail). */
  async outcome(listening: RegExp): Promise<number | null | 'still running'> {
    return Promise.race([this.exited, this.waitFor(listening).then(() => 'still running' as const)]);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGTERM');
      await this.exited;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}
