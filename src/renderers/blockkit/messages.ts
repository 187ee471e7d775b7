// Answers as Slack Block Kit messages: { text (plain fallback), blocks }. Pure functions of answer data.
import type { types } from '@slack/bolt';
import type {
  Answer,
  AmbiguousAnswer,
  CompareAnswer,
  FaqAnswer,
  HelpAnswer,
  KeyFigure,
  MatchInfo,
  NotFoundAnswer,
  PathAnswer,
  RoleCard,
  RoleRef,
  SourceRef,
  Transition,
  Verdict,
} from '../../answers/types.js';
import {
  exposureBar,
  formatAsOf,
  keyFigureText,
  matchSentence,
  NO_VERDICT_NEXT,
  nextStepText,
  qualifierNote,
  transitionDetails,
  transitionFacts,
  verdictStep,
} from '../../answers/format.js';
import { ACTIONS, nthAction } from './ids.js';
import { LIMITS, cut, escapeMrkdwn, link, markdownToMrkdwn, slashCommand } from './text.js';

type Block = types.KnownBlock;
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

const e = escapeMrkdwn;
const section = (text: string): Block => ({
  type: 'section',
  text: { type: 'mrkdwn', text: cut(text, LIMITS.sectionText) },
});
const fields = (items: string[]): Block => ({
  type: 'section',
  fields: items.slice(0, LIMITS.fields).map((t) => ({ type: 'mrkdwn' as const, text: cut(t, LIMITS.fieldText) })),
});
const header = (text: string): Block => ({
  type: 'header',
  text: { type: 'plain_text', text: cut(text, LIMITS.headerText), emoji: true },
});
const context = (text: string): Block => ({
  type: 'context',
  elements: [{ type: 'mrkdwn', text: cut(text, LIMITS.sectionText) }],
});
const divider: Block = { type: 'divider' };
const button = (text: string, actionId: string, value: string, style?: 'primary' | 'danger'): types.Button => ({
  type: 'button',
  text: { type: 'plain_text', text: cut(text, LIMITS.buttonText), emoji: true },
  action_id: actionId.slice(0, LIMITS.id),
  value: value.slice(0, LIMITS.buttonValue),
  ...(style ? { style } : {}),
});
const actions = (blockId: string, elements: types.Button[]): Block => ({
  type: 'actions',
  block_id: blockId.slice(0, LIMITS.id),
  elements: elements.slice(0, LIMITS.actionsElements),
});

/** Characters per first-screen line, so each stays one line in Slack's desktop client at 1280 px wide (about 110
 *  characters of 15 px text); the whole statements are in the details. */
const FIRST_SCREEN = { statement: 85, stepTitle: 60, step: 92 } as const;

/** The verdict in one line: colour, words and bar from one table (answers/format.ts), so they always agree. */
export function verdictLine(v: Verdict): string {
  const step = verdictStep(v.level);
  const confidence = v.confidence === 'low' ? '' : `  ·  _${v.confidence} confidence_`;
  return `${step.emoji} *${step.words} AI exposure*  ${exposureBar(v.exposure)}${confidence}`;
}

/** Low confidence is said first, before the verdict. */
function verdictText(v: Verdict | null): string {
  // What exactly is missing is in the details ("What this card lacks"), in words that may name codes and files.
  if (!v) return `⚪ *No verdict yet:* none of the AI studies we use rates this occupation. ${NO_VERDICT_NEXT}`;
  const warning = v.confidence === 'low' ? `⚠️ *Low confidence.* ${e(v.confidenceNote)}\n` : '';
  return `${warning}${verdictLine(v)}\n${e(v.sentence)}`;
}

/** Two things AI can and two it cannot do, one line each; task statements say where they come from. */
function glanceText(card: RoleCard): string | null {
  const g = card.glance;
  if (g.from === 'none') return null;
  const [can, cannot] = g.from === 'curated' ? ['AI can', "AI can't (yet)"] : ['AI can speed up:', 'AI barely helps:'];
  const line = (c: { text: string }) =>
    e(cut(g.from === 'curated' ? lowerFirst(c.text) : c.text, FIRST_SCREEN.statement));
  const lines = [
    ...g.aiCan.map((c) => `✅ *${can}* ${line(c)}`),
    ...g.aiCannot.map((c) => `❌ *${cannot}* ${line(c)}`),
  ];
  if (g.from === 'tasks') {
    const source = card.sources.find((s) => s.id === (g.aiCan[0] ?? g.aiCannot[0])?.source)?.name;
    lines.push(`_Task statements rated by people and GPT-4${source ? ` (${e(source)})` : ''}._`);
  }
  return lines.join('\n');
}

/** "Code routine…" reads on after "AI can" as "code routine…"; "CMS…" or "ICD-10…" keep their capitals. */
const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);

function nextStepsText(card: RoleCard): string | null {
  if (!card.nextSteps.length) return null;
  const steps = card.nextSteps.map((s, i) => {
    // One line each: a long title (a task statement, a long occupation name) is cut, and then the reason.
    const title = cut(s.title, FIRST_SCREEN.stepTitle);
    const room = FIRST_SCREEN.step - s.action.length - title.length;
    const why = s.why.length <= room ? s.why : '';
    return `${i + 1}. ${nextStepText({ ...s, title: e(title), why: e(why), action: e(s.action) }, bold)}`;
  });
  return `*What to do now*\n${steps.join('\n')}`;
}

function keyFiguresText(card: RoleCard): string | null {
  const k = card.keyFigures;
  const lines = [
    k.pay ? `💵 ${keyFigureText('pay', escapeFigure(k.pay), bold)}` : '',
    k.employment ? `👥 ${keyFigureText('employment', escapeFigure(k.employment), bold)}` : '',
    k.outlook ? `📈 ${keyFigureText('outlook', escapeFigure(k.outlook), bold)}` : '',
  ].filter(Boolean);
  return lines.length ? lines.join('\n') : null;
}

const bold = (text: string) => `*${text}*`;
const escapeFigure = (f: KeyFigure): KeyFigure => ({
  ...f,
  label: e(f.label),
  display: e(f.display),
  by: e(f.by),
  when: e(f.when),
  ...(f.period ? { period: e(f.period) } : {}),
});

/** Which name matched and what was set aside; the other occupations the words can mean as buttons ("Also"). */
function matchBlocks(answer: { role: RoleCard['role']; match?: MatchInfo; alternatives?: RoleRef[] }): Block[] {
  const blocks: Block[] = [];
  const said = answer.match
    ? [matchSentence({ match: answer.match, role: answer.role }), qualifierNote(answer.match.qualifiers)]
        .filter(Boolean)
        .join(' ')
    : '';
  if (said) blocks.push(context(e(said)));
  const also = answer.alternatives ?? [];
  if (also.length) {
    blocks.push(
      context('*Also:* the words can mean these too'),
      actions(
        `also:${answer.role.id}`,
        also.slice(0, 5).map((r, i) => button(r.title, nthAction(ACTIONS.pickRole, i), r.id)),
      ),
    );
  }
  return blocks;
}

function cardActions(roleId: string, shared: boolean, surface: 'posted' | 'ephemeral'): Block[] {
  const details = button('How we scored this', ACTIONS.details, roleId);
  const path = button('Reskilling path', ACTIONS.path, roleId, shared ? undefined : 'primary');
  if (shared) return [actions(`card:${roleId}`, [details, path])];
  const feedback = feedbackElement(roleId, surface);
  const row = actions(`card:${roleId}`, [
    path,
    details,
    button('Compare', ACTIONS.compare, roleId),
    button('Share in channel', ACTIONS.share, roleId),
    ...(Array.isArray(feedback) ? feedback : []),
  ]);
  return Array.isArray(feedback) ? [row] : [row, feedback];
}

/**
 * The first screen: title, verdict with one sentence on why, the caveat, the experience level, two things AI can and
 * two it cannot do, up to three things to do now, one pay, jobs and outlook line, and the buttons. It fits Slack's
 * desktop client at 1280×800 without scrolling; everything else is behind "How we scored this". A shared card
 * (Share in channel, HR announcements) keeps "How we scored this" and "Reskilling path" for whoever reads it.
 */
export function roleCardMessage(
  card: RoleCard & { match?: MatchInfo; alternatives?: RoleRef[] },
  options: { shared?: boolean; surface?: 'posted' | 'ephemeral' } = {},
): SlackMessage {
  const v = card.verdict;
  // What matched is for the person who asked; a card shared in a channel goes without it.
  const matched = options.shared ? [] : matchBlocks(card);
  const blocks: Block[] = [header(card.role.title), ...matched, section(verdictText(v))];
  blocks.push(context(`${v ? `${e(v.caveat)} ${e(v.measuredAi)}\n` : ''}👤 ${e(card.experience.sentence)}`));
  for (const text of [glanceText(card), nextStepsText(card)]) if (text) blocks.push(section(text));
  const figures = keyFiguresText(card);
  if (figures) blocks.push(context(figures));
  blocks.push(...cardActions(card.role.id, Boolean(options.shared), options.surface ?? 'ephemeral'));
  const summary = v
    ? `${verdictStep(v.level).words} AI exposure (${v.confidence} confidence). ${v.sentence}`
    : 'no verdict yet';
  return { text: fallback(`${card.role.title}: ${summary}`), blocks: capBlocks(blocks, LIMITS.messageBlocks) };
}

function transitionLine(t: Transition): string {
  const facts = transitionFacts(t);
  return `*${e(t.title)}*${facts.length ? `  ${facts.join(' · ')}` : ''}\n${e(t.why)}${t.requires ? ` _Requires: ${e(t.requires)}_` : ''}${transitionDetailText(t)}`;
}

/** A move's details (fit, what to learn, technologies, steps, pay source), one short line each. */
function transitionDetailText(t: Transition): string {
  return transitionDetails(t)
    .map((d) => `\n_${e(d.label)}:_ ${e(d.text)}`)
    .join('');
}

/** A source with its date, "about 2026" where no source states it. */
function sourceWithDate(s: SourceRef): string {
  return `${link(s.url, s.name)}${s.version ? `, ${e(s.version)}` : ''} (${e(formatAsOf(s.asOf, s.approximate))})`;
}

/** Where a message is shown: posted in a conversation (chat.postMessage: a DM, a thread, a channel), only to one
 *  person (a response_url or chat.postEphemeral reply), or shared with a conversation by a person (Share in
 *  channel: a card without its personal buttons). */
export type MessageSurface = 'posted' | 'ephemeral' | 'shared';

/** The card's 👍 / 👎. On a posted message, Slack's feedback_buttons element in a context_actions block
 *  (https://docs.slack.dev/reference/block-kit/block-elements/feedback-buttons-element), whose click carries
 *  the value of the button pressed; Slack documents both for messages, and shows them in its AI-app guides on
 *  messages the app posts. On an ephemeral reply (where Slack documents no support for them) two buttons,
 *  returned for the card's action row. Either way the value says which vote and which role, nothing else. */
function feedbackElement(roleId: string, surface: 'posted' | 'ephemeral'): types.Button[] | Block {
  if (surface === 'ephemeral')
    return [button('👍 Helpful', ACTIONS.helpful, roleId), button('👎 Not helpful', ACTIONS.notHelpful, roleId)];
  const vote = (text: string, label: string, value: string) => ({
    text: { type: 'plain_text' as const, text, emoji: true },
    accessibility_label: label,
    value: value.slice(0, LIMITS.buttonValue),
  });
  return {
    type: 'context_actions',
    block_id: `feedback:${roleId}`.slice(0, LIMITS.id),
    elements: [
      {
        type: 'feedback_buttons',
        action_id: ACTIONS.feedback,
        positive_button: vote('👍', 'Helpful: this card answered my question', feedbackValue(true, roleId)),
        negative_button: vote('👎', 'Not helpful: this card did not answer my question', feedbackValue(false, roleId)),
      },
    ],
  };
}

/** A feedback_buttons value: the vote and the role ("helpful:medical-coder"). */
function feedbackValue(helpful: boolean, roleId: string): string {
  return `${helpful ? 'helpful' : 'not_helpful'}:${roleId}`;
}

/** The vote and role a feedback_buttons value carries, or null when it is not one of ours. */
export function parseFeedbackValue(value: string): { helpful: boolean; roleId: string } | null {
  const m = /^(helpful|not_helpful):(.+)$/.exec(value);
  return m ? { helpful: m[1] === 'helpful', roleId: m[2] ?? '' } : null;
}

function pathMessage(answer: PathAnswer): SlackMessage {
  const p = answer.path;
  const blocks: Block[] = [header(`Reskilling path: ${answer.role.title}`)];
  if (answer.verdict) blocks.push(section(`Now: ${verdictLine(answer.verdict)}`));
  if (p.transitions.length === 0) blocks.push(section('_No transitions known for this role yet._'));
  for (const t of p.transitions.slice(0, 8)) blocks.push(section(transitionLine(t)));
  if (p.longRange.length) {
    blocks.push(section('*Long-range options* (each needs a degree, licence, certificate or apprenticeship first)'));
    for (const t of p.longRange) blocks.push(section(transitionLine(t)));
  }
  if (p.proxy) blocks.push(context(e(p.proxy.note)));
  const build = p.skills.filter((s) => s.kind === 'future' || s.kind === 'gap');
  const keep = p.skills.filter((s) => s.kind === 'resilient');
  if (build.length || keep.length) {
    blocks.push(
      divider,
      fields([
        `*Skills to build*\n${build.map((s) => `• ${e(s.name)}`).join('\n') || '—'}`,
        `*Skills that stay valuable*\n${keep.map((s) => `• ${e(s.name)}`).join('\n') || '—'}`,
      ]),
    );
  }
  if (p.certifications.length)
    blocks.push(
      section(
        `*Certifications*\n${p.certifications.map((c) => `• *${e(c.acronym)}* ${e(c.name)} (${e(c.issuer)}): ${e(c.why)}`).join('\n')}`,
      ),
    );
  if (p.specializations.length)
    blocks.push(
      section(`*Specializations*\n${p.specializations.map((s) => `• *${e(s.name)}*: ${e(s.why)}`).join('\n')}`),
    );
  if (answer.lacks.length) blocks.push(context(`*What this path lacks:* ${answer.lacks.map(e).join(' ')}`));
  const moves = p.transitions.slice(0, 5).map((t, i) => button(t.title, nthAction(ACTIONS.pickRole, i), t.id));
  if (moves.length) blocks.push(actions(`path-moves:${answer.role.id}`, moves));
  return {
    text: fallback(
      `Reskilling path for ${answer.role.title}: ` +
        `${p.transitions.map((t) => t.title).join(', ') || 'no transitions known'}`,
    ),
    blocks: capBlocks(blocks, LIMITS.messageBlocks),
  };
}

function compareMessage(answer: CompareAnswer): SlackMessage {
  const [a, b] = answer.roles;
  const row = (label: string, f: (c: RoleCard) => string) => fields([`*${label}*\n${f(a)}`, `*${label}*\n${f(b)}`]);
  const figure = (kind: 'pay' | 'employment' | 'outlook') => (c: RoleCard) => {
    const f = c.keyFigures[kind];
    return f ? keyFigureText(kind, escapeFigure(f), (t) => t).replace(/^\S+ /, '') : '—';
  };
  const blocks: Block[] = [
    header(`${a.role.title} vs ${b.role.title}`),
    fields([`*${e(a.role.title)}*`, `*${e(b.role.title)}*`]),
    row('Verdict', (c) =>
      c.verdict
        ? `${c.verdict.confidence === 'low' ? '⚠️ _Low confidence_\n' : ''}${verdictLine(c.verdict)}`
        : '_no verdict yet_',
    ),
    row('Why', (c) => (c.verdict ? e(c.verdict.sentence) : '—')),
    row('Pay', figure('pay')),
    row('Jobs', figure('employment')),
    row('Outlook', figure('outlook')),
    context(e([a.verdict ?? b.verdict].map((v) => (v ? `${v.caveat} ${v.measuredAi}` : ''))[0] ?? '')),
    actions(`compare:${a.role.id}:${b.role.id}`.slice(0, LIMITS.id), [
      button(`Open ${a.role.title}`, nthAction(ACTIONS.pickRole, 0), a.role.id),
      button(`Open ${b.role.title}`, nthAction(ACTIONS.pickRole, 1), b.role.id),
    ]),
  ].filter((block) => block.type !== 'context' || (block.elements[0] as { text: string }).text);
  const words = (c: RoleCard) => (c.verdict ? `${verdictStep(c.verdict.level).words} AI exposure` : 'no verdict yet');
  return { text: fallback(`${a.role.title} (${words(a)}) vs ${b.role.title} (${words(b)})`), blocks };
}

function faqMessage(answer: FaqAnswer): SlackMessage {
  const blocks: Block[] = [header(answer.faq.question), section(markdownToMrkdwn(answer.faq.answer))];
  blocks.push(context(`Sources: ${answer.sources.map(sourceWithDate).join(' · ')}`));
  if (answer.roles.length)
    blocks.push(
      actions(
        `faq-roles:${answer.faq.id}`,
        answer.roles.slice(0, 5).map((r, i) => button(`Score card: ${r.title}`, nthAction(ACTIONS.pickRole, i), r.id)),
      ),
    );
  return { text: fallback(`${answer.faq.question} ${answer.faq.answer.replace(/[*_#>[\]]/g, '')}`), blocks };
}

function ambiguousMessage(answer: AmbiguousAnswer): SlackMessage {
  const several = answer.reason === 'several';
  const quoted = `“${e(cut(answer.query, 200))}”`;
  const note = qualifierNote(answer.qualifiers);
  return {
    text: fallback(
      `${several ? `"${cut(answer.query, 200)}" could mean several roles` : 'Did you mean'}: ` +
        `${answer.candidates.map((c) => c.title).join(', ')}`,
    ),
    blocks: [
      section(
        several ? `*${quoted}* could mean several roles. Which one?` : `Did you mean one of these for *${quoted}*?`,
      ),
      ...roleButtons('candidates', answer.candidates),
      ...(note ? [context(e(note))] : []),
    ],
  };
}

function notFoundMessage(answer: NotFoundAnswer): SlackMessage {
  if (answer.reason === 'no_job') {
    return {
      text: fallback('Which job? Tell me your job title, for example /airisk cashier.'),
      blocks: [
        section(
          '*Which job do you mean?* Tell me your job title (the one you have, had or want) and I will show how exposed it is to AI and what to do ' +
            'about it, for example `/airisk cashier` or `/airisk software developer`.',
        ),
        ...roleButtons('suggestions', answer.suggestions),
      ],
    };
  }
  const lead =
    answer.reason === 'empty'
      ? 'Type a job title, an occupation code or a question.'
      : `I found no role for *“${e(cut(answer.query, 200))}”*.`;
  const blocks: Block[] = [section(`${lead}${answer.suggestions.length ? ' Did you mean one of these?' : ''}`)];
  blocks.push(...roleButtons('suggestions', answer.suggestions));
  blocks.push(context('Try a job title (`cashier`, `registered nurse`), an acronym (`CPC`) or a question.'));
  return {
    text: fallback(
      answer.reason === 'empty' ? 'Type a job title or a question.' : `No role found for "${cut(answer.query, 200)}".`,
    ),
    blocks,
  };
}

function helpMessage(answer: HelpAnswer): SlackMessage {
  return {
    text: 'airisk: ask about any job title, code or question, e.g. /airisk cashier',
    blocks: [
      header('airisk: will AI replace my job?'),
      section(answer.commands.map((c) => `\`${e(slashCommand(c))}\`  ${e(c.description)}`).join('\n')),
      section(`*Try:* ${answer.examples.map((x) => `\`${e(x)}\``).join(' · ')}`),
      ...roleButtons('popular', answer.popularRoles),
      context(e(answer.coverage)),
    ],
  };
}

function roleButtons(blockId: string, roles: RoleRef[]): Block[] {
  if (roles.length === 0) return [];
  return [
    actions(
      blockId,
      roles.slice(0, 10).map((r, i) => button(r.title, nthAction(ACTIONS.pickRole, i), r.id)),
    ),
  ];
}

/** The plain-text fallback (notifications, screen readers): Slack parses it as mrkdwn too, so it is escaped. */
function fallback(text: string): string {
  return cut(escapeMrkdwn(text.replace(/\s+/g, ' ').trim()), LIMITS.fallbackText);
}

/** Keeps a message within the block limit, ending with its action blocks so the buttons survive. */
function capBlocks(blocks: Block[], max: number): Block[] {
  if (blocks.length <= max) return blocks;
  let tail = blocks.length;
  while (tail > 0 && ['actions', 'context_actions'].includes(blocks[tail - 1]?.type ?? '')) tail--;
  const buttons = blocks.slice(tail);
  return [...blocks.slice(0, max - buttons.length), ...buttons];
}

/** Any answer as a message shown only to one person (an ephemeral reply). */
export function answerMessage(answer: Answer): SlackMessage {
  return messageFor(answer, 'ephemeral');
}

/** Any answer as a message on `surface`, which decides the card's feedback element (see feedbackElement). */
export function messageFor(answer: Answer, surface: MessageSurface): SlackMessage {
  switch (answer.kind) {
    case 'role':
      return roleCardMessage(answer, surface === 'shared' ? { shared: true } : { surface });
    case 'path':
      return pathMessage(answer);
    case 'compare':
      return compareMessage(answer);
    case 'faq':
      return faqMessage(answer);
    case 'ambiguous':
      return ambiguousMessage(answer);
    case 'not_found':
      return notFoundMessage(answer);
    case 'help':
      return helpMessage(answer);
  }
}
