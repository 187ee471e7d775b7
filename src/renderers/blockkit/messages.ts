// Answers as Slack Block Kit messages: { text (plain fallback), blocks }. Pure functions of answer data.
import type { types } from '@slack/bolt';
import type {
  Answer,
  AmbiguousAnswer,
  CompareAnswer,
  FaqAnswer,
  HelpAnswer,
  Measure,
  NotFoundAnswer,
  PathAnswer,
  RoleCard,
  RoleRef,
  TaskLine,
  Transition,
} from '../../answers/types.js';
import { formatGap, headlineWords, ordinal, transitionFacts } from '../../answers/format.js';
import { ACTIONS, nthAction } from './ids.js';
import { LIMITS, cut, escapeMrkdwn, link, markdownToMrkdwn } from './text.js';

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

const ZONE_EMOJI = { red: '🔴', yellow: '🟡', green: '🟢' } as const;
const BAND_EMOJI = { 'very-low': '🟢', low: '🟢', moderate: '🟡', high: '🟠', 'very-high': '🔴' } as const;

/** ▰▰▱▱▱▱▱▱▱▱ for a 0–100 value. */
export function bar(value: number): string {
  const filled = Math.max(0, Math.min(10, Math.round(value / 10)));
  return '▰'.repeat(filled) + '▱'.repeat(10 - filled);
}

export function headlineLine(h: NonNullable<RoleCard['headline']>): string {
  const mark = h.zone ? ZONE_EMOJI[h.zone] : h.band ? BAND_EMOJI[h.band] : '';
  const { zone, label } = headlineWords(h);
  return `${mark} *${h.value}* ${bar(h.value)} *${e(zone)}*${label ? `  ${e(label)}` : ''}\n_${e(h.scale)}_`;
}

function measureLine(m: Measure): string {
  const rank = m.percentile !== null ? ` · ${ordinal(m.percentile)} pct.` : '';
  return `*${e(m.measure)}*: ${m.value}${m.label ? ` (${e(m.label)})` : ''}\n${e(m.sourceName)} · ${e(m.scale)}${rank} · ${e(m.asOf)}`;
}

function taskLine(t: TaskLine): string {
  const facts = [
    t.timeShare !== undefined ? `${t.timeShare}% of time` : '',
    t.score !== undefined ? `${t.score}/5` : '',
    t.disagreement ? `⚖️ humans ${t.humanExposure} vs GPT-4 ${t.gpt4Exposure}` : '',
  ].filter(Boolean);
  return `• ${e(cut(t.task.replace(/\s+/g, ' '), 140))}${facts.length ? ` _(${facts.join(', ')})_` : ''}`;
}

function transitionLine(t: Transition): string {
  const facts = transitionFacts(t);
  return `*${e(t.title)}*${facts.length ? `  ${facts.join(' · ')}` : ''}\n${e(t.why)}${t.requires ? ` _Requires: ${e(t.requires)}_` : ''}${t.skillsToBuild?.length ? `\n_Skills to build: ${t.skillsToBuild.map((s) => e(s.name)).join(', ')}_` : ''}`;
}

/** Where a message is shown: posted in a conversation (chat.postMessage: a DM, a thread, a channel), or only to
 *  one person (a response_url or chat.postEphemeral reply). */
export type MessageSurface = 'posted' | 'ephemeral';

/** The card's 👍 / 👎. On a posted message, Slack's feedback_buttons element in a context_actions block
 *  (https://docs.slack.dev/reference/block-kit/block-elements/feedback-buttons-element), whose click carries
 *  the value of the button pressed; Slack documents both for messages, and shows them in its AI-app guides on
 *  messages the app posts. On an ephemeral reply (where Slack documents no support for them) two buttons,
 *  returned for the card's action row. Either way the value says which vote and which role, nothing else. */
export function feedbackElement(roleId: string, surface: MessageSurface): types.Button[] | Block {
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
export function feedbackValue(helpful: boolean, roleId: string): string {
  return `${helpful ? 'helpful' : 'not_helpful'}:${roleId}`;
}

/** The vote and role a feedback_buttons value carries, or null when it is not one of ours. */
export function parseFeedbackValue(value: string): { helpful: boolean; roleId: string } | null {
  const m = /^(helpful|not_helpful):(.+)$/.exec(value);
  return m ? { helpful: m[1] === 'helpful', roleId: m[2] ?? '' } : null;
}

function cardActions(roleId: string, surface: MessageSurface): Block[] {
  const feedback = feedbackElement(roleId, surface);
  const row = actions(`card:${roleId}`, [
    button('Reskilling path', ACTIONS.path, roleId, 'primary'),
    button('Compare', ACTIONS.compare, roleId),
    button('Share in channel', ACTIONS.share, roleId),
    ...(Array.isArray(feedback) ? feedback : []),
  ]);
  return Array.isArray(feedback) ? [row] : [row, feedback];
}

export function roleCardMessage(
  card: RoleCard,
  options: { shared?: boolean; surface?: MessageSurface } = {},
): SlackMessage {
  const blocks: Block[] = [header(`${card.role.title}${card.role.soc ? ` · SOC ${card.role.soc}` : ''}`)];
  if (card.headline) blocks.push(section(headlineLine(card.headline)));
  if (card.aijri) {
    const a = card.aijri;
    blocks.push(
      context(
        `${e(a.subLabel)}: ${e(a.subLabelReason)} · task resistance ${a.taskResistance} × evidence ${a.evidenceModifier} × barriers ${a.barrierModifier} × growth ${a.growthModifier} = ${a.raw}`,
      ),
    );
  }
  if (card.consensus) {
    blocks.push(
      section(
        `${BAND_EMOJI[card.consensus.band]} *Consensus: ${card.consensus.band.replace('-', ' ')} exposure* · ${card.consensus.confidence} confidence\n${e(card.consensus.explanation)}`,
      ),
    );
  }
  if (card.role.summary) blocks.push(context(e(card.role.summary)));
  if (card.measures.length) {
    blocks.push(divider, section('*What each source measures*'));
    for (let i = 0; i < card.measures.length && i < 20; i += 10)
      blocks.push(fields(card.measures.slice(i, i + 10).map(measureLine)));
  }
  const sorted = [...card.tasks].sort((a, b) => b.exposure - a.exposure);
  if (sorted.length) {
    blocks.push(divider, section(`*Most exposed tasks*\n${sorted.slice(0, 4).map(taskLine).join('\n')}`));
    if (sorted.length > 4)
      blocks.push(section(`*Least exposed tasks*\n${sorted.slice(-3).reverse().map(taskLine).join('\n')}`));
  }
  if (card.aiCan.length || card.aiCannot.length) {
    blocks.push(
      fields([
        `*AI can*\n${
          card.aiCan
            .slice(0, 4)
            .map((c) => `• ${e(c.text)}`)
            .join('\n') || '—'
        }`,
        `*AI cannot (yet)*\n${
          card.aiCannot
            .slice(0, 4)
            .map((c) => `• ${e(c.text)}`)
            .join('\n') || '—'
        }`,
      ]),
    );
  }
  const money = [...card.pay, ...card.employment, ...card.outlook].slice(0, 10);
  if (money.length) {
    blocks.push(divider, section('*Pay, employment and outlook*'));
    blocks.push(
      fields(
        money.map(
          (f) =>
            `*${e(f.label)}*\n${e(f.display)}${f.period ? ` (${e(f.period)})` : ''}\n_${e(f.sourceName)}, ${e(f.asOf)}_`,
        ),
      ),
    );
  }
  if (card.timeline.length)
    blocks.push(section(`*Timeline*\n${card.timeline.map((t) => `• *${e(t.horizon)}*: ${e(t.text)}`).join('\n')}`));
  if (card.path.transitions.length) {
    blocks.push(
      section(
        `*Safer moves*\n${card.path.transitions
          .slice(0, 3)
          .map(
            (t) =>
              `• ${e(t.title)}${t.scoreGap !== undefined ? ` (AIJRI ${t.scoreGap >= 0 ? '+' : ''}${t.scoreGap})` : t.exposureGap !== undefined ? ` (exposure ${formatGap(t.exposureGap, 'points')})` : ''}`,
          )
          .join('\n')}`,
      ),
    );
  }
  if (card.lacks.length) blocks.push(context(`*What this card lacks:* ${card.lacks.map(e).join(' ')}`));
  blocks.push(
    context(
      `Sources: ${card.sources.map((s) => link(s.url, s.name) + `${s.version ? `, ${e(s.version)}` : ''} (${e(s.asOf)})`).join(' · ')}`,
    ),
  );
  if (!options.shared) blocks.push(...cardActions(card.role.id, options.surface ?? 'ephemeral'));
  const headline = card.headline
    ? `${card.headline.value} ${card.headline.zone ? card.headline.zone.toUpperCase() : (card.headline.band ?? '')}`
    : 'no headline score';
  return {
    text: fallback(`${card.role.title}: ${headline}. ${card.consensus?.explanation ?? ''}`),
    blocks: capBlocks(blocks, LIMITS.messageBlocks),
  };
}

export function pathMessage(answer: PathAnswer): SlackMessage {
  const p = answer.path;
  const blocks: Block[] = [header(`Reskilling path: ${answer.role.title}`)];
  if (answer.headline) blocks.push(section(`Now: ${headlineLine(answer.headline)}`));
  if (p.transitions.length === 0) blocks.push(section('_No transitions known for this role yet._'));
  for (const t of p.transitions.slice(0, 8)) blocks.push(section(transitionLine(t)));
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
      `Reskilling path for ${answer.role.title}: ${p.transitions.map((t) => t.title).join(', ') || 'no transitions known'}`,
    ),
    blocks: capBlocks(blocks, LIMITS.messageBlocks),
  };
}

export function compareMessage(answer: CompareAnswer): SlackMessage {
  const [a, b] = answer.roles;
  const cell = (c: RoleCard, f: (c: RoleCard) => string) => f(c);
  const row = (label: string, f: (c: RoleCard) => string) =>
    fields([`*${label}*\n${cell(a, f)}`, `*${label}*\n${cell(b, f)}`]);
  const headline = (c: RoleCard) => (c.headline ? headlineLine(c.headline) : '_no headline score_');
  const first = (c: RoleCard, key: 'pay' | 'outlook' | 'employment') =>
    c[key][0] ? `${e(c[key][0].display)}\n_${e(c[key][0].sourceName)}, ${e(c[key][0].asOf)}_` : '—';
  const blocks: Block[] = [
    header(`${a.role.title} vs ${b.role.title}`),
    fields([`*${e(a.role.title)}*`, `*${e(b.role.title)}*`]),
    row('Headline', headline),
    row('Consensus', (c) =>
      c.consensus ? `${c.consensus.band.replace('-', ' ')} exposure, ${c.consensus.confidence} confidence` : '—',
    ),
    row('Pay', (c) => first(c, 'pay')),
    row('Outlook', (c) => first(c, 'outlook')),
    row('Employment', (c) => first(c, 'employment')),
    actions(`compare:${a.role.id}:${b.role.id}`.slice(0, LIMITS.id), [
      button(`Open ${a.role.title}`, nthAction(ACTIONS.pickRole, 0), a.role.id),
      button(`Open ${b.role.title}`, nthAction(ACTIONS.pickRole, 1), b.role.id),
    ]),
  ];
  const score = (c: RoleCard) =>
    c.headline ? `${c.headline.value} ${c.headline.zone ?? c.headline.band ?? ''}` : 'no score';
  return { text: fallback(`${a.role.title} (${score(a)}) vs ${b.role.title} (${score(b)})`), blocks };
}

export function faqMessage(answer: FaqAnswer): SlackMessage {
  const blocks: Block[] = [header(answer.faq.question), section(markdownToMrkdwn(answer.faq.answer))];
  blocks.push(
    context(
      `Sources: ${answer.sources.map((s) => link(s.url, s.name) + `${s.version ? `, ${e(s.version)}` : ''} (${e(s.asOf)})`).join(' · ')}`,
    ),
  );
  if (answer.roles.length)
    blocks.push(
      actions(
        `faq-roles:${answer.faq.id}`,
        answer.roles.slice(0, 5).map((r, i) => button(`Score card: ${r.title}`, nthAction(ACTIONS.pickRole, i), r.id)),
      ),
    );
  return { text: fallback(`${answer.faq.question} ${answer.faq.answer.replace(/[*_#>[\]]/g, '')}`), blocks };
}

export function ambiguousMessage(answer: AmbiguousAnswer): SlackMessage {
  return {
    text: fallback(
      `"${cut(answer.query, 200)}" could mean several roles: ${answer.candidates.map((c) => c.title).join(', ')}`,
    ),
    blocks: [
      section(`*“${e(cut(answer.query, 200))}”* could mean several roles. Which one?`),
      ...roleButtons('candidates', answer.candidates),
    ],
  };
}

export function notFoundMessage(answer: NotFoundAnswer): SlackMessage {
  const lead =
    answer.reason === 'empty'
      ? 'Type a job title, an occupation code or a question.'
      : `I found no role for *“${e(cut(answer.query, 200))}”*.`;
  const blocks: Block[] = [section(`${lead}${answer.suggestions.length ? ' Did you mean one of these?' : ''}`)];
  blocks.push(...roleButtons('suggestions', answer.suggestions));
  blocks.push(context('Try a job title (`medical coder`), an acronym (`CPC`), a SOC code (`29-2072`) or a question.'));
  return {
    text: fallback(
      answer.reason === 'empty' ? 'Type a job title or a question.' : `No role found for "${cut(answer.query, 200)}".`,
    ),
    blocks,
  };
}

export function helpMessage(answer: HelpAnswer): SlackMessage {
  return {
    text: 'airisk: ask about any job title, code or question, e.g. /airisk medical coder',
    blocks: [
      header('airisk: will AI replace my job?'),
      section(answer.commands.map((c) => `\`${e(c.usage)}\`  ${e(c.description)}`).join('\n')),
      section(`*Try:* ${answer.examples.map((x) => `\`${e(x)}\``).join(' · ')}`),
      ...roleButtons('popular', answer.popularRoles),
      context(e(answer.dataNote)),
    ],
  };
}

function roleButtons(blockId: string, roles: RoleRef[]): Block[] {
  if (roles.length === 0) return [];
  return [
    actions(
      blockId,
      roles
        .slice(0, 10)
        .map((r, i) => button(`${r.title}${r.soc ? ` (${r.soc})` : ''}`, nthAction(ACTIONS.pickRole, i), r.id)),
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
      return roleCardMessage(answer, { surface });
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
