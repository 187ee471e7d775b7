// How the loader joins the files, on the hand-made fixture where every expected number can be worked out
// by hand from test/fixtures/datasets/small.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NO_DATA_NOTE, loadDatasets, percentileRanks } from '../../src/catalog/datasets/load.js';
import type { OccupationData } from '../../src/catalog/datasets/types.js';

const data = loadDatasets(resolve(import.meta.dirname, '../fixtures/datasets/small'));
const occupation = (soc: string): OccupationData => {
  const o = data.occupations.get(soc);
  if (!o) throw new Error(`no occupation ${soc} in the fixture`);
  return o;
};
const measure = (soc: string, source: string) => occupation(soc).measures.find((m) => m.source === source);

describe('without a data folder', () => {
  it('answers from curated knowledge only and says so', () => {
    const empty = loadDatasets(null);
    expect(empty).toMatchObject({ dir: null, note: 'No AIRISK_DATA_DIR set: answering from curated knowledge only.' });
    expect(empty.occupations.size).toBe(0);
    expect(NO_DATA_NOTE).toBe(empty.note);
  });
});

describe('occupations', () => {
  it('are every SOC that an exposure source rates, and every SOC of O*NET', () => {
    expect([...data.occupations.keys()]).toEqual([
      '98-1011',
      '98-1012',
      '98-1020',
      '98-1021',
      '98-1099',
      '98-2011',
      '98-2012',
    ]);
  });

  it('answer for an O*NET occupation no source rates, saying what it lacks rather than showing zeros', () => {
    const unrated = occupation('98-1099');
    expect(unrated.title).toBe('Widget Workers, All Other');
    expect(unrated.measures).toEqual([]);
    expect(unrated.lacks).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Not rated in GPTs are GPTs/),
        expect.stringMatching(/^Not rated in Working with AI/),
      ]),
    );
  });

  it('keep the employment prior and say where it comes from', () => {
    expect(occupation('98-1011').employmentPrior).toEqual({ workers: 12000, basis: 'ooh-2024' });
    expect(occupation('98-1012').employmentPrior).toEqual({ workers: 5000, basis: 'ooh-2024' });
    expect(occupation('98-2011').employmentPrior).toEqual({ workers: 2000, basis: 'oews-2021' });
    expect(occupation('98-1021').employmentPrior).toEqual({ workers: 3100, basis: 'oews-2021-group-share' });
    expect(occupation('98-1099').employmentPrior).toBeUndefined();
  });

  it('fold O*NET-SOC codes to 6-digit SOC, keeping the detail list and the base title', () => {
    const widget = occupation('98-1011');
    expect(widget.title).toBe('Widget Inspectors');
    expect(widget.onet).toEqual([
      { code: '98-1011.00', title: 'Widget Inspectors' },
      { code: '98-1011.01', title: 'Night Widget Inspectors' },
    ]);
  });

  it('take their title from Microsoft when GPTs are GPTs does not rate them', () => {
    expect(occupation('98-2012').title).toBe('Lighthouse Keepers');
    expect(occupation('98-2012').lacks).toContain(
      'Not rated in GPTs are GPTs (no O*NET-SOC occupation for this SOC there).',
    );
  });
});

describe('measures', () => {
  it('average β over the folded O*NET occupations and say so', () => {
    expect(measure('98-1011', 'eloundou-gpt4')).toMatchObject({
      value: 0.5,
      scale: '0–1 share of tasks exposed (β: E1 + ½·E2)',
      higherMeansMoreRisk: true,
      origin: 'dataset',
    });
    expect(measure('98-1011', 'eloundou-human')?.value).toBe(0.4);
    expect(measure('98-1011', 'eloundou-gpt4')?.note).toBe('Mean of the 2 O*NET-SOC occupations in this SOC.');
  });

  it('rank each occupation by the share of occupations with a strictly lower value (ties share a rank)', () => {
    // GPT-4 β: 0.05, 0.2, 0.2, 0.5 across four SOCs.
    expect(measure('98-2011', 'eloundou-gpt4')?.percentile).toBe(0);
    expect(measure('98-1012', 'eloundou-gpt4')?.percentile).toBe(25);
    expect(measure('98-1021', 'eloundou-gpt4')?.percentile).toBe(25);
    expect(measure('98-1011', 'eloundou-gpt4')?.percentile).toBe(75);
    // Microsoft: 0.1, 0.2, 0.3, 0.3 across four SOCs.
    expect(measure('98-1011', 'microsoft-ai-applicability')?.percentile).toBe(50);
    expect(measure('98-1020', 'microsoft-ai-applicability')?.percentile).toBe(25);
  });

  it('use a Microsoft group score for a SOC it scores only as its broad group, labelled', () => {
    const group = measure('98-1021', 'microsoft-ai-applicability');
    expect(group).toMatchObject({ value: 0.2, percentile: 25 });
    expect(group?.note).toMatch(
      /^Score for the group "Sprocket Assessors and Appraisers" \(98-1020\), which includes this occupation\./,
    );
  });

  it('carry the Microsoft caveat: usage, not replacement; health records under-counted', () => {
    const note = measure('98-1011', 'microsoft-ai-applicability')?.note ?? '';
    expect(note).toMatch(/not whether the job is replaced/);
    expect(note).toMatch(/Health-record work scores low/);
  });

  it('percentileRanks rounds to one decimal', () => {
    const rank = percentileRanks([3, 1, 2]);
    expect([rank(1), rank(2), rank(3), rank(2.5)]).toEqual([0, 33.3, 66.7, 66.7]);
  });
});

describe('tasks', () => {
  it('are listed once per SOC, most exposed first, with both raters and their disagreement', () => {
    expect(occupation('98-1011').tasks).toEqual([
      {
        task: 'Inspect widgets for wobble.',
        humanExposure: 'E1',
        gpt4Exposure: 'E1',
        exposure: 1,
        source: 'eloundou-tasks',
      },
      {
        task: 'Log wobble counts in the widget ledger.',
        humanExposure: 'E0',
        gpt4Exposure: 'E2',
        exposure: 0.25,
        disagreement: true,
        source: 'eloundou-tasks',
      },
      {
        task: 'Polish "night" widgets.',
        humanExposure: 'E0',
        gpt4Exposure: 'E0',
        exposure: 0,
        source: 'eloundou-tasks',
      },
    ]);
  });
});

describe('pay, employment and outlook', () => {
  it('show the Handbook 2024 median first and use it as medianPay, with OEWS 2021 after it', () => {
    const widget = occupation('98-1011');
    expect(widget.pay.map((p) => [p.label, p.display, p.period, p.source])).toEqual([
      ['Median pay', '$61,000 a year', '2024', 'bls-ooh'],
      ['Median annual wage', '$57,200 a year', 'May 2021', 'bls-oews-2021'],
    ]);
    expect(widget.medianPay).toBe(61000);
    expect(widget.employment.map((f) => f.display)).toEqual(['12,000 workers', '11,500 workers']);
    expect(widget.outlook.map((f) => [f.label, f.display])).toEqual([
      ['Projected employment change, 2024–34', '+5% (faster than average)'],
      ['Projected jobs, 2034', '12,600 workers'],
      ['Projected employment change, 2020–30', '-4.5%'],
    ]);
    expect(widget.ooh).toEqual({
      url: 'https://www.bls.gov/ooh/imaginary/widget-inspectors.htm',
      category: 'imaginary',
      title: 'Widget inspectors',
      entryEducation: "Bachelor's degree",
    });
  });

  it('label group figures with the group they describe', () => {
    const sprocket = occupation('98-1021');
    expect(sprocket.pay.map((p) => [p.label, p.display, p.note])).toEqual([
      [
        'Median pay (group)',
        '$55,000 a year',
        'For the Handbook\'s "Sprocket assessors and appraisers" page (SOC 98-1020), a group that includes this occupation.',
      ],
      [
        'Median annual wage (group)',
        '$49,920 a year',
        'For the OEWS group "Sprocket Assessors and Appraisers" (98-1020): BLS did not publish 98-1021 on its own in 2021.',
      ],
    ]);
    expect(sprocket.employment.map((f) => f.label)).toEqual(['Jobs (group)', 'Employment (group)']);
    expect(sprocket.medianPay).toBe(55000);
    // "See How to Become One" is not an education level.
    expect(sprocket.ooh?.entryEducation).toBeUndefined();
  });

  it('join a Handbook page without a SOC code by its title', () => {
    expect(occupation('98-1012').pay[0]).toMatchObject({ display: '$42,000 a year', source: 'bls-ooh' });
    expect(occupation('98-1012').pay[0]?.note).toBeUndefined();
  });

  it('treat a SOC that is itself a broad code as its own row, not a group', () => {
    const broad = occupation('98-1020');
    expect(broad.pay.map((p) => [p.display, p.note])).toEqual([
      ['$55,000 a year', undefined],
      ['$49,920 a year', undefined],
    ]);
  });

  it('show a top-coded wage as BLS publishes it and never use it as medianPay', () => {
    const keeper = occupation('98-2012');
    expect(keeper.pay).toHaveLength(1);
    expect(keeper.pay[0]).toMatchObject({
      display: '$208,000 or more a year',
      note: 'Top-coded: BLS publishes only that the median is at least $208,000.',
    });
    expect(keeper.medianPay).toBeUndefined();
  });

  it('show an hourly-only wage as an hourly wage', () => {
    const wrangler = occupation('98-2011');
    expect(wrangler.pay.map((p) => [p.label, p.display, p.unit])).toEqual([
      ['Median hourly wage', '$19.25 an hour', 'usd-per-hour'],
    ]);
    expect(wrangler.pay[0]?.note).toMatch(/only an hourly wage/);
    expect(wrangler.medianPay).toBeUndefined();
  });

  it('take the later of two projection rows with one title (the detailed one follows its group)', () => {
    expect(occupation('98-1012').outlook.find((f) => f.source === 'bls-projections-2020')?.value).toBe(3.2);
  });
});

describe('basic skills', () => {
  it('join by O*NET title and fold by mean; "Not relevant"/"Not available" levels are null', () => {
    const widget = occupation('98-1011');
    expect(widget.jobZone).toBe(3);
    expect(widget.skills?.find((s) => s.name === 'Critical Thinking')).toEqual({
      name: 'Critical Thinking',
      importance: 60,
      level: 60,
    });
    expect(widget.skills?.find((s) => s.name === 'Programming')).toEqual({
      name: 'Programming',
      importance: 10,
      level: null,
    });
    expect(occupation('98-1021').skills).toBeUndefined();
  });
});

describe('the note', () => {
  it('counts what did not join', () => {
    expect(data.note).toContain('7 occupations');
    expect(data.note).toContain('1 by neither');
    expect(data.note).toContain('17 O*NET job titles');
    expect(data.note).toContain('1 of 4 Handbook pages');
    expect(data.note).toContain('1 of 3 2020–30 projection titles');
    expect(data.note).toContain('1 of 4 basic-skills titles');
  });
});

describe('sources', () => {
  it('include every source id a measure, task or figure names, with license and attribution', () => {
    const used = new Set<string>();
    for (const o of data.occupations.values()) {
      for (const x of [...o.measures, ...o.tasks, ...o.pay, ...o.employment, ...o.outlook]) used.add(x.source);
    }
    for (const id of used) {
      const source = data.sources.get(id);
      expect(source, id).toBeDefined();
      expect(source?.license, id).toBeTruthy();
      expect(source?.attribution, id).toBeTruthy();
      expect(source?.url, id).toMatch(/^https:\/\//);
    }
  });
});
