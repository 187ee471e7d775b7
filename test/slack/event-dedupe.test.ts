// The Events API dedupe in front of the listeners: through the store when there is one (shared by instances),
// and still once per process when that store cannot be reached.
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/types.js';
import { memoryEventDedupe, storeEventDedupe } from '../../src/transports/slack/event-dedupe.js';

describe('event dedupe', () => {
  it('takes each event id once through the store, and purges expired ids now and then', async () => {
    const store = openSqliteStore(':memory:');
    let now = 1_000_000;
    const dedupe = storeEventDedupe(store, { now: () => now, ttlMs: 60_000 });
    expect(await dedupe.firstSighting('Ev1')).toBe(true);
    expect(await dedupe.firstSighting('Ev1')).toBe(false);
    expect(await store.eventRetries('Ev1', now)).toBe(1);
    now += 11 * 60_000; // expired, and time for a purge
    expect(await dedupe.firstSighting('Ev2')).toBe(true);
    await new Promise((r) => setImmediate(r));
    expect(await store.purgeExpired(now)).toEqual({ events: 0, threads: 0 }); // Ev1 already purged
    await store.close();
  });

  it('when the store fails, answers anyway, once per process, and says why', async () => {
    const logged: string[] = [];
    const broken = {
      firstSighting: async () => {
        throw new Error('connection refused');
      },
      purgeExpired: async () => ({ events: 0, threads: 0 }),
    } as unknown as Store;
    const dedupe = storeEventDedupe(broken, { log: (m) => logged.push(m) });
    expect(await dedupe.firstSighting('Ev1')).toBe(true);
    expect(await dedupe.firstSighting('Ev1')).toBe(false);
    expect(logged[0]).toMatch(/could not check event Ev1 against the store \(connection refused\)/);
  });

  it('without a store, remembers the most recent ids', async () => {
    const dedupe = memoryEventDedupe(2);
    expect(await dedupe.firstSighting('a')).toBe(true);
    expect(await dedupe.firstSighting('a')).toBe(false);
    await dedupe.firstSighting('b');
    await dedupe.firstSighting('c'); // "a" is forgotten
    expect(await dedupe.firstSighting('a')).toBe(true);
  });
});
