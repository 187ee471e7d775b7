// Before any test: when no PostgreSQL server was named (AIRISK_TEST_DATABASE_URL) and none answers on the
// default port of `npm run db:start`, start a throwaway one of our own (a fresh folder, a free port) and delete
// it afterwards. So `npm test` is the one command a developer needs, and runs at once never share a server
// that one of them stops. CI (.ci/run) names its own server and this does nothing there.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DEV_PORT = 55432;

function answers(port: number): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.setTimeout(1000);
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.once('timeout', () => done(false));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export default async function setup(): Promise<(() => void) | undefined> {
  if (process.env.AIRISK_TEST_DATABASE_URL?.trim()) return undefined;
  if (await answers(DEV_PORT)) return undefined;
  const port = await freePort();
  const parent = mkdtempSync(join(tmpdir(), 'airisk-test-pg-'));
  // Run as root, the server runs as the postgres user, who must be able to reach its folder.
  chmodSync(parent, 0o755);
  const env = { ...process.env, AIRISK_PG_PORT: String(port), AIRISK_PG_DIR: join(parent, 'data') };
  const db = (command: string) => execFileSync('bash', ['scripts/db.sh', command], { env, stdio: 'pipe' });
  try {
    db('start');
  } catch (err) {
    // The PostgreSQL tests then fail with their own message (how to install or start a server).
    console.warn(
      `Could not start a throwaway PostgreSQL for the tests: ` +
        `${String((err as { stderr?: Buffer }).stderr ?? err).trim()}`,
    );
    return undefined;
  }
  // The test files run in worker processes started after this, with this environment.
  process.env.AIRISK_TEST_DATABASE_URL = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return () => {
    db('wipe');
    rmSync(parent, { recursive: true, force: true });
  };
}
