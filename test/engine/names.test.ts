// The name index: which keys a title is filed under, exact look-up, the coverage score, typo tolerance, and
// that its plain-data form survives a round trip through the start-up cache's serialization.
import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { NameIndex, buildNameIndexData, nameKeys, type NameInput, type QueryTerm } from '../../src/engine/names.js';

const names: NameInput[] = [
  { title: 'Accountant', target: 'A', source: 'onet-alternate', sources: 3 },
  { title: 'Senior Tax Accountant', target: 'A', source: 'onet-alternate' },
  { title: 'Tax Preparer', target: 'T', source: 'onet-alternate', sources: 2 },
  { title: 'Certified Public Accountant (CPA)', target: 'A', source: 'onet-alternate', sources: 2 },
  { title: 'CPA', target: 'A', source: 'onet-short', of: 'Certified Public Accountant (CPA)', sources: 2 },
  { title: 'CEO (Chief Executive Officer)', target: 'C', source: 'onet-reported' },
  { title: 'Clerk (Accounting)', target: 'B', source: 'onet-alternate' },
  { title: 'Registered Nurses', target: 'N', source: 'catalog' },
];
const term = (word: string, fuzzy = false): QueryTerm => ({
  word,
  options: [{ term: word, weight: 1 }],
  generic: false,
  fuzzy,
});

describe('name keys', () => {
  it('normalize case, plurals, punctuation and "&", and split an abbreviation in parentheses off', () => {
    expect(nameKeys('Registered Nurses')).toEqual([['registered', 'nurse']]);
    expect(nameKeys('Certified Public Accountant (CPA)')).toEqual([['certified', 'public', 'accountant'], ['cpa']]);
    expect(nameKeys('CEO (Chief Executive Officer)')).toEqual([['ceo'], ['chief', 'executive', 'officer']]);
    expect(nameKeys('Clerk (Accounting)')).toEqual([['clerk', 'accounting']]);
    expect(nameKeys('Heating & Cooling Technician')).toEqual([['heating', 'and', 'cooling', 'technician']]);
  });

  it('file a title under both sides of a parenthesis that is its O*NET short form', () => {
    const title = 'Pest Control Technician (Pest Control Tech)';
    expect(nameKeys(title)).toEqual([['pest', 'control', 'technician', 'pest', 'control', 'tech']]);
    expect(nameKeys(title, 'Pest Control Tech')).toEqual([
      ['pest', 'control', 'technician'],
      ['pest', 'control', 'tech'],
    ]);
    expect(nameKeys('HVAC Tech (Heating, Ventilation, and Air Conditioning Technician)', 'HVAC Tech')).toEqual([
      ['hvac', 'tech'],
      ['heating', 'ventilation', 'and', 'air', 'conditioning', 'technician'],
    ]);
  });
});

describe('evidence model', () => {
  // Butter printers are O*NET's "Production Workers, All Other" (P); food batchmakers (F) make butter; printing
  // press operators (R) print. No name is "butter printer": all the names together and the descriptions decide.
  const evidenceNames: NameInput[] = [
    { title: 'Butter Maker', target: 'F', source: 'onet-alternate' },
    { title: 'Batch Maker', target: 'F', source: 'onet-alternate' },
    { title: 'Cheese Maker', target: 'F', source: 'onet-alternate' },
    { title: 'Press Printer', target: 'R', source: 'onet-alternate' },
    { title: 'Web Press Printer', target: 'R', source: 'onet-alternate' },
    { title: 'Label Printer', target: 'R', source: 'onet-alternate' },
    { title: 'Butter Wrapper', target: 'P', source: 'onet-alternate' },
    { title: 'Butter Cutter', target: 'P', source: 'onet-alternate' },
    { title: 'Mold Printer', target: 'P', source: 'onet-alternate' },
    { title: 'Sorter', target: 'P', source: 'onet-alternate' },
  ];
  const texts = [
    { target: 'F', text: 'Set up and operate equipment that mixes or blends ingredients for food products.' },
    { target: 'R', text: 'Set up and operate printing presses that print on paper.' },
    { target: 'P', text: 'All production workers not listed separately.' },
  ];
  const index = new NameIndex(buildNameIndexData(evidenceNames, undefined, texts));
  const scoreOf = (scores: Float64Array | null, target: string) => scores?.[index.targetIndex(target) ?? -1] ?? NaN;

  it('favours the target whose names, all together, have the words', () => {
    const scores = index.evidence([term('butter'), term('printer')]);
    expect(scoreOf(scores, 'P')).toBeGreaterThan(scoreOf(scores, 'F'));
    expect(scoreOf(scores, 'P')).toBeGreaterThan(scoreOf(scores, 'R'));
  });

  it('reads a word no name has in the descriptions', () => {
    expect(index.hasTerm('ingredient')).toBe(false);
    expect(index.hasTextTerm('ingredient')).toBe(true);
    const scores = index.evidence([term('ingredient')]);
    expect(scoreOf(scores, 'F')).toBeGreaterThan(scoreOf(scores, 'R'));
  });

  it('has no opinion when no word is known', () => {
    expect(index.evidence([term('zzyzx')])).toBeNull();
  });

  it('is plain data too', () => {
    const data = buildNameIndexData(evidenceNames, undefined, texts);
    const copy = new NameIndex(deserialize(serialize(data)));
    expect([...(copy.evidence([term('butter'), term('printer')]) ?? [])]).toEqual([
      ...(index.evidence([term('butter'), term('printer')]) ?? []),
    ]);
  });
});

describe('name index', () => {
  const index = new NameIndex(buildNameIndexData(names));

  it('finds whole names with every occupation they name', () => {
    expect(index.exact('cpa')).toEqual([
      { target: 'A', title: 'Certified Public Accountant (CPA)', source: 'onet-alternate', sources: 2 },
      { target: 'A', title: 'CPA', source: 'onet-short', sources: 2, of: 'Certified Public Accountant (CPA)' },
    ]);
    expect(index.exact('chief executive officer').map((e) => e.target)).toEqual(['C']);
    expect(index.exact('nurse')).toEqual([]);
  });

  it('scores a name by how much of the query it covers, then by how much of itself the query covers', () => {
    const query = [term('tax'), term('accountant')];
    const weights = query.map((q) => index.idf(q.word) ?? 0);
    const [best, second] = index.search(query, weights);
    expect(index.keyOf(best?.key ?? -1)).toBe('senior tax accountant');
    expect(best?.queryCoverage).toBe(1);
    expect(best?.nameCoverage).toBeLessThan(1);
    expect(second?.queryCoverage).toBeLessThan(1);
  });

  it('tolerates a typo in a word it does not know, and says the match was inexact', () => {
    const query = [term('acountant', true)];
    const [hit] = index.search(query, [index.unseenIdf]);
    expect(index.keyOf(hit?.key ?? -1)).toBe('accountant');
    expect(hit?.inexact).toBe(true);
  });

  it('leaves excluded names out (the benchmark holds titles out this way)', () => {
    const without = new NameIndex(buildNameIndexData(names, new Set(['accountant'])));
    expect(without.exact('accountant')).toEqual([]);
    expect(without.exact('tax preparer')).toHaveLength(1);
  });

  it('is plain data: a serialization round trip answers the same', () => {
    const data = buildNameIndexData(names);
    const copy = new NameIndex(deserialize(serialize(data)));
    expect(copy.data).toEqual(data);
    const query = [term('tax'), term('accountant')];
    const weights = query.map((q) => index.idf(q.word) ?? 0);
    expect(copy.search(query, weights)).toEqual(index.search(query, weights));
  });
});
