// What listeners get: the engine, optional hooks for features that record usage, the HR features when they are
// on, and the assistant threads' memory.
import type { Answer } from '../../answers/types.js';
import type { Engine } from '../../engine/types.js';
import type { HrService } from '../../hr/service.js';
import type { ThreadMemory } from './thread-memory.js';

export interface SlackHooks {
  /** After an answer is shown; for anonymous lookup counts. */
  onLookup?(answer: Answer): void;
  onFeedback?(roleId: string, helpful: boolean): void;
}

export interface SlackDeps {
  engine: Engine;
  hooks: SlackHooks;
  /** The HR features (announce, schedule, insights), when the app runs with a store. */
  hr?: HrService;
  /** What assistant threads remember (context, role in context); in the store when there is one, else in memory. */
  threads?: ThreadMemory;
}
