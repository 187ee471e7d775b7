// Requests from Slack: the /airisk command's grammar, and text typed anywhere else (a direct message, a mention,
// a modal's field, a workflow step's input). Slack's markup is taken out first (./slack-markup.ts); HR's
// subcommands are read from the raw text, where a picked channel is still a mention.
import { isHrCommand, parseHrCommand } from './hr.js';
import { stripSlackMarkup } from './slack-markup.js';
import type { AnswerRequest, Request } from './types.js';

/** `/airisk <text> | path <role> | compare <a> vs <b> | help`, and HR's subcommands when HR is on. */
export function commandRequest(text: string, options: { hr: boolean }): Request {
  if (options.hr && isHrCommand(text)) return { kind: 'hr', command: parseHrCommand(text) };
  const plain = stripSlackMarkup(text).trim();
  const [first = '', ...rest] = plain.split(/\s+/);
  const args = rest.join(' ');
  switch (first.toLowerCase()) {
    case 'path':
      if (args) return { kind: 'path', role: { text: args } };
      break;
    case 'compare':
      if (args) return { kind: 'compare', text: args };
      break;
    case 'help':
      if (!args) return { kind: 'help' };
      break;
  }
  return { kind: 'ask', text: plain };
}

/** Text typed outside the command (a DM, a mention, a modal, a workflow input): a question, whatever it says. */
export function typedRequest(text: string): Extract<AnswerRequest, { kind: 'ask' }> {
  return { kind: 'ask', text: stripSlackMarkup(text).trim() };
}
