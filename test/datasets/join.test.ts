// How the loader joins the files, on the hand-made fixture where every expected number can be worked out
// by hand from test/fixtures/datasets/small.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NO_DATA_NOTE, loadDatasets, microsoftCaveat, percentileRanks } from '../../src/catalog/datasets/load.js';
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
    expect(empty).toMatchObject({
      dir: null,
      note: 'No public datasets loaded (none fetched, AIRISK_DATA_DIR unset): answering from curated knowledge only.',
    });
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

  it('carry the Microsoft caveat: usage, not replacement', () => {
    const note = measure('98-1011', 'microsoft-ai-applicability')?.note;
    expect(note).toBe('Measures where people applied AI in Bing Copilot chats, not whether the job is replaced.');
  });

  it('add the health-record sentence only where health records are a fifth of the tasks and the score ranks low', () => {
    const task = (text: string) => ({ task: text, exposure: 0, source: 'test' });
    const records = [
      task('Review medical records for completeness.'),
      task('File patient charts.'),
      task('Greet visitors.'),
    ];
    const other = [
      task('Greet visitors.'),
      task('Answer the phone.'),
      task('File invoices.'),
      task('Order supplies.'),
      task('Review health records.'),
    ];
    expect(microsoftCaveat(records, 30)).toMatch(/Health-record work may score low here/);
    // Ranked high, the sentence would mislead: it explains a low score.
    expect(microsoftCaveat(records, 81.1)).not.toMatch(/Health-record/);
    // One task in five is a fifth: it applies; below that it does not.
    expect(microsoftCaveat(other, 10)).toMatch(/Health-record/);
    expect(microsoftCaveat([...other, task('Sort mail.')], 10)).not.toMatch(/Health-record/);
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
        // O*NET's task type and which O*NET-SOC occupation the task belongs to (the fixture's rows say so).
        supplemental: true,
        source: 'eloundou-tasks',
      },
      {
        task: 'Polish "night" widgets.',
        humanExposure: 'E0',
        gpt4Exposure: 'E0',
        exposure: 0,
        specialty: true,
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
        'For the Handbook\'s "Sprocket assessors and appraisers" page (SOC 98-1020), a group that includes this ' +
          'occupation.',
      ],
      [
        'Median annual wage (group)',
        '$49,920 a year',
        'For the OEWS group "Sprocket Assessors and Appraisers" (98-1020): BLS did not publish 98-1021 on its own in ' +
          '2021.',
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

describe('O*NET 30.1 profiles', () => {
  const profile = (soc: string) => {
    const p = occupation(soc).profile;
    if (!p) throw new Error(`no O*NET profile for ${soc}`);
    return p;
  };
  const reference = data.onet;

  it('read both layouts by header name: the Excel-derived Skills.txt and the text-edition Knowledge.txt', () => {
    expect(reference?.skills.map((e) => e.name)).toEqual([
      'Reading Comprehension',
      'Mathematics',
      'Social Perceptiveness',
    ]);
    expect(reference?.knowledge.map((e) => e.name)).toEqual(['Clerical', 'Mathematics', 'Fine Arts']);
    expect(reference?.jobZones[4]).toBe('Job Zone Five: Extensive Preparation Needed');
  });

  it("use the SOC's own O*NET occupation (.00) when O*NET rates it, not its detailed ones", () => {
    const widget = profile('98-1011');
    expect(widget.ratedCodes).toEqual(['98-1011.00']);
    expect(widget.skills).toEqual({ importance: [4, 3.5, 2], level: [4.5, 3, 1] });
    expect(widget.jobZone).toBe(3);
  });

  it('average the detailed occupations of a SOC O*NET rates only through them', () => {
    const wrangler = profile('98-2011');
    expect(wrangler.ratedCodes).toEqual(['98-2011.01', '98-2011.02']);
    expect(wrangler.knowledge).toEqual({ importance: [2, 1.75, 4], level: [1.5, 1.25, 4.5] });
    // Job Zones 1 and 2: the nearest whole zone to their mean.
    expect(wrangler.jobZone).toBe(2);
    expect(wrangler.education).toEqual([75, 25, 0]);
  });

  it('leave out suppressed values (null, never 0) and read a level marked Not Relevant as 0', () => {
    const gadget = profile('98-1012');
    // Mathematics: its level is suppressed. Social Perceptiveness: Not Relevant.
    expect(gadget.skills?.level).toEqual([3.5, null, 0]);
    expect(gadget.skills?.importance).toEqual([3, 4.5, 1.2]);
    // Fine Arts: the importance is suppressed.
    expect(gadget.knowledge?.importance).toEqual([2.5, 4.6, null]);
    const widget = profile('98-1011');
    expect(widget.knowledge?.level[2]).toBe(0);
  });

  it('keep education and experience as category shares, rescaling what is left after suppressed shares', () => {
    const widget = profile('98-1011');
    expect(widget.education).toEqual([10, 80, 10]);
    expect(widget.experience).toEqual([0, 60, 40]);
    expect(widget.onTheJob).toEqual([20, 80]);
    expect(widget.onSite).toEqual([50, 50]);
    expect(reference?.categories.education[2]).toMatch(/^First Professional Degree/);
    // Gadget testers: RL category 2 (30 %) is suppressed, so 20 and 50 are scaled to 100; RW has only 30 % left,
    // and the detailed 98-1012.01 does not stand in for it.
    const gadget = profile('98-1012');
    expect(gadget.education).toEqual([28.57, 0, 71.43]);
    expect(gadget.experience).toBeUndefined();
  });

  it('read the importance of a professional certification, and no other ETE importance', () => {
    expect(profile('98-1011').certification).toBe(4.5);
    expect(profile('98-1012').certification).toBeUndefined();
  });

  it('list the technologies each uses, with Hot Technology (of the technology) and In Demand (for the job)', () => {
    const names = (soc: string, list: 'technologies' | 'inDemand') =>
      profile(soc)[list].map((i) => reference?.technologies[i]?.name);
    expect(names('98-1011', 'technologies')).toEqual(['Widget ledger software', 'Microsoft Excel']);
    expect(names('98-1011', 'inDemand')).toEqual(['Widget ledger software']);
    expect(names('98-1012', 'inDemand')).toEqual(['Microsoft Excel']);
    expect(reference?.technologies.find((t) => t.name === 'Microsoft Excel')).toEqual({
      name: 'Microsoft Excel',
      commodity: 'Spreadsheet software',
      hot: true,
    });
    // The union over the detailed occupations of a SOC without a rated .00.
    expect(names('98-2011', 'technologies')).toEqual(['Puppet rigging suite']);
  });

  it('give an unrated occupation what O*NET has for it (Job Zone, technologies) but no ratings', () => {
    const sprocket = profile('98-1021');
    expect(sprocket.ratedCodes).toEqual([]);
    expect(sprocket.skills).toBeUndefined();
    expect(sprocket.jobZone).toBe(4);
    expect(sprocket.technologies.length).toBe(1);
  });

  it('fold a SOC broad-group code that some sources score (98-1020) from the O*NET occupations in the group', () => {
    expect(profile('98-1020')).toMatchObject({ ratedCodes: [], jobZone: 4 });
  });

  it('leave an occupation O*NET does not cover without a profile', () => {
    expect(occupation('98-2012').profile).toBeUndefined();
  });
});

describe('annual pay for comparisons', () => {
  it('list each published annual median with its source, period and whether it is a group figure', () => {
    expect(occupation('98-1011').annualPay).toEqual([
      {
        source: 'bls-ooh',
        sourceName: 'BLS Occupational Outlook Handbook',
        period: '2024',
        value: 61000,
        group: false,
      },
      {
        source: 'bls-oews-2021',
        sourceName: 'BLS Occupational Employment and Wage Statistics, May 2021',
        period: 'May 2021',
        value: 57200,
        group: false,
      },
    ]);
    expect(occupation('98-1021').annualPay.map((p) => [p.source, p.group])).toEqual([
      ['bls-ooh', true],
      ['bls-oews-2021', true],
    ]);
  });

  it('leave out top-coded and hourly-only wages', () => {
    expect(occupation('98-2012').annualPay).toEqual([]);
    expect(occupation('98-2011').annualPay).toEqual([]);
  });
});

describe('the note', () => {
  it('counts what did not join', () => {
    expect(data.note).toContain('7 occupations');
    expect(data.note).toContain('1 by neither');
    expect(data.note).toContain('17 O*NET job titles');
    expect(data.note).toContain('1 of 4 Handbook pages');
    expect(data.note).toContain('1 of 3 2020–30 projection titles');
    expect(data.note).toContain('O*NET 30.1 skills and knowledge ratings for 3');
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
