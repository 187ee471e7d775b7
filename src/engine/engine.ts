// The engine: resolves what a person typed, or a role's id, and answers with plain data composed from the catalog
// (a role's card is composed once, in ./cards.ts, and reused). Pure: no I/O, no Slack.
import type {
  AmbiguousAnswer,
  Answer,
  AskAnswer,
  CompareAnswer,
  FaqAnswer,
  HelpAnswer,
  MatchInfo,
  NotFoundAnswer,
  PathAnswer,
  RoleAnswer,
  RoleRef,
} from '../answers/types.js';
import type { Catalog, CatalogRole } from '../catalog/catalog.js';
import type { AnswerRequest, RoleSpec } from '../requests/types.js';
import { createCardComposer } from './cards.js';
import { experienceLevelOf, withAsked } from './experience.js';
import { leastExposedList, type LeastExposedList } from './least-exposed.js';
import { rolesNamedIn } from './mentions.js';
import { Resolver, type Resolution, type ResolverOptions } from './resolve.js';
import { words } from './text.js';
import type { Engine } from './types.js';

const COMPARE_SEPARATORS = [
  /\s+(?:vs\.?|versus|v\.?)\s+/i,
  /\s+compared\s+(?:to|with)\s+/i,
  /\s*,\s*/,
  /\s+or\s+/i,
  /\s+and\s+/i,
];
/** Roles from across the economy, offered when a question names no job and in help (those the catalog has). */
const EXAMPLE_ROLES = [
  'cashiers',
  'registered-nurse',
  'software-developers',
  'electricians',
  'accountants-and-auditors',
  'heavy-and-tractor-trailer-truck-drivers',
  'customer-service-representatives',
  'medical-coder',
  'retail-salespersons',
  'automotive-service-technicians-and-mechanics',
];
/** What people can type, from across the economy. */
const TYPED_EXAMPLES = [
  'cashier',
  'software developer',
  'registered nurse',
  'electrician',
  'accountant',
  'medical coder, 5 years experience',
  'will AI replace my job as a customer service representative?',
];

/** Builds the engine over a catalog. `options.names` is the datasets' name index from a start-up cache. */
export function createEngine(catalog: Catalog, options: ResolverOptions = {}): Engine {
  const resolver = new Resolver(catalog, options);
  const cards = createCardComposer(catalog, resolver.onetSocs());
  const ref = (role: CatalogRole): RoleRef => ({ id: role.id, title: role.title, soc: role.soc });
  // The FAQ list computed from the datasets, once per engine (the catalog does not change while it lives).
  let leastExposed: LeastExposedList | undefined;
  // Who lists each synonym's title, so that the card can say where "uber driver" or "solicitor" comes from.
  const synonymPublishers = new Map(
    (catalog.knowledge.synonyms ?? []).flatMap((syn) => {
      const source = catalog.knowledge.sources.get(syn.source);
      const publisher = source?.publisher ?? source?.name;
      return publisher ? [[words(syn.title).join(' '), publisher] as const] : [];
    }),
  );
  const withListedBy = (match: MatchInfo): MatchInfo => {
    const listedBy = match.source === 'synonym' ? synonymPublishers.get(words(match.title).join(' ')) : undefined;
    return listedBy ? { ...match, listedBy } : match;
  };

  const roleRefById = (id: string): RoleRef | undefined => {
    const r = catalog.roles.get(id);
    return r ? ref(r) : undefined;
  };

  /** Roles from across the economy that the catalog has; the curated ones when no datasets are loaded. */
  const economyExamples = (): RoleRef[] => {
    const found = EXAMPLE_ROLES.flatMap((id) => roleRefById(id) ?? []);
    return found.length >= 4 ? found : [...found, ...popular().filter((r) => !found.some((f) => f.id === r.id))];
  };

  const popular = (): RoleRef[] => {
    const curated = [...catalog.roles.values()].filter((r) => r.curated);
    curated.sort(
      (a, b) =>
        Number(Boolean(b.curated?.assessment)) - Number(Boolean(a.curated?.assessment)) ||
        a.title.localeCompare(b.title),
    );
    return curated.slice(0, 8).map(ref);
  };

  const fromResolution = (query: string, r: Resolution): AskAnswer => {
    switch (r.kind) {
      case 'help':
        return help();
      case 'role': {
        const role = catalog.roles.get(r.roleId);
        if (role) {
          const card = cards.cardOf(role);
          const asked = experienceLevelOf(query);
          const within = onetOccupationWithin(role, r.match.onet);
          return {
            kind: 'role',
            query,
            match: withListedBy(r.match),
            alternatives: r.alternatives.flatMap((id) => roleRefById(id) ?? []),
            ...card,
            // The card names the O*NET occupation that matched when the SOC is only a residual group of it
            // ("Midwives (in Healthcare Practitioners and Technical Workers, All Other)").
            ...(within
              ? {
                  role: {
                    ...card.role,
                    title: `${within} (in ${card.role.title})`,
                    socTitle: card.role.title,
                    onetOccupation: within,
                  },
                }
              : {}),
            ...(asked ? { experience: withAsked(card.experience, asked) } : {}),
          };
        }
        return { kind: 'not_found', query, reason: 'no_match', suggestions: popular() };
      }
      case 'faq': {
        const faq = catalog.knowledge.faqs.get(r.faqId);
        if (!faq) return { kind: 'not_found', query, reason: 'no_match', suggestions: popular() };
        const list = faq.list === 'least-exposed-occupations' ? (leastExposed ??= leastExposedList(catalog)) : null;
        const answer: FaqAnswer = {
          kind: 'faq',
          query,
          faq: {
            id: faq.id,
            question: faq.question,
            answer: list ? `${faq.answer.trimEnd()}\n\n${list.markdown}` : faq.answer,
          },
          roles: [...faq.roles.flatMap((id) => roleRefById(id) ?? []), ...(list?.roles.map(ref) ?? [])],
          sources: [...new Set([...faq.sources, ...(list?.sources ?? [])])].map(cards.sourceRef),
        };
        return answer;
      }
      case 'ambiguous':
        return {
          kind: 'ambiguous',
          query,
          reason: r.reason,
          candidates: r.candidates.flatMap((c) => {
            const rr = roleRefById(c.roleId);
            return rr ? [{ ...rr, confidence: c.confidence }] : [];
          }),
          qualifiers: r.qualifiers,
        };
      case 'not_found': {
        // A question that names no job gets no guessed roles: the reply asks for the job title, with examples.
        if (r.reason === 'no_job')
          return { kind: 'not_found', query, reason: 'no_job', suggestions: economyExamples() };
        const suggestions = r.suggestions.flatMap((id) => roleRefById(id) ?? []);
        return {
          kind: 'not_found',
          query,
          reason: r.reason,
          suggestions: suggestions.length ? suggestions : economyExamples(),
        };
      }
    }
  };

  const help = (): HelpAnswer => ({
    kind: 'help',
    examples: TYPED_EXAMPLES,
    popularRoles: economyExamples(),
    commands: [
      {
        verb: 'ask',
        args: '<job title, code or question>',
        description: 'Score card: how exposed the role is to AI, by several sources, with what to do about it.',
      },
      {
        verb: 'path',
        args: '<job title>',
        description: 'Reskilling path: safer roles to move to, the score gap, skills and certifications.',
      },
      { verb: 'compare', args: '<role> vs <role>', description: 'Two roles side by side.' },
      { verb: 'help', args: '', description: 'This help.' },
    ],
    coverage: catalog.datasets.dir
      ? 'I answer for most occupations in the US labour statistics, from public research on AI and jobs, and for a ' +
        'few roles in more depth.'
      : 'Right now I answer for a few roles only; ask whoever runs airisk to load the public datasets for every ' +
        'occupation.',
  });

  /** Resolves text to one role, or says why it could not. */
  const resolveRole = (
    query: string,
  ): { role: CatalogRole; match: Resolution & { kind: 'role' } } | AmbiguousAnswer | NotFoundAnswer => {
    const r = resolver.resolve(query);
    if (r.kind === 'role') {
      const role = catalog.roles.get(r.roleId);
      if (role) return { role, match: r };
    }
    if (r.kind === 'faq' && r.roleIds[0]) {
      const role = catalog.roles.get(r.roleIds[0]);
      if (role)
        return {
          role,
          match: {
            kind: 'role',
            roleId: role.id,
            match: {
              how: 'sentence',
              confidence: r.confidence,
              matched: role.title,
              title: role.title,
              source: 'catalog',
              qualifiers: [],
            },
            alternatives: [],
          },
        };
    }
    const answer = fromResolution(query, r);
    if (answer.kind === 'ambiguous' || answer.kind === 'not_found') return answer;
    return { kind: 'not_found', query, reason: query.trim() ? 'no_match' : 'empty', suggestions: popular() };
  };

  /** A role by its id, or, for an id the catalog does not know, by the id read as text. */
  const roleOf = (spec: RoleSpec): ReturnType<typeof resolveRole> => {
    if ('text' in spec) return resolveRole(spec.text);
    const role = catalog.roles.get(spec.id);
    if (!role) return resolveRole(spec.id);
    const match = {
      how: 'id' as const,
      confidence: 1,
      matched: spec.id,
      title: role.title,
      source: 'catalog' as const,
      qualifiers: [],
    };
    return { role, match: { kind: 'role', roleId: role.id, match, alternatives: [] } };
  };

  const ask = (text: string): AskAnswer => (text.trim() ? fromResolution(text, resolver.resolve(text)) : help());

  const card = (id: string): RoleAnswer | null => {
    const role = catalog.roles.get(id);
    return role
      ? {
          kind: 'role',
          query: id,
          match: { how: 'id', confidence: 1, matched: id, title: role.title, source: 'catalog', qualifiers: [] },
          alternatives: [],
          ...cards.cardOf(role),
        }
      : null;
  };

  const path = (spec: string | RoleSpec): PathAnswer | AmbiguousAnswer | NotFoundAnswer => {
    const found = roleOf(typeof spec === 'string' ? { text: spec } : spec);
    if ('kind' in found) return found;
    const c = cards.cardOf(found.role);
    return {
      kind: 'path',
      query: typeof spec === 'string' ? spec : 'text' in spec ? spec.text : found.role.title,
      role: ref(found.role),
      headline: c.headline,
      verdict: c.verdict,
      path: c.path,
      lacks: c.lacks,
    };
  };

  /** "a vs b" (also "a and b", "a, b", "a or b"): the first cut at which both sides name a role. */
  const compareText = (text: string): CompareAnswer | AmbiguousAnswer | NotFoundAnswer => {
    for (const separator of COMPARE_SEPARATORS) {
      for (const [left, right] of splitEverywhere(text, separator)) {
        const a = resolveRole(left);
        const b = resolveRole(right);
        if (!('kind' in a) && !('kind' in b))
          return { kind: 'compare', query: text, roles: [cards.cardOf(a.role), cards.cardOf(b.role)] };
      }
    }
    // No split gave two roles: report the first side that failed, so the person can fix it.
    const [left, right] = splitEverywhere(text, COMPARE_SEPARATORS[0] as RegExp)[0] ?? [text, ''];
    if (!right.trim()) return { kind: 'not_found', query: text, reason: 'empty', suggestions: popular() };
    const a = resolveRole(left);
    if ('kind' in a) return a;
    const b = resolveRole(right);
    if ('kind' in b) return b;
    return { kind: 'not_found', query: text, reason: 'no_match', suggestions: popular() };
  };

  /** A role to compare: by id, or typed as a person asks it (a question or an FAQ names no role to compare). */
  const comparedRole = (spec: RoleSpec): ReturnType<typeof resolveRole> => {
    if ('id' in spec) return roleOf(spec);
    const asked = ask(spec.text);
    if (asked.kind === 'ambiguous' || asked.kind === 'not_found') return asked;
    const role = asked.kind === 'role' ? catalog.roles.get(asked.role.id) : undefined;
    if (!role) return { kind: 'not_found', query: spec.text, reason: 'no_match', suggestions: popular() };
    return roleOf({ id: role.id });
  };

  /** Two roles, each by id or as typed; when one names no role, why (did-you-mean). */
  const compareRoles = (specA: RoleSpec, specB: RoleSpec): CompareAnswer | AmbiguousAnswer | NotFoundAnswer => {
    const a = comparedRole(specA);
    if ('kind' in a) return a;
    const b = comparedRole(specB);
    if ('kind' in b) return b;
    const label = (spec: RoleSpec, role: CatalogRole) => ('text' in spec ? spec.text : role.title);
    return {
      kind: 'compare',
      query: `${label(specA, a.role)} vs ${label(specB, b.role)}`,
      roles: [cards.cardOf(a.role), cards.cardOf(b.role)],
    };
  };

  function compare(text: string): CompareAnswer | AmbiguousAnswer | NotFoundAnswer;
  function compare(a: RoleSpec, b: RoleSpec): CompareAnswer | AmbiguousAnswer | NotFoundAnswer;
  function compare(a: string | RoleSpec, b?: RoleSpec): CompareAnswer | AmbiguousAnswer | NotFoundAnswer {
    return typeof a === 'string' ? compareText(a) : compareRoles(a, b ?? { text: '' });
  }

  const answer = (request: AnswerRequest): Answer => {
    switch (request.kind) {
      case 'ask':
        return ask(request.text);
      case 'card':
        return card(request.id) ?? ask(request.id);
      case 'path':
        return path(request.role);
      case 'compare':
        return 'text' in request ? compareText(request.text) : compareRoles(...request.roles);
      case 'help':
        return help();
    }
  };

  // Whether a warm-up is building the reskilling model right now (see Engine.warmingUp).
  let buildingModel = false;

  /** The reskilling model, the typo look-up and the task index, then every role's card, in steps of a millisecond
   *  or two. The model comes first: every card needs it, and it is the one piece that takes long to build. */
  function* warmUpSteps(): Generator<void> {
    buildingModel = true;
    try {
      yield* cards.warmUpSteps();
    } finally {
      buildingModel = false;
    }
    yield* resolver.warmUpSteps();
    for (const role of catalog.roles.values()) {
      if (cards.has(role.id)) continue;
      cards.cardOf(role);
      yield;
    }
  }

  const curated = () => [...catalog.roles.values()].filter((r) => r.curated).sort((a, b) => a.id.localeCompare(b.id));

  return {
    answer,
    ask,
    card,
    path,
    compare,
    help,
    popularRoles: popular,
    rolesNamedIn: (text, max) => rolesNamedIn(ask, text, max),
    curatedRoles: () => curated().map(ref),
    faqs: () =>
      [...catalog.knowledge.faqs.values()]
        .map((f) => ({ id: f.id, question: f.question }))
        .sort((a, b) => a.id.localeCompare(b.id)),
    warmUp: () => {
      for (const _ of warmUpSteps());
      return cards.count();
    },
    warmUpSteps,
    warmingUp: () => buildingModel,
    nameIndexData: () => resolver.nameIndexData(),
    stats: () => ({
      roles: catalog.roles.size,
      curatedRoles: curated().length,
      faqs: catalog.knowledge.faqs.size,
      datasetNote: catalog.datasets.note,
    }),
  };
}

/** Every way of cutting text in two at a separator: "a and b and c" -> [a, b and c], [a and b, c]. */
function splitEverywhere(text: string, separator: RegExp): [string, string][] {
  const global = new RegExp(separator.source, separator.flags.includes('g') ? separator.flags : `${separator.flags}g`);
  const cuts: [string, string][] = [];
  for (const m of text.matchAll(global)) {
    const left = text.slice(0, m.index).trim();
    const right = text.slice((m.index ?? 0) + m[0].length).trim();
    if (left && right) cuts.push([left, right]);
  }
  return cuts;
}

/** The title of the O*NET-SOC occupation `code` when the role is a residual SOC ("…, All Other") that O*NET
 *  divides into occupations of its own; undefined otherwise (a title of the SOC itself, or of a SOC that is
 *  one occupation). */
function onetOccupationWithin(role: CatalogRole, code: string | undefined): string | undefined {
  if (!code || !role.data || !/,\s*all other$/i.test(role.data.title)) return undefined;
  const title = role.data.onet.find((o) => o.code === code)?.title;
  return title && title !== role.data.title ? title : undefined;
}
