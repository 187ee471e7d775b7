// The engine's way of reading words, for the request parsers that need it (follow-ups in a conversation): they
// are given it rather than importing the engine, so requests stay vocabulary.
import type { Lexicon } from '../requests/follow-up.js';
import { GENERIC_RISK_WORDS, STOP_WORDS, words } from './text.js';

export const lexicon: Lexicon = {
  words,
  isFiller: (word) => STOP_WORDS.has(word) || GENERIC_RISK_WORDS.has(word),
};
