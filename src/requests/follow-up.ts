// A conversation about roles (the Slack assistant's threads): what a message asks, read in the light of the
// role the conversation is about so far. "what about nurses?" asks about another role, "show the path" wants
// the path of the role in context, "compare with registered nurse" compares it with another, "is it safe?"
// asks about it again. Pure: the transport keeps the role in context and hands it in, with the engine's lexicon.
import type { AnswerRequest } from './types.js';

/** How the engine reads words: the normalized words of a text, and whether a word says nothing on its own (a stop
 *  word or a word of the generic "will AI replace my job" question). */
export interface Lexicon {
  words(text: string): string[];
  isFiller(word: string): boolean;
}

const END = String.raw`\s*[?.!]*\s*$`;
const THIS_ROLE = String.raw`(?:it|this|that|them|this role|that role|this job|that job)`;

const PATH_ASKS = [
  new RegExp(
    String.raw`^(?:please\s+)?(?:(?:show|give|tell|get|send|see)\s+(?:me\s+)?)?(?:the\s+|a\s+|my\s+|its\s+|their\s+)?` +
      String.raw`(?:(?:reskilling|career|upskilling)\s+(?:path|pathway|options|moves)|path|pathway)` +
      String.raw`(?:\s+(?:for|of|from)\s+(?:a\s+|an\s+|the\s+)?(?<role>.+?))?${END}`,
    'i',
  ),
  new RegExp(
    String.raw`^how\s+(?:do|can|could|should|would)\s+(?:i|we|they|one)\s+(?:reskill|upskill|move on|switch)` +
      String.raw`(?:\s+(?:from|as)\s+(?:a\s+|an\s+|the\s+)?(?<role>.+?))?${END}`,
    'i',
  ),
  new RegExp(
    String.raw`^what\s+(?:should|could|can)\s+(?:i|we)\s+(?:learn|study|do)(?:\s+(?:next|instead))?${END}`,
    'i',
  ),
  /^path\s+(?<role>.+)$/i,
];
/** Words that ask where to go from the role in context ("what are my options?", "which jobs could I switch to?"):
 *  a message of these (one of PATH_NEEDS at least) and generic words asks for the path. */
const PATH_CUES = new Set(
  (
    'option alternative switch move moving transition pivot change reskill reskilling upskill upskilling retrain ' +
    'next instead recommend suggest safer path pathway into where which go here any role roles'
  ).split(' '),
);
const PATH_NEEDS = new Set(
  'option alternative switch move moving transition pivot reskill reskilling upskill upskilling retrain recommend suggest safer path pathway go'.split(
    ' ',
  ),
);

const COMPARE_WITH_ASKS = [
  new RegExp(
    String.raw`^(?:compare|comparison)\s+(?:${THIS_ROLE}\s+)?(?:with|to|against|and|vs\.?|versus)\s+(?:a\s+|an\s+|the\s+)?(?<other>.+?)${END}`,
    'i',
  ),
  new RegExp(
    String.raw`^how\s+(?:does|do|would)\s+${THIS_ROLE}\s+compare\s+(?:with|to|against)\s+(?:a\s+|an\s+|the\s+)?(?<other>.+?)${END}`,
    'i',
  ),
  new RegExp(
    String.raw`^(?:and\s+)?(?:vs\.?|versus|compared\s+(?:to|with))\s+(?:a\s+|an\s+|the\s+)?(?<other>.+?)${END}`,
    'i',
  ),
];
const COMPARE_BOTH = new RegExp(
  String.raw`^(?:compare\s+)?(?<both>.+?\s+(?:vs\.?|versus|compared\s+(?:to|with))\s+.+?)${END}`,
  'i',
);
const COMPARE_LIST = new RegExp(String.raw`^compare\s+(?<both>.+?)${END}`, 'i');
const ABOUT_ANOTHER = new RegExp(
  String.raw`^(?:and\s+|so\s+|ok\s+|okay\s+)?(?:what|how)\s+about\s+(?:a\s+|an\s+|the\s+)?(?<role>.+?)${END}`,
  'i',
);
const AND_ANOTHER = /^and\s+(?:a\s+|an\s+|the\s+)?(?<role>.+?)\s*\?\s*$/i;
/** A greeting or thanks alone asks about no role, not even the one in context. */
const PLEASANTRIES = new Set(
  'hi hello hey thanks thank you ok okay great cool nice bye good morning afternoon evening cheers'.split(' '),
);
/** Words that, beside the generic "will AI replace my job" ones, point back at the role in context. */
const BACK_REFERENCES = new Set(
  (
    'it this that card score show again one same bad good fine serious likely high low true sure dangerous ' +
    'long left time year years much many chance odds ok okay then any more'
  ).split(' '),
);

/** What `text` asks, given the role the conversation is about (null at its start). The lexicon reads words as the
 *  engine does (src/engine/lexicon.ts). */
export function followUp(text: string, inContext: { id: string } | null, lexicon: Lexicon): AnswerRequest {
  const said = text.trim();
  for (const pattern of PATH_ASKS) {
    const match = pattern.exec(said);
    if (!match) continue;
    if (match.groups?.role) return { kind: 'path', role: { text: match.groups.role } };
    if (inContext) return { kind: 'path', role: { id: inContext.id } };
    return { kind: 'help' };
  }
  for (const pattern of COMPARE_WITH_ASKS) {
    const other = pattern.exec(said)?.groups?.other;
    if (other)
      return inContext
        ? { kind: 'compare', roles: [{ id: inContext.id }, { text: other }] }
        : { kind: 'ask', text: other };
  }
  const both = (COMPARE_BOTH.exec(said) ?? COMPARE_LIST.exec(said))?.groups?.both;
  if (both) return { kind: 'compare', text: both };
  const another = (ABOUT_ANOTHER.exec(said) ?? AND_ANOTHER.exec(said))?.groups?.role;
  // "what about the path?" is a path request in other words: read the rest once more.
  if (another) return followUp(another, inContext, lexicon);
  const all = lexicon.words(said);
  if (all.every((w) => PLEASANTRIES.has(w))) return { kind: 'help' };
  const generic = (w: string) => lexicon.isFiller(w) || BACK_REFERENCES.has(w);
  if (all.some((w) => PATH_NEEDS.has(w)) && all.every((w) => generic(w) || PATH_CUES.has(w)))
    return inContext ? { kind: 'path', role: { id: inContext.id } } : { kind: 'help' };
  if (all.every(generic)) return inContext ? { kind: 'card', id: inContext.id } : { kind: 'help' };
  return { kind: 'ask', text: said };
}
