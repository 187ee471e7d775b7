// The engine's public face: every front end (CLI, Slack, preview) and the HR features talk to this and nothing
// below it. It answers requests (src/requests/) by text or by a role's id.
import type {
  AmbiguousAnswer,
  Answer,
  AskAnswer,
  CompareAnswer,
  HelpAnswer,
  NotFoundAnswer,
  PathAnswer,
  RoleAnswer,
  RoleRef,
} from '../answers/types.js';
import type { AnswerRequest, RoleSpec } from '../requests/types.js';
import type { NameIndexData } from './names.js';

export interface Engine {
  /** The answer to any request but HR's. */
  answer(request: AnswerRequest): Answer;
  /** Any text a person types: a title, an acronym, a typo, a sentence or a question. */
  ask(text: string): AskAnswer;
  /** A role's card by its id (buttons, the role a thread is about); null for an id the catalog does not know. */
  card(id: string): RoleAnswer | null;
  /** The reskilling path of the role the text names, or of a role by id ({ id }). */
  path(role: string | RoleSpec): PathAnswer | AmbiguousAnswer | NotFoundAnswer;
  /** Two roles side by side: "a vs b" (also "a and b", "a, b", "a or b") as typed, or two roles each by id or text. */
  compare(text: string): CompareAnswer | AmbiguousAnswer | NotFoundAnswer;
  compare(a: RoleSpec, b: RoleSpec): CompareAnswer | AmbiguousAnswer | NotFoundAnswer;
  help(): HelpAnswer;
  /** Roles to suggest when nothing is asked yet (App Home, help). */
  popularRoles(): RoleRef[];
  /** The distinct roles a longer text names (a job post, a channel's purpose), confidently only; at most `max`. */
  rolesNamedIn(text: string, max?: number): RoleAnswer[];
  /** The curated roles, ordered by id. */
  curatedRoles(): RoleRef[];
  /** The FAQs, ordered by id. */
  faqs(): { id: string; question: string }[];
  /** Builds the task index and composes every role's card ahead of the first question (about 0.5–1 s); returns the
   *  cards composed. */
  warmUp(): number;
  /** The same work in short steps, one per iteration, for a server to interleave with requests. */
  warmUpSteps(): Generator<void>;
  /** True while a warm-up (warmUpSteps) is building what every card needs (the reskilling model): a card asked
   *  for now would build it on the spot, holding every other request for most of a second, so a server may wait
   *  for the warm-up instead. */
  warmingUp(): boolean;
  /** The datasets' name index as plain data, for a start-up cache to store (see app/boot.ts). */
  nameIndexData(): NameIndexData;
  /** Number of roles the engine can answer for, curated and from datasets; what the server loaded. */
  stats(): { roles: number; curatedRoles: number; faqs: number; datasetNote: string };
}
