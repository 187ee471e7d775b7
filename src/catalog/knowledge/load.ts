// Reads knowledge/ (YAML), validates every file and every cross-reference, and reports every problem at
// once with file, line and field path, so an author can fix them all in one go.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, basename, extname } from 'node:path';
import { createRequire } from 'node:module';
import jsYaml from 'js-yaml';
import type * as Yaml from 'yaml';
import type { z } from 'zod';
import {
  certificationsFileSchema,
  faqSchema,
  roleSchema,
  skillsFileSchema,
  sourcesFileSchema,
  synonymsFileSchema,
  type Certification,
  type Faq,
  type Role,
  type Skill,
  type Source,
  type Synonym,
} from './schema.js';

export interface KnowledgeProblem {
  file: string;
  /** Field path such as tasks[2].score; empty for a whole-file problem. */
  field: string;
  line?: number;
  message: string;
}

export interface Knowledge {
  sources: Map<string, Source>;
  roles: Map<string, Role>;
  faqs: Map<string, Faq>;
  skills: Map<string, Skill>;
  certifications: Map<string, Certification>;
  /** British, Australian and international titles of US occupations (knowledge/synonyms.yaml), one per title. */
  synonyms: Synonym[];
  /** Spellings used outside the US, lower-case, to their US spelling ("labourer" -> "laborer"). */
  spellings: Map<string, string>;
}

export class KnowledgeInvalidError extends Error {
  constructor(readonly problems: KnowledgeProblem[]) {
    super(`knowledge/ has ${problems.length} ` +
      `problem${problems.length === 1 ? '' : 's'}:\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'KnowledgeInvalidError';
  }
}

export function formatProblem(p: KnowledgeProblem): string {
  const where = p.line ? `${p.file}:${p.line}` : p.file;
  return `${where}${p.field ? ` ${p.field}` : ''}: ${p.message}`;
}

function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '');
}

interface ParsedFile {
  file: string;
  data: unknown;
  lineOf(path: ReadonlyArray<PropertyKey>): number | undefined;
}

// Two parsers, for speed: js-yaml reads a valid file about four times faster than the `yaml` package, which is
// loaded (synchronously, on first need) only to find the line of a problem or to explain a syntax error with
// the position and hints authors need. Both read YAML's core schema, so dates stay text.
let yamlWithPositions: typeof Yaml | undefined;
const positional = (): typeof Yaml => (yamlWithPositions ??= createRequire(import.meta.url)('yaml') as typeof Yaml);

function parseYamlFile(absPath: string, file: string, problems: KnowledgeProblem[]): ParsedFile | undefined {
  let source: string;
  try {
    source = readFileSync(absPath, 'utf8');
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    problems.push({ file, field: '', message: missing ? 'is missing: every knowledge folder needs this file' : `cannot be read (${(err as Error).message})` });
    return undefined;
  }
  let data: unknown;
  try {
    data = jsYaml.load(source, { schema: jsYaml.CORE_SCHEMA, filename: file });
  } catch {
    data = undefined;
  }
  let located: { doc: Yaml.Document.Parsed; lineCounter: Yaml.LineCounter } | undefined;
  const locate = () => {
    if (!located) {
      const { LineCounter, parseDocument } = positional();
      const lineCounter = new LineCounter();
      located = { doc: parseDocument(source, { lineCounter, prettyErrors: true, uniqueKeys: true }), lineCounter };
    }
    return located;
  };
  if (data === undefined) {
    const { doc } = locate();
    if (doc.errors.length > 0) {
      for (const err of doc.errors) {
        const line = err.linePos?.[0]?.line;
        const reason = (err.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
        const hint = /compact mappings|Implicit map keys/.test(reason) ? ' (text containing ": " must be put in ' +
          'quotes, or written on the next lines after >-)' : '';
        problems.push({ file, field: '', line, message: `is not valid YAML: ${reason}${hint}` });
      }
      return undefined;
    }
    data = doc.toJS();
  }
  const lineOf = (path: ReadonlyArray<PropertyKey>): number | undefined => {
    const { doc, lineCounter } = locate();
    // Walk up to the deepest node that exists, so a missing field points at its parent.
    for (let depth = path.length; depth >= 0; depth--) {
      const node = doc.getIn(path.slice(0, depth) as unknown[], true);
      if (positional().isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  return { file, data, lineOf };
}

function validate<S extends z.ZodType>(schema: S, parsed: ParsedFile, problems: KnowledgeProblem[]): z.infer<S> | undefined {
  if (parsed.data === null || parsed.data === undefined) {
    problems.push({ file: parsed.file, field: '', message: 'is empty' });
    return undefined;
  }
  const result = schema.safeParse(parsed.data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') message = `has unknown field${issue.keys.length > 1 ? 's' : ''} ` +
      `${issue.keys.join(', ')} (check the spelling)`;
    if (issue.code === 'invalid_type' && valueAt(parsed.data, issue.path) === undefined) message = 'is missing';
    problems.push({ file: parsed.file, field: fieldPath(issue.path), line: parsed.lineOf(issue.path), message });
  }
  return undefined;
}

function valueAt(data: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function yamlFilesIn(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => /\.ya?ml$/i.test(name))
      .sort()
      .map((name) => join(dir, name));
  } catch {
    return [];
  }
}

/** Loads and validates the whole knowledge folder. Throws KnowledgeInvalidError listing every problem. */
export function loadKnowledge(dir: string): Knowledge {
  const problems: KnowledgeProblem[] = [];
  const display = (abs: string) => join('knowledge', relative(dir, abs));
  const lines = new Map<string, (path: ReadonlyArray<PropertyKey>) => number | undefined>();

  if (!existsDir(dir)) throw new KnowledgeInvalidError([{ file: dir, field: '', message: 'knowledge folder not found' }]);

  const readList = <S extends z.ZodType>(name: string, schema: S): z.infer<S> | undefined => {
    const abs = join(dir, name);
    const parsed = parseYamlFile(abs, display(abs), problems);
    if (!parsed) return undefined;
    lines.set(parsed.file, parsed.lineOf);
    return validate(schema, parsed, problems);
  };

  const sources = new Map<string, Source>();
  const skills = new Map<string, Skill>();
  const certifications = new Map<string, Certification>();
  const roles = new Map<string, Role>();
  const faqs = new Map<string, Faq>();
  const origin = new Map<string, string>(); // entity key -> file, for cross-reference messages

  const addUnique = <T extends { id: string }>(map: Map<string, T>, kind: string, item: T, file: string, field: string) => {
    if (map.has(item.id)) {
      problems.push({ file, field, line: lines.get(file)?.(field ? [field] : []), message: `${kind} id "${item.id}" ` +
        `is used twice (also in ${origin.get(`${kind}:${item.id}`)})` });
      return;
    }
    map.set(item.id, item);
    origin.set(`${kind}:${item.id}`, file);
  };

  const sourcesFile = readList('sources.yaml', sourcesFileSchema);
  sourcesFile?.sources.forEach((s, i) => addUnique(sources, 'source', s, 'knowledge/sources.yaml', `sources[${i}]`));
  const skillsFile = readList('skills.yaml', skillsFileSchema);
  skillsFile?.skills.forEach((s, i) => addUnique(skills, 'skill', s, 'knowledge/skills.yaml', `skills[${i}]`));
  const certsFile = readList('certifications.yaml', certificationsFileSchema);
  certsFile?.certifications.forEach((c, i) => addUnique(certifications, 'certification', c, 'knowledge/certifications.yaml', `certifications[${i}]`));
  // synonyms.yaml is optional: a knowledge folder without one simply has no synonyms.
  const synonymsFile = existsSync(join(dir, 'synonyms.yaml')) ? readList('synonyms.yaml', synonymsFileSchema) : undefined;
  const synonymLines = lines.get('knowledge/synonyms.yaml');
  const synonyms: Synonym[] = (synonymsFile?.synonyms ?? []).flatMap((entry, i) =>
    entry.titles.map((title, j) => ({
      title,
      soc: entry.soc,
      source: entry.source,
      ...(entry.note ? { note: entry.note } : {}),
      // Found only when a message needs it: finding lines means parsing the file a second, slower way.
      lineOf: () => synonymLines?.(['synonyms', i, 'titles', j]),
    })),
  );
  const spellings = new Map<string, string>();
  synonymsFile?.spellings.forEach((s, i) => {
    const key = s.spelling.toLowerCase();
    if (spellings.has(key)) problems.push({ file: 'knowledge/synonyms.yaml', field: `spellings[${i}].spelling`, line: synonymLines?.(['spellings', i, 'spelling']), message: `"${s.spelling}" is listed twice` });
    else spellings.set(key, s.us.toLowerCase());
  });

  // Files that exist but failed validation: references to them are not reported again as missing.
  const invalidIds = new Set<string>();
  const perFile = <S extends z.ZodType<{ id: string }>>(sub: string, schema: S, kind: string, into: Map<string, z.infer<S>>) => {
    const files = yamlFilesIn(join(dir, sub));
    if (files.length === 0) problems.push({ file: `knowledge/${sub}/`, field: '', message: `has no ${kind} files (*.yaml)` });
    for (const abs of files) {
      const parsed = parseYamlFile(abs, display(abs), problems);
      if (!parsed) {
        invalidIds.add(basename(abs, extname(abs)));
        continue;
      }
      lines.set(parsed.file, parsed.lineOf);
      const item = validate(schema, parsed, problems);
      if (!item) {
        invalidIds.add(basename(abs, extname(abs)));
        continue;
      }
      const expected = basename(abs, extname(abs));
      if (item.id !== expected) {
        problems.push({ file: parsed.file, field: 'id', line: parsed.lineOf(['id']), message: `is "${item.id}" but ` +
          `the file is named ${basename(abs)}; name the file ${item.id}.yaml or change the id` });
        continue;
      }
      addUnique(into, kind, item, parsed.file, '');
    }
  };
  perFile('roles', roleSchema, 'role', roles);
  perFile('faqs', faqSchema, 'faq', faqs);

  const kb = { sources, roles, faqs, skills, certifications, synonyms, spellings };
  checkReferences(kb, origin, lines, invalidIds, problems);
  checkSynonyms(kb, synonymsFile, synonymLines, problems);

  if (problems.length > 0) throw new KnowledgeInvalidError(problems);
  return kb;
}

/** Names compared the way authors mean them: case, punctuation and spacing aside. */
const nameKey = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/** Every synonym and spelling names a known source; a title means one occupation and is no curated role's name. */
function checkSynonyms(
  kb: Knowledge,
  file: { synonyms: { titles: string[]; source: string }[]; spellings: { source: string }[] } | undefined,
  lineOf: ((path: ReadonlyArray<PropertyKey>) => number | undefined) | undefined,
  problems: KnowledgeProblem[],
): void {
  if (!file) return;
  const at = (path: (string | number)[], message: string) =>
    problems.push({ file: 'knowledge/synonyms.yaml', field: fieldPath(path), line: lineOf?.(path), message });
  const roleNames = new Map<string, string>();
  for (const role of kb.roles.values())
    for (const name of [role.title, ...role.aliases, ...role.acronyms]) roleNames.set(nameKey(name), role.id);
  const seen = new Map<string, string>();
  file.synonyms.forEach((entry, i) => {
    if (!kb.sources.has(entry.source)) at(['synonyms', i, 'source'], `names source "${entry.source}", which is not ` +
      `in knowledge/sources.yaml`);
    entry.titles.forEach((title, j) => {
      const key = nameKey(title);
      const role = roleNames.get(key);
      const earlier = seen.get(key);
      if (role) at(['synonyms', i, 'titles', j], `"${title}" already names role "${role}" in knowledge/roles; a name ` +
        `can point at only one occupation`);
      else if (earlier) at(['synonyms', i, 'titles', j], `"${title}" is listed twice (also at ${earlier})`);
      else seen.set(key, `synonyms[${i}]`);
    });
  });
  file.spellings.forEach((s, i) => {
    if (!kb.sources.has(s.source)) at(['spellings', i, 'source'], `names source "${s.source}", which is not in ` +
      `knowledge/sources.yaml`);
  });
}

function existsDir(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/** Every id that one entry names must exist; a name may point at only one role. */
function checkReferences(
  kb: Knowledge,
  origin: Map<string, string>,
  lines: Map<string, (path: ReadonlyArray<PropertyKey>) => number | undefined>,
  invalidIds: Set<string>,
  problems: KnowledgeProblem[],
): void {
  const report = (kind: string, id: string, path: (string | number)[], message: string) => {
    const file = origin.get(`${kind}:${id}`) ?? 'knowledge';
    problems.push({ file, field: fieldPath(path), line: lines.get(file)?.(path), message });
  };
  const needSource = (kind: string, owner: string, path: (string | number)[], ref: string) => {
    if (!kb.sources.has(ref)) report(kind, owner, path, `names source "${ref}", which is not in ` +
      `knowledge/sources.yaml`);
  };
  const needRole = (kind: string, owner: string, path: (string | number)[], ref: string) => {
    if (!kb.roles.has(ref) && !invalidIds.has(ref)) report(kind, owner, path, `names role "${ref}", which has no ` +
      `file knowledge/roles/${ref}.yaml`);
  };

  const nameOwner = new Map<string, string>();
  for (const role of kb.roles.values()) {
    const r = role.id;
    role.figures.forEach((f, i) => needSource('role', r, ['figures', i, 'source'], f.source));
    role.ratings.forEach((f, i) => needSource('role', r, ['ratings', i, 'source'], f.source));
    for (const key of ['aiCan', 'aiCannot', 'risks', 'tools', 'timeline', 'whoShouldWorry', 'specializations'] as const) {
      role[key].forEach((c, i) => needSource('role', r, [key, i, 'source'], c.source));
    }
    if (role.assessment) needSource('role', r, ['assessment', 'source'], role.assessment.source);
    if (role.assessment?.experience)
      needSource('role', r, ['assessment', 'experience', 'source'], role.assessment.experience.source);
    role.transitions.forEach((t, i) => {
      needSource('role', r, ['transitions', i, 'source'], t.source);
      needRole('role', r, ['transitions', i, 'role'], t.role);
      if (t.role === r) report('role', r, ['transitions', i, 'role'], 'points at the role itself');
    });
    role.notThisRole.forEach((n, i) => n.role && needRole('role', r, ['notThisRole', i, 'role'], n.role));
    for (const group of ['exposed', 'resilient', 'toBuild'] as const) {
      role.skills[group].forEach((s, i) => {
        if (!kb.skills.has(s)) report('role', r, ['skills', group, i], `names skill "${s}", which is not in ` +
          `knowledge/skills.yaml`);
      });
    }
    role.certifications.forEach((c, i) => {
      if (!kb.certifications.has(c)) report('role', r, ['certifications', i], `names certification "${c}", which is ` +
        `not in knowledge/certifications.yaml`);
    });
    const names: [string, (string | number)[]][] = [
      [role.title, ['title']],
      ...role.aliases.map((a, i): [string, (string | number)[]] => [a, ['aliases', i]]),
      ...role.acronyms.map((a, i): [string, (string | number)[]] => [a, ['acronyms', i]]),
    ];
    for (const [name, path] of names) {
      const key = name.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
      const other = nameOwner.get(key);
      if (other && other !== r) report('role', r, path, `"${name}" already names role "${other}"; a name can point ` +
        `at only one role`);
      else nameOwner.set(key, r);
    }
  }
  for (const faq of kb.faqs.values()) {
    faq.sources.forEach((s, i) => needSource('faq', faq.id, ['sources', i], s));
    faq.roles.forEach((role, i) => needRole('faq', faq.id, ['roles', i], role));
  }
  [...kb.skills.values()].forEach((skill, i) => skill.sources.forEach((s, j) => {
    if (!kb.sources.has(s)) problems.push({ file: 'knowledge/skills.yaml', field: `skills[${i}].sources[${j}]`, line: lines.get('knowledge/skills.yaml')?.(['skills', i, 'sources', j]), message: `names source "${s}", which is not in knowledge/sources.yaml` });
  }));
  [...kb.certifications.values()].forEach((cert, i) => cert.sources.forEach((s, j) => {
    if (!kb.sources.has(s)) problems.push({ file: 'knowledge/certifications.yaml', field: `certifications[${i}].sources[${j}]`, line: lines.get('knowledge/certifications.yaml')?.(['certifications', i, 'sources', j]), message: `names source "${s}", which is not in knowledge/sources.yaml` });
  }));
}
