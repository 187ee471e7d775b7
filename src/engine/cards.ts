// A role's score card, composed once per role from the catalog and kept (the catalog does not change while the
// engine lives): the headline measure and the verdict, what AI can and cannot do, what to do now, the key figures
// and every other figure with its source, the experience levels, the reskilling path (./card-path.ts), what the
// card lacks and the sources it used.
import type { Aijri, FigureLine, Measure, RoleCard, RoleRef, SourceRef, TaskLine } from '../answers/types.js';
import { formatFigure } from '../answers/format.js';
import type { Catalog, CatalogRole } from '../catalog/catalog.js';
import { DATASET_SOURCES } from '../catalog/datasets/sources.js';
import type { Figure } from '../catalog/knowledge/schema.js';
import { createPathComposer } from './card-path.js';
import { consensusOf, exposureRanks } from './consensus.js';
import { experienceOf } from './experience.js';
import { glanceOf, keyFiguresOf } from './glance.js';
import { nextStepsOf } from './next-steps.js';
import { computeAijri, zoneOf } from './scoring.js';
import { verdictOf } from './verdict.js';

export interface CardComposer {
  /** The role's card, composed on first use and kept. */
  cardOf(role: CatalogRole): RoleCard;
  /** Whether the role's card is composed already. */
  has(roleId: string): boolean;
  /** Cards composed so far. */
  count(): number;
  sourceRef(id: string): SourceRef;
  /** The reskilling model, in short steps (the cards themselves are composed one per step by the engine). */
  warmUpSteps(): Generator<void>;
}

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

/** `onetSocs`: the occupations O*NET names (their title and the names they are found by come from O*NET). */
export function createCardComposer(catalog: Catalog, onetSocs: ReadonlySet<string>): CardComposer {
  const cards = new Map<string, RoleCard>();

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

  const paths = createPathComposer(catalog, aijriScore);

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
    for (const line of paths.pathLacks(role, card.path)) add(line);
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
    const path = paths.pathOf(role);
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

  return {
    cardOf,
    has: (roleId) => cards.has(roleId),
    count: () => cards.size,
    sourceRef,
    warmUpSteps: () => paths.warmUpSteps(),
  };
}
