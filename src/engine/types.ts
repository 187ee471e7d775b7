// The engine's public face: every front end (CLI, Slack, preview) talks to this and nothing below it.
import type {
  AmbiguousAnswer,
  AskAnswer,
  CompareAnswer,
  HelpAnswer,
  NotFoundAnswer,
  PathAnswer,
  RoleAnswer,
  RoleRef,
} from '../answers/types.js';
import type { NameIndexData } from './names.js';

export interface Engine {
  /** Any text a person types: a title, an acronym, a typo, a sentence or a question. */
  ask(text: string): AskAnswer;
  /** The reskilling path of the role the text names. */
  path(text: string): PathAnswer | AmbiguousAnswer | NotFoundAnswer;
  /** Two roles side by side; `text` is "a vs b" (also "a and b", "a, b", "a or b"). */
  compare(text: string): CompareAnswer | AmbiguousAnswer | NotFoundAnswer;
  /** A role's card by its id (for buttons, which carry ids, not text). */
  roleById(id: string): RoleAnswer | null;
  help(): HelpAnswer;
  /** Roles to suggest when nothing is asked yet (App Home, help). */
  popularRoles(): RoleRef[];
  /** Builds the task index and composes every role's card ahead of the first question (about 0.5–1 s); returns the cards composed. */
  warmUp(): number;
  /** The same work in short steps, one per iteration, for a server to interleave with requests. */
  warmUpSteps(): Generator<void>;
  /** The datasets' name index as plain data, for a start-up cache to store (see transports/boot.ts). */
  nameIndexData(): NameIndexData;
  /** Number of roles the engine can answer for, curated and from datasets. */
  stats(): { roles: number; curatedRoles: number; faqs: number; datasetNote: string };
}
