// The roles a longer text names: a job post ("We are hiring a medical coder and a registered nurse"), a
// message listing openings, a channel's name and purpose. The text is cut into its lines, sentences and list
// items, each is read with the engine's own resolution, and only confident matches count: a known title or
// alias (on its own or inside a sentence), an occupation code, or a short fragment that search matches word
// for word. A fragment that only resembles a title (a typo, a prefix, a shared word) is not taken as naming it.
import type { RoleAnswer } from '../answers/types.js';
import { MAX_INPUT_CHARS, contentWords } from './text.js';
import type { Engine } from './types.js';

/** How many roles a text may name before the rest are left out (a modal, or prompts, show a few). */
export const MAX_NAMED_ROLES = 10;
/** Fragments read at most, so that a pasted document costs a bounded number of look-ups. */
const MAX_FRAGMENTS = 80;

/** Lines, bullet points and sentences (a full stop, "!", "?", ";" or a colon followed by a space), the parts of
 *  a title line set apart by a dash, bar or slash ("Medical Coder – remote | Boston"), and a remark in brackets
 *  ("Senior Medical Coder (CPC required)"), read on its own. */
const PIECE_BREAKS = /\r?\n|(?<=[.!?;:])\s+|\s+[–—|/]\s+|\s-\s|^\s*(?:[-*•▪◦‣]|\d+[.)])\s+|\s*[()[\]]\s*/gmu;
/** Items of an inline list: "a medical coder, a biller and a nurse". */
const LIST_BREAKS = /\s*,\s*|\s+(?:and|or|&|as well as|plus)\s+/giu;

/** A fragment this short that search matches in full (every word, no typo) is a title on its own line or list
 *  item ("Paralegal", "Accountant"), not a sentence that happens to share a word with one. */
const TITLE_WORDS = 3;

/** Confident enough to say the fragment names the role. */
function names(answer: ReturnType<Engine['ask']>, fragment: string): answer is RoleAnswer {
  if (answer.kind !== 'role') return false;
  if (['exact', 'sentence', 'soc', 'id'].includes(answer.match.how)) return true;
  return answer.match.how === 'search' && answer.match.confidence >= 1 && contentWords(fragment).length <= TITLE_WORDS;
}

/** The text's fragments, in reading order: each piece, then its list items when it has several. */
export function fragmentsOf(text: string): string[] {
  const out: string[] = [];
  for (const piece of text.slice(0, MAX_INPUT_CHARS * 4).split(PIECE_BREAKS)) {
    const trimmed = piece?.trim();
    if (!trimmed) continue;
    out.push(trimmed);
    const items = trimmed
      .split(LIST_BREAKS)
      .map((item) => item?.trim() ?? '')
      .filter(Boolean);
    if (items.length > 1) out.push(...items);
    if (out.length >= MAX_FRAGMENTS) break;
  }
  return out.slice(0, MAX_FRAGMENTS);
}

/** The distinct roles the text names, in the order it first names them. */
export function rolesNamedIn(engine: Engine, text: string, max = MAX_NAMED_ROLES): RoleAnswer[] {
  const found = new Map<string, RoleAnswer>();
  for (const fragment of fragmentsOf(text)) {
    if (found.size >= max) break;
    const answer = engine.ask(fragment);
    if (names(answer, fragment) && !found.has(answer.role.id)) found.set(answer.role.id, answer);
  }
  return [...found.values()];
}
