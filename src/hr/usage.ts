// Anonymous usage counting for insights: which role or FAQ an answer was about, and on which day (in the
// workspace's time zone). Never who asked or what they typed.
import type { Answer } from '../answers/types.js';
import type { CountSubject } from '../answers/hr.js';
import type { Store } from '../store/types.js';
import type { Clock } from './clock.js';
import { dayIn } from './clock.js';

export interface UsageRecorder {
  /** Counts one answer shown to someone (a card, an FAQ, a path, a comparison). */
  answered(answer: Answer): void;
  /** Counts one helpful / not helpful vote on an answer about `subject`. */
  voted(subject: CountSubject, helpful: boolean): void;
}

/** The roles and FAQs an answer is about; none for help, ambiguous and not-found answers. */
function subjectsOf(answer: Answer): CountSubject[] {
  switch (answer.kind) {
    case 'role':
      return [{ kind: 'role', id: answer.role.id }];
    case 'faq':
      return [{ kind: 'faq', id: answer.faq.id }];
    case 'path':
      return [{ kind: 'role', id: answer.role.id }];
    case 'compare':
      return answer.roles.map((card) => ({ kind: 'role' as const, id: card.role.id }));
    default:
      return [];
  }
}

export function createUsageRecorder(
  store: Store,
  clock: Clock,
  timeZone: string,
  log: (message: string) => void = () => {},
): UsageRecorder {
  // Counting must never break or delay an answer: it runs in the background, and a full disk, locked or
  // unreachable database is logged while the answer goes on.
  const safely = (what: string, write: () => Promise<void>) => {
    write().catch((err: unknown) => log(`could not count ${what}: ${(err as Error).message}`));
  };
  return {
    answered(answer) {
      const day = dayIn(timeZone, clock.now());
      for (const subject of subjectsOf(answer)) safely('a lookup', () => store.countLookup(subject, day));
    },
    voted(subject, helpful) {
      safely('a vote', () => store.countFeedback(subject, helpful, dayIn(timeZone, clock.now())));
    },
  };
}
