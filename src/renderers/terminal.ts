// Plain-text rendering of answers for a person at a terminal (the `airisk` CLI).
import { detailsOf } from '../answers/details.js';
import type {
  AmbiguousAnswer,
  Answer,
  CommandHelp,
  RoleAnswer,
  RoleCard,
  Transition,
  Verdict,
} from '../answers/types.js';
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
} from '../answers/format.js';

const WIDTH = 88;

export interface TextOptions {
  /** Print "How we scored this" after the first screen (the terminal has no button to click). */
  details?: boolean;
}

export function renderText(answer: Answer, options: TextOptions = {}): string {
  switch (answer.kind) {
    case 'role': {
      const [title = '', ...rest] = firstScreen(answer);
      return fitToWidth([
        title,
        ...matchLines(answer),
        ...rest,
        ...(options.details ? ['', ...detailLines(answer)] : ['', detailsHint(answer)]),
      ]).join('\n');
    }
    case 'path':
      return fitToWidth([
        heading(`Reskilling path: ${answer.role.title}${answer.role.soc ? ` (SOC ${answer.role.soc})` : ''}`),
        ...(answer.verdict ? [`Now: ${verdictText(answer.verdict)}`] : []),
        ...pathLines(answer.path),
        ...lacksLines(answer.lacks),
      ]).join('\n');
    case 'compare':
      return [
        heading(`${answer.roles[0].role.title}  vs  ${answer.roles[1].role.title}`),
        ...compareLines(answer.roles[0], answer.roles[1]),
      ].join('\n');
    case 'faq':
      return fitToWidth([
        heading(answer.faq.question),
        wrap(answer.faq.answer),
        '',
        ...(answer.roles.length ? [`Related roles: ${answer.roles.map((r) => r.title).join(', ')}`] : []),
        ...sourceLines(answer.sources),
      ]).join('\n');
    case 'ambiguous':
      return [
        ambiguityLead(answer),
        ...answer.candidates.map(
          (c, i) => `  ${i + 1}. ${c.title}${c.soc ? ` (SOC ${c.soc})` : ''}   → airisk ask ${c.id}`,
        ),
        ...(qualifierNote(answer.qualifiers) ? [qualifierNote(answer.qualifiers) as string] : []),
      ].join('\n');
    case 'not_found':
      return [
        answer.reason === 'no_job'
          ? 'Which job do you mean? Tell me your job title (the one you have, had or want), for example: airisk ask "cashier"'
          : answer.reason === 'empty'
            ? 'Type a job title, an occupation code or a question.'
            : `No role matches "${oneLine(answer.query)}".`,
        ...(answer.suggestions.length
          ? ['Try one of these:', ...answer.suggestions.map((s) => `  - ${s.title}   → airisk ask ${s.id}`)]
          : []),
      ].join('\n');
    case 'help':
      return [
        heading('airisk: will AI replace my job?'),
        'Ask about any job title, occupation code or question. Examples:',
        ...answer.examples.map((e) => `  airisk ask "${e}"`),
        '',
        'Commands:',
        ...answer.commands.map((c) => `  ${commandLine(c)}  ${c.description}`),
        '',
        `Jobs from across the economy: ${answer.popularRoles.map((r) => r.title).join(', ')}`,
        answer.coverage,
      ].join('\n');
  }
}

/** What matched (and what was set aside), then the other occupations the words can mean, each with its command. */
function matchLines(answer: RoleAnswer): string[] {
  const said = [matchSentence(answer), qualifierNote(answer.match.qualifiers)].filter(Boolean).join(' ');
  return [
    ...(said ? [said] : []),
    ...(answer.alternatives.length
      ? [
          'Also:',
          ...answer.alternatives.map((a) => `  - ${a.title}${a.soc ? ` (SOC ${a.soc})` : ''}   → airisk ask ${a.id}`),
        ]
      : []),
    ...(said || answer.alternatives.length ? [''] : []),
  ];
}

function ambiguityLead(answer: AmbiguousAnswer): string {
  const query = `"${oneLine(answer.query)}"`;
  return answer.reason === 'several'
    ? `${query} could mean several roles. Which one?`
    : `Did you mean one of these for ${query}?`;
}

/** The same first screen as in Slack: verdict, why, caveat, experience, AI can and can't, what to do, figures. */
function firstScreen(card: RoleAnswer): string[] {
  const v = card.verdict;
  const out = [heading(card.role.title)];
  if (!v) out.push(`No verdict yet: none of the AI studies we use rates this occupation. ${NO_VERDICT_NEXT}`);
  else {
    if (v.confidence === 'low') out.push(`Low confidence. ${v.confidenceNote}`);
    out.push(verdictText(v), v.sentence, `${v.caveat} ${v.measuredAi}`);
  }
  out.push(card.experience.sentence);
  const g = card.glance;
  if (g.from !== 'none') {
    const [can, cannot] =
      g.from === 'curated'
        ? ['AI can:', "AI can't (yet):"]
        : ['AI can speed up (tasks rated by people and GPT-4):', 'AI barely helps with:'];
    out.push('', can, ...g.aiCan.map((c) => bullet(c.text)), cannot, ...g.aiCannot.map((c) => bullet(c.text)));
  }
  if (card.nextSteps.length)
    out.push('', 'What to do now:', ...card.nextSteps.map((s, i) => `  ${i + 1}. ${nextStepText(s, plain)}`));
  const k = card.keyFigures;
  const figures = [
    k.pay ? keyFigureText('pay', k.pay, plain) : '',
    k.employment ? keyFigureText('employment', k.employment, plain) : '',
    k.outlook ? keyFigureText('outlook', k.outlook, plain) : '',
  ].filter(Boolean);
  if (figures.length) out.push('', ...figures);
  return out;
}

const plain = (text: string) => text;

/** A command as the command line spells it: "airisk ask <job title, code or question>", "airisk path <job title>",
 *  and help as "airisk --help". */
function commandLine(c: CommandHelp): string {
  return c.verb === 'help' ? 'airisk --help' : `airisk ${c.verb} ${c.args}`;
}

function detailsHint(card: RoleAnswer): string {
  const query = card.query && card.match.how !== 'id' ? card.query : card.role.id;
  return `How we scored this (measures, formula, tasks, every figure, sources):\n  airisk ask --details "${oneLine(query).replace(/"/g, "'")}"`;
}

/** "How we scored this", the same outline as the Slack modal. */
function detailLines(card: RoleCard): string[] {
  const out = [heading('How we scored this')];
  for (const s of detailsOf(card)) {
    out.push('', `${s.title}:`);
    if (s.intro) out.push(`  ${s.intro}`);
    for (const l of s.lines) {
      out.push(bullet(`${l.lead ? `${l.lead}${l.text ? ': ' : ''}` : ''}${l.text}${l.note ? ` [${l.note}]` : ''}`));
      // A web address on a line of its own, never broken, so terminals can open it.
      if (l.url) out.push(`    ${l.url}`);
    }
  }
  return out;
}

function pathLines(path: RoleCard['path']): string[] {
  const out = ['Reskilling path:'];
  if (path.transitions.length === 0) out.push('  (no transitions known)');
  for (const t of path.transitions) out.push(`  → ${transitionText(t)}`, ...transitionDetailLines(t));
  if (path.longRange.length) {
    out.push('  Long-range options (each needs a degree, licence, certificate or apprenticeship first):');
    for (const t of path.longRange) out.push(`  → ${transitionText(t)}`, ...transitionDetailLines(t));
  }
  if (path.proxy) out.push(`  Profile: ${path.proxy.note}`);
  const toBuild = path.skills.filter((s) => s.kind === 'future' || s.kind === 'gap');
  if (toBuild.length) out.push(`  Skills to build: ${toBuild.map((s) => s.name).join(', ')}`);
  const resilient = path.skills.filter((s) => s.kind === 'resilient');
  if (resilient.length) out.push(`  Skills that stay valuable: ${resilient.map((s) => s.name).join(', ')}`);
  if (path.certifications.length)
    out.push(`  Certifications: ${path.certifications.map((c) => `${c.acronym} (${c.issuer})`).join(', ')}`);
  if (path.specializations.length) out.push(`  Specializations: ${path.specializations.map((s) => s.name).join(', ')}`);
  return out;
}

/** A move's details (fit, what to learn, technologies, steps, pay source), each on its own indented line. */
function transitionDetailLines(t: Transition): string[] {
  return transitionDetails(t).map((d) => `      ${d.label}: ${oneLine(d.text)}`);
}

function transitionText(t: Transition): string {
  const facts = transitionFacts(t);
  return (
    `${t.title}${facts.length ? ` [${facts.join(', ')}]` : ''}: ` +
    `${t.why}${t.requires ? ` Requires: ${t.requires}` : ''}`
  );
}

function compareLines(a: RoleCard, b: RoleCard): string[] {
  const row = (label: string, f: (c: RoleCard) => string) => `${label.padEnd(12)}${f(a).padEnd(38)}${f(b)}`;
  // Each figure with its source and year on the line below, as the Slack version shows them.
  const figureRows = (label: string, kind: 'pay' | 'employment' | 'outlook') => [
    row(label, (c) => c.keyFigures[kind]?.display ?? '—'),
    row('', (c) => {
      const f = c.keyFigures[kind];
      if (!f) return '';
      return kind === 'outlook' ? `[${f.period ? `${f.period}, ` : ''}forecast by ${f.by}]` : `[${f.by}, ${f.when}]`;
    }),
  ];
  return [
    row('', (c) => c.role.title.slice(0, 36)),
    row('Verdict', (c) => (c.verdict ? `${verdictStep(c.verdict.level).words} AI exposure` : 'no verdict yet')),
    row('', (c) => (c.verdict ? `${exposureBar(c.verdict.exposure)} ${c.verdict.confidence} confidence` : '')),
    ...figureRows('Pay', 'pay'),
    ...figureRows('Jobs', 'employment'),
    ...figureRows('Outlook', 'outlook'),
  ].map((line) => line.trimEnd());
}

function verdictText(v: Verdict): string {
  return (
    `${verdictStep(v.level).words} AI exposure  ` +
    `${exposureBar(v.exposure)}${v.confidence === 'low' ? '' : `  ${v.confidence} confidence`}`
  );
}

function lacksLines(lacks: string[]): string[] {
  return lacks.length ? ['', 'What this card lacks:', ...lacks.map(bullet)] : [];
}

const sourceLines = (sources: { name: string; asOf: string; version?: string; approximate?: boolean }[]) => [
  'Sources:',
  ...sources.map((s) => bullet(`${s.name}${s.version ? `, ${s.version}` : ''} (${formatAsOf(s.asOf, s.approximate)})`)),
];
const heading = (text: string) => `${text}\n${'='.repeat(Math.min(WIDTH, text.length))}`;
const bullet = (text: string) => `  - ${oneLine(text)}`;
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
/** Wraps Markdown as authors write it in knowledge/ to the terminal width: paragraphs, "- " list items with
 *  a hanging indent, **bold** and _italics_ markers dropped, [text](url) as "text (url)". */
function wrap(markdown: string): string {
  const plain = markdown
    .replace(/\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/g, '$1 ($2)')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/(^|[\s(])_([^_]+)_(?=$|[\s).,;:!?])/g, '$1$2');
  return plain
    .split(/\n{2,}/)
    .map((para) => {
      const items: { bullet: boolean; text: string }[] = [];
      for (const line of para.split('\n')) {
        const item = /^\s*[-*] (.*)$/.exec(line);
        const last = items.at(-1);
        if (item) items.push({ bullet: true, text: item[1] ?? '' });
        else if (last) last.text += ` ${line}`;
        else items.push({ bullet: false, text: line });
      }
      return items.map((i) => (i.bullet ? fill(i.text, '  - ', '    ') : fill(i.text, '', ''))).join('\n');
    })
    .join('\n\n');
}

/** Wraps each line longer than the width under its own indent and bullet ("  - ", "  → "), so lists stay lists. */
function fitToWidth(lines: string[]): string[] {
  return lines.flatMap((line) => {
    if (line.length <= WIDTH || line.includes('\n')) return [line];
    const lead = /^(\s*(?:[-→] )?)/.exec(line)?.[1] ?? '';
    return [fill(line.slice(lead.length), lead, ' '.repeat(lead.length + (lead.trim() ? 0 : 2)))];
  });
}

function fill(text: string, first: string, rest: string): string {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!empty && line.length + word.length + 1 > WIDTH) {
      lines.push(line);
      line = rest + word;
    } else line = empty ? line + word : `${line} ${word}`;
    empty = false;
  }
  if (!empty) lines.push(line);
  return lines.join('\n');
}
