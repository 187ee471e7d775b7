// Finds the role (or FAQ) a person means. Order: SOC code, exact name, a known name inside a sentence,
// an FAQ whose topic the question is about, then full-text search with typo tolerance.
import MiniSearch, { type SearchResult } from 'minisearch';
import type { Catalog, CatalogRole } from '../catalog/catalog.js';
import type { MatchInfo } from '../answers/types.js';
import { GENERIC_RISK_WORDS, MAX_INPUT_CHARS, STOP_WORDS, phraseKey, singular, words } from './text.js';

export type Resolution =
  | { kind: 'role'; roleId: string; match: MatchInfo }
  | { kind: 'faq'; faqId: string; confidence: number; roleIds: string[] }
  | { kind: 'ambiguous'; candidates: { roleId: string; confidence: number }[] }
  | { kind: 'not_found'; reason: 'empty' | 'no_match'; suggestions: string[] }
  | { kind: 'help' };

/** Tuning, in one place. */
export const RESOLVE = {
  /** Below this the best search hit is not trusted on its own. */
  minConfidence: 0.5,
  /** A runner-up scoring at least this share of the best makes the answer ambiguous. */
  nearTie: 0.8,
  maxCandidates: 5,
  /** Longest name (in words) looked for inside a sentence. */
  maxNameWords: 8,
  /** Search reads at most this many content words of a long message. */
  maxSearchWords: 12,
  boosts: { title: 3, alias: 2, tasks: 0.4 },
  /** Roles found through their task statements that take part in the ranking. */
  maxTaskHits: 50,
  /** Curated roles win near ties against dataset occupations: they carry the deepest answers. */
  curatedBoost: 1.35,
  faqMinScore: 2,
} as const;

const SOC_PATTERN = /\b(\d{2})-?(\d{4})(?:\.\d{2})?\b/;
const HELP_WORDS = new Set(['help', 'usage', 'commands', '?', 'start', 'menu']);

interface NameDoc {
  id: string;
  roleId: string;
  title?: string;
  alias?: string;
}

export class Resolver {
  private readonly names = new Map<string, string>();
  private readonly faqPhrases = new Map<string, string>();
  /** Titles and aliases: a small vocabulary, searched with typo tolerance. */
  private readonly nameSearch: MiniSearch<NameDoc>;
  /** Task statements: a large vocabulary, searched without fuzzing to stay fast. */
  private taskIndex: MiniSearch<{ id: string; tasks: string }> | undefined;
  private readonly newTaskIndex: () => MiniSearch<{ id: string; tasks: string }>;
  private readonly taskDocs: { id: string; tasks: string }[];
  /** The warm-up's partly built task index and how many roles it holds. */
  private taskIndexInProgress: { index: MiniSearch<{ id: string; tasks: string }>; done: number } | undefined;
  private readonly faqSearch: MiniSearch<{ id: string; text: string }>;

  constructor(private readonly catalog: Catalog) {
    const processTerm = (term: string) => {
      const w = singular(term.toLowerCase());
      return STOP_WORDS.has(w) ? null : w;
    };
    const tokenize = (text: string) => text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);

    const nameDocs: NameDoc[] = [];
    const taskDocs: { id: string; tasks: string }[] = [];
    for (const role of catalog.roles.values()) {
      this.addName(role.title, role.id);
      this.addName(role.id.replace(/-/g, ' '), role.id);
      for (const alias of role.aliases) this.addName(alias, role.id);
      for (const acronym of role.acronyms) this.addName(acronym, role.id);
      nameDocs.push({ id: `${role.id}#t`, roleId: role.id, title: role.title });
      role.aliases.forEach((alias, i) => nameDocs.push({ id: `${role.id}#a${i}`, roleId: role.id, alias }));
      const tasks = taskText(role);
      if (tasks) taskDocs.push({ id: role.id, tasks });
    }
    this.nameSearch = new MiniSearch<NameDoc>({
      fields: ['title', 'alias'],
      storeFields: ['roleId'],
      tokenize,
      processTerm,
    });
    this.nameSearch.addAll(nameDocs);
    // Indexing ~19,000 task statements is most of the start-up's index time; it is built on first need or
    // by the warm-up after the server is listening, since exact names answer most questions without it.
    this.newTaskIndex = () =>
      new MiniSearch<{ id: string; tasks: string }>({ fields: ['tasks'], tokenize, processTerm });
    this.taskDocs = taskDocs;

    this.faqSearch = new MiniSearch({ fields: ['text'], tokenize, processTerm });
    for (const faq of catalog.knowledge.faqs.values()) {
      for (const q of [faq.question, ...faq.alsoAsked]) this.faqPhrases.set(phraseKey(q), faq.id);
      this.faqSearch.add({ id: faq.id, text: [faq.question, ...faq.alsoAsked].join('\n') });
    }
  }

  private taskSearch(): MiniSearch<{ id: string; tasks: string }> {
    if (!this.taskIndex) {
      // Finish the warm-up's index if one is under way, rather than starting again.
      const { index, done } = this.taskIndexInProgress ?? { index: this.newTaskIndex(), done: 0 };
      index.addAll(this.taskDocs.slice(done));
      this.taskIndex = index;
      this.taskIndexInProgress = undefined;
    }
    return this.taskIndex;
  }

  /** Builds the task index in slices of `perStep` roles, one per iteration, so a server can answer between
   *  them; a question that needs the index sooner completes it at once. */
  *warmUpSteps(perStep = 8): Generator<void> {
    if (this.taskIndex || this.taskIndexInProgress) return;
    const building = { index: this.newTaskIndex(), done: 0 };
    this.taskIndexInProgress = building;
    while (!this.taskIndex && building.done < this.taskDocs.length) {
      building.index.addAll(this.taskDocs.slice(building.done, building.done + perStep));
      building.done = Math.min(this.taskDocs.length, building.done + perStep);
      yield;
    }
    if (!this.taskIndex) this.taskSearch();
  }

  private addName(name: string, roleId: string): void {
    const key = phraseKey(name);
    // The first claim wins: curated roles are added before dataset occupations.
    if (key && !this.names.has(key)) this.names.set(key, roleId);
  }

  resolve(input: string): Resolution {
    const text = input.slice(0, MAX_INPUT_CHARS);
    const all = words(text);
    if (all.length === 0) return { kind: 'not_found', reason: 'empty', suggestions: [] };
    if (all.length === 1 && HELP_WORDS.has(all[0] ?? '')) return { kind: 'help' };

    const soc = SOC_PATTERN.exec(text);
    if (soc) {
      const role = this.catalog.bySoc.get(`${soc[1]}-${soc[2]}`);
      if (role) return { kind: 'role', roleId: role.id, match: { how: 'soc', confidence: 1, matched: role.soc ?? '' } };
    }

    const key = all.join(' ');
    const exact = this.names.get(key);
    if (exact) return { kind: 'role', roleId: exact, match: { how: 'exact', confidence: 1, matched: key } };
    const exactFaq = this.faqPhrases.get(key);
    if (exactFaq) return this.faqResolution(exactFaq, 1);

    const named = this.findNameIn(all);
    const leftover = all.filter(
      (w, i) => !(named && i >= named.start && i < named.end) && !STOP_WORDS.has(w) && !GENERIC_RISK_WORDS.has(w),
    );

    if (all.length >= 3 || /\?/.test(text)) {
      const faq = this.matchFaq(leftover);
      // An FAQ about other roles does not answer a question about this one.
      const faqRoles = faq ? (this.catalog.knowledge.faqs.get(faq.id)?.roles ?? []) : [];
      if (faq && (!named || faqRoles.length === 0 || faqRoles.includes(named.roleId)))
        return this.faqResolution(faq.id, faq.confidence);
    }
    if (named) {
      return {
        kind: 'role',
        roleId: named.roleId,
        match: { how: 'sentence', confidence: 0.9, matched: all.slice(named.start, named.end).join(' ') },
      };
    }
    return this.search(all);
  }

  private faqResolution(faqId: string, confidence: number): Resolution {
    const faq = this.catalog.knowledge.faqs.get(faqId);
    return { kind: 'faq', faqId, confidence, roleIds: faq?.roles ?? [] };
  }

  /** The longest known name inside the words, earliest first. */
  private findNameIn(all: string[]): { roleId: string; start: number; end: number } | null {
    const limit = Math.min(all.length, 400);
    for (let size = Math.min(RESOLVE.maxNameWords, limit); size >= 1; size--) {
      for (let start = 0; start + size <= limit; start++) {
        const slice = all.slice(start, start + size);
        if (size === 1 && (STOP_WORDS.has(slice[0] ?? '') || GENERIC_RISK_WORDS.has(slice[0] ?? ''))) continue;
        const roleId = this.names.get(slice.join(' '));
        if (roleId) return { roleId, start, end: start + size };
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

  private search(all: string[]): Resolution {
    const terms = all.filter((w) => !STOP_WORDS.has(w) && !GENERIC_RISK_WORDS.has(w)).slice(0, RESOLVE.maxSearchWords);
    if (terms.length === 0) return { kind: 'not_found', reason: 'no_match', suggestions: [] };
    const query = terms.join(' ');
    const curatedBoost = (roleId: unknown) =>
      this.catalog.roles.get(String(roleId))?.curated ? RESOLVE.curatedBoost : 1;
    const nameHits = this.nameSearch.search(query, {
      boost: { title: RESOLVE.boosts.title, alias: RESOLVE.boosts.alias },
      // Acronyms and short words are never fuzzed: "rn" must not become "an".
      fuzzy: (t) => (t.length <= 3 ? false : t.length <= 8 ? 1 : 2),
      prefix: (t) => t.length >= 3,
      weights: { fuzzy: 0.6, prefix: 0.75 },
      boostDocument: (_id, _term, stored) => curatedBoost(stored?.roleId),
    });
    // A name that covers the query and has no rival within half its score is the answer: task statements could
    // not change it, so the larger task index is not searched.
    const byName = rankByName(nameHits, terms);
    const [first, second] = byName;
    const decisive = first && first.confidence >= 0.8 && (!second || second.score < first.score * 0.5);
    // Common words ("manager") match hundreds of roles' tasks; only the best few can change the ranking.
    const ranked = decisive
      ? byName
      : withTaskHits(
          byName,
          this.taskSearch()
            .search(query, { prefix: (t) => t.length >= 5, boostDocument: (id) => curatedBoost(id) })
            .slice(0, RESOLVE.maxTaskHits),
          terms,
        );
    const top = ranked[0];
    if (!top) return { kind: 'not_found', reason: 'no_match', suggestions: this.suggest(terms) };

    const close = ranked.filter((r) => r.score >= top.score * RESOLVE.nearTie).slice(0, RESOLVE.maxCandidates);
    if (top.confidence >= RESOLVE.minConfidence && close.length === 1) {
      return {
        kind: 'role',
        roleId: top.roleId,
        match: { how: 'search', confidence: round2(top.confidence), matched: query },
      };
    }
    const candidates = ranked
      .filter((r) => r.score >= top.score * 0.5)
      .slice(0, RESOLVE.maxCandidates)
      .map((r) => ({ roleId: r.roleId, confidence: round2(r.confidence * (r.score / top.score)) }));
    if (top.confidence < 0.25)
      return { kind: 'not_found', reason: 'no_match', suggestions: candidates.map((c) => c.roleId) };
    return { kind: 'ambiguous', candidates };
  }

  /** Looser look-alikes for a query that matched nothing. */
  private suggest(terms: string[]): string[] {
    const loose = this.nameSearch.search(terms.join(' '), { fuzzy: 0.4, prefix: true });
    return rankByName(loose, terms)
      .slice(0, 3)
      .map((r) => r.roleId);
  }
}

interface RankedRole {
  roleId: string;
  score: number;
  confidence: number;
}

/** One entry per role: its best name's score plus a little credit for its other matching names. */
function rankByName(nameHits: SearchResult[], terms: string[]): RankedRole[] {
  const byRole = new Map<string, RankedRole>();
  const unique = [...new Set(terms)];
  for (const r of nameHits) {
    const roleId = String(r.roleId);
    const seen = byRole.get(roleId);
    if (!seen) byRole.set(roleId, { roleId, score: r.score, confidence: confidenceOf(r, unique) });
    else seen.score += r.score * 0.1;
  }
  return [...byRole.values()].sort((a, b) => b.score - a.score);
}

/** The name ranking with each role's task-statement score added; roles found only by their tasks join it. */
function withTaskHits(byName: RankedRole[], taskHits: SearchResult[], terms: string[]): RankedRole[] {
  const byRole = new Map(byName.map((r) => [r.roleId, { ...r }]));
  const unique = [...new Set(terms)];
  for (const r of taskHits) {
    const roleId = String(r.id);
    const score = r.score * RESOLVE.boosts.tasks;
    const seen = byRole.get(roleId);
    // A role found only through its tasks is a weaker guess than one found by name.
    if (!seen) byRole.set(roleId, { roleId, score, confidence: confidenceOf(r, unique) * 0.7 });
    else seen.score += score;
  }
  return [...byRole.values()].sort((a, b) => b.score - a.score);
}

/** Share of the query's (distinct) words the match covers, discounted for typos and prefixes. */
function confidenceOf(result: SearchResult, unique: string[]): number {
  let total = 0;
  for (const t of unique) {
    if (result.queryTerms.includes(t)) total += result.terms.includes(t) ? 1 : 0.8;
  }
  return Math.min(1, total / unique.length);
}

function taskText(role: CatalogRole): string {
  const curated = role.curated?.assessment?.tasks.map((t) => t.task) ?? [];
  const data = role.data?.tasks.map((t) => t.task) ?? [];
  return [...curated, ...data].join('\n');
}

const round2 = (n: number) => Math.round(n * 100) / 100;
