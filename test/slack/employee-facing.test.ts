// What employees see (help, App Home, cards and their details, paths, comparisons, "no role found", a question
// that names no job) never shows the server's folders or the datasets' join statistics: those go to the log
// and to HR admins. A question that names no job asks which job, with examples from across the economy.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDirFromEnv } from '../../src/catalog/paths.js';
import { detailsBlocks } from '../../src/renderers/blockkit/details.js';
import { hrReplyMessage } from '../../src/renderers/blockkit/hr.js';
import { answerMessage, roleCardMessage } from '../../src/renderers/blockkit/messages.js';
import { homeView } from '../../src/renderers/blockkit/views.js';
import { renderText } from '../../src/renderers/terminal.js';
import { bootEngine } from '../../src/app/boot.js';
import { visibleText } from '../support/block-text.js';

const { engine, catalog } = bootEngine();
const dataDir = dataDirFromEnv(process.env);

/** A folder on this machine, or a statistic of the dataset join (never an employee's business). */
function internals(text: string): string[] {
  const found: string[] = [];
  if (dataDir && (text.includes(dataDir) || text.includes(resolve(dataDir)))) found.push('the data folder');
  // A path such as /work/… or ../shared/…, but not a web address.
  for (const m of text.matchAll(/(?<![\w:/.])(?:\.{1,2})?\/(?:[\w.-]+\/)+[\w.-]*/g)) found.push(m[0]);
  for (const stat of [
    /Not joined/i,
    /Handbook pages/i,
    /basic-skills titles/i,
    /\d[\d,]* rated in GPTs are GPTs/i,
    /AIRISK_DATA_DIR/,
  ])
    if (stat.test(text)) found.push(stat.source);
  return found;
}

describe('employee-facing messages', () => {
  it('the datasets are loaded here, so the check below means something', () => {
    expect(dataDir).toBeTruthy();
    expect(catalog.datasets.note).toContain(dataDir!);
    expect(catalog.datasets.note).toMatch(/Not joined/);
    expect(internals(catalog.datasets.note).length).toBeGreaterThan(0);
  });

  it('help, App Home and the answers to odd questions show no folder or dataset statistic', () => {
    const messages = [
      visibleText(answerMessage(engine.help()).blocks),
      renderText(engine.help()),
      visibleText(homeView(engine.help()).blocks),
      visibleText(answerMessage(engine.ask('qwxzzv plorft')).blocks),
      visibleText(answerMessage(engine.ask('will AI replace my job?')).blocks),
      visibleText(answerMessage(engine.ask('manager')).blocks),
      visibleText(answerMessage(engine.compare('cashier vs software developer') as never).blocks),
    ];
    for (const text of messages) expect(internals(text)).toEqual([]);
  });

  it('no card, its details or its path shows a folder or a dataset statistic, for any role', () => {
    const found: string[] = [];
    for (const id of catalog.roles.keys()) {
      const card = engine.card(id)!;
      const text = [
        visibleText(roleCardMessage(card).blocks),
        visibleText(detailsBlocks(card)),
        visibleText(answerMessage(engine.path(id)).blocks),
      ].join('\n');
      for (const x of internals(text)) found.push(`${id}: ${x}`);
    }
    expect(found).toEqual([]);
  });

  it('HR admins see what data the server answers from, in insights', () => {
    const text = visibleText(
      hrReplyMessage({ kind: 'insights', insights: { timeZone: 'UTC', periods: [], dataNote: catalog.datasets.note } })
        .blocks,
    );
    expect(text).toContain('Data on this server (for HR admins)');
    expect(text).toContain('Not joined');
  });
});

describe('a question that names no job', () => {
  it.each([
    'will AI replace my job?',
    'Will AI take my job',
    'is my job safe from AI?',
    'will robots take over my work',
  ])('“%s” asks for the job title, with jobs from across the economy', (question) => {
    const answer = engine.ask(question);
    expect(answer).toMatchObject({ kind: 'not_found', reason: 'no_job' });
    if (answer.kind !== 'not_found') return;
    const ids = answer.suggestions.map((r) => r.id);
    // Examples from across the economy, not one sector's roles.
    for (const id of ['cashiers', 'software-developers', 'electricians', 'registered-nurse']) expect(ids).toContain(id);
    const text = visibleText(answerMessage(answer).blocks, { buttons: true });
    expect(text).toMatch(/^Which job do you mean\? Tell me your job title/);
    expect(text).toContain('Cashiers');
    expect(text).not.toContain('I found no role');
  });

  it('a question that does name a job still gets its card', () => {
    for (const q of ['will AI replace my job as a cashier?', 'is my job as an accountant safe?'])
      expect(engine.ask(q).kind, q).toBe('role');
  });
});
