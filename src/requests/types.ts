// What a person asks for, as typed data. The parsers beside this file read it from whatever they typed or clicked
// (a slash command, a direct message, a mention, a message in an assistant thread, a modal, the command line);
// buttons and modals that already hold a role's id ask by id. The engine answers every request but HR's, which
// the HR service answers. Vocabulary: nothing here imports the rest of the app.
import type { HrCommand } from './hr.js';

/** A role named by its id (a button, the role a thread is about) or by what a person typed. */
export type RoleSpec = { id: string } | { text: string };

/** What the engine answers. */
export type AnswerRequest =
  /** Anything typed: a title, an acronym, a typo, a sentence or a question (a card, an FAQ, did-you-mean). */
  | { kind: 'ask'; text: string }
  /** A role's score card by its id. */
  | { kind: 'card'; id: string }
  | { kind: 'path'; role: RoleSpec }
  /** Two roles as typed in one text ("a vs b", "a and b"): the engine finds where to cut. */
  | { kind: 'compare'; text: string }
  | { kind: 'compare'; roles: [RoleSpec, RoleSpec] }
  | { kind: 'help' };

export type Request = AnswerRequest | { kind: 'hr'; command: HrCommand };
