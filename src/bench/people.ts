// The people benchmark: how well the engine finds the occupation from what people type, measured on text the
// index does not contain. Two sets: (1) O*NET alternate titles held out of the index (a fixed-seed random 10 %
// of them), asked as written and with one typo; (2) the hand-written lay queries in
// test/fixtures/lay-queries.tsv, split by a fixed hash into a tuning half and a held-out half.
// A "confident wrong" answer is a card (or FAQ) for the wrong thing, given without asking: the worst outcome.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AskAnswer } from '../answers/types.js';
import { buildCatalog, type Catalog } from '../catalog/catalog.js';
import { projectRoot } from '../catalog/paths.js';
import { createEngine } from '../engine/engine.js';
import { nameKeys } from '../engine/names.js';
import { setAsideQualifiers } from '../engine/qualifiers.js';
import { Resolver } from '../engine/resolve.js';
import { GENERIC_RISK_WORDS, STOP_WORDS, words } from '../engine/text.js';
import type { Engine } from '../engine/types.js';

export const LAY_QUERIES_FILE = resolve(projectRoot, 'test/fixtures/lay-queries.tsv');
/** A second lay set, written after the first had been tuned on; its first measurement was blind (see its header). */
export const SECOND_LAY_QUERIES_FILE = resolve(projectRoot, 'test/fixtures/lay-queries-2.tsv');
/** Work described instead of named ("I cut hair"); its blind first measurement is in its header. */
export const WORK_DESCRIPTIONS_FILE = resolve(projectRoot, 'test/fixtures/work-descriptions.tsv');

/** The issue's targets. */
export const PEOPLE_TARGETS = {
  heldOutTop3: 0.9,
  layTop1: 0.95,
  confidentWrong: 0.01,
  /** Of the answers given with a card, the share right (issue 10's second round). */
  cardsRight: 0.99,
} as const;

export interface LayQuery {
  query: string;
  /** SOC codes (a trailing * matches a prefix), "none", or "faq:<id>". */
  expected: string[];
  area: string;
  line: number;
  half: 'tuning' | 'held-out';
}

/** Reads the lay queries; a malformed line is an error naming it. */
export function readLayQueries(file = LAY_QUERIES_FILE): LayQuery[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const out: LayQuery[] = [];
  let header = false;
  lines.forEach((text, i) => {
    if (!text.trim() || text.startsWith('#')) return;
    const [query, expected, area] = text.split('\t');
    if (!header) {
      header = true;
      if (query !== 'query' || expected !== 'expected')
        throw new Error(`${file}:${i + 1}: expected the header "query	expected	area"`);
      return;
    }
    const codes = (expected ?? '').split('|').filter(Boolean);
    const valid = codes.every((c) => /^\d{2}-\d{1,4}\*?$|^none$|^faq:[a-z0-9-]+$/.test(c));
    if (!query?.trim() || codes.length === 0 || !valid)
      throw new Error(`${file}:${i + 1}: needs a query and an expected SOC code, "none" or faq:<id>`);
    out.push({ query, expected: codes, area: area ?? '', line: i + 1, half: halfOf(query) });
  });
  return out;
}

/** A fixed split that no one chooses by hand: FNV-1a of the query, even to tuning, odd to held out. */
function halfOf(query: string): LayQuery['half'] {
  let h = 0x811c9dc5;
  for (let i = 0; i < query.length; i++) h = Math.imul(h ^ query.charCodeAt(i), 0x01000193) >>> 0;
  return h % 2 === 0 ? 'tuning' : 'held-out';
}

/** The engine's answers in order of preference: the card's role and its "Also" choices, or the candidates offered. */
export function rankedSocs(answer: AskAnswer): (string | null)[] {
  if (answer.kind === 'role') return [answer.role.soc, ...answer.alternatives.map((a) => a.soc)];
  if (answer.kind === 'ambiguous') return answer.candidates.map((c) => c.soc);
  return [];
}

const socMatches = (soc: string | null, expected: string[]) =>
  soc !== null && expected.some((e) => (e.endsWith('*') ? soc.startsWith(e.slice(0, -1)) : soc === e));

export type Outcome = 'confident-right' | 'asked-right' | 'asked-wrong' | 'confident-wrong' | 'not-found';

export interface Judged {
  query: string;
  expected: string[];
  outcome: Outcome;
  top1: boolean;
  top3: boolean;
  /** What the engine answered, in words, for the list of wrong answers. */
  answered: string;
}

/** Judges one answer against what the person meant. */
export function judge(query: string, expected: string[], answer: AskAnswer): Judged {
  const answered = describe(answer);
  if (expected.includes('none')) {
    const right = answer.kind === 'not_found' || answer.kind === 'help';
    const confident = answer.kind === 'role' || answer.kind === 'faq';
    return {
      query,
      expected,
      answered,
      top1: right,
      top3: right,
      outcome: right ? 'confident-right' : confident ? 'confident-wrong' : 'asked-wrong',
    };
  }
  const faq = expected.find((e) => e.startsWith('faq:'));
  if (faq) {
    const right = answer.kind === 'faq' && `faq:${answer.faq.id}` === faq;
    const outcome: Outcome = right
      ? 'confident-right'
      : answer.kind === 'role' || answer.kind === 'faq'
        ? 'confident-wrong'
        : 'asked-wrong';
    return { query, expected, answered, top1: right, top3: right, outcome };
  }
  const ranked = rankedSocs(answer);
  const top1 = socMatches(ranked[0] ?? null, expected);
  const top3 = ranked.slice(0, 3).some((s) => socMatches(s, expected));
  let outcome: Outcome;
  if (answer.kind === 'role') outcome = top1 ? 'confident-right' : 'confident-wrong';
  else if (answer.kind === 'faq') outcome = 'confident-wrong';
  else if (answer.kind === 'ambiguous')
    outcome = top3 || ranked.some((s) => socMatches(s, expected)) ? 'asked-right' : 'asked-wrong';
  else outcome = 'not-found';
  return { query, expected, answered, top1, top3, outcome };
}

function describe(answer: AskAnswer): string {
  switch (answer.kind) {
    case 'role':
      return `card ${answer.role.soc ?? ''} ${answer.role.title} (via "${answer.match.title}", ${answer.match.source})`;
    case 'ambiguous':
      return `asks (${answer.reason}): ${answer.candidates
        .slice(0, 3)
        .map((c) => `${c.soc ?? ''} ${c.title}`)
        .join(' | ')}`;
    case 'faq':
      return `FAQ ${answer.faq.id}`;
    case 'not_found':
      return `not found (${answer.reason})`;
    case 'help':
      return 'help';
  }
}

/** Of the answers given with a card, the share that are right (1 when there is none). */
export function cardPrecision(judged: Judged[]): { cards: number; right: number; share: number } {
  const cards = judged.filter((j) => j.outcome === 'confident-right' || j.outcome === 'confident-wrong').length;
  const right = judged.filter((j) => j.outcome === 'confident-right').length;
  return { cards, right, share: cards ? right / cards : 1 };
}

/** The search's own likelihood (0–1) for its first occupation, for texts that only a search can answer, and
 *  whether that occupation is right: what a card at a likelihood threshold would have given. */
export function searchLikelihoods(
  resolver: Resolver,
  items: { text: string; expected: string[] }[],
): { likelihood: number; right: boolean }[] {
  return items.map(({ text, expected }) => {
    const content = setAsideQualifiers(words(text)).core.filter(
      (w) => !STOP_WORDS.has(w) && !GENERIC_RISK_WORDS.has(w),
    );
    const top = resolver.rank(content)[0];
    return { likelihood: top?.likelihood ?? 0, right: socMatches(top?.role.soc ?? null, expected) };
  });
}

/** For each threshold: the share that a card at that likelihood would answer, and the share wrong among them. */
export function tradeOff(
  points: { likelihood: number; right: boolean }[],
  thresholds: number[],
): { threshold: number; answered: number; wrong: number }[] {
  return thresholds.map((threshold) => {
    const carded = points.filter((p) => p.likelihood >= threshold);
    return {
      threshold,
      answered: points.length ? carded.length / points.length : 0,
      wrong: carded.length ? carded.filter((p) => !p.right).length / carded.length : 0,
    };
  });
}

export interface Tally {
  count: number;
  top1: number;
  top3: number;
  confidentRight: number;
  confidentWrong: number;
  asked: number;
  notFound: number;
}

export function tally(judged: Judged[]): Tally {
  const share = (pred: (j: Judged) => boolean) => (judged.length ? judged.filter(pred).length / judged.length : 0);
  return {
    count: judged.length,
    top1: share((j) => j.top1),
    top3: share((j) => j.top3),
    confidentRight: share((j) => j.outcome === 'confident-right'),
    confidentWrong: share((j) => j.outcome === 'confident-wrong'),
    asked: share((j) => j.outcome === 'asked-right' || j.outcome === 'asked-wrong'),
    notFound: share((j) => j.outcome === 'not-found'),
  };
}

/** The lay queries, asked. */
export function runLayQueries(engine: Engine, queries = readLayQueries()): (Judged & { half: LayQuery['half'] })[] {
  return queries.map((q) => ({ ...judge(q.query, q.expected, engine.ask(q.query)), half: q.half }));
}

// Held-out titles ----------------------------------------------------------------------------------------

export interface HeldOut {
  /** The title as O*NET writes it. */
  title: string;
  /** Every SOC O*NET gives that title for. */
  socs: string[];
}

/** A fixed-seed random `share` of the distinct O*NET alternate titles (by normalized name), with their SOCs,
 *  and every normalized name to leave out of the index so that none of them is found again: the title's own
 *  names (both sides of "Pest Control Technician (Pest Control Tech)"), and its short form unless a title
 *  kept in the index has the same one. */
export function holdOutTitles(
  catalog: Catalog,
  share = 0.1,
  seed = 20_251_201,
): { heldOut: HeldOut[]; keys: Set<string> } {
  const byKey = new Map<string, { title: string; socs: Set<string>; names: Set<string>; shorts: Set<string> }>();
  const titles = catalog.datasets.titles.filter((t) => t.source === 'onet-alternate');
  // The sample is drawn by the title's words with any parenthesis kept in (as O*NET writes it whole).
  const sampleKey = (title: string) => nameKeys(title)[0]?.join(' ');
  for (const t of titles) {
    const key = sampleKey(t.title);
    if (!key) continue;
    const seen = byKey.get(key) ?? { title: t.title, socs: new Set(), names: new Set([key]), shorts: new Set() };
    seen.socs.add(t.soc);
    for (const k of nameKeys(t.title, t.short)) seen.names.add(k.join(' '));
    if (t.short) seen.shorts.add(nameKeys(t.short)[0]?.join(' ') ?? '');
    byKey.set(key, seen);
  }
  const keys = [...byKey.keys()].sort();
  const random = mulberry32(seed);
  // Fisher–Yates on a sorted list: the same titles on every machine and run.
  for (let i = keys.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [keys[i], keys[j]] = [keys[j] as string, keys[i] as string];
  }
  const chosen = keys.slice(0, Math.round(keys.length * share));
  const held = new Set(chosen);
  const kept = new Set<string>();
  for (const [key, e] of byKey) if (!held.has(key)) for (const x of [...e.names, ...e.shorts]) kept.add(x);
  const exclude = new Set<string>();
  for (const key of chosen) {
    const e = byKey.get(key);
    for (const x of [...(e?.names ?? []), ...(e?.shorts ?? [])])
      if (x && (!kept.has(x) || e?.names.has(x))) exclude.add(x);
  }
  // O*NET's short form of a held-out title is the same title ("Layout Tech" of "Layout Technician (Layout
  // Tech)", when "Layout Technician" is held out), whichever entry gives it.
  for (const t of titles)
    if (t.short && nameKeys(t.title, t.short).some((k) => exclude.has(k.join(' '))))
      exclude.add(nameKeys(t.short)[0]?.join(' ') ?? '');
  return {
    heldOut: chosen.map((k) => {
      const e = byKey.get(k) as { title: string; socs: Set<string> };
      return { title: e.title, socs: [...e.socs] };
    }),
    keys: exclude,
  };
}

/** An engine over the same catalog whose datasets' name index leaves the held-out titles out. */
export function engineWithout(catalog: Catalog, keys: ReadonlySet<string>): Engine {
  return createEngine(buildCatalog(catalog.knowledge, catalog.datasets), { excludeNames: keys });
}

/** The resolver of such an engine, for the search's own likelihoods. */
export function resolverWithout(catalog: Catalog, keys: ReadonlySet<string>): Resolver {
  return new Resolver(buildCatalog(catalog.knowledge, catalog.datasets), { excludeNames: keys });
}

/** Small seeded PRNG, so samples and typos are the same on every run. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
