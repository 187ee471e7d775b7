// Finds the occupation (or FAQ) a person means. Order: SOC code; the whole text as a known name; the same with
// qualifiers ("senior", "part-time") set aside; a known name inside a sentence (unless an FAQ answers the whole
// question better); then a search of every name with typo tolerance, and of task statements when no name fits.
// Names are curated roles' titles and aliases, curated synonyms, SOC titles and O*NET 30.1's occupation,
// alternate, short and reported titles. When a name fits several occupations, BLS employment and how widely
// O*NET attests the title decide whether one dominates (see PRIOR); otherwise the person chooses.
import damerauLevenshtein from 'damerau-levenshtein';
import MiniSearch from 'minisearch';
import type { MatchInfo, MatchSource } from '../answers/types.js';
import type { Catalog, CatalogRole } from '../catalog/catalog.js';
import type { Datasets } from '../catalog/datasets/types.js';
import {
  NameIndex,
  buildNameIndexData,
  type KeyHit,
  type NameEntry,
  type NameIndexData,
  type NameInput,
  type QueryTerm,
  type TextInput,
  MATCH_WEIGHTS,
} from './names.js';
import { leadingQualifier, setAsideQualifiers } from './qualifiers.js';
import { SEARCH_TEXT, TaskIndex, type TaskDoc } from './tasks.js';
import {
  ABBREVIATIONS,
  GENERIC_RISK_WORDS,
  GENERIC_TITLE_WORDS,
  IRREGULAR_AGENTS,
  MAX_INPUT_CHARS,
  OBJECT_ENDS,
  PERSON_WORDS,
  agentNounsOf,
  NOT_A_JOB,
  SHORT_FORMS,
  STOP_WORDS,
  TITLE_CONNECTORS,
  phraseKey,
  plainWords,
  singular,
  words,
} from './text.js';

export type AmbiguityReason = 'several' | 'typo' | 'generic' | 'unsure';

export type Resolution =
  | { kind: 'role'; roleId: string; match: MatchInfo; alternatives: string[] }
  | { kind: 'faq'; faqId: string; confidence: number; roleIds: string[] }
  | {
      kind: 'ambiguous';
      reason: AmbiguityReason;
      candidates: { roleId: string; confidence: number }[];
      qualifiers: string[];
    }
  | { kind: 'not_found'; reason: 'empty' | 'no_match' | 'no_job'; suggestions: string[] }
  | { kind: 'help' };

/** Tuning, in one place. */
export const RESOLVE = {
  /** A search whose best name scores below this (0–1, see SCORE_SHAPE in names.ts) finds nothing. */
  candidate: 0.3,
  /** Each further name of the same occupation that matches adds this share of its score (up to `maxExtraNames`). */
  extraNameCredit: 0.05,
  maxExtraNames: 3,
  /** Weight of how much of the query an occupation's names cover together (each word by any of its names). */
  allNamesWeight: 0.3,
  maxCandidates: 5,
  maxAlternatives: 3,
  /** A search that asks offers its best this many, and more (up to maxCandidates) at least `candidateShare` as
   *  likely as the first. */
  minCandidates: 3,
  candidateShare: 0.05,
  /** How many occupations the evidence model adds to those whose names matched. */
  evidenceCandidates: 10,
  /** An occupation a title also names is shown as "Also" when its prior weight is at least this share of the winner's. */
  alternativeShare: 0.1,
  /** Longest name (in words) looked for inside a sentence. */
  maxNameWords: 8,
  /** Search reads at most this many content words of a long message. */
  maxSearchWords: 12,
  /** A word no name contains counts this share of the rarest word's weight (a company or a town, often). */
  unknownWordWeight: 0.5,
  /** A generic title word ("worker", "manager") counts at least this share of the rarest word's weight. */
  genericWordWeight: 0.4,
  /** Task statements: roles found only there are candidates, never answered without asking. */
  maxTaskHits: 50,
  taskOnlyConfidence: 0.6,
  faqMinScore: 2,
  /** "shift manager at a restaurant": how much more (log-likelihood ratio, nats) the place's words must speak for
   *  another occupation the name has than for the one it decides before that one is offered first. */
  placeMargin: 3,
} as const;

/**
 * The prior for one title that names several occupations. Each candidate weighs
 *   workers × attestation.
 * workers: how many people hold the occupation: the BLS Handbook's 2024 jobs where it has the occupation's own
 * page (self-employed included), else BLS OEWS May 2021 employment (its broad group's, shared evenly, where
 * OEWS publishes only the group), at least `minWorkers`. An O*NET title belongs to one O*NET-SOC occupation,
 * so for O*NET titles this is shared evenly among the SOC's O*NET-SOC occupations (Physicians, All Other has
 * six, and "doctor" is not a sixth of it each).
 * attestation: how many of O*NET's ten title sources list the title for the occupation (Alternate Titles'
 * Source(s)), plus `reported` when incumbents reported it too; `ownTitle` when it is the occupation's own SOC
 * or O*NET occupation title, a curated name or a synonym. At most `ownTitle`.
 * The heaviest candidate dominates when it weighs at least `ratio` times the next one and at least `share` of
 * all candidates together, and either O*NET attests the title for it more often than for the next one or it
 * weighs `employmentOnlyRatio` times as much (employment alone is weaker evidence than O*NET's sources); then
 * it answers, and the others are shown as "Also: …". Otherwise the person chooses.
 */
export const PRIOR = {
  ratio: 3,
  share: 0.5,
  employmentOnlyRatio: 10,
  ownTitle: 10,
  reported: 1,
  minWorkers: 1000,
} as const;

const SOC_PATTERN = /\b(\d{2})-?(\d{4})(?:\.\d{2})?\b/;
const HELP_WORDS = new Set(['help', 'usage', 'commands', '?', 'start', 'menu']);
/** Target prefix of names that belong to a curated role rather than to a SOC code. */
const ROLE_TARGET = 'role:';

export interface ResolverOptions {
  /** The datasets' name index, as a start-up cache stored it; built from the catalog when absent. */
  names?: NameIndexData;
  /** Normalized names to leave out of the datasets' index (the benchmark holds titles out this way). */
  excludeNames?: ReadonlySet<string>;
}

/** The datasets' names: every occupation's SOC title (and its head, "Dispatchers" of "Dispatchers, Except
 *  Police, Fire, and Ambulance", unless the SOC is a residual "All Other"), its O*NET occupation titles, and
 *  O*NET's job titles. */
export function datasetNames(datasets: Datasets): NameInput[] {
  const names: NameInput[] = [];
  for (const data of datasets.occupations.values()) {
    names.push({ title: data.title, target: data.soc, source: 'catalog' });
    const head = data.title.split(',')[0] ?? '';
    if (head !== data.title && !RESIDUAL.test(data.title))
      names.push({ title: head, target: data.soc, source: 'catalog' });
    for (const listed of listedNames(data.title)) names.push({ title: listed, target: data.soc, source: 'catalog' });
    for (const o of data.onet)
      names.push({ title: o.title, target: data.soc, source: 'onet-occupation', onet: o.code });
  }
  for (const t of datasets.titles) {
    names.push({
      title: t.title,
      target: t.soc,
      source: t.source,
      sources: t.sources,
      onet: t.code,
      ...(t.of ? { of: t.of } : {}),
      ...(t.short ? { short: t.short } : {}),
    });
  }
  return names;
}

/**
 * The other jobs a SOC title lists beside its first: "Ranchers" of "Farmers, Ranchers, and Other Agricultural
 * Managers", "Blockmasons" of "Brickmasons and Blockmasons", "Paralegals" of "Paralegals and Legal Assistants".
 * Only where the title opens with one plural noun, and each item listed ends with one, so that modifiers
 * ("Crushing, Grinding, and Polishing Machine Setters") and qualifiers ("Painters, Construction and
 * Maintenance") are not read as names; never "Other …" or "Except …", nor a residual "All Other" SOC.
 */
export function listedNames(title: string): string[] {
  if (RESIDUAL.test(title)) return [];
  const isPlural = (word: string | undefined) =>
    !!word && /^[a-z]+$/i.test(word) && singular(word.toLowerCase()) !== word.toLowerCase();
  // A generic word alone ("Laborers" of "Farmworkers and Laborers") names no job of its own.
  const endsPlural = (phrase: string) =>
    isPlural(phrase.trim().split(/\s+/).at(-1)) && !GENERIC_TITLE_WORDS.has(singular(phrase.trim().toLowerCase()));
  const [head = '', ...rest] = title.split(/,\s*/);
  const [first = '', ...paired] = head.split(' and ');
  if (first.includes(' ') || !isPlural(first)) return [];
  const out: string[] = [];
  // "Brickmasons and Blockmasons": the head's own pair.
  if (paired.length === 1 && endsPlural(paired[0] ?? '')) out.push((paired[0] ?? '').trim());
  // "Farmers, Ranchers, and …": the items after the head, up to the one after "and".
  if (paired.length === 0)
    for (const segment of rest) {
      const item = segment.replace(/^and\s+/, '');
      if (/^(other|except|including)\b|\ball other\b/i.test(item) || !endsPlural(item)) break;
      out.push(item.trim());
      if (item !== segment) break;
    }
  return out;
}

/** What each occupation does, in O*NET's words: evidence for the search below its names. */
export function datasetTexts(datasets: Datasets): TextInput[] {
  return datasets.titles.flatMap((t) => (t.description ? [{ target: t.soc, text: t.description }] : []));
}

/** Builds the datasets' name index (what a start-up cache stores). */
export function buildDatasetNameIndex(datasets: Datasets, exclude?: ReadonlySet<string>): NameIndexData {
  return buildNameIndexData(datasetNames(datasets), exclude, datasetTexts(datasets));
}

interface Found {
  role: CatalogRole;
  entry: NameEntry;
  /** Prior weight (workers × attestation), and the attestation alone. */
  weight: number;
  attestation: number;
}

interface Scored {
  role: CatalogRole;
  score: number;
  entry: NameEntry;
  hit: KeyHit;
  names: number;
}

/** An occupation the search ranks: its best name's score and `total` with further names, `fused` with the
 *  evidence model and employment, and `likelihood`, its share of all (softmax of `fused`). */
export interface Ranked extends Scored {
  total: number;
  fused: number;
  likelihood: number;
}

/** A role to rank, with its best name so far; `total`, `fused` and `likelihood` are set by the ranking. */
const ranked = (role: CatalogRole, score: number, entry: NameEntry, hit: KeyHit, names: number): Ranked => ({
  role,
  score,
  entry,
  hit,
  names,
  total: 0,
  fused: 0,
  likelihood: 0,
});

/** Sources of a name that is an occupation's own: its SOC or O*NET occupation title, a curated role's name,
 *  a synonym from knowledge/. */
const OWN_TITLE: ReadonlySet<NameEntry['source']> = new Set(['catalog', 'onet-occupation', 'synonym']);

/** A residual SOC ("Healthcare Practitioners and Technical Workers, All Other"). */
const RESIDUAL = /,\s*all other$/i;

/** A role found by the evidence model alone: no name of it matched. */
const NO_HIT: KeyHit = { key: -1, score: 0, queryCoverage: 0, nameCoverage: 0, inexact: false, genericOnly: false };

/**
 * How the search ranks: fused = evidence (names.ts, EVIDENCE) + `names` × the best name's score (with credit
 * for further names) + `workers` × ln(workers); likelihood = softmax(fused / `temperature`) over the
 * occupations ranked. Tuned on O*NET titles held out with other seeds than the benchmark's and on the lay
 * queries' tuning half (README, "Finding the occupation").
 */
export const FUSE = {
  names: 4,
  workers: 0.3,
  temperature: 1,
} as const;

/** Words a person puts before a title when naming it in a sentence or a list. */
const LEAD_INS = new Set(
  (
    'a an the and or for about my our your as any some ' +
    // "I'm a …", "I am a …", "I work as a …", "I've been a …", "currently a …"
    'i im am work working been was currently now'
  ).split(' '),
);

/** Words for the people someone manages, not their job ("a team of cashiers"). */
const GROUP_WORDS = new Set(['team', 'group', 'crew', 'staff', 'people', 'department', 'bunch', 'few']);
/** Words after which a title says where or for whom the job is done ("at a supermarket", "for the council"). */
const PLACE_WORDS = new Set(['at', 'in', 'for']);
/** Words after "in" or "for" that make a rank or a state, not a place ("Specialist-in-Charge", "in training"). */
const NOT_A_PLACE = new Set(['charge', 'training']);
/** Words that end a place and start a question ("… at a bank, will AI replace me?"). */
const SENTENCE_WORDS = new Set([
  'will',
  'would',
  'should',
  'can',
  'could',
  'is',
  'am',
  'are',
  'do',
  'does',
  'i',
  'me',
  'my',
]);

export class Resolver {
  /** The datasets' names (tens of thousands; cached between starts). */
  private readonly datasetIndex: NameIndex;
  /** Curated roles' names and synonyms (a few hundred; built on every start, scored with the datasets' idf). */
  private readonly knowledgeIndex: NameIndex;
  private readonly spellings: ReadonlyMap<string, string>;
  /** How many O*NET-SOC occupations each SOC folds (an O*NET title belongs to one of them). */
  private readonly onetOccupations: Map<string, number>;
  private readonly faqPhrases = new Map<string, string>();
  /** Task statements: a large vocabulary, searched without fuzzing to stay fast. */
  private taskIndex: TaskIndex | undefined;
  /** Roles with task statements, in index order: their text is joined only while it is indexed, so that ~2 MB
   *  of joined statements are not kept beside the catalog's own. */
  private readonly taskRoles: CatalogRole[];
  /** The warm-up's partly built task index. */
  private taskIndexInProgress: TaskIndex | undefined;
  private readonly faqSearch: MiniSearch<{ id: string; text: string }>;

  constructor(
    private readonly catalog: Catalog,
    options: ResolverOptions = {},
  ) {
    this.spellings = catalog.knowledge.synonyms ? catalog.knowledge.spellings : new Map();
    this.datasetIndex = new NameIndex(options.names ?? buildDatasetNameIndex(catalog.datasets, options.excludeNames));
    this.onetOccupations = this.datasetIndex.countBySource(['onet-occupation']);
    const knowledgeNames: NameInput[] = [];
    const taskRoles: CatalogRole[] = [];
    for (const role of catalog.roles.values()) {
      if (role.curated) {
        const target = `${ROLE_TARGET}${role.id}`;
        for (const title of [role.title, role.id.replace(/-/g, ' '), ...role.aliases, ...role.acronyms])
          knowledgeNames.push({ title: this.respell(title), target, source: 'catalog' });
      }
      if (taskText(role)) taskRoles.push(role);
    }
    for (const s of catalog.knowledge.synonyms ?? [])
      if (catalog.bySoc.has(s.soc))
        knowledgeNames.push({ title: this.respell(s.title), target: s.soc, source: 'synonym' });
    this.knowledgeIndex = new NameIndex(buildNameIndexData(knowledgeNames), this.datasetIndex);

    // Indexing ~19,000 task statements is most of the index time; it is built on first need or by the warm-up
    // after the server is listening, since names answer most questions without it.
    this.taskRoles = taskRoles;

    this.faqSearch = new MiniSearch({ fields: ['text'], ...SEARCH_TEXT });
    for (const faq of catalog.knowledge.faqs.values()) {
      for (const q of [faq.question, ...faq.alsoAsked]) this.faqPhrases.set(phraseKey(q), faq.id);
      this.faqSearch.add({ id: faq.id, text: [faq.question, ...faq.alsoAsked].join('\n') });
    }
  }

  /** The SOC codes O*NET gives titles for (a card that shows them names O*NET among its sources). */
  onetSocs(): Set<string> {
    return new Set(
      this.datasetIndex.countBySource(['onet-occupation', 'onet-alternate', 'onet-short', 'onet-reported']).keys(),
    );
  }

  /** The datasets' name index as plain data, for a start-up cache. */
  nameIndexData(): NameIndexData {
    return this.datasetIndex.data;
  }

  /** The title with spellings used outside the US changed to O*NET's; as written when none changes. */
  private respell(title: string): string {
    const list = words(title);
    return list.some((w) => this.spellings.has(w)) ? list.map((w) => this.spellings.get(w) ?? w).join(' ') : title;
  }

  private taskSearch(): TaskIndex {
    if (!this.taskIndex) {
      // Finish the warm-up's index if one is under way, rather than starting again.
      const index = this.taskIndexInProgress ?? new TaskIndex(SEARCH_TEXT);
      index.add(this.taskDocs(index.size, this.taskRoles.length));
      this.taskIndex = index.finish();
      this.taskIndexInProgress = undefined;
    }
    return this.taskIndex;
  }

  /** The task index's documents for roles `from` to `to` (exclusive). */
  private taskDocs(from: number, to: number): TaskDoc[] {
    return this.taskRoles.slice(from, to).map((role) => ({ id: role.id, text: taskText(role) }));
  }

  /** Builds the typo look-up and the task index in slices of `perStep` roles, one per iteration, so a server
   *  can answer between them; a question that needs the index sooner completes it at once. */
  *warmUpSteps(perStep = 8): Generator<void> {
    this.datasetIndex.prepareFuzzy();
    yield;
    this.knowledgeIndex.prepareFuzzy();
    if (this.taskIndex || this.taskIndexInProgress) return;
    const building = new TaskIndex(SEARCH_TEXT);
    this.taskIndexInProgress = building;
    while (!this.taskIndex && building.size < this.taskRoles.length) {
      building.add(this.taskDocs(building.size, Math.min(this.taskRoles.length, building.size + perStep)));
      yield;
    }
    if (!this.taskIndex) this.taskSearch();
  }

  resolve(input: string): Resolution {
    const text = input.slice(0, MAX_INPUT_CHARS);
    const plain = words(text);
    const typed = plain.map((w) => this.spellings.get(w) ?? PERSON_WORDS.get(w) ?? w);
    const all = typed.flatMap((w) => this.splitCompound(w));
    // O*NET writes some titles both ways ("Loan Adviser", "Loan Advisor"): a name as typed counts too.
    const asTyped = plain.some((w, i) => w !== typed[i]) && all.length === plain.length ? plain : undefined;
    let found = this.resolveWords(text, all, asTyped);
    // "I cut hair", "I drive a bus": what the person does, where no name decided.
    if (found.kind === 'ambiguous' || (found.kind === 'not_found' && found.reason === 'no_match')) {
      const described = this.describedWork(all);
      if (described.length)
        found = {
          kind: 'ambiguous',
          reason: 'unsure',
          candidates: [...described, ...(found.kind === 'ambiguous' ? found.candidates : [])]
            .filter((c, i, list) => list.findIndex((x) => x.roleId === c.roleId) === i)
            .slice(0, RESOLVE.maxCandidates),
          qualifiers: found.kind === 'ambiguous' ? found.qualifiers : [],
        };
    }
    // A word read as two ("harnessmaker" as "harness maker") is a guess at what was meant, like a typo: O*NET
    // itself files "Harnessmaker" and "Harness Maker" under different occupations.
    if (all.length !== typed.length && found.kind === 'role' && found.match.how !== 'soc')
      return {
        kind: 'ambiguous',
        reason: 'typo',
        candidates: [found.roleId, ...found.alternatives].map((roleId, i) => ({ roleId, confidence: i ? 0.1 : 0.9 })),
        qualifiers: found.match.qualifiers,
      };
    return found;
  }

  /**
   * A person describing the work instead of naming it ("I cut hair", "I drive a bus", "I clean offices", "I look
   * after elderly people"): the verb's agent noun after what it acts on is read as a title ("hair cutter", "bus
   * driver", "office cleaner"), else where it is done ("I cook in a restaurant": restaurant cook), else alone.
   * Each such title is looked up as a name, or searched (at most twice). Only ever offered as choices, best first.
   */
  private describedWork(all: string[]): { roleId: string; confidence: number }[] {
    if (all[0] !== 'i' || all.length < 3) return [];
    const isWord = (w: string) => this.datasetIndex.hasTerm(w) || this.knowledgeIndex.hasTerm(w);
    let at = 0;
    let agents: string[] = [];
    // The verb: a phrasal one first ("take care of", "look after"), else one word.
    for (const size of [3, 2, 1]) {
      const verb = all.slice(1, 1 + size).join(' ');
      const nouns = size > 1 ? [...(IRREGULAR_AGENTS.get(verb) ?? [])] : agentNounsOf(verb);
      agents = nouns.filter((n) => n.split(' ').every(isWord));
      if (agents.length) {
        at = 1 + size;
        break;
      }
    }
    if (agents.length === 0) return [];
    // "I cut and style hair": the second verb shares the first one's object.
    if (all[at] === 'and' && all.length > at + 2) at += 2;
    const object: string[] = [];
    let place: string | undefined;
    for (let i = at; i < all.length; i++) {
      const w = all[i] ?? '';
      if (OBJECT_ENDS.has(w)) {
        place = all.slice(i + 1).find((x) => !STOP_WORDS.has(x) && !GENERIC_RISK_WORDS.has(x) && isWord(x));
        break;
      }
      if (!STOP_WORDS.has(w) && !GENERIC_RISK_WORDS.has(w)) object.push(w);
    }
    const phrases: string[][] = [];
    for (const agent of agents) {
      const noun = agent.split(' ');
      if (object.length) phrases.push([...object.slice(-2), ...noun]);
      if (object.length > 1) phrases.push([...object.slice(-1), ...noun]);
      if (place) phrases.push([place, ...noun]);
    }
    // The agent alone ("cutter") says little once there is an object or a place ("hair cutter").
    if (!object.length && !place) for (const agent of agents) phrases.push(agent.split(' '));
    const out: { roleId: string; confidence: number }[] = [];
    const add = (found: readonly { roleId: string; confidence: number }[]) => {
      for (const c of found) if (!out.some((o) => o.roleId === c.roleId)) out.push(c);
    };
    // "I manage a team of cashiers": the first-line supervisors of the group the people managed belong to.
    if (agents.some((a) => a === 'manager' || a === 'supervisor')) add(this.supervisorsOf(object));
    // Names first.
    const unnamed: string[][] = [];
    for (const phrase of phrases) {
      const named = this.exactName(phrase);
      if (!named) {
        unnamed.push(phrase);
        continue;
      }
      const decided = this.decideName(named, []);
      if (decided.kind === 'role')
        add([decided.roleId, ...decided.alternatives].map((roleId, i) => ({ roleId, confidence: i ? 0.1 : 0.6 })));
      else if (decided.kind === 'ambiguous') add(decided.candidates);
    }
    const searched = unnamed
      .filter((p) => p.length > 1)
      .slice(0, 2)
      .map((phrase) => this.search(phrase, [], false))
      .map((r) => (r.kind === 'ambiguous' ? r.candidates : []));
    // Then task statements that have every word of what is done ("cut hair": hairdressers and barbers alike,
    // "fly planes"), then the searches' best two (tried the other way round: 64 % right first, not 70 %).
    const done = [...all.slice(1, at).filter((w) => w !== 'and'), ...object];
    if (out.length < RESOLVE.minCandidates && object.length) {
      const hits = this.taskSearch().search(done.join(' ')).slice(0, 2);
      add(
        hits
          .filter((h) => done.every((w) => h.queryTerms.includes(w)))
          .map((h) => ({ roleId: String(h.id), confidence: RESOLVE.taskOnlyConfidence / 2 })),
      );
    }
    for (const c of searched) add(c.slice(0, 2));
    return out.slice(0, RESOLVE.minCandidates);
  }

  /** The first-line supervisors of the occupation the words name ("cashiers": First-Line Supervisors of Retail
   *  Sales Workers), in its SOC major group, the most likely by the words first; none when the words name none. */
  private supervisorsOf(words: string[]): { roleId: string; confidence: number }[] {
    const managed = words.filter((w) => !GROUP_WORDS.has(w));
    const named = managed.length ? this.exactName(managed) : null;
    const soc = named?.found[0]?.role.soc;
    if (!soc) return [];
    const supervisors = [...this.catalog.bySoc.values()].filter(
      (r) => r.soc?.startsWith(`${soc.slice(0, 2)}-1`) && /\bSupervisors\b/.test(r.title),
    );
    const evidence = this.datasetIndex.evidence(this.queryTerms(managed));
    const score = (r: CatalogRole) => evidence?.[this.datasetIndex.targetIndex(r.soc ?? '') ?? -1] ?? -Infinity;
    return supervisors
      .sort((a, b) => score(b) - score(a))
      .slice(0, 2)
      .map((r) => ({ roleId: r.id, confidence: RESOLVE.taskOnlyConfidence / 2 }));
  }

  /** A name followed by where or for whom (`place`, from its preposition on), as `resolveWords` reads it; null
   *  when the words before are not a name that decides. */
  private nameWithPlace(head: string[], place: string[]): Resolution | null {
    const { core, qualifiers } = setAsideQualifiers(head);
    const whole = this.exactName(head);
    const named = whole ?? (qualifiers.length && core.length ? this.exactName(core) : null);
    if (!named) return null;
    const setAside = merge(whole ? [] : qualifiers, qualifiersOfName(named.words));
    const decided = this.decideName(named, setAside);
    if (decided.kind !== 'role') return null;
    const end = place.findIndex((w, i) => i > 0 && (GENERIC_RISK_WORDS.has(w) || SENTENCE_WORDS.has(w)));
    const where = place.slice(0, end < 0 ? Math.min(place.length, 6) : Math.min(end, 6));
    // Which of the name's occupations the place's words speak for most (O*NET's names and descriptions).
    const content = where.slice(1).filter((w) => !STOP_WORDS.has(w));
    // An employer's name ("at mcdonalds") may tell the job, and is a word no title has: the person chooses.
    if (content.some((w) => !this.datasetIndex.hasTerm(w) && !this.datasetIndex.hasTextTerm(w))) return null;
    const known = content.filter((w) => this.datasetIndex.hasTerm(w));
    const evidence = known.length ? this.datasetIndex.evidence(this.queryTerms(known)) : null;
    const score = (f: Found) => {
      const t = f.role.soc ? this.datasetIndex.targetIndex(f.role.soc) : undefined;
      return evidence && t !== undefined ? (evidence[t] ?? -Infinity) : -Infinity;
    };
    const best = evidence ? [...named.found].sort((a, b) => score(b) - score(a))[0] : undefined;
    // Speaks for: words the occupation's names or description use (a positive log-likelihood ratio), by a clear
    // margin over the one the name decided ("server at a restaurant" stays a waiter: fast food workers' names
    // have "restaurant" a little more often).
    const decidedScore = Math.max(0, ...named.found.filter((f) => f.role.id === decided.roleId).map(score));
    if (best && best.role.id !== decided.roleId && score(best) > decidedScore + RESOLVE.placeMargin) {
      return {
        kind: 'ambiguous',
        reason: 'several',
        candidates: choicesOf([best, ...named.found.filter((f) => f !== best)]),
        qualifiers: setAside,
      };
    }
    return { ...decided, match: { ...decided.match, qualifiers: merge(decided.match.qualifiers, [where.join(' ')]) } };
  }

  /** The words as a whole name ("Senior Software Engineer" may be one), else without their qualifiers; null when
   *  neither is a name. */
  private exactResolution(all: string[], asTyped?: string[]): Resolution | null {
    const whole = this.exactName(all, asTyped);
    if (whole) return this.decideName(whole, qualifiersOfName(whole.words));
    const { core, qualifiers, removed } = setAsideQualifiers(all);
    // A qualifier that begins a name of its own is part of the job ("head cook" of "School Cafeteria Head Cook").
    const partOfName = [...removed].some((i) => this.datasetIndex.hasKey(`${all[i]} ${all[i + 1] ?? ''}`));
    if (!qualifiers.length || !core.length || partOfName) return null;
    const bare = this.exactName(core, asTyped && setAsideQualifiers(asTyped).core);
    return bare ? this.decideName(bare, merge(qualifiersOfName(bare.words), qualifiers)) : null;
  }

  /** A name found only with two words joined ("mortar man": O*NET's "Mortarman" is an infantry title) is
   *  asked about, unless it is an occupation's own title ("fire fighter": Firefighters). */
  private decideName(
    name: { found: Found[]; words: string[]; onlyJoined: boolean },
    qualifiers: string[],
    how: 'exact' | 'sentence' = 'exact',
    matched = name.words,
  ): Resolution {
    const decided = this.decide(name.found, how, matched, qualifiers);
    const first = name.found[0];
    if (decided.kind !== 'role' || !name.onlyJoined || (first && OWN_TITLE.has(first.entry.source))) return decided;
    return { kind: 'ambiguous', reason: 'typo', candidates: choicesOf(name.found), qualifiers };
  }

  private resolveWords(text: string, all: string[], asTyped?: string[]): Resolution {
    if (all.length === 0) return { kind: 'not_found', reason: 'empty', suggestions: [] };
    if (all.length === 1 && HELP_WORDS.has(all[0] ?? '')) return { kind: 'help' };

    const soc = SOC_PATTERN.exec(text);
    if (soc) {
      const role = this.catalog.bySoc.get(`${soc[1]}-${soc[2]}`);
      if (role)
        return {
          kind: 'role',
          roleId: role.id,
          match: {
            how: 'soc',
            confidence: 1,
            matched: role.soc ?? '',
            title: role.soc ?? '',
            source: 'soc-code',
            qualifiers: [],
          },
          alternatives: [],
        };
    }

    const exact = this.exactResolution(all, asTyped);
    if (exact) return exact;
    // Words that lead into a title in speech ("a pharmacy technician", "and for pharmacy techs") are not part of
    // it: the rest, when it is a name, answers as that name.
    const lead = all.findIndex((w) => !LEAD_INS.has(w));
    if (lead > 0) {
      const rest = this.exactResolution(all.slice(lead), asTyped?.slice(lead));
      if (rest?.kind === 'role') return { ...rest, match: { ...rest.match, how: 'sentence' } };
    }
    // "cashier at a supermarket", "electrician for the council": a name that decides on its own, then where or
    // for whom. The place is set aside and said, unless it speaks for another occupation the name also has
    // ("shift manager at a restaurant": Food Service Managers, not retail supervisors), which is then offered
    // first. A name that does not decide ("cook at a restaurant") is searched with the place.
    const at = all.findIndex(
      (w, i) => i > Math.max(lead, 0) && PLACE_WORDS.has(w) && !NOT_A_PLACE.has(all[i + 1] ?? ''),
    );
    if (at > 0) {
      const byPlace = this.nameWithPlace(all.slice(Math.max(lead, 0), at), all.slice(at));
      if (byPlace)
        return byPlace.kind === 'role' && lead > 0
          ? { ...byPlace, match: { ...byPlace.match, how: 'sentence' } }
          : byPlace;
    }
    const exactFaq = this.faqPhrases.get(all.join(' '));
    if (exactFaq) return this.faqResolution(exactFaq, 1);
    const { core, qualifiers } = setAsideQualifiers(all);

    const acronyms = new Set((text.match(/\b[A-Z]{2,6}\b/g) ?? []).map((a) => a.toLowerCase()));
    // A name inside a sentence ("I'm a nurse, will AI replace me?") says which job; inside a bare title
    // ("butter printer") it is only part of it, and the search weighs every word instead.
    // A question, or words of a sentence ("I", "will", "should"), not words of a title: "and", "job",
    // "intelligence" and "can" are words of some O*NET titles ("Job Coach", "Can Capper"), and O*NET writes
    // titles with commas ("Logger, Driving Horses").
    const sentence =
      /[?!]/.test(text) ||
      all.some(
        (w) =>
          (STOP_WORDS.has(w) || GENERIC_RISK_WORDS.has(w)) && !TITLE_CONNECTORS.has(w) && !this.datasetIndex.hasTerm(w),
      );
    const named = sentence ? this.findNameIn(all, acronyms) : null;
    const outside = (i: number) => !(named && i >= named.start && i < named.end);
    const leftover = all.filter(
      (w, i) =>
        outside(i) && !STOP_WORDS.has(w) && !GENERIC_RISK_WORDS.has(w) && !setAsideQualifiers([w]).qualifiers.length,
    );
    // An FAQ answers a question, not a title ("Medical Coding Technician" is a job, not "will AI replace coders").
    if (sentence) {
      const faq = this.matchFaq(leftover);
      // An FAQ about other roles does not answer a question about this one.
      const faqRoles = faq ? (this.catalog.knowledge.faqs.get(faq.id)?.roles ?? []) : [];
      const namedRoles = named ? new Set(named.found.map((f) => f.role.id)) : null;
      if (faq && (!namedRoles || faqRoles.length === 0 || faqRoles.some((r) => namedRoles.has(r))))
        return this.faqResolution(faq.id, faq.confidence);
    }
    const content = core.filter((w) => !STOP_WORDS.has(w) && !GENERIC_RISK_WORDS.has(w));
    // "IT" typed in capitals is information technology, not the pronoun.
    if (/\bIT\b/.test(text) && core.includes('it')) content.unshift('it');
    // "Unemployed", "I'm a stay at home mum": a situation, not a job; the reply asks which job they had or want.
    if (NOT_A_JOB.has(all.filter((w) => !STOP_WORDS.has(w) && !GENERIC_RISK_WORDS.has(w)).join(' ')))
      return { kind: 'not_found', reason: 'no_job', suggestions: [] };
    if (named) {
      const rest = setAsideQualifiers(all.filter((_, i) => outside(i))).qualifiers;
      const byName = this.decideName(
        named,
        merge(qualifiersOfName(named.words), rest),
        'sentence',
        all.slice(named.start, named.end),
      );
      // A name that leaves other words of the job aside ("doctor" in "family doctor") gives way to a search
      // over all of them when the name alone does not decide.
      if (
        byName.kind !== 'role' &&
        content.length > named.end - named.start &&
        content.length <= RESOLVE.maxSearchWords
      ) {
        const searched = this.search(content, qualifiers, false);
        if (searched.kind === 'ambiguous') return searched;
      }
      return byName;
    }

    if (content.length === 0) return { kind: 'not_found', reason: 'no_job', suggestions: [] };
    return this.search(content.slice(0, RESOLVE.maxSearchWords), qualifiers);
  }

  /** Known words inside a word no name has: the two it runs together ("signalman", "clockmaker"), else the
   *  word it ends with ("neuropsychiatrist": psychiatrist) or begins with ("guitarist": guitar). */
  private partsOf(word: string): string[] | null {
    if (word.length < 6 || /\d/.test(word)) return null;
    const known = (w: string) => this.datasetIndex.hasTerm(w);
    // The split with the longest known second word (the head: "maker" of "clockmaker").
    for (let at = 3; at <= word.length - 3; at++) {
      const left = word.slice(0, at);
      const right = singular(word.slice(at));
      if (known(left) && known(right)) return [left, right];
    }
    for (let at = 1; at <= word.length - 5; at++) if (known(word.slice(at))) return [word.slice(at)];
    for (let end = word.length - 1; end >= Math.max(5, Math.ceil(word.length * 0.6)); end--)
      if (known(word.slice(0, end))) return [word.slice(0, end)];
    return null;
  }

  /** A word no name has that is a two-word name run together ("farmhand", "stockbroker") becomes those two. */
  private splitCompound(word: string): string[] {
    if (
      word.length < 8 ||
      STOP_WORDS.has(word) ||
      GENERIC_RISK_WORDS.has(word) ||
      this.datasetIndex.hasTerm(word) ||
      this.knowledgeIndex.hasTerm(word)
    )
      return [word];
    for (let at = 4; at <= word.length - 4; at++) {
      const left = word.slice(0, at);
      const right = singular(word.slice(at));
      // Only a split that is itself a name ("farm hand"), not any two words ("soft wear").
      if (this.datasetIndex.hasKey(`${left} ${right}`)) return [left, right];
    }
    return [word];
  }

  private faqResolution(faqId: string, confidence: number): Resolution {
    const faq = this.catalog.knowledge.faqs.get(faqId);
    return { kind: 'faq', faqId, confidence, roleIds: faq?.roles ?? [] };
  }

  /** The names a whole normalized name is: curated names and synonyms first, else the datasets' names, with
   *  the full title of any short one ("QA Tester" also means what "Quality Assurance Tester" means). */
  private entriesOf(key: string): { curated: boolean; entries: NameEntry[] } {
    const curated = this.knowledgeIndex.exact(key);
    const entries = this.datasetIndex.exact(key);
    // A synonym ("parking attendant" for a British traffic warden) gives way to an occupation's own title
    // (the US SOC's "Parking Attendants").
    const ownTitle = entries.some((e) => e.source === 'catalog' || e.source === 'onet-occupation');
    if (curated.length && !(ownTitle && curated.every((e) => e.source === 'synonym')))
      return { curated: true, entries: curated };
    for (const e of entries.filter((x) => x.source === 'onet-short' && x.of)) {
      const full = words(e.of ?? '').join(' ');
      for (const more of full && full !== key ? this.datasetIndex.exact(full) : [])
        if (!entries.some((x) => x.target === more.target && x.source === more.source)) entries.push(more);
    }
    return { curated: false, entries };
  }

  /** The words as a known name; short forms count with their expansions ("customer service rep" is also
   *  "customer service representative"), the words as typed with their spelling (`asTyped`) too, and every
   *  occupation any of them names goes to the prior. */
  private exactName(
    all: string[],
    asTyped?: string[],
  ): { found: Found[]; words: string[]; onlyJoined: boolean } | null {
    let first: string[] | null = null;
    const entries: NameEntry[] = [];
    let firstJoined = false;
    const variants = expansions(all);
    if (asTyped) variants.push(asTyped);
    const typedCount = variants.length;
    // A name looked up by each word alone has no pair to join: most of findNameIn's look-ups in a sentence.
    if (all.length > 1) variants.push(...this.joinedVariants(all));
    for (let v = 0; v < variants.length; v++) {
      const variant = variants[v] as string[];
      const hit = this.entriesOf(variant.join(' '));
      if (hit.entries.length === 0) continue;
      if (hit.curated)
        return { found: this.foundOf(hit.entries, variant.join(' ')), words: variant, onlyJoined: v >= typedCount };
      if (!first) {
        first = variant;
        firstJoined = v >= typedCount;
      }
      entries.push(...hit.entries);
    }
    return first ? { found: this.foundOf(entries, first.join(' ')), words: first, onlyJoined: firstJoined } : null;
  }

  /** Two words a name writes as one ("cabinet maker": Cabinetmakers, "fire fighter": Firefighters), each pair
   *  joined where the joined word is a word of some name. */
  private joinedVariants(all: string[]): string[][] {
    const out: string[][] = [];
    for (let i = 0; i + 1 < all.length; i++) {
      const [a = '', b = ''] = [all[i], all[i + 1]];
      // Short and stop words join into acronyms, not compounds ("as a": ASA).
      if (a.length < 3 || b.length < 3 || STOP_WORDS.has(a) || STOP_WORDS.has(b)) continue;
      const joined = a + b;
      if (this.datasetIndex.hasTerm(joined) || this.knowledgeIndex.hasTerm(joined))
        out.push([...all.slice(0, i), joined, ...all.slice(i + 2)]);
    }
    return out;
  }

  private roleOf(target: string): CatalogRole | undefined {
    return target.startsWith(ROLE_TARGET)
      ? this.catalog.roles.get(target.slice(ROLE_TARGET.length))
      : this.catalog.bySoc.get(target);
  }

  /** Entries grouped by role, each role once with its most telling name and its prior weight (PRIOR). */
  private foundOf(entries: NameEntry[], key: string): Found[] {
    const byRole = new Map<string, { role: CatalogRole; entries: NameEntry[] }>();
    for (const entry of entries) {
      const role = this.roleOf(entry.target);
      if (!role) continue;
      const seen = byRole.get(role.id);
      if (seen) seen.entries.push(entry);
      else byRole.set(role.id, { role, entries: [entry] });
    }
    return (
      [...byRole.values()]
        .map(({ role, entries: list }) => {
          // Show the name as typed where one is ("CPA" rather than "Certified Public Accountant (CPA)").
          const whole = (e: NameEntry) => (words(e.title).join(' ') === key ? 0 : 1);
          const entry = [...list].sort(
            (a, b) => whole(a) - whole(b) || SOURCE_RANK[a.source] - SOURCE_RANK[b.source] || b.sources - a.sources,
          )[0] as NameEntry;
          return { role, entry, ...this.prior(role, list) };
        })
        // An occupation whose own title the words are ("proofreader": Proofreaders and Copy Markers) comes before
        // those O*NET only lists the title for, however many more people those employ.
        .sort(
          (a, b) =>
            Number(b.attestation === PRIOR.ownTitle) - Number(a.attestation === PRIOR.ownTitle) ||
            b.weight - a.weight ||
            a.role.id.localeCompare(b.role.id),
        )
    );
  }

  /** workers × attestation, as PRIOR describes, for a role and the names of it that matched. */
  private prior(role: CatalogRole, entries: NameEntry[]): { weight: number; attestation: number } {
    let attestation = 0;
    let ownTitle = false;
    for (const e of entries) {
      if (e.source === 'catalog' || e.source === 'onet-occupation' || e.source === 'synonym') ownTitle = true;
      attestation += e.source === 'onet-reported' ? PRIOR.reported : e.sources;
    }
    attestation = ownTitle ? PRIOR.ownTitle : Math.min(PRIOR.ownTitle, attestation);
    let workers = Math.max(PRIOR.minWorkers, role.data?.employmentPrior?.workers ?? 0);
    const socTitle = entries.some((e) => e.source === 'catalog' || e.source === 'synonym');
    if (!socTitle && role.soc) workers /= this.onetOccupations.get(role.soc) ?? 1;
    return { weight: workers * attestation, attestation };
  }

  private priorWeight(role: CatalogRole, entries: NameEntry[]): number {
    return this.prior(role, entries).weight;
  }

  /** One name, one or more occupations: the dominant one answers, else the person chooses. */
  private decide(
    found: Found[],
    how: 'exact' | 'sentence' | 'search',
    matched: string[],
    qualifiers: string[],
  ): Resolution {
    const [first, second] = found;
    if (!first) return { kind: 'not_found', reason: 'no_match', suggestions: [] };
    const total = found.reduce((sum, f) => sum + f.weight, 0);
    const candidates = choicesOf(found);
    const generic = matched.length === 1 && GENERIC_TITLE_WORDS.has(matched[0] ?? '');
    if (generic) return { kind: 'ambiguous', reason: 'generic', candidates, qualifiers };
    if (second && !dominates(first, second, total)) {
      // When the person chooses, the occupations whose own title repeats the title's words come first ("UI
      // Designer", O*NET's short form of "User Interface Designer": Web and Digital Interface Designers before
      // Software Developers, though these employ more); otherwise the prior's order.
      const repeats = new Set(found.filter(ownTitleRepeats).map((f) => f.role.id));
      const ordered = [...found].sort((a, b) => Number(repeats.has(b.role.id)) - Number(repeats.has(a.role.id)));
      return { kind: 'ambiguous', reason: 'several', candidates: choicesOf(ordered), qualifiers };
    }
    // Only the others that are not far-fetched: at least a tenth of the winner's weight.
    const alternatives = found
      .slice(1)
      .filter((f) => f.weight >= first.weight * RESOLVE.alternativeShare)
      .map((f) => f.role.id);
    // An occupation O*NET keeps inside a residual "All Other" SOC (Midwives) has neighbours with a SOC of their
    // own whose title has the same words (Nurse Midwives): those are offered too.
    if (first.role.data && RESIDUAL.test(first.role.data.title)) {
      const query = this.queryTerms(matched);
      for (const hit of this.datasetIndex.search(
        query,
        query.map((q) => this.weightOf(q)),
      ))
        if (hit.queryCoverage === 1 && !hit.inexact)
          for (const entry of this.datasetIndex.entriesOf(hit.key)) {
            const role = entry.source === 'catalog' ? this.roleOf(entry.target) : undefined;
            if (role && role !== first.role) alternatives.push(role.id);
          }
    }
    return {
      kind: 'role',
      roleId: first.role.id,
      match: matchOf(how, how === 'exact' ? 1 : 0.9, matched.join(' '), first.entry, qualifiers),
      alternatives: [...new Set(alternatives)].slice(0, RESOLVE.maxAlternatives),
    };
  }

  /** The longest known name inside the words, earliest first. Single words that name no job on their own
   *  ("manager", "job", "senior") do not count, nor do one- and two-letter words ("it", "us"). */
  private findNameIn(
    all: string[],
    acronyms: ReadonlySet<string>,
  ): { found: Found[]; start: number; end: number; words: string[]; onlyJoined: boolean } | null {
    const limit = Math.min(all.length, 400);
    for (let size = Math.min(RESOLVE.maxNameWords, limit); size >= 1; size--) {
      for (let start = 0; start + size <= limit; start++) {
        const slice = all.slice(start, start + size);
        if (size === 1 && !standsAlone(slice[0] ?? '', acronyms)) continue;
        const named = this.exactName(slice);
        if (named) return { ...named, start, end: start + size };
      }
    }
    return null;
  }

  /** An FAQ wins when the question's own topic words (beyond the role and "will AI replace…") match it. */
  private matchFaq(leftover: string[]): { id: string; confidence: number } | null {
    if (leftover.length === 0) return null;
    const hits = this.faqSearch.search(leftover.join(' '), {
      fuzzy: (t) => (t.length > 5 ? 1 : false),
      prefix: (t) => t.length > 4,
    });
    const best = hits[0];
    if (!best || best.score < RESOLVE.faqMinScore) return null;
    const covered = new Set(best.queryTerms);
    const coverage = leftover.filter((w) => covered.has(w)).length / leftover.length;
    if (coverage < 0.6) return null;
    return { id: String(best.id), confidence: Math.min(1, coverage) };
  }

  private queryTerms(content: string[]): QueryTerm[] {
    const seen = new Set<string>();
    const out: QueryTerm[] = [];
    for (const word of content) {
      if (seen.has(word)) continue;
      seen.add(word);
      const long = ABBREVIATIONS.get(word);
      const options = [{ term: word, weight: 1 }];
      // A one-word expansion stands in for the word; a longer one ("hr") adds its words as words of their own.
      if (long?.length === 1 && !long[0]?.includes(' ')) options.push({ term: long[0] as string, weight: 0.95 });
      const known = options.some((o) => this.datasetIndex.hasTerm(o.term) || this.knowledgeIndex.hasTerm(o.term));
      const parts = known ? null : this.partsOf(word);
      if (parts?.length === 1) options.push({ term: parts[0] as string, weight: MATCH_WEIGHTS.part });
      out.push({
        word,
        options,
        generic:
          GENERIC_TITLE_WORDS.has(word) || options.some((o) => GENERIC_TITLE_WORDS.has(o.term) && o.term !== word),
        fuzzy: !known && word.length >= 4 && !/\d/.test(word),
      });
      if (parts && parts.length > 1)
        for (const w of parts)
          if (!seen.has(w)) {
            seen.add(w);
            out.push({
              word: w,
              options: [{ term: w, weight: MATCH_WEIGHTS.part }],
              generic: GENERIC_TITLE_WORDS.has(w),
              fuzzy: false,
            });
          }
      if (long && (long.length > 1 || long[0]?.includes(' ')))
        for (const w of long.flatMap((l) => l.split(' ')).map(singular))
          if (!seen.has(w)) {
            seen.add(w);
            out.push({ word: w, options: [{ term: w, weight: 1 }], generic: GENERIC_TITLE_WORDS.has(w), fuzzy: false });
          }
    }
    return out;
  }

  /** Every occupation the words may name, most likely first: by how well its best name matches (with a little
   *  credit for further matching names), how well all its names and its description explain the words (the
   *  evidence model in names.ts), and how many people do it. `likelihood` is each one's share (0–1) of all. */
  rank(content: string[]): Ranked[] {
    const query = this.queryTerms(content);
    const weights = query.map((q) => this.weightOf(q));
    // The roles in the order first found (`list`), and by id.
    const list: Ranked[] = [];
    const byRole = new Map<string, Ranked>();
    const add = (r: Ranked) => {
      byRole.set(r.role.id, r);
      list.push(r);
    };
    const addHits = (index: NameIndex, hits: KeyHit[]) => {
      const { entryStart } = index.data;
      for (const hit of hits)
        // An entry is made into an object only where it becomes a role's best name.
        for (let e = entryStart[hit.key] ?? 0; e < (entryStart[hit.key + 1] ?? 0); e++) {
          const role = this.roleOf(index.entryTargetOf(e));
          if (!role) continue;
          const seen = byRole.get(role.id);
          if (!seen) add(ranked(role, hit.score, index.entryAt(e), hit, 1));
          else if (hit.score > seen.score) {
            seen.score = hit.score;
            seen.entry = index.entryAt(e);
            seen.hit = hit;
            seen.names++;
          } else seen.names++;
        }
    };
    addHits(this.knowledgeIndex, this.knowledgeIndex.search(query, weights));
    addHits(this.datasetIndex, this.datasetIndex.search(query, weights));
    // Together, an occupation's names may cover words no single one does ("butter" and "printer").
    const together = (r: Scored) => {
      const target = r.role.curated && !r.role.soc ? `${ROLE_TARGET}${r.role.id}` : (r.role.soc ?? '');
      return Math.max(this.datasetIndex.coverageOf(target), this.knowledgeIndex.coverageOf(target));
    };
    const evidence = this.datasetIndex.evidence(query);
    const targets = this.datasetIndex.data.targets;
    // Occupations no single name matches well may still be the likeliest by all their names and description.
    if (evidence) {
      for (const t of topIndices(evidence, RESOLVE.evidenceCandidates)) {
        const role = this.roleOf(targets[t] ?? '');
        if (role && !byRole.has(role.id))
          add(
            ranked(role, 0, { target: targets[t] ?? '', title: role.title, source: 'catalog', sources: 1 }, NO_HIT, 0),
          );
      }
    }
    let bestEvidence = -Infinity;
    // An index loop: for…of over a typed array allocates a result object and a number per element.
    if (evidence) for (let t = 0; t < evidence.length; t++) bestEvidence = Math.max(bestEvidence, evidence[t] ?? 0);
    // A curated role without a SOC has no dataset names, so its own names decide, as if its evidence were the
    // best there is.
    const evidenceOf = (role: CatalogRole) => {
      const i = evidence && role.soc ? this.datasetIndex.targetIndex(role.soc) : undefined;
      return !evidence ? 0 : i === undefined ? bestEvidence : (evidence[i] ?? 0);
    };
    for (const r of list) {
      r.total =
        r.score * (1 + RESOLVE.extraNameCredit * Math.min(RESOLVE.maxExtraNames, r.names - 1)) +
        RESOLVE.allNamesWeight * together(r);
      const workers = Math.max(PRIOR.minWorkers, r.role.data?.employmentPrior?.workers ?? 0);
      r.fused = evidenceOf(r.role) + FUSE.names * r.total + FUSE.workers * Math.log(workers);
    }
    list.sort((a, b) => b.fused - a.fused || a.role.id.localeCompare(b.role.id));
    const top = list[0]?.fused ?? 0;
    let sum = 0;
    for (const r of list) {
      // Held in `likelihood` until the sum is known.
      r.likelihood = Math.exp((r.fused - top) / FUSE.temperature);
      sum += r.likelihood;
    }
    for (const r of list) r.likelihood = r.likelihood / sum;
    return list;
  }

  /** Full-text search over every name; task statements join in when no name fits well. */
  private search(content: string[], qualifiers: string[], tasks = true): Resolution {
    const query = this.queryTerms(content);
    const ranked = this.rank(content);
    const top = ranked[0];
    const bestName = ranked.reduce((m, r) => Math.max(m, r.score), 0);
    // What the job involves decides only when no name comes close ("draw blood samples from patients").
    if (tasks && bestName < RESOLVE.taskOnlyConfidence * 0.75) {
      const byTasks = this.searchTasks(content);
      if (byTasks) {
        return {
          kind: 'ambiguous',
          reason: 'unsure',
          candidates: [
            { roleId: byTasks.roleId, confidence: round2(byTasks.confidence) },
            ...ranked
              .slice(0, RESOLVE.maxCandidates - 1)
              .map((r) => ({ roleId: r.role.id, confidence: round2(r.likelihood) })),
          ].filter((c, i, list) => list.findIndex((x) => x.roleId === c.roleId) === i),
          qualifiers,
        };
      }
    }
    // Nothing found: no name comes close, and no word is one names use (or holds one: "neuropsychiatrist"),
    // only near misses of them.
    const grounded = query.some((q) =>
      q.options.some((o) => this.datasetIndex.hasTerm(o.term) || this.knowledgeIndex.hasTerm(o.term)),
    );
    if (!top || (bestName < RESOLVE.candidate && !grounded))
      return { kind: 'not_found', reason: 'no_match', suggestions: ranked.slice(0, 3).map((r) => r.role.id) };

    // A known name with a typo in it ("registerd nurse") is offered first, by the prior as an exact name would
    // be, but asked about: a word no name has may be a word after all ("strapping" is not "stripping").
    const corrected = this.typoOfName(content, ranked);
    const named = corrected ? this.exactName(corrected) : null;
    // An occupation's own title with a typo ("registerd nurse", "dental hygenist") is that title: own titles are
    // few and far apart. O*NET's 60,000 other titles are close together ("Strapping" and "Stripping Machine
    // Operator", "Gamb" and "Jamb Cutter"), so one edit from one of them is asked about.
    if (named && corrected && corrected.length > 1 && named.found.some((f) => OWN_TITLE.has(f.entry.source)))
      return this.decide(named.found, 'search', corrected, qualifiers);
    const first = named?.found.map((f) => f.role) ?? [];
    // The best three, then any other that is not far-fetched.
    const likely = ranked.filter(
      (r, i) => i < RESOLVE.minCandidates || r.likelihood >= RESOLVE.candidateShare * top.likelihood,
    );
    const candidates = [...first, ...likely.map((r) => r.role)]
      .filter((role, i, list) => list.findIndex((x) => x.id === role.id) === i)
      .slice(0, RESOLVE.maxCandidates)
      .map((role) => ({ roleId: role.id, confidence: round2(ranked.find((r) => r.role === role)?.likelihood ?? 0) }));
    const typo = named !== null || (query.filter((q) => !this.isQualifierWord(q.word)).length === 1 && top.hit.inexact);
    // A name the text only resembles is asked about, however likely: O*NET gives names as alike as "Stage
    // Electrician" and "Stage Electrician Helper", or the same words in another order, to different
    // occupations, so no share of the search's likelihood makes a card right 99 % of the time (README,
    // "Finding the occupation").
    const reason: AmbiguityReason = top.hit.genericOnly
      ? 'generic'
      : typo
        ? 'typo'
        : likely.length > 1
          ? 'several'
          : 'unsure';
    return { kind: 'ambiguous', reason, candidates, qualifiers };
  }

  /** The name the words spell with typos in them: the same words in the same order, each either as typed or,
   *  for a word no name has, one of the typo matches of a name's word at that place. */
  private typoOfName(content: string[], ranked: Ranked[]): string[] | null {
    // A word O*NET's descriptions use is a word, not a typo ("strapping" is not "stripping").
    const unknown = content.map(
      (w) => !this.datasetIndex.hasTerm(w) && !this.knowledgeIndex.hasTerm(w) && !this.datasetIndex.hasTextTerm(w),
    );
    if (!unknown.includes(true)) return null;
    for (const r of ranked.slice(0, RESOLVE.maxCandidates)) {
      if (!r.hit.inexact || r.hit.key < 0) continue;
      const index =
        r.entry.target.startsWith(ROLE_TARGET) || r.entry.source === 'synonym'
          ? this.knowledgeIndex
          : this.datasetIndex;
      const name = index.keyOf(r.hit.key).split(' ');
      if (name.length !== content.length) continue;
      if (name.every((w, i) => w === content[i] || (unknown[i] && isTypoOf(content[i] ?? '', w)))) return name;
    }
    return null;
  }

  private isQualifierWord(word: string): boolean {
    return setAsideQualifiers([word]).qualifiers.length > 0;
  }

  /** How much a query word counts: its idf among the datasets' names (the rarer, the more it says). */
  private weightOf(q: QueryTerm): number {
    let best: number | undefined;
    for (const o of q.options) {
      const idf = this.datasetIndex.idf(o.term) ?? this.knowledgeIndex.idf(o.term);
      if (idf !== undefined && (best === undefined || idf > best)) best = idf;
    }
    const weight = best ?? this.datasetIndex.unseenIdf * RESOLVE.unknownWordWeight;
    // Generic words are common, so their idf is low, but leaving one out still changes the job ("postal
    // worker" is not "postal supervisor"): they count at least this much.
    return q.generic ? Math.max(weight, this.datasetIndex.unseenIdf * RESOLVE.genericWordWeight) : weight;
  }

  /** The role whose O*NET task statements match the words best, with a confidence no higher than taskOnlyConfidence. */
  private searchTasks(content: string[]): { roleId: string; confidence: number } | null {
    // A title of one or two words that no name fits is not a description of the work, nor are words no
    // job title uses (typos, names, nonsense).
    const known = content.filter((w) => this.datasetIndex.hasTerm(w)).length;
    if (content.length < 3 || known < 2) return null;
    const hits = this.taskSearch().search(content.join(' ')).slice(0, RESOLVE.maxTaskHits);
    const best = hits[0];
    if (!best) return null;
    const unique = [...new Set(content)];
    const coverage = unique.filter((t) => best.queryTerms.includes(t)).length / unique.length;
    const runnerUp = hits[1]?.score ?? 0;
    // A clear winner among task statements is worth a candidate; a close race is not.
    if (coverage < 0.6 || runnerUp > best.score * 0.8) return null;
    return {
      roleId: String(best.id),
      confidence: Math.min(RESOLVE.taskOnlyConfidence, coverage * RESOLVE.taskOnlyConfidence),
    };
  }
}

/** The positions of the `k` largest values, largest first. */
function topIndices(values: Float64Array, k: number): number[] {
  const top: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? 0;
    if (top.length === k && v <= (values[top[k - 1] ?? 0] ?? 0)) continue;
    if (top.length === k) top.pop();
    let at = top.length;
    while (at > 0 && (values[top[at - 1] ?? 0] ?? 0) < v) at--;
    top.splice(at, 0, i);
  }
  return top;
}

/** One edit apart (two for words of 7 letters or more), a swap of two letters counting as one. */
function isTypoOf(typed: string, word: string): boolean {
  const steps = damerauLevenshtein(typed, word).steps;
  return steps <= (typed.length >= 7 ? 2 : 1);
}

/** A word standing on its own in a sentence names a job: not a stop, risk, generic or qualifier word, and at
 *  least three letters unless it was typed as an acronym ("RN"). */
function standsAlone(word: string, acronyms: ReadonlySet<string>): boolean {
  return (
    (word.length >= 3 || acronyms.has(word)) &&
    !STOP_WORDS.has(word) &&
    !GENERIC_RISK_WORDS.has(word) &&
    !GENERIC_TITLE_WORDS.has(word) &&
    setAsideQualifiers([word]).qualifiers.length === 0
  );
}

/** The words, then each combination of their short forms' expansions and their long words' short forms
 *  ("hvac technician" is also "hvac tech"), a few at most. */
function expansions(all: string[]): string[][] {
  const variants: string[][] = [all];
  all.forEach((word, i) => {
    const long = ABBREVIATIONS.get(word) ?? SHORT_FORMS.get(word);
    if (!long) return;
    const next: string[][] = [];
    for (const v of variants)
      for (const l of long) next.push([...v.slice(0, i), ...l.split(' ').map(singular), ...v.slice(i + 1)]);
    variants.push(...next.slice(0, 8));
  });
  // Positions shift when an expansion has several words; the first variants keep the original positions.
  return variants.slice(0, 9);
}

function qualifiersOfName(nameWords: string[]): string[] {
  const q = leadingQualifier(nameWords);
  return q ? [q] : [];
}

const merge = (a: string[], b: string[]) => [...new Set([...a, ...b])];

/** The choices a name offers, in the given order, each with its share of the prior weight of all of them. */
function choicesOf(
  ordered: readonly Found[],
  all: readonly Found[] = ordered,
): { roleId: string; confidence: number }[] {
  const total = all.reduce((sum, f) => sum + f.weight, 0);
  return ordered
    .slice(0, RESOLVE.maxCandidates)
    .map((f) => ({ roleId: f.role.id, confidence: round2(f.weight / total) }));
}

/** Whether the occupation's own title repeats the title that matched (its long form, for a short one): all its
 *  words, or two of them at least ("interface designer" of "User Interface Designer" in "Web and Digital Interface
 *  Designers"). One shared word ("stock" of "stock clerk" in "Laborers and Freight, Stock, …") says little. */
function ownTitleRepeats(f: Found): boolean {
  const name = plainWords((f.entry.of ?? f.entry.title).replace(/\([^)]*\)/g, ' ')).filter((w) => !STOP_WORDS.has(w));
  const own = new Set(plainWords(f.role.title));
  const shared = name.filter((w) => own.has(w)).length;
  return shared >= 2 || (shared > 0 && shared === name.length);
}

/** The heaviest candidate clearly dominates the next (PRIOR): by `ratio` and `share`, and either O*NET attests
 *  the title for it more often, or it employs `employmentOnlyRatio` times as many people. */
function dominates(
  first: { weight: number; attestation: number },
  second: { weight: number; attestation: number },
  total: number,
): boolean {
  if (first.weight < PRIOR.ratio * second.weight || first.weight < PRIOR.share * total) return false;
  return first.attestation > second.attestation || first.weight >= PRIOR.employmentOnlyRatio * second.weight;
}

/** Which name of a role to show as the match, best first. */
const SOURCE_RANK: Record<NameEntry['source'], number> = {
  catalog: 0,
  synonym: 1,
  'onet-occupation': 2,
  'onet-alternate': 3,
  'onet-short': 4,
  'onet-reported': 5,
};

function matchOf(
  how: MatchInfo['how'],
  confidence: number,
  matched: string,
  entry: NameEntry,
  qualifiers: string[],
): MatchInfo {
  return {
    how,
    confidence,
    matched,
    title: entry.title,
    source: entry.source satisfies MatchSource,
    ...(entry.of ? { of: entry.of } : {}),
    ...(entry.onet ? { onet: entry.onet } : {}),
    qualifiers,
  };
}

export function taskText(role: CatalogRole): string {
  const curated = role.curated?.assessment?.tasks.map((t) => t.task) ?? [];
  const data = role.data?.tasks.map((t) => t.task) ?? [];
  return [...curated, ...data].join('\n');
}

const round2 = (n: number) => Math.round(n * 100) / 100;
