// The Workflow Builder step "AI career card for a role": a card as the step's outputs (plain values a later
// step can put in a message, a form or a spreadsheet), and, when the role input names no role, the error
// Slack shows the person who ran the workflow (functions.completeError: "passed on to the end user through a
// Slackbot message"). Output names are the ones manifest.yml declares under functions.airisk_role_card.
import { nextStepText, verdictStep } from '../answers/format.js';
import type { Answer, RoleAnswer, RoleCard, RoleRef } from '../answers/types.js';
import { cut, escapeMrkdwn } from './blockkit/text.js';

/** What the step returns. A value the card does not have is left out, never filled with a made-up one. */
export interface RoleCardOutputs {
  role_title: string;
  score?: number;
  score_scale?: string;
  zone?: string;
  confidence?: string;
  summary: string;
}

const SUMMARY_CHARS = 1000;
/** Did-you-mean offers at most this many titles. */
const SUGGESTIONS = 5;

export function roleCardOutputs(card: RoleCard): RoleCardOutputs {
  const v = card.verdict;
  return {
    role_title: card.role.title,
    ...(v
      ? {
          score: Math.round(v.exposure * 10) / 10,
          score_scale:
            "0–100 AI exposure, higher = more exposed (the card's verdict; How we scored this on the card says how " +
            'it follows from its sources)',
          zone: `${verdictStep(v.level).words} AI exposure`,
          confidence: v.confidence,
        }
      : {}),
    summary: cardSummary(card),
  };
}

/** The card in a few plain sentences, as its first screen says it: the verdict and why, what it is not, the
 *  first thing to do now, and what the card lacks. */
function cardSummary(card: RoleCard): string {
  const v = card.verdict;
  const next = card.nextSteps[0];
  const sentences = [
    v
      ? `${card.role.title}: ${verdictStep(v.level).words} AI exposure (${v.confidence} confidence). ${v.sentence}`
      : `${card.role.title}: no verdict yet; none of the AI studies we use rates this occupation.`,
    v ? v.caveat : '',
    next ? `What to do now: ${nextStepText(next, (t) => t)}.` : '',
    card.lacks.length ? `This card lacks: ${card.lacks.join(' ')}` : '',
  ];
  return cut(sentences.filter(Boolean).join(' ').replace(/\s+/g, ' ').trim(), SUMMARY_CHARS);
}

/** Why the step cannot give a card for what its role input holds, and what to put there instead. What the
 *  person typed is quoted escaped, so Slack shows it as text. */
export function roleStepError(answer: Exclude<Answer, RoleAnswer>, typed: string): string {
  if (!typed.trim())
    return (
      'The step\'s Role input is empty. Put a job title in it, such as "medical coder", or a variable that ' +
      'holds one.'
    );
  const quoted = `“${escapeMrkdwn(cut(typed.replace(/\s+/g, ' ').trim(), 100))}”`;
  const titles = (roles: RoleRef[]) =>
    roles
      .slice(0, SUGGESTIONS)
      .map((r) => `${r.title}${r.soc ? ` (${r.soc})` : ''}`)
      .join('; ');
  switch (answer.kind) {
    case 'ambiguous':
      return (
        `${quoted} could mean several roles: ${titles(answer.candidates)}. Put the one you mean in the step's ` +
        `Role input.`
      );
    case 'not_found':
      return (
        `No role found for ` +
        `${quoted}.${answer.suggestions.length ? ` Did you mean: ${titles(answer.suggestions)}?` : ''} Put a job ` +
        `title in the step's Role input.`
      );
    default:
      return (
        `${quoted} is not a job title. Put a job title in the step's Role input, such as "medical coder" or ` +
        `"registered nurse".`
      );
  }
}
