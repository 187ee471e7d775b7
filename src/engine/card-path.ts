// A role's reskilling path, as its card carries it: the curated moves first (their text as written, with computed
// numbers only where both ends have an O*NET profile), then the computed moves under the catalog roles that answer
// for their occupations, the long-range options, the skills to build and keep, certifications and specializations;
// and what the path cannot show. The reskilling model behind the computed moves is built on first use or during
// the warm-up, not at start-up.
import type { ReskillingPath, RoleRef, SkillLine, Transition } from '../answers/types.js';
import type { Catalog, CatalogRole } from '../catalog/catalog.js';
import type { OccupationData } from '../catalog/datasets/types.js';
import {
  TRANSITION_RULES,
  reskillingModel,
  reskillingModelSteps,
  type ComputedPath,
  type ReskillingModel,
} from './reskilling.js';
import type { Proxy } from './task-proxy.js';

const MAX_TRANSITIONS = 6;

export interface PathComposer {
  pathOf(role: CatalogRole): ReskillingPath;
  /** What the path cannot show, and why a role has few computed moves. */
  pathLacks(role: CatalogRole, path: ReskillingPath): string[];
  /** The reskilling model, in steps of a few milliseconds (see Engine.warmUpSteps). */
  warmUpSteps(): Generator<void>;
}

/** `aijriScore` gives a role's AIJRI (computed, else as published) for the score gap of a move. */
export function createPathComposer(
  catalog: Catalog,
  aijriScore: (role: CatalogRole) => number | undefined,
): PathComposer {
  const ref = (role: CatalogRole): RoleRef => ({ id: role.id, title: role.title, soc: role.soc });
  // Computed moves go to occupations some source rates, and skills are standardized over those alone. One array,
  // so the model built during the warm-up is the one the paths use (reskilling.ts keeps it per pool).
  const occupations: readonly OccupationData[] = [...catalog.datasets.occupations.values()].filter(
    (o) => o.measures.length > 0,
  );
  let model: ReskillingModel | null | undefined;
  const modelOf = (): ReskillingModel | null => {
    if (model === undefined) model = catalog.datasets.onet ? reskillingModel(occupations, catalog.datasets.onet) : null;
    return model;
  };

  /** The AIJRI of the target, and the gap from the origin where both have one. */
  const scores = (target: CatalogRole, origin: CatalogRole): Pick<Transition, 'score' | 'scoreGap'> => {
    const originScore = aijriScore(origin);
    const targetScore = aijriScore(target);
    return {
      ...(targetScore !== undefined ? { score: targetScore } : {}),
      ...(targetScore !== undefined && originScore !== undefined
        ? { scoreGap: round1(targetScore - originScore) }
        : {}),
    };
  };

  /** A move to `target` with the numbers both ends allow: AIJRI gap where both have one, exposure and pay from
   *  the datasets, and the computed facts (fit, what to learn) only where both have an O*NET profile. */
  const toTransition = (
    target: CatalogRole,
    origin: CatalogRole,
    extra: Partial<Transition> & Pick<Transition, 'why' | 'origin'>,
  ): { transition: Transition; proxy?: Proxy } => {
    const facts = origin.data && target.data ? (modelOf()?.factsOf(origin.data, target.data) ?? {}) : {};
    const { proxy, ...computed } = facts;
    const transition: Transition = { ...ref(target), ...scores(target, origin), ...computed, ...extra };
    return proxy ? { transition, proxy } : { transition };
  };

  /** A computed move, under the catalog role that answers for its SOC (a curated role keeps its title and AIJRI). */
  const asRoleMove = (t: Transition, origin: CatalogRole): Transition | undefined => {
    const target = t.soc ? catalog.bySoc.get(t.soc) : undefined;
    if (!target || target.id === origin.id) return undefined;
    return { ...t, ...ref(target), ...scores(target, origin) };
  };

  const computedPaths = new Map<string, ComputedPath | undefined>();
  const computedPathOf = (role: CatalogRole): ComputedPath | undefined => {
    if (!computedPaths.has(role.id))
      computedPaths.set(role.id, role.data ? modelOf()?.pathFrom(role.data, MAX_TRANSITIONS) : undefined);
    return computedPaths.get(role.id);
  };

  const proxyLine = (role: CatalogRole, proxy: Proxy): NonNullable<ReskillingPath['proxy']> => ({
    soc: proxy.occupation.soc,
    title: proxy.occupation.title,
    taskSimilarity: proxy.taskSimilarity,
    note:
      `O*NET 30.1 has no skill or knowledge ratings for ${role.data?.title ?? role.title} (SOC ${role.soc}), so the ` +
      `computed moves and gaps use the profile of ${proxy.occupation.title} (SOC ${proxy.occupation.soc}): the ` +
      `rated occupation in the same Job Zone whose task statements are most alike (task similarity ` +
      `${proxy.taskSimilarity.toFixed(2)}).`,
  });

  const pathOf = (role: CatalogRole): ReskillingPath => {
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
    const profile = proxy ? `${proxy.occupation.title} (the stand-in profile)` : (role.data?.title ?? role.title);
    for (const g of first?.skillsToBuild ?? []) {
      skills.push({
        id: `gap-${g.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
        name: g.name,
        kind: 'gap',
        gap: g.gap,
        description:
          `${first?.title} needs ${g.kind === 'knowledge' ? 'this knowledge' : 'this skill'} at level ` +
          `${g.level}, ${profile} at ${g.have} (O*NET 30.1, 0–7).`,
      });
    }
    const path: ReskillingPath = {
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

  const pathLacks = (role: CatalogRole, path: ReskillingPath): string[] => {
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
        `O*NET 30.1 has no skill or knowledge ratings for SOC ${role.data.soc}, and no rated occupation shares ` +
          'enough of its tasks to stand in, so there are no computed moves or skill gaps.',
      );
    } else {
      const c = computed.counts;
      if (computed.leastExposed)
        out.push(
          'Already among the fifth of occupations least exposed to AI, so the computed moves are similar jobs that ' +
            'are no more exposed, not safer ones.',
        );
      if (computed.moves.length < 3)
        out.push(
          `Few computed moves: ${c.viable} occupations are close enough to move to, ${c.safer} of them ` +
            (computed.leastExposed
              ? 'are no more exposed to AI'
              : `rank at least ${rules.minExposureDrop} percentile points lower for AI exposure`) +
            `, and ${c.desirable} of those pay at least ${Math.round(rules.minPayRatio * 100)} % as much ` +
            '(one source, one year)' +
            (c.gated
              ? `; ${c.gated} of these need a degree, licence, certificate or apprenticeship first (long-range options)`
              : '') +
            '.',
        );
    }
    if (none) out.push('No reskilling moves to show.');
    return out;
  };

  function* warmUpSteps(): Generator<void> {
    if (catalog.datasets.onet) yield* reskillingModelSteps(occupations, catalog.datasets.onet);
  }

  return { pathOf, pathLacks, warmUpSteps };
}

const round1 = (n: number) => Math.round(n * 10) / 10;
