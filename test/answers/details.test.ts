// Nothing is lost: every fact the score card carried before the first screen was redesigned (the card of
// commit 509b4b5, rebuilt here from the same data, fact by fact) is on the first screen or one click away in
// "How we scored this", for every role. And the details modal stays within Slack's limits.
import { describe, expect, it } from 'vitest';
import { detailsOf } from '../../src/answers/details.js';
import { formatGap, ordinal, readableDate } from '../../src/answers/format.js';
import type { RoleCard } from '../../src/answers/types.js';
import { detailsBlocks, detailsModal } from '../../src/renderers/blockkit/details.js';
import { roleCardMessage } from '../../src/renderers/blockkit/messages.js';
import { bootEngine } from '../../src/app/boot.js';
import { blockKitProblems, modalProblems } from '../support/block-limits.js';
import { visibleText } from '../support/block-text.js';

const { engine, catalog } = bootEngine();
const cards = [...catalog.roles.keys()].map((id) => engine.card(id)!);
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

/** A fact of the old card, and the ways it may be written now (a date as 2024-05 or as May 2024). */
interface Fact {
  what: string;
  any: string[];
}

/** What the card of 509b4b5 showed, from the same card data, in the order it showed it. */
function oldCardFacts(card: RoleCard): Fact[] {
  const facts: Fact[] = [];
  const add = (what: string, ...any: (string | number | undefined)[]) => {
    const forms = any.filter((x): x is string | number => x !== undefined && x !== '').map((x) => flat(String(x)));
    if (forms.length) facts.push({ what, any: forms });
  };
  const date = (what: string, asOf: string) => add(what, asOf, readableDate(asOf));
  add('title', card.role.title);
  if (card.role.soc) add('SOC code', `SOC ${card.role.soc}`);
  if (card.headline) {
    const h = card.headline;
    add('headline value', h.value);
    add('headline direction', /resistant/.test(h.scale) ? 'higher = more resistant' : 'higher = more exposed');
  }
  if (card.aijri) {
    const a = card.aijri;
    add('AIJRI sub-label reason', a.subLabelReason);
    add(
      'AIJRI formula',
      `task resistance ${a.taskResistance} × evidence ${a.evidenceModifier} × barriers ${a.barrierModifier} × growth ` +
        `${a.growthModifier} = ${a.raw}`,
    );
  }
  if (card.consensus) {
    add('consensus band', `${card.consensus.band.replace('-', ' ')} exposure`);
    add('consensus confidence', `${card.consensus.confidence} confidence`);
    add('consensus explanation', card.consensus.explanation);
  }
  if (card.role.summary) add('summary', card.role.summary);
  for (const m of card.measures.slice(0, 20)) {
    add(`measure ${m.measure}`, m.measure);
    add(`${m.measure}: value`, `${m.value}${m.label ? ` (${m.label})` : ''}`);
    add(`${m.measure}: source`, m.sourceName);
    add(`${m.measure}: scale`, m.scale);
    if (m.percentile !== null) add(`${m.measure}: rank`, `${ordinal(m.percentile)} percentile`);
    date(`${m.measure}: date`, m.asOf);
  }
  const sorted = [...card.tasks].sort((a, b) => b.exposure - a.exposure);
  const shown = sorted.length > 4 ? [...sorted.slice(0, 4), ...sorted.slice(-3)] : sorted;
  for (const t of shown) {
    // The old card cut statements at 140 characters.
    add(`task ${t.task.slice(0, 40)}`, flat(t.task).slice(0, 130));
    if (t.timeShare !== undefined) add(`${t.task}: time`, `${t.timeShare} % of time`);
    if (t.score !== undefined) add(`${t.task}: score`, `${t.score}/5`);
    if (t.disagreement) add(`${t.task}: raters`, `people ${t.humanExposure}, GPT-4 ${t.gpt4Exposure}`);
  }
  for (const c of [...card.aiCan.slice(0, 4), ...card.aiCannot.slice(0, 4)]) add(`claim ${c.text}`, c.text);
  for (const f of [...card.pay, ...card.employment, ...card.outlook].slice(0, 10)) {
    add(`figure ${f.label}`, f.label);
    add(`${f.label}: value`, `${f.display}${f.period ? ` (${f.period})` : ''}`);
    add(`${f.label}: source`, f.sourceName);
    date(`${f.label}: date`, f.asOf);
  }
  for (const t of card.timeline) add(`timeline ${t.horizon}`, `${t.horizon}: ${t.text}`);
  for (const t of card.path.transitions.slice(0, 3)) {
    add(`move ${t.title}`, t.title);
    if (t.scoreGap !== undefined) add(`${t.title}: AIJRI gap`, `(${t.scoreGap >= 0 ? '+' : ''}${t.scoreGap})`);
    else if (t.exposureGap !== undefined) add(`${t.title}: exposure gap`, formatGap(t.exposureGap, 'points'));
  }
  for (const l of card.lacks) add(`lacks ${l}`, l);
  for (const s of card.sources) {
    add(`source ${s.name}`, s.name);
    date(`${s.name}: date`, s.asOf);
  }
  return facts;
}

describe('How we scored this', () => {
  it('keeps every fact of the old card on the first screen or in the details, for every role', () => {
    expect(cards.length).toBeGreaterThan(700);
    const missing: string[] = [];
    let checked = 0;
    for (const card of cards) {
      const reachable = flat(`${visibleText(roleCardMessage(card).blocks)}\n${visibleText(detailsBlocks(card))}`);
      for (const fact of oldCardFacts(card)) {
        checked++;
        if (!fact.any.some((form) => reachable.includes(form))) missing.push(`${card.role.id}: ${fact.what}`);
      }
    }
    expect(missing.slice(0, 20)).toEqual([]);
    expect(checked).toBeGreaterThan(20_000);
  });

  it('fits a Slack modal for every role, within every limit', () => {
    const problems: string[] = [];
    for (const card of cards) {
      const modal = detailsModal(card);
      problems.push(...modalProblems(modal as never).map((p) => `${card.role.id}: ${p}`));
      problems.push(...blockKitProblems(modal.blocks, 'view').map((p) => `${card.role.id}: ${p}`));
    }
    expect(problems).toEqual([]);
  });

  it('gives the measures with their scales and dates, the formula, every pay figure and why they differ, sources', () => {
    const coder = engine.card('medical-coder')!;
    const titles = detailsOf(coder).map((s) => s.title);
    expect(titles).toEqual([
      'The verdict',
      'About this role',
      'What each source measures',
      'How the AIJRI is computed',
      'Experience',
      'Tasks, as assessed for this role',
      'Task statements for Medical Records Specialists, rated by people and GPT-4',
      'What AI can do',
      'What AI cannot do (yet)',
      'Pay',
      'Employment',
      'Outlook',
      'Timeline',
      'Other figures',
      'Safer moves',
      'What this card lacks',
      'Sources',
    ]);
    const text = flat(visibleText(detailsBlocks(coder)));
    for (const pay of ['$48,000 a year', '$50,250 a year', '$65,007 a year', '$46,660 a year'])
      expect(text).toContain(pay);
    expect(text).toContain(
      'These figures differ because they come from different sources, different years (2021 to 2026) and different ' +
        'groups of workers (see each label); the first screen shows $50,250 a year (BLS, May 2024), the most recent ' +
        'official figure.',
    );
    // A forecast names its source on its own line.
    expect(text).toContain(
      'By 2028: A department that had 10 coders needs 3–4, working as AI oversight specialists. (forecast by JobZone ' +
        'Risk AI Job Resistance Index (AIJRI))',
    );
    expect(text).toContain('Held fixed: evidence -5 (×0.8), barriers 2 (×1.04) and AI growth correlation -1 (×0.95)');
  });
});
