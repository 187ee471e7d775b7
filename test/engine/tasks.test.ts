// The task-statement index ranks as MiniSearch did (which it replaces for memory): the same documents, scores
// and matched words, over the real catalog's tasks and queries of every kind; and small cases by hand.
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { readLayQueries } from '../../src/bench/people.js';
import { bootEngine } from '../../src/app/boot.js';
import { taskText } from '../../src/engine/resolve.js';
import { SEARCH_TEXT, TaskIndex } from '../../src/engine/tasks.js';

describe('task index', () => {
  it('matches whole words and, from five letters, the start of longer ones, scoring by BM25+', () => {
    const index = new TaskIndex(SEARCH_TEXT);
    index.add([
      { id: 'phlebotomist', text: 'Draw blood from patients.\nLabel blood samples.' },
      { id: 'nurse', text: 'Monitor patients and record vital signs.' },
    ]);
    index.add([{ id: 'baker', text: 'Bake bread and pastries.' }]);
    const hits = index.search('draw blood samples');
    expect(hits.map((h) => h.id)).toEqual(['phlebotomist']);
    expect(hits[0]?.queryTerms).toEqual(['draw', 'blood', 'sample']);
    // "patient" (singular, as indexed) and "monit" as the start of "monitor".
    expect(index.search('patients').map((h) => h.id)).toEqual(['phlebotomist', 'nurse']);
    expect(index.search('monit').map((h) => h.id)).toEqual(['nurse']);
    expect(index.search('moni')).toEqual([]);
    expect(index.search('the and of')).toEqual([]);
    expect(() => index.add([{ id: 'late', text: 'x' }])).toThrow(/after finish/);
  });

  describe('over the catalog, against MiniSearch', () => {
    const { catalog, engine } = bootEngine();
    const docs = [...catalog.roles.values()]
      .map((role) => ({ id: role.id, text: taskText(role) }))
      .filter((d) => d.text);
    const index = new TaskIndex(SEARCH_TEXT);
    index.add(docs);
    const mini = new MiniSearch<{ id: string; text: string }>({ fields: ['text'], ...SEARCH_TEXT });
    mini.addAll(docs);
    const queries = [
      ...readLayQueries().map((q) => q.query),
      ...engine.faqs().map((f) => f.question),
      'draw blood samples from patients',
      'repair engines of trucks and buses',
      'operate machines that wrap butter',
      'analyze financial statements and prepare tax returns',
      'teach children to read and write',
    ];

    it(`gives the same hits, scores and matched words for ${queries.length} queries`, () => {
      let compared = 0;
      for (const query of queries) {
        const ours = index.search(query).slice(0, 10);
        const theirs = mini.search(query, { prefix: (t) => t.length >= 5 }).slice(0, 10);
        expect(
          ours.map((h) => h.id),
          query,
        ).toEqual(theirs.map((h) => String(h.id)));
        ours.forEach((h, i) => {
          expect(h.score, query).toBeCloseTo(theirs[i]?.score ?? NaN, 9);
          expect(h.queryTerms, query).toEqual(theirs[i]?.queryTerms);
        });
        compared += ours.length;
      }
      expect(compared).toBeGreaterThan(1000);
    });
  });
});
