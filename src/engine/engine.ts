// The engine: resolves what a person typed and composes plain answers from the catalog. Pure: no I/O,
// no Slack. Cards are composed once per role and reused (the catalog does not change while it lives).
import type {
  Aijri,
  AmbiguousAnswer,
  AskAnswer,
  CompareAnswer,
  FaqAnswer,
  FigureLine,
  HelpAnswer,
  Measure,
  NotFoundAnswer,
  PathAnswer,
  RoleAnswer,
  RoleCard,
  RoleRef,
  SkillLine,
  SourceRef,
  TaskLine,
  Transition,
} from '../answers/types.js';
import { formatFigure } from '../answers/format.js';
import type { Catalog, CatalogRole } from '../catalog/catalog.js';
import { DATASET_SOURCES } from '../catalog/datasets/sources.js';
import type { Figure } from '../catalog/knowledge/schema.js';
import { consensusOf, exposureRanks } from './consensus.js';
import { experienceLevelOf, experienceOf, withAsked } from './experience.js';
import { glanceOf, keyFiguresOf } from './glance.js';
import { nextStepsOf } from './next-steps.js';
import {
  TRANSITION_RULES,
  reskillingModel,
  reskillingModelSteps,
  type ComputedPath,
  type ReskillingModel,
} from './reskilling.js';
import type { Proxy } from './task-proxy.js';
import { Resolver, type Resolution, type ResolverOptions } from './resolve.js';
import { computeAijri, zoneOf } from './scoring.js';
import type { Engine } from './types.js';
import { verdictOf } from './verdict.js';

const COMPARE_SEPARATORS = [
  /\s+(?:vs\.?|versus|v\.?)\s+/i,
  /\s+compared\s+(?:to|with)\s+/i,
  /\s*,\s*/,
  /\s+or\s+/i,
  /\s+and\s+/i,
];
const MAX_TRANSITIONS = 6;
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

/** Curated figures first, then the dataset's; a dataset figure with the same value and unit as a curated one
 *  over the same period (BLS pay or growth quoted by a seed and also in the BLS files) is shown once, naming both. */
function withoutTwins(curated: FigureLine[], data: FigureLine[]): FigureLine[] {
  const merged = curated.map((c) => ({ ...c }));
  const rest: FigureLine[] = [];
  for (const d of data) {
    const twin = merged.find(
      (c) => c.unit === d.unit && c.value === d.value && (!c.period || !d.period || c.period === d.period),
    );
    if (!twin) {
      rest.push(d);
      continue;
    }
    twin.confirmedBy = [...(twin.confirmedBy ?? []), d.source];
    const same = `${d.sourceName} (${d.asOf}) gives the same figure.`;
    twin.note = twin.note ? `${twin.note} ${same}` : same;
  }
  return [...merged, ...rest];
}

/** Builds the engine over a catalog. `options.names` is the datasets' name index from a start-up cache. */
export function createEngine(catalog: Catalog, options: ResolverOptions = {}): Engine {
  const resolver = new Resolver(catalog, options);
  const cards = new Map<string, RoleCard>();
  // Computed moves go to occupations some source rates, and skills are standardized over those alone.
  const occupations = [...catalog.datasets.occupations.values()].filter((o) => o.measures.length > 0);
  const onetSocs = resolver.onetSocs();

  const sourceRef = (id: string): SourceRef => {
    const s = catalog.knowledge.sources.get(id) ?? catalog.datasets.sources.get(id);
    if (!s) return { id, name: id, asOf: 'unknown' };
    return {
      id: s.id,
      name: s.name,
      asOf: s.asOf,
      ...('version' in s && s.version ? { version: s.version } : {}),
      ...('asOfApproximate' in s && s.asOfApproximate ? { approximate: true } : {}),
      ...(s.publisher ? { publisher: s.publisher } : {}),
      ...(s.url ? { url: s.url } : {}),
    };
  };
  const ref = (role: CatalogRole): RoleRef => ({ id: role.id, title: role.title, soc: role.soc });

  const figureLine = (f: Figure): FigureLine => {
    const src = sourceRef(f.source);
    return {
      label: f.label,
      value: f.value,
      unit: f.unit,
      display: formatFigure(f.value, f.unit),
      source: f.source,
      sourceName: src.name,
      asOf: src.asOf,
      ...(src.approximate ? { asOfApproximate: true } : {}),
      ...(f.period ? { period: f.period } : {}),
      ...(f.note ? { note: f.note } : {}),
    };
  };

  const topicOf = (f: Figure): NonNullable<Figure['topic']> => {
    if (f.topic) return f.topic;
    if (f.unit === 'usd-per-year' || f.unit === 'usd-per-hour') return 'pay';
    if (f.unit === 'workers') return 'employment';
    if (f.unit === 'jobs') return 'outlook';
    if (f.unit === 'score') return 'exposure';
    return 'other';
  };

  /** A published AIJRI for roles whose inputs the sources do not give. */
  const publishedAijri = (role: CatalogRole): { value: number; source: string; label: string } | undefined => {
    const f = role.curated?.figures.find(
      (fig) =>
        fig.unit === 'score' &&
        /aijri/i.test(`${fig.label} ${catalog.knowledge.sources.get(fig.source)?.measure?.name ?? ''}`),
    );
    return f ? { value: f.value, source: f.source, label: f.label } : undefined;
  };

  const aijriOf = (role: CatalogRole): Aijri | undefined => {
    const a = role.curated?.assessment;
    return a ? computeAijri(a, sourceRef(a.source)) : undefined;
  };

  /** The AIJRI of a role: computed when it has inputs, else as published; for transition gaps. */
  const aijriScore = (role: CatalogRole): number | undefined => aijriOf(role)?.score ?? publishedAijri(role)?.value;

  const curatedMeasures = (role: CatalogRole, aijri: Aijri | undefined): Measure[] => {
    const out: Measure[] = [];
    if (aijri) {
      out.push({
        source: aijri.source.id,
        sourceName: aijri.source.name,
        measure: 'AIJRI (computed from the assessment inputs)',
        value: aijri.score,
        scale: catalog.knowledge.sources.get(aijri.source.id)?.measure?.scale ?? '0–100',
        percentile: null,
        higherMeansMoreRisk: false,
        asOf: aijri.source.asOf,
        ...(aijri.source.approximate ? { asOfApproximate: true } : {}),
        label: aijri.subLabel,
        origin: 'curated',
      });
    }
    for (const f of role.curated?.figures ?? []) {
      const src = catalog.knowledge.sources.get(f.source);
      if (f.unit !== 'score' || !src?.measure) continue;
      out.push({
        source: src.id,
        sourceName: src.name,
        measure: f.label,
        value: f.value,
        scale: src.measure.scale,
        percentile: null,
        // A sub-score may run the other way from its index (AI Complementarity): the figure says so.
        higherMeansMoreRisk: f.higherMeansMoreRisk ?? src.measure.higherMeansMoreRisk,
        asOf: src.asOf,
        ...(src.asOfApproximate ? { asOfApproximate: true } : {}),
        origin: 'curated',
        ...(f.note ? { note: f.note } : {}),
      });
    }
    return out;
  };

  const tasksOf = (role: CatalogRole): TaskLine[] => {
    const a = role.curated?.assessment;
    const curated: TaskLine[] = (a?.tasks ?? []).map((t) => ({
      task: t.task,
      timeShare: t.timeShare,
      score: t.score,
      mode: t.mode,
      rationale: t.rationale,
      exposure: (t.score - 1) / 4,
      source: a?.source ?? '',
    }));
    return [...curated, ...(role.data?.tasks ?? [])];
  };

  // The reskilling model is built on first use or during the warm-up, not at start-up.
  let model: ReskillingModel | null | undefined;
  const modelOf = (): ReskillingModel | null => {
    if (model === undefined) model = catalog.datasets.onet ? reskillingModel(occupations, catalog.datasets.onet) : null;
    return model;
  };

  /** A move to `target` with the numbers both ends allow: AIJRI gap where both have one, exposure and pay from
   *  the datasets, and the computed facts (fit, what to learn) only where both have an O*NET profile. */
  const toTransition = (
    target: CatalogRole,
    origin: CatalogRole,
    extra: Partial<Transition> & Pick<Transition, 'why' | 'origin'>,
  ): { transition: Transition; proxy?: Proxy } => {
    const originScore = aijriScore(origin);
    const targetScore = aijriScore(target);
    const facts = origin.data && target.data ? (modelOf()?.factsOf(origin.data, target.data) ?? {}) : {};
    const { proxy, ...computed } = facts;
    const transition: Transition = {
      ...ref(target),
      ...(targetScore !== undefined ? { score: targetScore } : {}),
      ...(targetScore !== undefined && originScore !== undefined
        ? { scoreGap: round1(targetScore - originScore) }
        : {}),
      ...computed,
      ...extra,
    };
    return proxy ? { transition, proxy } : { transition };
  };

  /** A computed move, under the catalog role that answers for its SOC (a curated role keeps its title and AIJRI). */
  const asRoleMove = (t: Transition, origin: CatalogRole): Transition | undefined => {
    const target = t.soc ? catalog.bySoc.get(t.soc) : undefined;
    if (!target || target.id === origin.id) return undefined;
    const originScore = aijriScore(origin);
    const targetScore = aijriScore(target);
    return {
      ...t,
      ...ref(target),
      ...(targetScore !== undefined ? { score: targetScore } : {}),
      ...(targetScore !== undefined && originScore !== undefined
        ? { scoreGap: round1(targetScore - originScore) }
        : {}),
    };
  };

  const computedPaths = new Map<string, ComputedPath | undefined>();
  const computedPathOf = (role: CatalogRole): ComputedPath | undefined => {
    if (!computedPaths.has(role.id))
      computedPaths.set(role.id, role.data ? modelOf()?.pathFrom(role.data, MAX_TRANSITIONS) : undefined);
    return computedPaths.get(role.id);
  };

  const proxyLine = (role: CatalogRole, proxy: Proxy): NonNullable<RoleCard['path']['proxy']> => ({
    soc: proxy.occupation.soc,
    title: proxy.occupation.title,
    taskSimilarity: proxy.taskSimilarity,
    note: `O*NET 30.1 has no skill or knowledge ratings for ${role.data?.title ?? role.title} (SOC ${role.soc}), so the computed moves and gaps use the profile of ${proxy.occupation.title} (SOC ${proxy.occupation.soc}): the rated occupation in the same Job Zone whose task statements are most alike (task similarity ${proxy.taskSimilarity.toFixed(2)}).`,
  });

  const pathOf = (role: CatalogRole): RoleCard['path'] => {
    const curated = role.curated;
    const transitions: Transition[] = [];
    let proxy: Proxy | undefined;
    for (const t of curated?.transitions ?? []) {
      const target = catalog.roles.get(t.role);
      if (!target) continue;
      const made = toTransition(target, role, {
        why: t.why,
        origin: 'curated',
        source: t.source,
        ...(t.requires ? { requires: t.requires } : {}),
      });
      transitions.push(made.transition);
      proxy ??= made.proxy;
    }
    const computed = computedPathOf(role);
    proxy ??= computed?.proxy;
    for (const t of computed?.moves ?? []) {
      if (transitions.length >= MAX_TRANSITIONS + (curated?.transitions.length ?? 0)) break;
      const move = asRoleMove(t, role);
      if (move && !transitions.some((x) => x.id === move.id)) transitions.push(move);
    }
    const longRange = (computed?.longRange ?? []).flatMap((t) => {
      const move = asRoleMove(t, role);
      return move && !transitions.some((x) => x.id === move.id) ? [move] : [];
    });
    const skills: SkillLine[] = [];
    const kb = catalog.knowledge;
    const addSkills = (ids: string[], kind: SkillLine['kind']) => {
      for (const id of ids) {
        const s = kb.skills.get(id);
        if (s) skills.push({ id, name: s.name, kind, description: s.description });
      }
    };
    addSkills(curated?.skills.toBuild ?? [], 'future');
    addSkills(curated?.skills.resilient ?? [], 'resilient');
    addSkills(curated?.skills.exposed ?? [], 'exposed');
    const first = transitions.find((t) => t.skillsToBuild?.length);
    for (const g of first?.skillsToBuild ?? []) {
      skills.push({
        id: `gap-${g.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
        name: g.name,
        kind: 'gap',
        gap: g.gap,
        description: `${first?.title} needs ${g.kind === 'knowledge' ? 'this knowledge' : 'this skill'} at level ${g.level}, ${proxy ? `${proxy.occupation.title} (the stand-in profile)` : (role.data?.title ?? role.title)} at ${g.have} (O*NET 30.1, 0–7).`,
      });
    }
    const path: RoleCard['path'] = {
      transitions,
      longRange,
      skills,
      certifications: (curated?.certifications ?? []).flatMap((id) => {
        const c = kb.certifications.get(id);
        return c ? [{ id, acronym: c.acronym, name: c.name, issuer: c.issuer, why: c.why }] : [];
      }),
      specializations: curated?.specializations ?? [],
    };
    if (proxy) path.proxy = proxyLine(role, proxy);
    return path;
  };

  /** What the path cannot show, and why a role has few computed moves. */
  const pathLacks = (role: CatalogRole, path: RoleCard['path']): string[] => {
    const out: string[] = [];
    const none = path.transitions.length === 0 && path.longRange.length === 0;
    if (!role.data || !catalog.datasets.onet) {
      if (none) out.push('No reskilling moves: no curated ones, and no O*NET profile to compute them from.');
      return out;
    }
    const computed = computedPathOf(role);
    const rules = TRANSITION_RULES;
    if (!computed?.counts) {
      out.push(
        `O*NET 30.1 has no skill or knowledge ratings for SOC ${role.data.soc}, and no rated occupation shares enough of its tasks to stand in, so there are no computed moves or skill gaps.`,
      );
    } else {
      const c = computed.counts;
      if (computed.leastExposed)
        out.push(
          `Already among the fifth of occupations least exposed to AI, so the computed moves are similar jobs that are no more exposed, not safer ones.`,
        );
      if (computed.moves.length < 3)
        out.push(
          `Few computed moves: ${c.viable} occupations are close enough to move to, ${c.safer} of them ${computed.leastExposed ? 'are no more exposed to AI' : `rank at least ${rules.minExposureDrop} percentile points lower for AI exposure`}, and ${c.desirable} of those pay at least ${Math.round(rules.minPayRatio * 100)} % as much (one source, one year)${c.gated ? `; ${c.gated} of these need a degree, licence, certificate or apprenticeship first (long-range options)` : ''}.`,
        );
    }
    if (none) out.push('No reskilling moves to show.');
    return out;
  };

  const lacksOf = (role: CatalogRole, card: Omit<RoleCard, 'lacks' | 'sources'>): string[] => {
    const lacks = [...(role.curated?.lacks ?? []), ...(role.data?.lacks ?? [])];
    const add = (line: string) => {
      if (!lacks.includes(line)) lacks.push(line);
    };
    if (!catalog.datasets.dir) add('Public datasets are not loaded on this server, so only curated figures are shown.');
    else if (!role.soc) add('No SOC code, so no public dataset measures, tasks or pay.');
    else if (!role.data) add(`SOC ${role.soc} is not covered by the loaded datasets.`);
    if (role.curated && !role.curated.assessment) {
      add(
        publishedAijri(role)
          ? 'The AIJRI is shown as published: its task-by-task inputs are not in the sources, so it is not recomputed.'
          : 'No AIJRI assessment in the sources.',
      );
    }
    if (card.pay.length === 0) add('No pay figures.');
    if (card.outlook.length === 0) add('No employment outlook.');
    if (!card.consensus) add('Too few ranked sources for a consensus exposure band.');
    for (const line of pathLacks(role, card.path)) add(line);
    return lacks;
  };

  const composeCard = (role: CatalogRole): RoleCard => {
    const aijri = aijriOf(role);
    const measures = [...curatedMeasures(role, aijri), ...(role.data?.measures ?? [])];
    const consensus = role.data ? consensusOf(role.data.measures) : null;
    const figures = (role.curated?.figures ?? []).map((f) => ({ f, topic: topicOf(f), line: figureLine(f) }));
    const byTopic = (topic: string) => figures.filter((x) => x.topic === topic).map((x) => x.line);
    const published = publishedAijri(role);
    const headline: RoleCard['headline'] = aijri
      ? {
          value: aijri.score,
          scale: '0–100 AIJRI (higher = more resistant to AI)',
          zone: aijri.zone,
          label: aijri.subLabel,
          source: aijri.source.id,
        }
      : published
        ? {
            value: published.value,
            scale: '0–100 AIJRI (higher = more resistant to AI), as published',
            zone: zoneOf(published.value),
            label: published.label,
            source: published.source,
          }
        : consensus
          ? {
              value: consensus.percentile,
              scale: 'exposure percentile among all occupations (higher = more exposed)',
              band: consensus.band,
              label: `Consensus exposure: ${consensus.band.replace('-', ' ')}`,
              source: 'consensus',
            }
          : null;
    const a = role.curated?.assessment;
    const aijriSource = aijri?.source.id ?? published?.source;
    const verdict = verdictOf({
      ...(aijri ? { aijri } : {}),
      ...(published && !aijri ? { published: { value: published.value, source: published.source } } : {}),
      ...(aijriSource ? { aijriBy: sourceRef(aijriSource).publisher ?? sourceRef(aijriSource).name } : {}),
      consensus,
      ranks: role.data ? exposureRanks(role.data.measures) : [],
      ...(role.curated && role.data && role.curated.socRelation === 'within'
        ? { widerOccupation: role.data.title }
        : {}),
    });
    const tasks = tasksOf(role);
    const path = pathOf(role);
    const pay = withoutTwins(byTopic('pay'), role.data?.pay ?? []);
    const employment = withoutTwins(byTopic('employment'), role.data?.employment ?? []);
    const outlook = withoutTwins(byTopic('outlook'), role.data?.outlook ?? []);
    const partial: Omit<RoleCard, 'lacks' | 'sources'> = {
      role: {
        ...ref(role),
        curated: Boolean(role.curated),
        ...(role.curated?.summary ? { summary: role.curated.summary } : {}),
        ...(role.data && role.data.title !== role.title ? { socTitle: role.data.title } : {}),
      },
      headline,
      verdict,
      glance: glanceOf(role.curated?.aiCan ?? [], role.curated?.aiCannot ?? [], tasks),
      nextSteps: nextStepsOf(path, tasks),
      keyFigures: keyFiguresOf({ pay, employment, outlook }, (id) => sourceRef(id).publisher),
      experience: experienceOf(a?.experience, aijri),
      ...(aijri ? { aijri } : {}),
      measures,
      consensus,
      ratings: role.curated?.ratings ?? [],
      tasks,
      aiCan: role.curated?.aiCan ?? [],
      aiCannot: role.curated?.aiCannot ?? [],
      risks: role.curated?.risks ?? [],
      tools: role.curated?.tools ?? [],
      timeline: role.curated?.timeline ?? [],
      pay,
      employment,
      outlook,
      otherFigures: figures
        .filter((x) => !['pay', 'employment', 'outlook', 'exposure'].includes(x.topic))
        .map((x) => x.line),
      notThisRole: role.curated?.notThisRole ?? [],
      ...(a?.seniority ? { seniority: a.seniority } : {}),
      whoShouldWorry: role.curated?.whoShouldWorry ?? [],
      path,
    };
    const used = new Set<string>([
      ...measures.map((m) => m.source),
      ...partial.tasks.map((t) => t.source),
      ...[...partial.pay, ...partial.employment, ...partial.outlook, ...partial.otherFigures].flatMap((f) => [
        f.source,
        ...(f.confirmedBy ?? []),
      ]),
      ...[
        ...partial.aiCan,
        ...partial.aiCannot,
        ...partial.risks,
        ...partial.tools,
        ...partial.timeline,
        ...partial.whoShouldWorry,
      ].map((c) => c.source),
      ...partial.ratings.map((r) => r.source),
      ...[...partial.path.transitions, ...partial.path.longRange].flatMap((t) => [
        ...(t.source ? [t.source] : []),
        // Computed fit, gaps, steps and technologies come from the O*NET 30.1 profiles; pay gaps from one BLS table.
        ...(t.fit || t.skillsToBuild || t.technologies || t.steps ? [DATASET_SOURCES.onet.id] : []),
        ...(t.pay ? [t.pay.source] : []),
      ]),
      // The occupation's title and the names it is found by come from O*NET.
      ...(role.soc && onetSocs.has(role.soc) ? [DATASET_SOURCES.onet.id] : []),
    ]);
    used.delete('');
    return { ...partial, lacks: lacksOf(role, partial), sources: [...used].sort().map(sourceRef) };
  };

  const cardOf = (role: CatalogRole): RoleCard => {
    let card = cards.get(role.id);
    if (!card) {
      card = composeCard(role);
      cards.set(role.id, card);
    }
    return card;
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
          const card = cardOf(role);
          const asked = experienceLevelOf(query);
          const within = onetOccupationWithin(role, r.match.onet);
          return {
            kind: 'role',
            query,
            match: r.match,
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
        const answer: FaqAnswer = {
          kind: 'faq',
          query,
          faq: { id: faq.id, question: faq.question, answer: faq.answer },
          roles: faq.roles.flatMap((id) => roleRefById(id) ?? []),
          sources: faq.sources.map(sourceRef),
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
        usage: '/airisk <job title, code or question>',
        description: 'Score card: how exposed the role is to AI, by several sources, with what to do about it.',
      },
      {
        usage: '/airisk path <job title>',
        description: 'Reskilling path: safer roles to move to, the score gap, skills and certifications.',
      },
      { usage: '/airisk compare <role> vs <role>', description: 'Two roles side by side.' },
      { usage: '/airisk help', description: 'This help.' },
    ],
    coverage: catalog.datasets.dir
      ? 'I answer for most occupations in the US labour statistics, from public research on AI and jobs, and for a few roles in more depth.'
      : 'Right now I answer for a few roles only; ask whoever runs airisk to load the public datasets for every occupation.',
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

  /** The task index, the reskilling model, then every role's card, in steps of a millisecond or two. */
  function* warmUpSteps(): Generator<void> {
    yield* resolver.warmUpSteps();
    if (catalog.datasets.onet) yield* reskillingModelSteps(occupations, catalog.datasets.onet);
    for (const role of catalog.roles.values()) {
      if (cards.has(role.id)) continue;
      cardOf(role);
      yield;
    }
  }

  return {
    ask(text: string): AskAnswer {
      if (!text.trim()) return help();
      return fromResolution(text, resolver.resolve(text));
    },

    path(text: string): PathAnswer | AmbiguousAnswer | NotFoundAnswer {
      const found = resolveRole(text);
      if ('kind' in found) return found;
      const card = cardOf(found.role);
      return {
        kind: 'path',
        query: text,
        role: ref(found.role),
        headline: card.headline,
        verdict: card.verdict,
        path: card.path,
        lacks: card.lacks,
      };
    },

    compare(text: string): CompareAnswer | AmbiguousAnswer | NotFoundAnswer {
      for (const separator of COMPARE_SEPARATORS) {
        const parts = splitEverywhere(text, separator);
        for (const [left, right] of parts) {
          const a = resolveRole(left);
          const b = resolveRole(right);
          if (!('kind' in a) && !('kind' in b))
            return { kind: 'compare', query: text, roles: [cardOf(a.role), cardOf(b.role)] };
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
    },

    roleById(id: string): RoleAnswer | null {
      const role = catalog.roles.get(id);
      return role
        ? {
            kind: 'role',
            query: id,
            match: { how: 'id', confidence: 1, matched: id, title: role.title, source: 'catalog', qualifiers: [] },
            alternatives: [],
            ...cardOf(role),
          }
        : null;
    },

    help,
    popularRoles: popular,
    warmUp: () => {
      for (const _ of warmUpSteps());
      return cards.size;
    },
    warmUpSteps,
    nameIndexData: () => resolver.nameIndexData(),
    stats: () => ({
      roles: catalog.roles.size,
      curatedRoles: [...catalog.roles.values()].filter((r) => r.curated).length,
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

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The title of the O*NET-SOC occupation `code` when the role is a residual SOC ("…, All Other") that O*NET
 *  divides into occupations of its own; undefined otherwise (a title of the SOC itself, or of a SOC that is
 *  one occupation). */
function onetOccupationWithin(role: CatalogRole, code: string | undefined): string | undefined {
  if (!code || !role.data || !/,\s*all other$/i.test(role.data.title)) return undefined;
  const title = role.data.onet.find((o) => o.code === code)?.title;
  return title && title !== role.data.title ? title : undefined;
}
