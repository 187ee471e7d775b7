// A real PostgreSQL for the tests: a fresh database per suite on the server AIRISK_TEST_DATABASE_URL names
// (default: the one `npm run db:start` runs). When it cannot be reached the PostgreSQL tests fail, saying how
// to start it: they never pass by being skipped.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const TEST_SERVER_URL =
  process.env.AIRISK_TEST_DATABASE_URL?.trim() || 'postgres://postgres@127.0.0.1:55432/postgres';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_SERVER_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (err) {
    throw new Error(
      `PostgreSQL is not reachable at ${TEST_SERVER_URL} (${(err as Error).message}). The PostgreSQL tests need a ` +
        'real server: run `npm run db:start` (a throwaway one on 127.0.0.1:55432), or set AIRISK_TEST_DATABASE_URL ' +
        'to a server where the tests may create and drop databases.',
      { cause: err },
    );
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database for one suite; drop() removes it, closing whatever still uses it. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `airisk_test_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(TEST_SERVER_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () => admin(async (c) => void (await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))),
  };
}

/** Runs one statement on a test database, for checks the Store interface does not offer. */
export async function sql<R extends pg.QueryResultRow>(
  url: string,
  text: string,
  params: unknown[] = [],
): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(text, params)).rows;
  } finally {
    await client.end();
  }
}
