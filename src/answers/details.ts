// "How we scored this": everything behind a card's first screen, as an outline every renderer draws the same
// way (Slack modal, terminal). Measures with their scales and dates, the formula, experience levels, task
// tables, every pay, employment and outlook figure, forecasts with their sources, what the card lacks, sources.
import { exposureBar, formatAsOf, ordinal, transitionFacts, verdictStep } from './format.js';
import type { Claim, FigureLine, Measure, RoleCard, TaskLine } from './types.js';

export interface DetailLine {
  /** Shown first, in bold where the renderer has bold. */
  lead?: string;
  text: string;
  /** Smaller print: where it comes from, a caveat. */
  note?: string;
  /** A web address for `lead` (sources). */
  url?: string;
}

export interface DetailSection {
  title: string;
  /** A sentence under the title, before the lines. */
  intro?: string;
  lines: DetailLine[];
}

/** How many dataset task statements to list at each end (most and least exposed). */
const TASKS_EACH_END = 5;
const MOVES = 3;

const EXPOSURE_LABELS =
  'E1: an LLM alone could do it in half the time; E2: it could with software built on an LLM; E0: neither.';
const SCORE_WORDS: Record<number, string> = {
  1: 'AI not involved',
  2: 'AI helps a little',
  3: 'AI helps a lot, a person decides',
  4: 'AI does most of it',
  5: 'AI can do it on its own',
};

export function detailsOf(card: RoleCard): DetailSection[] {
  const sourceName = (id: string) => card.sources.find((s) => s.id === id)?.name ?? id;
  const sections: DetailSection[] = [];
  /** A section with no lines is left out, unless its intro says something on its own. */
  const add = (s: DetailSection, introAlone = false) => {
    if (s.lines.length || (introAlone && s.intro)) sections.push(s);
  };

  const v = card.verdict;
  if (v) {
    const step = verdictStep(v.level);
    add({
      title: 'The verdict',
      lines: [
        {
          lead: `${step.words} AI exposure`,
          text: `${exposureBar(v.exposure)} ${v.exposure} of 100, from the ${v.from}`,
        },
        { lead: 'How it follows', text: v.method },
        { lead: `${capital(v.confidence)} confidence`, text: v.confidenceNote },
        ...(card.consensus
          ? [
              {
                lead: 'Consensus of the ranked datasets',
                text:
                  `${card.consensus.band.replace('-', ' ')} exposure, ${card.consensus.confidence} confidence, ` +
                  `mean percentile ${card.consensus.percentile}. ${card.consensus.explanation}`,
              },
            ]
          : []),
        { lead: 'What it is not', text: `${v.caveat} ${v.measuredAi}` },
      ],
    });
  }

  add({
    title: 'About this role',
    lines: [
      ...(card.role.soc
        ? [
            {
              lead: 'Occupation code',
              text: `SOC ${card.role.soc}${card.role.socTitle ? ` (${card.role.socTitle}, the wider occupation the public datasets describe)` : ''}`,
            },
          ]
        : []),
      ...(card.role.summary ? [{ text: card.role.summary }] : []),
      // O*NET rates no skills for this occupation: the path's gaps come from a stand-in, named here.
      ...(card.path.proxy ? [{ lead: 'Skills profile', text: card.path.proxy.note }] : []),
    ],
  });

  add({ title: 'What each source measures', lines: card.measures.map(measureLine) });

  const a = card.aijri;
  add({
    title: a ? 'How the AIJRI is computed' : 'Published ratings',
    ...(a
      ? {
          intro:
            `${a.source.name}, ${formatAsOf(a.source.asOf, a.source.approximate)}: task resistance × evidence × ` +
            `barriers × growth, then (raw − 0.54) / 7.93 × 100. Higher means more resistant to AI.`,
        }
      : {}),
    lines: [
      ...(a
        ? [
            {
              lead: 'Formula',
              text:
                `task resistance ${a.taskResistance} × evidence ${a.evidenceModifier} × barriers ` +
                `${a.barrierModifier} × growth ${a.growthModifier} = ${a.raw} → (${a.raw} − 0.54) / 7.93 × 100 = ` +
                `${a.score}`,
            },
            { lead: a.subLabel, text: a.subLabelReason },
          ]
        : []),
      ...card.ratings.map((r) => ({
        lead: r.label,
        text: `${r.value}${r.meaning ? `: ${r.meaning}` : ''}`,
        note: sourceName(r.source),
      })),
    ],
  });

  const x = card.experience;
  add(
    {
      title: 'Experience',
      intro: `The profile describes ${x.profile}.${x.asked ? ` The question mentioned “${x.asked.words}”.` : ''}`,
      lines: [
        ...x.levels.map((l) => ({
          lead: l.label,
          text:
            `task resistance ${range(l.taskResistance)} → AIJRI ${range(l.aijri)} (${zones(l.zone)}) → ` +
            `${levels(l.verdictLevel)} exposure${l.assessed ? ' (the assessed profile)' : ''}`,
          ...(l.work ? { note: l.work } : {}),
        })),
        ...(x.heldFixed
          ? [{ lead: 'Held fixed', text: `${x.heldFixed}; only task resistance changes between levels.` }]
          : []),
        ...(x.levels.length && x.source ? [{ lead: 'Source', text: sourceName(x.source) }] : []),
        ...card.whoShouldWorry.map((c) => claimLine(c, sourceName)),
      ],
    },
    true,
  );

  const curatedTasks = card.tasks.filter((t) => t.score !== undefined);
  add({
    title: 'Tasks, as assessed for this role',
    ...(curatedTasks[0]
      ? {
          intro:
            `${sourceName(curatedTasks[0].source)}: each task's share of the working time and what AI can do ` +
            `with it (1–5).`,
        }
      : {}),
    lines: curatedTasks.map((t) => ({
      text: oneLine(t.task),
      note:
        `${t.timeShare ?? '?'} % of time · ${t.score}/5 ` +
        `${SCORE_WORDS[t.score ?? 0] ?? ''}${t.mode ? ` · ${t.mode}` : ''}`,
    })),
  });
  const rated = card.tasks.filter((t) => t.score === undefined);
  const ends =
    rated.length <= TASKS_EACH_END * 2
      ? { most: rated, least: [] as TaskLine[] }
      : { most: rated.slice(0, TASKS_EACH_END), least: rated.slice(-TASKS_EACH_END).reverse() };
  add({
    title: `Task statements${card.role.socTitle ? ` for ${card.role.socTitle}` : ''}, rated by people and GPT-4`,
    ...(rated[0]
      ? {
          intro:
            `${sourceName(rated[0].source)}; task statements from O*NET. ` +
            `${EXPOSURE_LABELS}${ends.least.length ? ' The most exposed first, then the least.' : ''}`,
        }
      : {}),
    lines: [
      ...ends.most.map((t) => ratedLine(t, 'most exposed')),
      ...ends.least.map((t) => ratedLine(t, 'least exposed')),
    ],
  });

  add({ title: 'What AI can do', lines: card.aiCan.map((c) => claimLine(c, sourceName)) });
  add({ title: 'What AI cannot do (yet)', lines: card.aiCannot.map((c) => claimLine(c, sourceName)) });
  add({
    title: 'Pay',
    ...(card.keyFigures.payDiffers ? { intro: card.keyFigures.payDiffers } : {}),
    lines: card.pay.map(figureLine),
  });
  add({
    title: 'Employment',
    ...(card.keyFigures.employmentDiffers ? { intro: card.keyFigures.employmentDiffers } : {}),
    lines: card.employment.map(figureLine),
  });
  add({
    title: 'Outlook',
    intro: 'Projections and forecasts, each with its source.',
    lines: card.outlook.map(figureLine),
  });
  add({
    title: 'Timeline',
    intro: 'Forecasts, each with its source.',
    lines: card.timeline.map((t) => ({ lead: t.horizon, text: t.text, note: `forecast by ${sourceName(t.source)}` })),
  });
  add({ title: 'Other figures', lines: card.otherFigures.map(figureLine) });
  const lateral = card.path.transitions.some((t) => t.lateral);
  add({
    // From a job already among the least exposed, the computed moves are no more exposed rather than safer.
    title: lateral ? 'Similar moves, no more exposed' : 'Safer moves',
    intro: 'The Reskilling path button shows every move, with skills and certifications.',
    lines: card.path.transitions.slice(0, MOVES).map((t) => {
      const facts = transitionFacts(t);
      return { lead: t.title, text: `${facts.length ? `${facts.join(' · ')}. ` : ''}${t.why}` };
    }),
  });
  add({
    title: 'Long-range options',
    intro: 'Safer, but they need a degree, licence, certificate or apprenticeship first.',
    lines: card.path.longRange.slice(0, MOVES).map((t) => ({ lead: t.title, text: t.gate?.requirement ?? t.why })),
  });
  add({ title: 'What this card lacks', lines: card.lacks.map((text) => ({ text })) });
  add({
    title: 'Sources',
    lines: card.sources.map((s) => ({
      lead: s.name,
      // The dataset version pinned (a commit, a release), so an answer never changes silently.
      text: `${s.version ? `${s.version}, ` : ''}${formatAsOf(s.asOf, s.approximate)}`,
      ...(s.url ? { url: s.url } : {}),
    })),
  });
  return sections;
}

function measureLine(m: Measure): DetailLine {
  const rank = m.percentile !== null ? ` · ${ordinal(m.percentile)} percentile of occupations` : '';
  // A measure whose name says its direction keeps its own words.
  const direction = /\(higher = /i.test(m.measure)
    ? ''
    : m.higherMeansMoreRisk
      ? ', higher = more exposed'
      : ', higher = more resistant';
  return {
    lead: m.measure,
    text: `${m.value}${m.label ? ` (${m.label})` : ''} on ${m.scale}${direction}${rank}`,
    note: `${m.sourceName}, ${formatAsOf(m.asOf, m.asOfApproximate)}${m.note ? `. ${m.note}` : ''}`,
  };
}

function figureLine(f: FigureLine): DetailLine {
  return {
    lead: f.label,
    text: `${f.display}${f.period ? ` (${f.period})` : ''}`,
    note: `${withDate(f.sourceName, formatAsOf(f.asOf, f.asOfApproximate))}${f.note ? `. ${f.note}` : ''}`,
  };
}

function ratedLine(t: TaskLine, end: string): DetailLine {
  const labels = t.humanExposure && t.gpt4Exposure ? `people ${t.humanExposure}, GPT-4 ${t.gpt4Exposure}` : '';
  return {
    text: oneLine(t.task),
    note: [end, labels, t.disagreement ? 'the raters disagree' : ''].filter(Boolean).join(' · '),
  };
}

function claimLine(c: Claim, sourceName: (id: string) => string): DetailLine {
  return { text: c.text, note: sourceName(c.source) };
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
/** "BLS Occupational Employment and Wage Statistics, May 2021" already says its date; others get theirs. */
/** "BLS OEWS, May 2021", unless the name already says its date. */
const withDate = (name: string, date: string) => (name.includes(date) ? name : `${name}, ${date}`);
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const range = (r: { from: number; to: number }) => (r.from === r.to ? `${r.from}` : `${r.from}–${r.to}`);
const zones = (z: { from: string; to: string }) =>
  z.from === z.to ? `${capital(z.from)} zone` : `${capital(z.from)} to ${capital(z.to)} zone`;
const levels = (l: { from: Parameters<typeof verdictStep>[0]; to: Parameters<typeof verdictStep>[0] }) => {
  const from = verdictStep(l.from).words;
  const to = verdictStep(l.to).words;
  return from === to ? from : `${from} to ${to}`;
};
