// The PostgreSQL store on a real server (npm run db:start; see test/support/postgres.ts): the store contract,
// and what is PostgreSQL's own: instances starting together migrate once (advisory lock), a database from a
// newer airisk is refused, and messages never show the password.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../src/store/migrations.js';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/open.js';
import { openPostgresStore, redactUrl } from '../../src/store/postgres.js';
import { StoreOpenError } from '../../src/store/rows.js';
import { createTestDatabase, sql, type TestDatabase } from '../support/postgres.js';
import { ADD_A_COLUMN, STORE_TABLES, storeContract } from './contract.js';

describe('PostgreSQL store contract', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    (await openPostgresStore(db.url)).close();
  });
  afterAll(async () => {
    await db?.drop();
  });
  storeContract({
    open: (options) => openPostgresStore(db.url, options?.now ? { now: options.now } : {}),
    reset: async () => {
      await sql(db.url, `TRUNCATE ${STORE_TABLES.join(', ')} RESTART IDENTITY`);
    },
    schemaVersions: async () =>
      (await sql<{ version: number }>(db.url, 'SELECT version FROM schema_version ORDER BY version')).map(
        (r) => r.version,
      ),
  });
});

describe('PostgreSQL: opening the database', () => {
  const databases: TestDatabase[] = [];
  const fresh = async () => {
    const db = await createTestDatabase();
    databases.push(db);
    return db;
  };
  afterAll(async () => {
    for (const db of databases) await db.drop();
  });

  it('migrates once when several instances start together', async () => {
    const db = await fresh();
    const stores = await Promise.all(Array.from({ length: 4 }, () => openPostgresStore(db.url)));
    try {
      const versions = await sql<{ version: number }>(db.url, 'SELECT version FROM schema_version ORDER BY version');
      expect(versions.map((v) => v.version)).toEqual(migrations.map((m) => m.version));
      const tables = await sql<{ tablename: string }>(
        db.url,
        `SELECT tablename FROM pg_tables WHERE schemaname = 'public'`,
      );
      expect(tables.map((t) => t.tablename)).toEqual(expect.arrayContaining(STORE_TABLES));
      // Every instance works on the same data.
      const entry = await stores[0]!.createOutbox({
        kind: 'digest',
        subject: 'knowledge-changes',
        channel: 'C1',
        message: { text: 't', blocks: [] },
        status: 'draft',
        requestedBy: 'U1',
      });
      expect((await stores[3]!.getOutbox(entry.id))?.id).toBe(entry.id);
    } finally {
      for (const s of stores) await s.close();
    }
  });

  it('applies only the migrations it has not applied yet', async () => {
    const db = await fresh();
    await (await openPostgresStore(db.url)).close();
    const extra = [...migrations, ADD_A_COLUMN];
    await (await openPostgresStore(db.url, { migrations: extra })).close();
    const versions = await sql<{ version: number }>(db.url, 'SELECT version FROM schema_version ORDER BY version');
    expect(versions.map((v) => v.version)).toEqual(extra.map((m) => m.version));
  });

  it('refuses a database written by a newer version, saying what to do', async () => {
    const db = await fresh();
    await (await openPostgresStore(db.url)).close();
    await sql(
      db.url,
      `INSERT INTO schema_version (version, description, applied_at) VALUES (99, 'from the future', 0)`,
    );
    const opening = openPostgresStore(db.url);
    await expect(opening).rejects.toThrow(StoreOpenError);
    await expect(openPostgresStore(db.url)).rejects.toThrow(
      new RegExp(`schema version 99.*only knows up to ${migrations.length}.*DATABASE_URL`),
    );
  });

  it('DATABASE_URL takes precedence over AIRISK_DB_PATH', async () => {
    const db = await fresh();
    const dir = mkdtempSync(join(tmpdir(), 'airisk-open-'));
    try {
      const store = await openStore({ dbPath: join(dir, 'airisk.sqlite'), databaseUrl: db.url });
      expect(store).toMatchObject({ shared: true, location: db.url });
      await store.close();
      expect(existsSync(join(dir, 'airisk.sqlite'))).toBe(false);
      const sqlite = await openStore({ dbPath: join(dir, 'airisk.sqlite'), databaseUrl: null });
      expect(sqlite.shared).toBe(false);
      await sqlite.close();
      expect(existsSync(join(dir, 'airisk.sqlite'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says where it could not connect, without the password', async () => {
    // A port nothing listens on (the discard port on loopback), and a password that must not be shown.
    const url = 'postgres://airisk:s3cret-pass@127.0.0.1:9/airisk';
    const error = await openPostgresStore(url).then(
      () => null,
      (err: unknown) => err as Error,
    );
    expect(error).toBeInstanceOf(StoreOpenError);
    expect(error?.message).toMatch(
      /^Cannot use the database at postgres:\/\/airisk:\*\*\*@127\.0\.0\.1:9\/airisk \(DATABASE_URL\): /,
    );
    expect(error?.message).not.toContain('s3cret-pass');
    expect(redactUrl('postgres://u@h/db')).toBe('postgres://u@h/db');
  });
});
