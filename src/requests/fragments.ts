// A longer text cut into the pieces that may each name a role: a job post ("We are hiring a medical coder and a
// registered nurse"), a message listing openings, a channel's name and purpose. The engine reads each piece
// (src/engine/mentions.ts).

/** Longest text read; a pasted document past it names no more roles than a modal or prompts could show. */
const MAX_TEXT_CHARS = 8000;
/** Fragments read at most, so that a pasted document costs a bounded number of look-ups. */
const MAX_FRAGMENTS = 80;

/** Lines, bullet points and sentences (a full stop, "!", "?", ";" or a colon followed by a space), the parts of
 *  a title line set apart by a dash, bar or slash ("Medical Coder – remote | Boston"), and a remark in brackets
 *  ("Senior Medical Coder (CPC required)"), read on its own. */
const PIECE_BREAKS = /\r?\n|(?<=[.!?;:])\s+|\s+[–—|/]\s+|\s-\s|^\s*(?:[-*•▪◦‣]|\d+[.)])\s+|\s*[()[\]]\s*/gmu;
/** Items of an inline list: "a medical coder, a biller and a nurse". */
const LIST_BREAKS = /\s*,\s*|\s+(?:and|or|&|as well as|plus)\s+/giu;

/** The text's fragments, in reading order: each piece, then its list items when it has several. */
export function fragmentsOf(text: string): string[] {
  const out: string[] = [];
  for (const piece of text.slice(0, MAX_TEXT_CHARS).split(PIECE_BREAKS)) {
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
