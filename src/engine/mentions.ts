// The roles a longer text names: a job post ("We are hiring a medical coder and a registered nurse"), a
// message listing openings, a channel's name and purpose. The text is cut into its lines, sentences and list
// items (src/requests/fragments.ts), each is read with the engine's own resolution, and only confident matches count: a
// known title or
// alias (on its own or inside a sentence), an occupation code, or a short fragment that search matches word
// for word. A fragment that only resembles a title (a typo, a prefix, a shared word) is not taken as naming it.
import type { AskAnswer, RoleAnswer } from '../answers/types.js';
import { fragmentsOf } from '../requests/fragments.js';
import { contentWords } from './text.js';

/** How many roles a text may name before the rest are left out (a modal, or prompts, show a few). */
const MAX_NAMED_ROLES = 10;
/** A fragment this short that search matches in full (every word, no typo) is a title on its own line or list
 *  item ("Paralegal", "Accountant"), not a sentence that happens to share a word with one. */
const TITLE_WORDS = 3;

/** Confident enough to say the fragment names the role. */
function names(answer: AskAnswer, fragment: string): answer is RoleAnswer {
  if (answer.kind !== 'role') return false;
  if (['exact', 'sentence', 'soc', 'id'].includes(answer.match.how)) return true;
  return answer.match.how === 'search' && answer.match.confidence >= 1 && contentWords(fragment).length <= TITLE_WORDS;
}

/** The distinct roles the text names, in the order it first names them. */
export function rolesNamedIn(ask: (text: string) => AskAnswer, text: string, max = MAX_NAMED_ROLES): RoleAnswer[] {
  const found = new Map<string, RoleAnswer>();
  for (const fragment of fragmentsOf(text)) {
    if (found.size >= max) break;
    const answer = ask(fragment);
    if (names(answer, fragment) && !found.has(answer.role.id)) found.set(answer.role.id, answer);
  }
  return [...found.values()];
}
