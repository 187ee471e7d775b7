// The catalog joins curated knowledge with the public datasets into one list of answerable roles.
// A curated role with socRelation "same" absorbs its SOC's dataset entry; one "within" a SOC inherits the
// SOC's measures while the SOC stays answerable on its own.
import type { Role } from './knowledge/schema.js';
import { KnowledgeInvalidError, type Knowledge } from './knowledge/load.js';
import { occupationId, titleKey } from './datasets/ids.js';
import type { Datasets, OccupationData } from './datasets/types.js';

export interface CatalogRole {
  id: string;
  title: string;
  soc: string | null;
  /** Names matched exactly and searched: curated aliases, O*NET and BLS titles. */
  aliases: string[];
  /** Short forms matched exactly, never fuzzed. */
  acronyms: string[];
  curated?: Role;
  /** The dataset occupation this role is, or sits within. */
  data?: OccupationData;
}

export interface Catalog {
  knowledge: Knowledge;
  datasets: Datasets;
  roles: Map<string, CatalogRole>;
  /** The role that answers for a 6-digit SOC code. */
  bySoc: Map<string, CatalogRole>;
}

export function buildCatalog(knowledge: Knowledge, datasets: Datasets): Catalog {
  const roles = new Map<string, CatalogRole>();
  const bySoc = new Map<string, CatalogRole>();
  const absorbed = new Set<string>();

  for (const role of knowledge.roles.values()) {
    const data = role.soc ? datasets.occupations.get(role.soc) : undefined;
    const entry: CatalogRole = {
      id: role.id,
      title: role.title,
      soc: role.soc ?? null,
      aliases: [...role.aliases],
      acronyms: [...role.acronyms],
      curated: role,
      data,
    };
    if (data && role.socRelation === 'same') {
      absorbed.add(data.soc);
      entry.aliases.push(...datasetNames(data).filter((n) => !sameName(n, role.title)));
      bySoc.set(data.soc, entry);
    }
    if (role.soc && role.socRelation === 'same' && !bySoc.has(role.soc)) bySoc.set(role.soc, entry);
    roles.set(role.id, entry);
  }

  const curatedNames = new Set(
    [...roles.values()].flatMap((r) => [r.title, ...r.aliases, ...r.acronyms]).map(titleKey),
  );
  for (const data of datasets.occupations.values()) {
    if (absorbed.has(data.soc)) continue;
    let id = occupationId(data.title);
    if (roles.has(id)) id = `${id}-${data.soc}`;
    const entry: CatalogRole = {
      id,
      title: data.title,
      soc: data.soc,
      // A curated role keeps the names it claims; a dataset title never steals them.
      aliases: datasetNames(data).filter((n) => !sameName(n, data.title) && !curatedNames.has(titleKey(n))),
      acronyms: [],
      data,
    };
    roles.set(id, entry);
    if (!bySoc.has(data.soc)) bySoc.set(data.soc, entry);
  }
  // A synonym must point at an occupation the datasets have (kb:check cannot know without them).
  const unknown = datasets.dir === null ? [] : (knowledge.synonyms ?? []).filter((s) => !bySoc.has(s.soc));
  if (unknown.length)
    throw new KnowledgeInvalidError(
      unknown.map((s) => ({
        file: 'knowledge/synonyms.yaml',
        field: 'soc',
        line: s.lineOf?.(),
        message: `"${s.title}" points at SOC ${s.soc}, which is not an occupation in the datasets in ${datasets.dir}`,
      })),
    );
  return { knowledge, datasets, roles, bySoc };
}

function datasetNames(data: OccupationData): string[] {
  const names = new Map<string, string>();
  for (const name of [data.title, ...data.onet.map((o) => o.title)]) names.set(titleKey(name), name);
  return [...names.values()];
}

const sameName = (a: string, b: string) => titleKey(a) === titleKey(b);
