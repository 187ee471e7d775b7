// Plain-text rendering of answers for a person at a terminal (the `airisk` CLI).
import type { AmbiguousAnswer, Answer, Measure, RoleAnswer, RoleCard, TaskLine, Transition } from '../answers/types.js';
import { headlineWords, matchSentence, ordinal, qualifierNote, transitionFacts } from '../answers/format.js';

const WIDTH = 88;

export function renderText(answer: Answer): string {
  switch (answer.kind) {
    case 'role': {
      const [title = '', ...rest] = roleCard(answer);
      return fitToWidth([title, ...matchLines(answer), ...rest]).join('\n');
    }
    case 'path':
      return fitToWidth([
        heading(`Reskilling path: ${answer.role.title}${answer.role.soc ? ` (SOC ${answer.role.soc})` : ''}`),
        ...(answer.headline ? [`Now: ${headlineText(answer.headline)}`] : []),
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
        answer.reason === 'empty'
          ? 'Type a job title, an occupation code or a question.'
          : answer.reason === 'no_job'
            ? 'Which job do you mean? Ask with your job title, for example: airisk ask "truck driver".'
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
        ...answer.commands.map((c) => `  ${c.usage.replace('/airisk', 'airisk ask')}  ${c.description}`),
        '',
        `Popular roles: ${answer.popularRoles.map((r) => r.title).join(', ')}`,
        answer.dataNote,
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

function roleCard(card: RoleCard): string[] {
  const out = [
    heading(
      `${card.role.title}${card.role.soc ? ` (SOC ${card.role.soc}${card.role.socTitle ? `, ${card.role.socTitle}` : ''})` : ''}`,
    ),
  ];
  if (card.role.summary) out.push(wrap(card.role.summary), '');
  if (card.headline) out.push(`Headline: ${headlineText(card.headline)}`);
  if (card.aijri) {
    const a = card.aijri;
    out.push(
      `  ${a.subLabel}: ${a.subLabelReason}`,
      `  How: task resistance ${a.taskResistance} × evidence ${a.evidenceModifier} × barriers ${a.barrierModifier} × growth ${a.growthModifier} = ${a.raw} → (${a.raw} − 0.54) / 7.93 × 100 = ${a.score}`,
    );
  }
  if (card.consensus)
    out.push(
      `Consensus: ${card.consensus.band.replace('-', ' ')} exposure (${card.consensus.confidence} confidence). ${card.consensus.explanation}`,
    );
  if (card.measures.length) {
    out.push('', 'What each source measures:');
    for (const m of card.measures) out.push(`  - ${measureText(m)}`);
  }
  if (card.ratings.length) out.push(...card.ratings.map((r) => `  - ${r.label}: ${r.value}`));
  const tasks = card.tasks;
  if (tasks.length) {
    const sorted = [...tasks].sort((a, b) => b.exposure - a.exposure);
    out.push(
      '',
      'Most exposed tasks:',
      ...sorted.slice(0, 4).map(taskText),
      'Least exposed tasks:',
      ...sorted.slice(-3).reverse().map(taskText),
    );
  }
  if (card.aiCan.length) out.push('', 'What AI can do:', ...card.aiCan.slice(0, 5).map((c) => bullet(c.text)));
  if (card.aiCannot.length)
    out.push('What AI cannot do (yet):', ...card.aiCannot.slice(0, 5).map((c) => bullet(c.text)));
  const money = [...card.pay, ...card.employment, ...card.outlook];
  if (money.length) {
    out.push('', 'Pay, employment and outlook:');
    for (const f of money)
      out.push(
        `  - ${f.label}: ${f.display}${f.period ? ` (${f.period})` : ''} [${f.sourceName}, ${f.asOf}]${f.note ? ` ${f.note}` : ''}`,
      );
  }
  if (card.timeline.length) out.push('', 'Timeline:', ...card.timeline.map((t) => bullet(`${t.horizon}: ${t.text}`)));
  out.push('', ...pathLines(card.path));
  out.push(...lacksLines(card.lacks));
  out.push('', ...sourceLines(card.sources));
  return out;
}

function pathLines(path: RoleCard['path']): string[] {
  const out = ['Reskilling path:'];
  if (path.transitions.length === 0) out.push('  (no transitions known)');
  for (const t of path.transitions) out.push(`  → ${transitionText(t)}`);
  const toBuild = path.skills.filter((s) => s.kind === 'future' || s.kind === 'gap');
  if (toBuild.length) out.push(`  Skills to build: ${toBuild.map((s) => s.name).join(', ')}`);
  const resilient = path.skills.filter((s) => s.kind === 'resilient');
  if (resilient.length) out.push(`  Skills that stay valuable: ${resilient.map((s) => s.name).join(', ')}`);
  if (path.certifications.length)
    out.push(`  Certifications: ${path.certifications.map((c) => `${c.acronym} (${c.issuer})`).join(', ')}`);
  if (path.specializations.length) out.push(`  Specializations: ${path.specializations.map((s) => s.name).join(', ')}`);
  return out;
}

function transitionText(t: Transition): string {
  const facts = transitionFacts(t);
  return `${t.title}${facts.length ? ` [${facts.join(', ')}]` : ''}: ${t.why}${t.requires ? ` Requires: ${t.requires}` : ''}`;
}

function compareLines(a: RoleCard, b: RoleCard): string[] {
  const row = (label: string, f: (c: RoleCard) => string) => `${label.padEnd(22)}${f(a).padEnd(33)}${f(b)}`;
  const first = (c: RoleCard, key: 'pay' | 'outlook' | 'employment') => c[key][0]?.display ?? '—';
  return [
    row('', (c) => c.role.title.slice(0, 31)),
    row('Headline', (c) => (c.headline ? `${c.headline.value} ${headlineWords(c.headline).zone}` : '—')),
    row('Consensus', (c) =>
      c.consensus ? `${c.consensus.band.replace('-', ' ')} (${c.consensus.confidence} confidence)` : '—',
    ),
    row('Pay', (c) => first(c, 'pay')),
    row('Outlook', (c) => first(c, 'outlook')),
    row('Employment', (c) => first(c, 'employment')),
  ];
}

function headlineText(h: NonNullable<RoleCard['headline']>): string {
  const { zone, label } = headlineWords(h);
  return `${h.value} ${zone} (${label ? `${label}; ` : ''}${h.scale})`;
}

function measureText(m: Measure): string {
  const rank = m.percentile !== null ? `, ${ordinal(m.percentile)} percentile of occupations` : '';
  return `${m.sourceName}: ${m.measure} ${m.value}${m.label ? ` "${m.label}"` : ''} on ${m.scale}${rank} (as of ${m.asOf})`;
}

function taskText(t: TaskLine): string {
  const facts = [
    t.timeShare !== undefined ? `${t.timeShare}% of time` : '',
    t.score !== undefined ? `score ${t.score}/5` : '',
    t.disagreement ? `humans ${t.humanExposure} vs GPT-4 ${t.gpt4Exposure}` : '',
  ].filter(Boolean);
  return `  - ${oneLine(t.task)}${facts.length ? ` (${facts.join(', ')})` : ''}`;
}

function lacksLines(lacks: string[]): string[] {
  return lacks.length ? ['', 'What this card lacks:', ...lacks.map(bullet)] : [];
}

const sourceLines = (sources: { name: string; asOf: string }[]) => [
  'Sources:',
  ...sources.map((s) => bullet(`${s.name} (${s.asOf})`)),
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
