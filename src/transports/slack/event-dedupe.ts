// Slack delivers an Events API event again when it thinks we missed it (x-slack-retry-num), and behind a load
// balancer the retry may reach another instance. Each event id is answered once: its first sighting is
// recorded in the shared store in one statement (after Bolt has acknowledged the event, so off the ack's
// path), and a later sighting within the expiry is dropped.
import type { Store } from '../../store/types.js';

export interface EventDedupe {
  /** True the first time an event id is seen: handle it. False for a retry some instance already took. */
  firstSighting(eventId: string): Promise<boolean>;
}

/** Slack retries three times within about five minutes; an hour leaves room for clock skew and slow retries. */
const EVENT_ID_TTL_MS = 60 * 60_000;
/** Recent ids kept in memory: the whole dedupe without a store, and the fallback when the store fails. */
const REMEMBERED = 5000;
const PURGE_EVERY_MS = 10 * 60_000;

/** Dedupe within this process only (the local preview, tests without a store). */
export function memoryEventDedupe(size = REMEMBERED): EventDedupe & { remember(eventId: string): boolean } {
  const seen = new Set<string>();
  const remember = (eventId: string) => {
    if (seen.has(eventId)) return false;
    seen.add(eventId);
    if (seen.size > size) seen.delete(seen.values().next().value as string);
    return true;
  };
  return { remember, firstSighting: async (eventId) => remember(eventId) };
}

/** Dedupe across every instance sharing `store`. If the store cannot be reached the event is handled (an
 *  answer given twice is better than none), deduplicated within this process, and the failure logged. */
export function storeEventDedupe(
  store: Store,
  options: { now?: () => number; ttlMs?: number; log?: (message: string) => void } = {},
): EventDedupe {
  const { now = Date.now, ttlMs = EVENT_ID_TTL_MS, log = () => {} } = options;
  const local = memoryEventDedupe();
  let lastPurge = now();
  return {
    async firstSighting(eventId) {
      const at = now();
      if (at - lastPurge >= PURGE_EVERY_MS) {
        lastPurge = at;
        store.purgeExpired(at).catch((err: unknown) => log(`could not purge expired event ids: ${String(err)}`));
      }
      try {
        const first = await store.firstSighting(eventId, at, ttlMs);
        local.remember(eventId);
        return first;
      } catch (err) {
        log(`could not check event ${eventId} against the store (${(err as Error).message}); deduplicating locally`);
        return local.remember(eventId);
      }
    },
  };
}
