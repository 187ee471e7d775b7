// A real PostgreSQL for the tests: a fresh database per suite on the server AIRISK_TEST_DATABASE_URL names
// (default: the one `npm run db:start` runs). When it cannot be reached the PostgreSQL tests fail, saying how
// to start it: they never pass by being skipped.
import pg from 'pg';
import { createScratchDatabase, type ScratchDatabase } from '../../src/testing/scratch-db.js';

const TEST_SERVER_URL = process.env.AIRISK_TEST_DATABASE_URL?.trim() || 'postgres://postgres@127.0.0.1:55432/postgres';

export type TestDatabase = ScratchDatabase;

/** Creates an empty database for one suite; drop() removes it, closing whatever still uses it. */
export async function createTestDatabase(): Promise<TestDatabase> {
  try {
    return await createScratchDatabase(TEST_SERVER_URL, 'airisk_test');
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code && !['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', '28P01', '28000', '3D000'].includes(code))
      throw err;
    throw new Error(
      `PostgreSQL is not reachable at ${TEST_SERVER_URL} (${(err as Error).message}). The PostgreSQL tests need a ` +
        'real server: run `npm run db:start` (a throwaway one on 127.0.0.1:55432), or set AIRISK_TEST_DATABASE_URL ' +
        'to a server where the tests may create and drop databases.',
      { cause: err },
    );
  }
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
