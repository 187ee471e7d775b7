// Before any test: when no PostgreSQL server was named (AIRISK_TEST_DATABASE_URL) and none answers on the
// default port, start the throwaway one `npm run db:start` runs, and stop it again afterwards. So `npm test` is
// the one command a developer needs; CI (.ci/run) names its own server and this does nothing there.
import { execFileSync } from 'node:child_process';
import { connect } from 'node:net';

const DEFAULT_PORT = 55432;

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

export default async function setup(): Promise<(() => void) | undefined> {
  if (process.env.AIRISK_TEST_DATABASE_URL?.trim()) return undefined;
  if (await answers(DEFAULT_PORT)) return undefined;
  const db = (command: string) =>
    execFileSync('bash', ['scripts/db.sh', command], {
      env: { ...process.env, AIRISK_PG_PORT: String(DEFAULT_PORT) },
      stdio: 'pipe',
    });
  try {
    db('start');
  } catch (err) {
    // The PostgreSQL tests then fail with their own message (how to install or start a server).
    console.warn(
      `Could not start a throwaway PostgreSQL for the tests: ${String((err as { stderr?: Buffer }).stderr ?? err).trim()}`,
    );
    return undefined;
  }
  return () => {
    db('stop');
  };
}
