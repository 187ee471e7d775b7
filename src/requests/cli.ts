// Requests from the command line: `airisk ask|path|compare <text>`, or one text per line of standard input.
import type { AnswerRequest } from './types.js';

const CLI_VERBS = ['ask', 'path', 'compare'] as const;
export type CliVerb = (typeof CLI_VERBS)[number];

export const isCliVerb = (word: string): word is CliVerb => (CLI_VERBS as readonly string[]).includes(word);

/** What `airisk <verb> <text>` asks. */
export function cliRequest(verb: CliVerb, text: string): AnswerRequest {
  switch (verb) {
    case 'path':
      return { kind: 'path', role: { text } };
    case 'compare':
      return { kind: 'compare', text };
    case 'ask':
      return { kind: 'ask', text };
  }
}
