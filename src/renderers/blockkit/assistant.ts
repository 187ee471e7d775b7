// The words of the assistant split view (Slack's AI-app surface): the greeting when a thread starts, the
// suggested prompts (assistant.threads.setSuggestedPrompts: up to four, each a title and the message it sends),
// the status line while an answer is composed (assistant.threads.setStatus) and the thread's title in the
// person's history (assistant.threads.setTitle). Plain text: Slack shows none of these as mrkdwn.
import type { Answer, RoleAnswer, RoleRef } from '../../answers/types.js';
import type { SlackMessage } from './messages.js';
import { cut, escapeMrkdwn } from './text.js';

export interface SuggestedPrompt {
  title: string;
  message: string;
}

/** Slack shows up to four suggested prompts. */
export const MAX_PROMPTS = 4;
const PROMPT_TITLE_CHARS = 60;
const THREAD_TITLE_CHARS = 80;

/** The status line while the answer is composed; Slack clears it when the answer is posted. */
export const COMPOSING_STATUS = 'is checking the sources…';
/** Rotated through under the status while it shows (assistant.threads.setStatus loading_messages, at most 10). */
export const COMPOSING_LOADING_MESSAGES = [
  'Reading the exposure measures…',
  'Ranking the sources against every occupation…',
  'Looking for safer moves…',
];

export function greetingMessage(): SlackMessage {
  const text =
    'Hi! Tell me a job title, an occupation code or a question, and I will show how exposed the role is to AI ' +
    'according to several public sources, and a reskilling path. Ask follow-ups here: “what about nurses?”, ' +
    '“show the path”, “compare with registered nurse”.';
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(text) } }] };
}

const prompt = (title: string, message: string): SuggestedPrompt => ({
  title: cut(title, PROMPT_TITLE_CHARS),
  message,
});

/** The prompts for a new thread. `inContext` are the roles the channel beside the thread names (its name and
 *  purpose): the prompts are about them when there are any, otherwise about the most asked-for roles. */
export function suggestedPrompts(
  inContext: RoleAnswer[],
  popular: RoleRef[],
  channelName?: string,
): { title: string; prompts: SuggestedPrompt[] } {
  const [first, second] = inContext;
  if (!first) {
    const [a, b] = popular;
    return {
      title: 'Try asking',
      prompts: [
        prompt('Will AI replace my job?', 'Will AI replace my job?'),
        ...(a ? [prompt(`Reskilling path for ${a.title}`, `Reskilling path for ${a.title}`)] : []),
        ...(a && b ? [prompt('Compare two roles', `Compare ${a.title} vs ${b.title}`)] : []),
        prompt('How is the score calculated?', 'How is the AIJRI score calculated?'),
      ].slice(0, MAX_PROMPTS),
    };
  }
  const other = second ?? first.path.transitions[0] ?? popular.find((r) => r.id !== first.role.id);
  return {
    title: channelName ? `For #${channelName}` : 'Suggested',
    prompts: [
      prompt(`AI risk: ${first.role.title}`, `Will AI replace my job as ${first.role.title}?`),
      prompt(`Reskilling path for ${first.role.title}`, `Reskilling path for ${first.role.title}`),
      ...(other ? [prompt(`Compare with ${titleOf(other)}`, `Compare ${first.role.title} vs ${titleOf(other)}`)] : []),
      second
        ? prompt(`AI risk: ${second.role.title}`, `Will AI replace my job as ${second.role.title}?`)
        : prompt('Will AI replace my job?', 'Will AI replace my job?'),
    ].slice(0, MAX_PROMPTS),
  };
}

const titleOf = (r: RoleRef | RoleAnswer): string => ('role' in r ? r.role.title : r.title);

/** What the thread is about, for the person's list of threads; null when the answer is about no one role. */
export function threadTitle(answer: Answer): string | null {
  const title = (() => {
    switch (answer.kind) {
      case 'role':
        return answer.role.title;
      case 'path':
        return `Reskilling path: ${answer.role.title}`;
      case 'compare':
        return `${answer.roles[0].role.title} vs ${answer.roles[1].role.title}`;
      case 'faq':
        return answer.faq.question;
      default:
        return null;
    }
  })();
  return title === null ? null : cut(title, THREAD_TITLE_CHARS);
}

/** Said in the thread when composing the answer failed, so the person is not left with a status that never ends. */
export const ASSISTANT_FAILED: SlackMessage = {
  text: 'Sorry, I could not answer that just now. Please try again in a moment.',
  blocks: [
    {
      type: 'section',
      text: { type: 'mrkdwn', text: 'Sorry, I could not answer that just now. Please try again in a moment.' },
    },
  ],
};
