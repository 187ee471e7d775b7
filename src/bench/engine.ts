// Engine benchmark: start-up (cold and from the start-up cache), answer latency, memory, the people benchmark
// (src/bench/people.ts) and Fuse.js on the same names. Latency queries are generated deterministically from the
// catalog (titles, typos, acronyms, sentences, SOC codes, nonsense) plus the lay queries, so two runs on one
// machine ask exactly the same things.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fuse from 'fuse.js';
import type { AskAnswer } from '../answers/types.js';
import { buildCatalog, type Catalog } from '../catalog/catalog.js';
import { loadDatasets } from '../catalog/datasets/load.js';
import { loadKnowledge } from '../catalog/knowledge/load.js';
import { resolveDataDir } from '../catalog/datasets/folder.js';
import { defaultKnowledgeDir, projectRoot } from '../catalog/paths.js';
import { createEngine } from '../engine/engine.js';
import { nameKeys } from '../engine/names.js';
import { datasetNames } from '../engine/resolve.js';
import type { Engine } from '../engine/types.js';
import { loadDatasetsCached } from '../app/boot.js';
import {
  PEOPLE_TARGETS,
  cardPrecision,
  engineWithout,
  holdOutTitles,
  judge,
  mulberry32,
  readLayQueries,
  SECOND_LAY_QUERIES_FILE,
  WORK_DESCRIPTIONS_FILE,
  resolverWithout,
  runLayQueries,
  searchLikelihoods,
  tally,
  tradeOff,
  type HeldOut,
  type Judged,
  type LayQuery,
} from './people.js';
import { percentileOf, type BenchRow } from './table.js';

/** The issues' targets. */
export const ENGINE_TARGETS = {
  startupMs: 1000,
  p99Ms: 2,
  rssMb: 200,
  minQueries: 1000,
} as const;

type QueryKind = 'title' | 'typo' | 'acronym' | 'sentence' | 'soc' | 'nonsense' | 'lay';

interface Query {
  text: string;
  kind: QueryKind;
  /** The role a person means; null when nothing should match. */
  expected: string | null;
}

export async function runEngineBench(notes: string[] = []): Promise<BenchRow[]> {
  const knowledgeDir = process.env.AIRISK_KNOWLEDGE_DIR?.trim() || defaultKnowledgeDir;
  const dataDir = resolveDataDir().dir ?? sharedDataDir();
  const rows: BenchRow[] = [];
  const group = 'engine';
  // A cache folder of the bench's own, empty at first: the cold start builds and writes it, the warm one reads it.
  const cacheDir = mkdtempSync(join(tmpdir(), 'airisk-bench-cache-'));
  const env = { ...process.env, AIRISK_CACHE_DIR: cacheDir };

  // Start-up, in this process: cold (no cache), step by step, then warm (from the cache just written).
  const t0 = performance.now();
  const knowledge = loadKnowledge(knowledgeDir);
  const t1 = performance.now();
  const cold = loadDatasetsCached(dataDir, env);
  const t2 = performance.now();
  const catalog = buildCatalog(knowledge, cold.datasets);
  const t3 = performance.now();
  const engine = createEngine(catalog, { names: cold.names });
  const t4 = performance.now();
  const w0 = performance.now();
  const warmData = loadDatasetsCached(dataDir, env);
  const warmEngine = createEngine(buildCatalog(loadKnowledge(knowledgeDir), warmData.datasets), {
    names: warmData.names,
  });
  const w1 = performance.now();
  const names = engine.nameIndexData();
  rows.push(
    { group, metric: 'start-up: knowledge', value: ms(t1 - t0) },
    {
      group,
      metric: 'start-up: datasets + name index, built (no cache)',
      value: `${ms(t2 - t1)} (${cold.datasets.occupations.size} occupations, ${names.keys.length.toLocaleString('en-US')} names; cache ${cold.cache.status}${cold.cache.writeFailed ? ', not written' : ''})`,
    },
    { group, metric: 'start-up: catalog', value: `${ms(t3 - t2)} (${catalog.roles.size} roles)` },
    { group, metric: 'start-up: engine', value: ms(t4 - t3) },
    { group, metric: 'start-up total, cold (no cache)', value: ms(t4 - t0) },
    {
      group,
      metric: `start-up total, warm (cache ${warmData.cache.status}: hash data + read)`,
      value: `${ms(w1 - w0)} (${warmEngine.stats().roles} roles)`,
      target: `≤ ${ENGINE_TARGETS.startupMs} ms`,
      pass: w1 - w0 <= ENGINE_TARGETS.startupMs && warmData.cache.status === 'hit',
    },
  );
  if (!dataDir)
    rows.push({
      group,
      metric: 'datasets',
      value: 'not loaded: set AIRISK_DATA_DIR or run npm run data:fetch (numbers above are curated knowledge only)',
    });

  const lay = readLayQueries();
  const queries = [
    ...generateQueries(catalog),
    ...lay.map((q): Query => ({ text: q.query, kind: 'lay', expected: null })),
  ];
  rows.push({
    group,
    metric: 'queries',
    value: `${queries.length} (${countBy(queries)})`,
    target: `≥ ${ENGINE_TARGETS.minQueries}`,
    pass: queries.length >= ENGINE_TARGETS.minQueries,
  });

  // Latency. The first pass composes each role's card on first ask (cold). Servers call engine.warmUp()
  // right after start, in the background, so steady-state latency is the warm pass: that is the target.
  const first = timeAll(engine, queries);
  const coldEngine = createEngine(catalog, { names });
  const u0 = performance.now();
  const warmed = coldEngine.warmUp();
  const warmUpMs = performance.now() - u0;
  const warm = timeAll(coldEngine, queries);
  const p99 = percentileOf(warm.times, 99);
  rows.push(
    {
      group,
      metric: 'answer latency p50 / p99 (cold: card composed on first ask)',
      value: `${ms(percentileOf(first.times, 50), 3)} / ${ms(percentileOf(first.times, 99), 3)}`,
    },
    {
      group,
      metric: `warm-up after start (${warmed} cards, typo look-up, task index; in background)`,
      value: ms(warmUpMs),
    },
    { group, metric: 'answer latency p50 (warm)', value: ms(percentileOf(warm.times, 50), 3) },
    {
      group,
      metric: 'answer latency p99 (warm, typos included)',
      value: ms(p99, 3),
      target: `≤ ${ENGINE_TARGETS.p99Ms} ms`,
      pass: p99 <= ENGINE_TARGETS.p99Ms,
    },
    { group, metric: 'answer latency max (warm)', value: ms(Math.max(...warm.times), 2) },
    { group, metric: 'warm p99 by query kind', value: byKind(queries, warm.times) },
  );

  // A fresh process, as `airisk` or the server starts: once with an empty cache folder, once with the cache.
  // Memory is measured there: this process also holds the bench's own data.
  const freshEnv = { AIRISK_CACHE_DIR: mkdtempSync(join(tmpdir(), 'airisk-bench-fresh-')) };
  const asks = queries.map((q) => q.text);
  const freshCold = freshProcess(knowledgeDir, dataDir, asks.slice(0, 1), freshEnv);
  const freshWarm = freshProcess(knowledgeDir, dataDir, asks, freshEnv);
  if (freshCold && freshWarm) {
    rows.push(
      { group, metric: 'fresh process: ready, cold (empty cache folder)', value: ms(freshCold.readyMs) },
      {
        group,
        metric: `fresh process: ready, warm (cache ${freshWarm.cache})`,
        value: ms(freshWarm.readyMs),
        target: `≤ ${ENGINE_TARGETS.startupMs} ms`,
        pass: freshWarm.readyMs <= ENGINE_TARGETS.startupMs,
      },
      {
        group,
        metric: `fresh process: RSS after ${asks.length} asks`,
        value: `${freshWarm.rssMb.toFixed(0)} MB`,
        target: `≤ ${ENGINE_TARGETS.rssMb} MB`,
        pass: freshWarm.rssMb <= ENGINE_TARGETS.rssMb,
      },
    );
  }
  rows.push({
    group,
    metric: 'RSS of this bench process (reference)',
    value: `${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`,
  });
  rmSync(cacheDir, { recursive: true, force: true });
  rmSync(freshEnv.AIRISK_CACHE_DIR, { recursive: true, force: true });

  // The people benchmark needs the O*NET titles themselves (a booted catalog keeps them in its name index).
  const withTitles = buildCatalog(knowledge, loadDatasets(dataDir));
  rows.push(...peopleRows(withTitles, coldEngine, lay, notes));
  rows.push(...fuseRows(withTitles, coldEngine, lay));
  return rows;
}

/** The people benchmark (src/bench/people.ts): held-out O*NET titles and the lay queries. */
function peopleRows(catalog: Catalog, engine: Engine, lay: LayQuery[], notes: string[]): BenchRow[] {
  const group = 'people';
  const rows: BenchRow[] = [];
  const { heldOut, keys } = holdOutTitles(catalog);
  const without = engineWithout(catalog, keys);
  const exact = heldOut.map((h) => judge(h.title, h.socs, without.ask(h.title)));
  const random = mulberry32(42);
  const typo = heldOut.flatMap((h) => {
    const text = misspell(h.title, random);
    return text === h.title ? [] : [judge(text, h.socs, without.ask(text))];
  });
  // Of the held-out titles, how many share any word with another name of their occupation (an upper bound
  // for any method that matches words).
  const reachable = heldOut.filter((h) => sharesAWord(without, h)).length / (heldOut.length || 1);
  const e = tally(exact);
  const t = tally(typo);
  rows.push(
    {
      group,
      metric: `held-out O*NET titles (${heldOut.length}, 10 % by fixed seed): top-1 / top-3, as written`,
      value: `${pct(e.top1)} / ${pct(e.top3)}`,
      target: `top-3 ≥ ${pct(PEOPLE_TARGETS.heldOutTop3)}`,
      pass: e.top3 >= PEOPLE_TARGETS.heldOutTop3,
    },
    {
      group,
      metric: `held-out O*NET titles with one typo (${typo.length}): top-1 / top-3`,
      value: `${pct(t.top1)} / ${pct(t.top3)}`,
    },
    {
      group,
      metric: 'held-out titles: answered with a card / asked to choose / not found',
      value: `${pct(e.confidentRight + e.confidentWrong)} / ${pct(e.asked)} / ${pct(e.notFound)}`,
    },
    {
      group,
      metric: 'held-out titles: confident wrong (as written / with a typo)',
      value: `${pct(e.confidentWrong)} / ${pct(t.confidentWrong)}`,
      target: `≤ ${pct(PEOPLE_TARGETS.confidentWrong)}`,
      pass: e.confidentWrong <= PEOPLE_TARGETS.confidentWrong && t.confidentWrong <= PEOPLE_TARGETS.confidentWrong,
    },
    cardsRightRow('held-out titles, as written', exact),
    { group, metric: 'held-out titles sharing a word with another name of their occupation', value: pct(reachable) },
  );
  // What a card from the search would give at each likelihood: why the search always asks (README).
  const curve = tradeOff(
    searchLikelihoods(
      resolverWithout(catalog, keys),
      heldOut.map((h) => ({ text: h.title, expected: h.socs })),
    ),
    TRADE_OFF_THRESHOLDS,
  );
  rows.push({
    group,
    metric: 'held-out titles, a search card at likelihood ≥ t: answered / wrong among them',
    value: curve.map((c) => `≥ ${c.threshold}: ${pct(c.answered)} / ${pct(c.wrong)}`).join(' · '),
  });
  notes.push('Held-out O*NET titles answered with a card for another occupation:');
  for (const h of heldOut.filter((_, i) => exact[i]?.outcome === 'confident-wrong'))
    notes.push(
      `  [held-out title] confident-wrong: "${h.title}" (O*NET: ${h.socs.join(' or ')}) -> ${describeOf(exact, h)}`,
    );
  const judged = runLayQueries(engine, lay);
  for (const half of ['tuning', 'held-out'] as const) {
    const list = judged.filter((j) => j.half === half);
    const l = tally(list);
    rows.push(
      {
        group,
        metric: `lay queries, ${half} half (${list.length}): top-1 / top-3`,
        value: `${pct(l.top1)} / ${pct(l.top3)}`,
        target: `top-1 ≥ ${pct(PEOPLE_TARGETS.layTop1)}`,
        pass: l.top1 >= PEOPLE_TARGETS.layTop1,
      },
      {
        group,
        metric: `lay queries, ${half} half: card right / asked / not found`,
        value: `${pct(l.confidentRight)} / ${pct(l.asked)} / ${pct(l.notFound)}`,
      },
      {
        group,
        metric: `lay queries, ${half} half: confident wrong`,
        value: `${pct(l.confidentWrong)} (${list.filter((j) => j.outcome === 'confident-wrong').length})`,
        target: `≤ ${pct(PEOPLE_TARGETS.confidentWrong)}`,
        pass: l.confidentWrong <= PEOPLE_TARGETS.confidentWrong,
      },
      cardsRightRow(`lay queries, ${half} half`, list),
    );
  }
  const whole = tally(judged);
  rows.push({
    group,
    metric: `lay queries, whole set (${judged.length}): top-1 / confident wrong`,
    value: `${pct(whole.top1)} / ${pct(whole.confidentWrong)} (${judged.filter((j) => j.outcome === 'confident-wrong').length})`,
    target: `top-1 ≥ ${pct(PEOPLE_TARGETS.layTop1)}, wrong ≤ ${pct(PEOPLE_TARGETS.confidentWrong)}`,
    pass: whole.top1 >= PEOPLE_TARGETS.layTop1 && whole.confidentWrong <= PEOPLE_TARGETS.confidentWrong,
  });
  // The second set was written after the first had been tuned on: what people type that no tuning has seen
  // (its first, blind measurement is in its header).
  const second = runLayQueries(engine, readLayQueries(SECOND_LAY_QUERIES_FILE));
  const s = tally(second);
  rows.push({
    group,
    metric: `lay queries, second set (${second.length}, written 2026-12-02): top-1 / top-3 / confident wrong`,
    value: `${pct(s.top1)} / ${pct(s.top3)} / ${pct(s.confidentWrong)} (${second.filter((j) => j.outcome === 'confident-wrong').length})`,
    target: `top-1 ≥ ${pct(PEOPLE_TARGETS.layTop1)}, wrong ≤ ${pct(PEOPLE_TARGETS.confidentWrong)}`,
    pass: s.top1 >= PEOPLE_TARGETS.layTop1 && s.confidentWrong <= PEOPLE_TARGETS.confidentWrong,
  });
  const described = runLayQueries(engine, readLayQueries(WORK_DESCRIPTIONS_FILE));
  const d = tally(described);
  rows.push({
    group,
    metric: `work described, not named ("I cut hair", ${described.length}): top-1 / top-3 / confident wrong`,
    value: `${pct(d.top1)} / ${pct(d.top3)} / ${pct(d.confidentWrong)} (${described.filter((j) => j.outcome === 'confident-wrong').length})`,
    target: `wrong ≤ ${pct(PEOPLE_TARGETS.confidentWrong)}`,
    pass: d.confidentWrong <= PEOPLE_TARGETS.confidentWrong,
  });
  notes.push(
    'Lay queries answered wrong (a card for the wrong occupation, or the right one not among the first three):',
  );
  for (const [set, list] of [
    ['', judged],
    ['second set, ', second],
    ['work described, ', described],
  ] as const)
    for (const j of list.filter((x) => x.outcome === 'confident-wrong' || !x.top3))
      notes.push(
        `  [${set}${j.half}] ${j.outcome}: "${j.query}" (expected ${j.expected.join(' or ')}) -> ${j.answered}`,
      );
  return rows;
}

/** Likelihood thresholds for the trade-off row. */
const TRADE_OFF_THRESHOLDS = [0.5, 0.8, 0.9, 0.95, 0.99];

/** Of the cards given, the share right, against the aim that a card is right at least 99 % of the time. */
function cardsRightRow(what: string, judged: Judged[]): BenchRow {
  const c = cardPrecision(judged);
  return {
    group: 'people',
    metric: `${what}: cards that are right`,
    value: `${pct(c.share)} (${c.right} of ${c.cards})`,
    target: `≥ ${pct(PEOPLE_TARGETS.cardsRight)}`,
    pass: c.share >= PEOPLE_TARGETS.cardsRight,
  };
}

function describeOf(judged: Judged[], h: HeldOut): string {
  return judged.find((j) => j.query === h.title)?.answered ?? '';
}

/** Whether any other name of the held-out title's occupations has one of its words. */
function sharesAWord(engine: Engine, h: HeldOut): boolean {
  const data = engine.nameIndexData();
  const wanted = new Set(nameKeys(h.title).flat());
  const targets = new Set(h.socs.map((soc) => data.targets.indexOf(soc)));
  for (const word of wanted) {
    const t = data.terms.indexOf(word);
    if (t < 0) continue;
    for (let p = data.postingStart[t] ?? 0; p < (data.postingStart[t + 1] ?? 0); p++) {
      const k = data.postings[p] ?? 0;
      for (let i = data.entryStart[k] ?? 0; i < (data.entryStart[k + 1] ?? 0); i++)
        if (targets.has(data.entryTarget[i] ?? -1)) return true;
    }
  }
  return false;
}

/** Fuse.js, a fuzzy matcher that scans every name, on the same names and a sample of the lay queries. */
function fuseRows(catalog: Catalog, engine: Engine, lay: LayQuery[]): BenchRow[] {
  const group = 'engine vs Fuse.js';
  const docs = datasetNames(catalog.datasets).map((n) => ({ title: n.title, soc: n.target }));
  for (const role of catalog.roles.values())
    if (role.curated) for (const title of [role.title, ...role.aliases]) docs.push({ title, soc: role.soc ?? '' });
  const f0 = performance.now();
  const fuse = new Fuse(docs, { keys: ['title'], includeScore: true, ignoreLocation: true, threshold: 0.4 });
  const fuseIndexMs = performance.now() - f0;
  const sample = lay.filter((q) => !q.expected.includes('none') && !q.expected[0]?.startsWith('faq:')).slice(0, 40);
  let fuseRight = 0;
  let engineRight = 0;
  const fuseTimes: number[] = [];
  const engineTimes: number[] = [];
  for (const q of sample) {
    let s = performance.now();
    const hit = fuse.search(q.query, { limit: 1 })[0];
    fuseTimes.push(performance.now() - s);
    if (hit && judge(q.query, q.expected, fakeRole(hit.item.soc)).top1) fuseRight++;
    s = performance.now();
    const answer = engine.ask(q.query);
    engineTimes.push(performance.now() - s);
    if (judge(q.query, q.expected, answer).top1) engineRight++;
  }
  return [
    { group, metric: `names indexed`, value: `${docs.length.toLocaleString('en-US')} (Fuse index ${ms(fuseIndexMs)})` },
    {
      group,
      metric: `top-1 on ${sample.length} lay queries`,
      value: `engine ${pct(engineRight / sample.length)} · Fuse ${pct(fuseRight / sample.length)}`,
    },
    {
      group,
      metric: 'mean time per query (warm)',
      value: `engine ${ms(mean(engineTimes), 3)} · Fuse ${ms(mean(fuseTimes), 1)}`,
    },
  ];
}

/** Fuse's best name as an answer, for judging it like the engine's. */
function fakeRole(soc: string): AskAnswer {
  return {
    kind: 'ambiguous',
    query: '',
    reason: 'unsure',
    qualifiers: [],
    candidates: [{ id: soc, title: soc, soc, confidence: 1 }],
  };
}

/** ../shared/datasets beside the project, when AIRISK_DATA_DIR is unset, none was fetched, and it exists. */
function sharedDataDir(): string | null {
  const dir = resolve(projectRoot, '../shared/datasets');
  return existsSync(dir) ? dir : null;
}

function timeAll(engine: Engine, queries: Query[]): { times: number[] } {
  const times: number[] = [];
  for (const q of queries) {
    const s = performance.now();
    engine.ask(q.text);
    times.push(performance.now() - s);
  }
  return { times };
}

// Query generation ------------------------------------------------------------------------------------

const SENTENCES = [
  (t: string) => `will AI replace my job as a ${t}?`,
  (t: string) => `I'm a ${t}, should I worry about AI`,
  (t: string) => `is ${t} a safe career with chatgpt around?`,
  (t: string) => `what happens to ${t} when AI takes over`,
  (t: string) => `${t} future`,
];

/** Deterministic queries from the catalog: every title, then typos, sentences, acronyms, SOC codes and nonsense. */
export function generateQueries(catalog: Catalog, seed = 20_240_601): Query[] {
  const random = mulberry32(seed);
  const roles = [...catalog.roles.values()];
  const seen = new Map<string, number>();
  for (const r of roles) seen.set(r.title.toLowerCase(), (seen.get(r.title.toLowerCase()) ?? 0) + 1);
  // A title two roles share has no single right answer.
  const titled = roles.filter((r) => seen.get(r.title.toLowerCase()) === 1);
  const queries: Query[] = titled.map((r) => ({ text: r.title, kind: 'title', expected: r.id }));

  const sample = (n: number) =>
    Array.from(
      { length: Math.min(n, titled.length) },
      () => titled[Math.floor(random() * titled.length)] as (typeof titled)[number],
    );
  for (const r of sample(400)) {
    const typo = misspell(r.title, random);
    if (typo !== r.title) queries.push({ text: typo, kind: 'typo', expected: r.id });
  }
  for (const r of sample(300)) {
    const template = SENTENCES[Math.floor(random() * SENTENCES.length)] as (t: string) => string;
    const name =
      r.aliases.length && random() < 0.3 ? (r.aliases[Math.floor(random() * r.aliases.length)] as string) : r.title;
    queries.push({ text: template(name.toLowerCase()), kind: 'sentence', expected: r.id });
  }
  for (const r of roles) for (const a of r.acronyms) queries.push({ text: a, kind: 'acronym', expected: r.id });
  for (const [soc, role] of [...catalog.bySoc.entries()].filter((_, i) => i % 10 === 0))
    queries.push({ text: soc, kind: 'soc', expected: role.id });
  for (let i = 0; i < 100; i++) queries.push({ text: nonsense(random), kind: 'nonsense', expected: null });
  return queries;
}

const KEYBOARD_NEIGHBOURS: Record<string, string> = {
  a: 'sq',
  b: 'vn',
  c: 'xv',
  d: 'sf',
  e: 'wr',
  f: 'dg',
  g: 'fh',
  h: 'gj',
  i: 'uo',
  j: 'hk',
  k: 'jl',
  l: 'k',
  m: 'n',
  n: 'bm',
  o: 'ip',
  p: 'o',
  q: 'w',
  r: 'et',
  s: 'ad',
  t: 'ry',
  u: 'yi',
  v: 'cb',
  w: 'qe',
  x: 'zc',
  y: 'tu',
  z: 'x',
};

/** One typo in the longest word: a swap, a dropped, doubled or neighbouring-key letter, never the first letter. */
export function misspell(title: string, random: () => number): string {
  const words = title.split(' ');
  let w = 0;
  words.forEach((word, i) => {
    if (word.length > (words[w] as string).length) w = i;
  });
  const word = words[w] as string;
  if (word.length < 5) return title;
  const at = 1 + Math.floor(random() * (word.length - 2));
  const c = word[at] as string;
  const op = Math.floor(random() * 4);
  let changed: string;
  if (op === 0) changed = word.slice(0, at) + (word[at + 1] ?? '') + c + word.slice(at + 2);
  else if (op === 1) changed = word.slice(0, at) + word.slice(at + 1);
  else if (op === 2) changed = word.slice(0, at) + c + word.slice(at);
  else {
    const options = KEYBOARD_NEIGHBOURS[c.toLowerCase()] ?? c;
    changed = word.slice(0, at) + (options[Math.floor(random() * options.length)] as string) + word.slice(at + 1);
  }
  words[w] = changed;
  return words.join(' ');
}

function nonsense(random: () => number): string {
  const letters = 'bcdfghjklmnpqrstvwxz';
  const vowels = 'aeiouy';
  const word = () =>
    Array.from(
      { length: 3 + Math.floor(random() * 5) },
      (_, i) => (i % 2 ? vowels : letters)[Math.floor(random() * (i % 2 ? vowels.length : letters.length))],
    ).join('');
  return Array.from({ length: 1 + Math.floor(random() * 3) }, word).join(' ');
}

// Fresh process ---------------------------------------------------------------------------------------

/** Boots the engine in a new Node process (from the built dist/), asks every query once, and reports when it was ready and its RSS. */
function freshProcess(
  knowledgeDir: string,
  dataDir: string | null,
  asks: string[],
  extraEnv: NodeJS.ProcessEnv = {},
): { readyMs: number; rssMb: number; cache: string } | null {
  const boot = new URL('../app/boot.js', import.meta.url);
  if (!existsSync(fileURLToPath(boot))) return null; // running from sources (e.g. under vitest): no built entry point
  const script = `
    const { bootEngine } = await import(${JSON.stringify(boot.href)});
    const { engine, cache } = bootEngine(process.env, ${JSON.stringify(knowledgeDir)});
    const readyMs = performance.now();
    const chunks = [];
    for await (const chunk of process.stdin) chunks.push(chunk);
    for (const q of JSON.parse(Buffer.concat(chunks).toString('utf8'))) engine.ask(q);
    console.log(JSON.stringify({ readyMs, rssMb: process.memoryUsage().rss / 2 ** 20, cache: cache.status }));`;
  const env = { ...process.env, ...extraEnv };
  if (dataDir) env.AIRISK_DATA_DIR = dataDir;
  else delete env.AIRISK_DATA_DIR;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    env,
    encoding: 'utf8',
    input: JSON.stringify(asks),
  });
  if (child.status !== 0)
    throw new Error(`fresh-process start-up failed: ${child.stderr.trim().split('\n').slice(-3).join(' ')}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as {
    readyMs: number;
    rssMb: number;
    cache: string;
  };
}

// Formatting ------------------------------------------------------------------------------------------

const ms = (value: number, digits = 0) => `${value.toFixed(digits)} ms`;
const pct = (share: number) => `${(share * 100).toFixed(1)}%`;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / (xs.length || 1);

/** "title 0.01 ms, typo 2.1 ms, …": where the slow answers come from. */
function byKind(queries: Query[], times: number[]): string {
  const kinds = [...new Set(queries.map((q) => q.kind))];
  return kinds
    .map(
      (kind) =>
        `${kind} ${ms(
          percentileOf(
            times.filter((_, i) => queries[i]?.kind === kind),
            99,
          ),
          2,
        )}`,
    )
    .join(', ');
}

function countBy(queries: Query[]): string {
  const counts = new Map<string, number>();
  for (const q of queries) counts.set(q.kind, (counts.get(q.kind) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${n} ${k}`).join(', ');
}
