// Each kind of author mistake gets a message naming file, line, field and reason; nothing crashes.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { KnowledgeInvalidError, loadKnowledge, type KnowledgeProblem } from '../../src/catalog/knowledge/load.js';
import { defaultKnowledgeDir } from '../../src/catalog/paths.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function copyKnowledge(): string {
  const dir = mkdtempSync(join(tmpdir(), 'airisk-kb-'));
  dirs.push(dir);
  cpSync(defaultKnowledgeDir, dir, { recursive: true });
  return dir;
}

function edit(dir: string, file: string, change: (doc: ReturnType<typeof parseDocument>) => void): void {
  const path = join(dir, file);
  const doc = parseDocument(readFileSync(path, 'utf8'));
  change(doc);
  writeFileSync(path, doc.toString());
}

function problemsOf(dir: string): KnowledgeProblem[] {
  try {
    loadKnowledge(dir);
  } catch (err) {
    expect(err).toBeInstanceOf(KnowledgeInvalidError);
    return (err as KnowledgeInvalidError).problems;
  }
  throw new Error('expected the knowledge to be rejected');
}

function lineText(dir: string, file: string, line: number | undefined): string {
  expect(line, 'problem has a line number').toBeTypeOf('number');
  return readFileSync(join(dir, file.replace(/^knowledge\//, '')), 'utf8').split('\n')[(line ?? 1) - 1] ?? '';
}

describe('knowledge validation', () => {
  it('accepts the shipped knowledge', () => {
    const kb = loadKnowledge(defaultKnowledgeDir);
    expect(kb.roles.has('medical-coder')).toBe(true);
    expect(kb.roles.size).toBeGreaterThanOrEqual(10);
    expect(kb.faqs.size).toBeGreaterThanOrEqual(6);
  });

  it('reports a value out of range with file, line and field path', () => {
    const dir = copyKnowledge();
    edit(dir, 'roles/medical-coder.yaml', (doc) => doc.setIn(['assessment', 'tasks', 2, 'score'], 7));
    const [p, ...rest] = problemsOf(dir);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ file: 'knowledge/roles/medical-coder.yaml', field: 'assessment.tasks[2].score', message: 'must be at most 5' });
    expect(lineText(dir, p!.file, p!.line)).toMatch(/score:\s*7/);
  });

  it('names the one list an FAQ may ask the engine to compute', () => {
    const dir = copyKnowledge();
    edit(dir, 'faqs/which-jobs-are-least-exposed.yaml', (doc) => doc.set('list', 'safest-jobs'));
    const [p, ...rest] = problemsOf(dir);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({
      file: 'knowledge/faqs/which-jobs-are-least-exposed.yaml',
      field: 'list',
      message: 'must be least-exposed-occupations (the one list airisk computes)',
    });
    expect(lineText(dir, p!.file, p!.line)).toMatch(/list:\s*safest-jobs/);
  });

  it('reports time shares that do not add up to 100 %', () => {
    const dir = copyKnowledge();
    edit(dir, 'roles/medical-coder.yaml', (doc) => doc.setIn(['assessment', 'tasks', 0, 'timeShare'], 30));
    const problems = problemsOf(dir);
    expect(problems).toEqual([expect.objectContaining({ field: 'assessment.tasks', message: 'time shares must add up ' +
      'to 100 %, but they add up to 95 %' })]);
  });

  it('reports a missing required field and a misspelt one', () => {
    const dir = copyKnowledge();
    edit(dir, 'roles/medical-coder.yaml', (doc) => {
      doc.deleteIn(['title']);
      doc.setIn(['summry'], 'typo');
    });
    const problems = problemsOf(dir);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'knowledge/roles/medical-coder.yaml', field: 'title', message: 'is missing' }),
        expect.objectContaining({ file: 'knowledge/roles/medical-coder.yaml', message: 'has unknown field summry ' +
          '(check the spelling)' }),
      ]),
    );
  });

  it('reports a wrong type in words an author understands', () => {
    const dir = copyKnowledge();
    edit(dir, 'roles/medical-coder.yaml', (doc) => doc.setIn(['figures', 0, 'value'], '85 percent'));
    expect(problemsOf(dir)).toEqual([expect.objectContaining({ field: 'figures[0].value', message: 'must be a number ' +
      '(no units, commas or % sign)' })]);
  });

  it('checks cross-references: sources, transition targets, skills, certifications', () => {
    const dir = copyKnowledge();
    edit(dir, 'roles/medical-coder.yaml', (doc) => {
      doc.setIn(['figures', 0, 'source'], 'no-such-source');
      doc.setIn(['transitions', 0, 'role'], 'astronaut');
      doc.setIn(['skills', 'resilient', 0], 'juggling');
      doc.setIn(['certifications', 0], 'xyz');
    });
    const messages = problemsOf(dir).map((p) => `${p.field}: ${p.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        'figures[0].source: names source "no-such-source", which is not in knowledge/sources.yaml',
        'transitions[0].role: names role "astronaut", which has no file knowledge/roles/astronaut.yaml',
        'skills.resilient[0]: names skill "juggling", which is not in knowledge/skills.yaml',
        'certifications[0]: names certification "xyz", which is not in knowledge/certifications.yaml',
      ]),
    );
  });

  it('rejects one name pointing at two roles', () => {
    const dir = copyKnowledge();
    edit(dir, 'roles/registered-nurse.yaml', (doc) => doc.setIn(['aliases'], ['clinical coder']));
    const problems = problemsOf(dir);
    expect(problems.some((p) => /"clinical coder" already names role/.test(p.message))).toBe(true);
  });

  it('reports broken YAML with its line, and a file named differently from its id', () => {
    const dir = copyKnowledge();
    writeFileSync(join(dir, 'faqs/broken.yaml'), 'id: broken\nquestion: "unterminated\nanswer: x\n');
    const text = readFileSync(join(dir, 'roles/pharmacy-technician.yaml'), 'utf8');
    unlinkSync(join(dir, 'roles/pharmacy-technician.yaml'));
    writeFileSync(join(dir, 'roles/pharmacy-tech.yaml'), text);
    const problems = problemsOf(dir);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'knowledge/faqs/broken.yaml', message: expect.stringMatching(/^is not valid YAML/) }),
        expect.objectContaining({ file: 'knowledge/roles/pharmacy-tech.yaml', field: 'id', message: expect.stringMatching(/name the file pharmacy-technician.yaml/) }),
      ]),
    );
  });

  it('explains the ": " trap and a repeated field, with their lines', () => {
    const dir = copyKnowledge();
    writeFileSync(join(dir, 'faqs/colon.yaml'), 'id: colon\nquestion: Why?\nanswer: Because: reasons\n');
    writeFileSync(join(dir, 'faqs/twice.yaml'), 'id: twice\nquestion: Why?\nquestion: Again?\nanswer: x\n');
    const problems = problemsOf(dir);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'knowledge/faqs/colon.yaml', line: 3, message: expect.stringContaining('must be put in quotes') }),
        expect.objectContaining({ file: 'knowledge/faqs/twice.yaml', line: 3, message: expect.stringMatching(/^is not valid YAML: .*unique/i) }),
      ]),
    );
  });

  it('reads every shipped file to the same data with the fast parser as with the positional one', async () => {
    const jsYaml = (await import('js-yaml')).default;
    const { parse } = await import('yaml');
    const { readdirSync } = await import('node:fs');
    const files = readdirSync(defaultKnowledgeDir, { recursive: true }).map(String).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) {
      const text = readFileSync(join(defaultKnowledgeDir, f), 'utf8');
      expect(jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA }), f).toEqual(parse(text));
    }
  });

  it('reports a missing registry file', () => {
    const dir = copyKnowledge();
    unlinkSync(join(dir, 'skills.yaml'));
    const problems = problemsOf(dir);
    expect(problems[0]).toMatchObject({ file: 'knowledge/skills.yaml' });
    expect(problems[0]!.message).toMatch(/is missing/);
  });

  it('checks synonyms.yaml: SOC codes, sources, one occupation per title, no curated role name, with lines', () => {
    const dir = copyKnowledge();
    edit(dir, 'synonyms.yaml', (doc) => {
      doc.setIn(['synonyms', 0, 'soc'], '23-10');
      doc.setIn(['synonyms', 1, 'source'], 'no-such-source');
      doc.setIn(['synonyms', 2, 'titles'], ['solicitor']);
      doc.setIn(['synonyms', 3, 'titles'], ['clinical coder']);
      doc.setIn(['spellings', 0, 'us'], 'two words');
    });
    const problems = problemsOf(dir);
    const of = (field: string) => problems.find((p) => p.field === field);
    expect(of('synonyms[0].soc')).toMatchObject({ file: 'knowledge/synonyms.yaml', message: 'must be a 6-digit SOC ' +
      'code such as 29-2072' });
    expect(of('spellings[0].us')?.message).toBe('must be one word, letters only');
    expect(lineText(dir, 'knowledge/synonyms.yaml', of('synonyms[0].soc')?.line)).toMatch(/soc: 23-10/);
  });

  it('checks synonyms.yaml references once the schema holds', () => {
    const dir = copyKnowledge();
    edit(dir, 'synonyms.yaml', (doc) => {
      doc.setIn(['synonyms', 1, 'source'], 'no-such-source');
      doc.setIn(['synonyms', 2, 'titles'], ['solicitor']);
      doc.setIn(['synonyms', 3, 'titles'], ['clinical coder']);
    });
    const problems = problemsOf(dir);
    const of = (field: string) => problems.find((p) => p.field === field);
    expect(of('synonyms[1].source')?.message).toBe('names source "no-such-source", which is not in ' +
      'knowledge/sources.yaml');
    expect(of('synonyms[2].titles[0]')?.message).toBe('"solicitor" is listed twice (also at synonyms[0])');
    expect(of('synonyms[3].titles[0]')?.message).toMatch(/"clinical coder" already names role "medical-coder"/);
    expect(lineText(dir, 'knowledge/synonyms.yaml', of('synonyms[2].titles[0]')?.line)).toMatch(/solicitor/);
  });

  it('rejects a synonym for an occupation the datasets do not have, with its line', async () => {
    const dir = copyKnowledge();
    edit(dir, 'synonyms.yaml', (doc) => doc.setIn(['synonyms', 0, 'soc'], '23-1099'));
    const { buildCatalog } = await import('../../src/catalog/catalog.js');
    const { loadDatasets } = await import('../../src/catalog/datasets/load.js');
    const datasets = loadDatasets(join(import.meta.dirname, '../fixtures/datasets/small'));
    let problems: KnowledgeProblem[] = [];
    try {
      buildCatalog(loadKnowledge(dir), datasets);
    } catch (err) {
      problems = (err as KnowledgeInvalidError).problems;
    }
    expect(problems[0]).toMatchObject({ file: 'knowledge/synonyms.yaml', field: 'soc' });
    expect(problems[0]?.message).toMatch(/^"solicitor" points at SOC 23-1099, which is not an occupation in the datasets/);
    expect(lineText(dir, 'knowledge/synonyms.yaml', problems[0]?.line)).toMatch(/solicitor/);
  });
});

describe('experience inputs (assessment.experience)', () => {
  const levels = ['assessment', 'experience', 'levels'];
  const broken = (change: (doc: ReturnType<typeof parseDocument>) => void) => {
    const dir = copyKnowledge();
    edit(dir, 'roles/medical-coder.yaml', change);
    return problemsOf(dir);
  };

  it('names the file, line and field of a level without its task resistance', () => {
    const [p, ...rest] = broken((doc) => doc.deleteIn([...levels, 0, 'taskResistance']));
    expect(rest).toEqual([]);
    expect(p).toMatchObject({
      file: 'knowledge/roles/medical-coder.yaml',
      field: 'assessment.experience.levels[0].taskResistance',
      message: 'needs the task resistance the source gives for this level (from, to)',
    });
    expect(p!.line).toBeTypeOf('number');
  });

  it('refuses a range the wrong way round, a value off the 1–5 scale, an unknown source and a misplaced level', () => {
    expect(broken((doc) => doc.setIn([...levels, 2, 'taskResistance', 'from'], 2.5))[0]).toMatchObject({
      field: 'assessment.experience.levels[2].taskResistance.from',
      message: 'must not be more than "to" (2.4)',
    });
    expect(broken((doc) => doc.setIn([...levels, 0, 'taskResistance', 'to'], 6))[0]).toMatchObject({
      field: 'assessment.experience.levels[0].taskResistance.to',
      message: 'must be at most 5',
    });
    expect(broken((doc) => doc.setIn(['assessment', 'experience', 'source'], 'nowhere'))[0]).toMatchObject({
      field: 'assessment.experience.source',
      message: 'names source "nowhere", which is not in knowledge/sources.yaml',
    });
    // Saying the senior level was assessed leaves mid-level without inputs and senior with inputs it must not have.
    expect(
      broken((doc) => doc.setIn(['assessment', 'experience', 'assessed'], 'senior')).map((p) => `${p.field}: ${p.message}`),
    ).toEqual([
      'assessment.experience.levels[1].taskResistance: needs the task resistance the source gives for this level ' +
        '(from, to)',
      'assessment.experience.levels[2].taskResistance: the assessed level takes its task resistance from the task ' +
        'scores; leave it out here',
    ]);
  });
});
