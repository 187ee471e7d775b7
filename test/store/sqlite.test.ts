// The SQLite store: the store contract, and what is SQLite's own: the file and its folder are created, WAL,
// and a database from a newer airisk is refused.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../src/store/migrations.js';
import { openSqliteStore, StoreOpenError } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/types.js';
import { ADD_A_COLUMN, draft, STORE_TABLES, storeContract } from './contract.js';

const root = mkdtempSync(join(tmpdir(), 'airisk-store-'));
let n = 0;
let path = '';
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('SQLite store contract', () => {
  storeContract({
    open: async (options) => openSqliteStore(path, options?.now ? { now: options.now } : {}),
    reset: async () => {
      path = join(root, `contract-${n++}`, 'airisk.sqlite');
    },
    schemaVersions: async () => {
      const db = new Database(path, { readonly: true });
      try {
        return (db.prepare('SELECT version FROM schema_version ORDER BY version').all() as { version: number }[]).map(
          (v) => v.version,
        );
      } finally {
        db.close();
      }
    },
  });
});

describe('SQLite: opening the file', () => {
  let dir: string;
  let opened: Store[];
  const open = (file = join(dir, 'nested', 'airisk.sqlite')) => {
    const store = openSqliteStore(file);
    opened.push(store);
    return store;
  };
  beforeEach(() => {
    dir = mkdtempSync(join(root, 'open-'));
    opened = [];
  });
  afterEach(async () => {
    for (const s of opened) await s.close();
  });

  it('creates the file and its folder, migrates to the latest schema and uses WAL', async () => {
    const file = join(dir, 'nested', 'airisk.sqlite');
    await open(file).close();
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      const tables = (
        db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]
      ).map((t) => t.name);
      expect(tables).toEqual(expect.arrayContaining(STORE_TABLES));
    } finally {
      db.close();
    }
  });

  it('applies only the migrations it has not applied yet', async () => {
    const file = join(dir, 'a.sqlite');
    const first = open(file);
    const entry = await first.createOutbox(draft());
    await first.close();
    const extra = [...migrations, ADD_A_COLUMN];
    const second = openSqliteStore(file, { migrations: extra });
    opened.push(second);
    expect((await second.getOutbox(entry.id))?.message.text).toBe('hello');
    await second.close();
    const db = new Database(file, { readonly: true });
    expect((db.prepare('SELECT COUNT(*) AS n FROM schema_version').get() as { n: number }).n).toBe(extra.length);
    db.close();
  });

  it('refuses a database written by a newer version, saying what to do', async () => {
    const file = join(dir, 'newer.sqlite');
    await open(file).close();
    const db = new Database(file);
    db.prepare('INSERT INTO schema_version (version, description, applied_at) VALUES (99, ?, 0)').run(
      'from the future',
    );
    db.close();
    expect(() => openSqliteStore(file)).toThrow(StoreOpenError);
    expect(() => openSqliteStore(file)).toThrow(
      new RegExp(`schema version 99.*only knows up to ${migrations.length}.*AIRISK_DB_PATH`),
    );
  });

  it('names the path when the file cannot be opened', () => {
    const blocker = join(dir, 'not-a-folder');
    writeFileSync(blocker, 'x');
    chmodSync(blocker, 0o400);
    expect(() => openSqliteStore(join(blocker, 'airisk.sqlite'))).toThrow(
      new RegExp(`Cannot open the database at ${blocker.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*AIRISK_DB_PATH`),
    );
  });
});
