// What people type (issue 10): everyday titles, abbreviations, qualifiers, British titles, typos and questions
// find the right occupation; a title that names several occupations is decided by a documented prior or
// offered as a choice; a weak match is never answered with a card without asking.
import { beforeAll, describe, expect, it } from 'vitest';
import type { AskAnswer, RoleAnswer } from '../../src/answers/types.js';
import { buildCatalog } from '../../src/catalog/catalog.js';
import { resolveDataDir } from '../../src/catalog/datasets/folder.js';
import { loadDatasets } from '../../src/catalog/datasets/load.js';
import { loadKnowledge } from '../../src/catalog/knowledge/load.js';
import { defaultKnowledgeDir } from '../../src/catalog/paths.js';
import { matchSentence } from '../../src/answers/format.js';
import { PRIOR, Resolver, listedNames, type Resolution } from '../../src/engine/resolve.js';
import type { Engine } from '../../src/engine/types.js';
import { renderText } from '../../src/renderers/terminal.js';
import { agentNounsOf } from '../../src/engine/text.js';
import { answerMessage } from '../../src/renderers/blockkit/messages.js';
import { bootEngine } from '../../src/app/boot.js';

let engine: Engine;
beforeAll(() => {
  engine = bootEngine().engine;
});

const card = (text: string): RoleAnswer => {
  const answer = engine.ask(text);
  if (answer.kind !== 'role') throw new Error(`"${text}" gave ${answer.kind}, not a card`);
  return answer;
};
const socOf = (a: AskAnswer) => (a.kind === 'role' ? a.role.soc : a.kind);

describe('everyday titles and abbreviations from O*NET', () => {
  it.each([
    ['software engineer', '15-1252', 'Software Engineer', 'onet-alternate'],
    ['attorney', '23-1011', 'Attorney', 'onet-alternate'],
    ['bookkeeper', '43-3031', 'Bookkeeper', 'onet-alternate'],
    ['copywriter', '27-3043', 'Copywriter', 'onet-alternate'],
    ['CPA', '13-2011', 'CPA', 'onet-short'],
    ['LPN', '29-2061', 'LPN', 'onet-short'],
    ['forklift operator', '53-7051', 'Forklift Operator', 'onet-alternate'],
    ['Registered Nurses', '29-1141', 'Registered Nurse', 'catalog'],
  ])('%s -> SOC %s, matched as "%s" (%s)', (text, soc, title, source) => {
    const answer = card(text);
    expect(answer.role.soc).toBe(soc);
    expect(answer.match).toMatchObject({ title, source, qualifiers: [] });
  });

  it('finds HVAC technicians through O*NET\'s short form "HVAC Tech" (a long word also stands for its short form)', () => {
    const answer = card('HVAC technician');
    expect(answer.role.soc).toBe('49-9021');
    expect(answer.match).toMatchObject({ how: 'exact', title: 'HVAC Tech', source: 'onet-short' });
  });

  it('says which title matched, on the card in every renderer', () => {
    const answer = card('forklift operator');
    const sentence = '‘Forklift Operator’ is an O*NET title of Industrial Truck and Tractor Operators.';
    expect(renderText(answer)).toContain(sentence);
    expect(JSON.stringify(answerMessage(answer).blocks)).toContain(sentence);
  });
});

describe('one title, several occupations: the prior', () => {
  it('answers for the occupation that clearly dominates, and shows the others as "Also"', () => {
    const answer = card('forklift operator');
    expect(answer.alternatives.map((a) => a.soc)).toContain('47-2073');
    const text = renderText(answer);
    expect(text).toContain('Also:\n  - Operating Engineers and Other Construction Equipment Operators (SOC 47-2073)');
    expect(text).toContain('airisk ask operating-engineers-and-other-construction-equipment-operators');
    const slack = answerMessage(answer).blocks;
    const also = slack.find((b) => b.type === 'actions' && b.block_id?.startsWith('also:'));
    expect(JSON.stringify(also)).toContain('"action_id":"airisk_pick_role:0"');
    expect(JSON.stringify(also)).toContain('"value":"operating-engineers-and-other-construction-equipment-operators"');
  });

  it('offers the choice when none dominates ("cook", "teacher", "professor")', () => {
    for (const text of ['cook', 'teacher', 'professor']) {
      const answer = engine.ask(text);
      expect(answer.kind, text).toBe('ambiguous');
      if (answer.kind !== 'ambiguous') continue;
      expect(answer.reason).toBe('several');
      expect(answer.candidates.length).toBeGreaterThanOrEqual(3);
    }
    const professor = engine.ask('professor');
    expect(professor.kind === 'ambiguous' && professor.candidates.every((c) => c.soc?.startsWith('25-1'))).toBe(true);
  });

  it('needs O*NET to attest a title more often, or ten times the workers, to decide on employment alone', () => {
    expect(PRIOR).toMatchObject({ ratio: 3, share: 0.5, employmentOnlyRatio: 10 });
    // "QA Tester" is O*NET's title of inspectors (one source) and of software testers (one source).
    expect(engine.ask('QA tester').kind).toBe('ambiguous');
  });
});

describe('qualifiers people add', () => {
  it.each([
    ['senior software engineer', '15-1252', ['senior']],
    ['part-time cashier', '41-2011', ['part-time']],
    ['remote customer service representative', '43-4051', ['remote']],
    ['freelance graphic designer', '27-1024', ['freelance']],
    ['trainee accountant', '13-2011', ['trainee']],
    ['entry level bookkeeper', '43-3031', ['entry-level']],
    ['graduate software developer', '15-1252', ['graduate']],
    ['paralegal intern', '23-2011', ['intern']],
    ['junior web developer', '15-1254', ['junior']],
    ['I have 5 years experience as a paralegal', '23-2011', ['5 years experience']],
    ['head chef', '35-1011', ['head']],
    ['senior accountant with 5 years of experience', '13-2011', ['senior', '5 years experience']],
    // How people introduce their job: the words before the title, and contractions (straight or curly).
    ["I'm a software engineer", '15-1252', []],
    ['I’m a senior software engineer with 10 years experience', '15-1252', ['senior', '10 years experience']],
    ['I work as a paralegal', '23-2011', []],
    ['a pharmacy technician', '29-2052', []],
  ])('%s -> %s, setting aside %j', (text, soc, qualifiers) => {
    const answer = card(text);
    expect(answer.role.soc).toBe(soc);
    expect(answer.match.qualifiers).toEqual(qualifiers);
  });

  it('says on the card what it set aside', () => {
    expect(renderText(card('part-time cashier'))).toContain('Set aside: part-time.');
  });

  it('ignores plurals, hyphens, "&", case and accents', () => {
    for (const text of ['Software Engineers', 'software-engineer', 'SOFTWARE ENGINEER', 'sóftware engineer'])
      expect(socOf(engine.ask(text)), text).toBe('15-1252');
    expect(socOf(engine.ask('heating & air conditioning mechanic'))).toBe(
      socOf(engine.ask('heating and air conditioning mechanic')),
    );
  });

  it('maps British and international titles and spellings through knowledge/synonyms.yaml', () => {
    expect(card('solicitor').role.soc).toBe('23-1011');
    expect(card('solicitor').match.source).toBe('synonym');
    expect(card('lorry driver').role.soc).toBe('53-3032');
    expect(card('painter and decorator').role.soc).toBe('47-2141');
    // A spelling: "labourer" is read as "laborer" (O*NET's spelling).
    expect(socOf(engine.ask('construction labourer'))).toBe('47-2061');
    expect(renderText(card('solicitor'))).toContain(
      '‘solicitor’ is another name for Lawyers, per UK Office for National Statistics.',
    );
    // An everyday title the classifications do not list, sourced to the BLS Handbook.
    expect(card('sewing machinist').role.soc).toBe('51-6031');
    expect(card('hospital porter').role.soc).toBe('31-1132');
    expect(card('commis chef').role.soc).toBe('35-2014');
    expect(card('uber driver').role.soc).toBe('53-3054');
    expect(card('part-time lyft driver').match.qualifiers).toEqual(['part-time']);
    expect(renderText(card('rideshare driver')).replace(/\s+/g, ' ')).toContain(
      '‘rideshare driver’ is another name for Taxi Drivers, per U.S. Bureau of Labor Statistics.',
    );
  });
});

describe('never a confident wrong answer', () => {
  it('asks "Did you mean …?" for a one-word typo, even one a single letter from another word', () => {
    const professor = engine.ask('profesor');
    expect(professor.kind).toBe('ambiguous');
    const plumber = engine.ask('plumer');
    expect(plumber.kind === 'ambiguous' && plumber.reason).toBe('typo');
    expect(plumber.kind === 'ambiguous' && plumber.candidates[0]?.soc).toBe('47-2152');
    expect(renderText(plumber)).toMatch(/^Did you mean one of these for "plumer"\?/);
  });

  it('asks when only a generic word matched ("manager", "engineer", "widget specialist")', () => {
    for (const text of ['manager', 'engineer', 'senior manager', 'widget specialist']) {
      const answer = engine.ask(text);
      expect(answer.kind === 'ambiguous' && answer.reason, text).toBe('generic');
    }
  });

  it('resolves a question naming a job to the job, unless an FAQ answers the whole question', () => {
    expect(card('is a paralegal at risk?').role.soc).toBe('23-2011');
    expect(card('will AI replace accountants?').role.soc).toBe('13-2011');
    const faq = engine.ask('is medical coding still worth learning?');
    expect(faq.kind === 'faq' && faq.faq.id).toBe('is-medical-coding-worth-learning');
  });

  it('does not guess a job for a question that names none, and says why', () => {
    // ("What jobs are safe from AI?" names no job either, and has an FAQ of its own: least-exposed.test.ts.)
    for (const text of ['will AI replace my job?', 'is my job safe?', 'is my job safe from AI']) {
      const answer = engine.ask(text);
      expect(answer.kind, text).toBe('not_found');
      expect(answer.kind === 'not_found' && answer.reason).toBe('no_job');
      // Jobs from across the economy as examples of what to ask, the same whatever was typed: no guess.
      expect(answer.kind === 'not_found' && answer.suggestions).toEqual(engine.help().popularRoles);
    }
  });

  it('does not guess a job for a situation ("unemployed", "stay at home mum"), but reads "retired nurse" as a nurse', () => {
    for (const text of ['unemployed', "I'm a stay at home mum", "I'm retired", 'I was laid off', "I'm a student"]) {
      const answer = engine.ask(text);
      expect(answer.kind === 'not_found' && answer.reason, text).toBe('no_job');
      expect(renderText(answer), text).toMatch(/^Which job do you mean\?/);
    }
    const nurse = engine.ask('retired nurse');
    expect(nurse.kind === 'ambiguous' ? nurse.candidates[0]?.soc : socOf(nurse)).toBe('29-1141');
  });

  it('reads a short title whole rather than by one of its words ("family doctor" is not any doctor)', () => {
    const answer = engine.ask('family doctor');
    expect(answer.kind === 'role' ? answer.role.soc : answer.kind === 'ambiguous' && answer.candidates[0]?.soc).toBe(
      '29-1215',
    );
  });
});

describe('the --json answer', () => {
  it('has match {title, source, qualifiers} and alternatives on a role answer', () => {
    const answer = JSON.parse(JSON.stringify(card('senior forklift operator'))) as RoleAnswer;
    expect(answer.match).toEqual({
      how: 'exact',
      confidence: 1,
      matched: 'forklift operator',
      title: 'Forklift Operator',
      source: 'onet-alternate',
      onet: '53-7051.00',
      qualifiers: ['senior'],
    });
    expect(answer.alternatives[0]).toMatchObject({ id: expect.any(String), title: expect.any(String), soc: '47-2073' });
  });

  it('answers for O*NET occupations no exposure source rates, saying so', () => {
    const answer = card('Surgeons, All Other');
    expect(answer.role.soc).toBe('29-1249');
    expect(answer.headline).toBeNull();
    expect(answer.lacks.join(' ')).toMatch(/Not rated in GPTs are GPTs/);
    expect(answer.sources.map((s) => s.id)).toContain('onet-30.1');
  });
});

describe('titles the index does not know: asked about, best three first', () => {
  // A resolver whose index leaves these O*NET titles out, as the people benchmark holds titles out.
  const unknown = [
    'stage electrician',
    'mill and coal transport operator',
    'strapping machine operator',
    'butter printer',
    'neuropsychiatrist',
    'logger driving horse',
    'medical coding technician',
    'medical coding tech',
    'school cafeteria head cook',
    'fish technologist',
  ];
  let resolver: Resolver;
  beforeAll(() => {
    const catalog = buildCatalog(loadKnowledge(defaultKnowledgeDir), loadDatasets(resolveDataDir().dir));
    resolver = new Resolver(catalog, { excludeNames: new Set(unknown) });
  });
  const socs = (r: Resolution) =>
    r.kind === 'ambiguous' ? r.candidates.map((c) => c.roleId) : r.kind === 'role' ? [r.roleId] : [];

  it('never answers a title it only resembles with a card, and offers at least three', () => {
    // O*NET files "Stage Electrician Helper" under helpers, and the held-out "Stage Electrician" under electricians.
    const answer = resolver.resolve('Stage Electrician');
    expect(answer.kind).toBe('ambiguous');
    expect(socs(answer)).toHaveLength(3);
    expect(socs(answer).slice(0, 2)).toContain('electricians');
  });

  it('ranks by all of an occupation\'s names and its description: "Butter Printer" is a production worker', () => {
    expect(socs(resolver.resolve('Butter Printer'))[0]).toBe('production-workers-all-other');
  });

  it('reads a word by the known words inside it ("neuropsychiatrist")', () => {
    expect(socs(resolver.resolve('neuropsychiatrist'))[0]).toBe('psychiatrists');
  });

  it('reads a title with "and" or a comma as a title, not as a sentence with a name in it', () => {
    // As sentences, these were cards for "Transport Operator" (bus drivers) and "Logger" (fallers).
    expect(resolver.resolve('Mill and Coal Transport Operator').kind).toBe('ambiguous');
    expect(resolver.resolve('Logger, Driving Horses').kind).toBe('ambiguous');
  });

  it('answers a title with a job, never with an FAQ (an FAQ answers a question)', () => {
    expect(resolver.resolve('Medical Coding Technician').kind).not.toBe('faq');
    expect(resolver.resolve('will AI replace medical coders?').kind).toBe('faq');
  });

  it('keeps a seniority word that begins a name of its own ("head cook")', () => {
    // Set aside, "School Cafeteria Cook" would be a card for institution cooks; O*NET says head cooks.
    expect(resolver.resolve('School Cafeteria Head Cook').kind).toBe('ambiguous');
    expect(card('senior forklift operator').match.qualifiers).toEqual(['senior']);
  });

  it('reads a long word as a short form only for what that stands for first ("technician" is "tech")', () => {
    // "Fish Tech" is O*NET's short form of "Fish Technician", not of "Fish Technologist".
    expect(resolver.resolve('Fish Technologist').kind).toBe('ambiguous');
  });

  it('asks about a word one letter from another title\'s word ("Strapping" is not "Stripping")', () => {
    expect(resolver.resolve('Strapping Machine Operator').kind).toBe('ambiguous');
  });

  it('answers a typo of an occupation\'s own title with its card ("dental hygenist")', () => {
    expect(card('dental hygenist').role.soc).toBe('29-1292');
    expect(card('graphic desinger').role.soc).toBe('27-1024');
  });

  it('asks about a word read as two ("farmhand" as "farm hand")', () => {
    const answer = engine.ask('farmhand');
    expect(answer.kind).toBe('ambiguous');
    expect(answer.kind === 'ambiguous' && answer.candidates[0]?.soc).toMatch(/^45-209/);
  });

  it('counts a title as typed as well as respelled ("Loan Adviser" and "Loan Advisor" are O*NET titles of two jobs)', () => {
    const answer = engine.ask('loan adviser');
    const socs = answer.kind === 'ambiguous' ? answer.candidates.map((c) => c.soc) : [];
    expect(socs).toEqual(expect.arrayContaining(['13-2072', '13-2071']));
  });

  it('reads two words a name writes as one ("fire fighter", "cabinet maker"), asking unless it is an own title', () => {
    expect(card('fire fighter').role.soc).toBe('33-2011');
    // O*NET gives "Cabinet Maker" to Carpenters and others, and "Cabinetmakers" is a SOC title of its own: both
    // are offered, none is answered without asking.
    const cabinet = engine.ask('cabinet maker');
    expect(cabinet.kind === 'ambiguous' && cabinet.candidates.map((c) => c.soc)).toEqual(
      expect.arrayContaining(['47-2031', '51-7011']),
    );
    // "Bookkeeper" is an O*NET title, not an occupation's own: found only by joining the words, it is asked about.
    const bookkeeper = engine.ask('book keeper');
    expect(bookkeeper.kind === 'ambiguous' && bookkeeper.reason).toBe('typo');
    expect(bookkeeper.kind === 'ambiguous' && bookkeeper.candidates[0]?.soc).toBe('43-3031');
    // Stop words never join ("as a" is not the acronym ASA).
    expect(card('I have 5 years experience as a paralegal').role.soc).toBe('23-2011');
  });

  it('offers first, when the person chooses, the occupations whose own title is or repeats the title typed', () => {
    const first = (text: string) => {
      const answer = engine.ask(text);
      return answer.kind === 'ambiguous' ? answer.candidates[0]?.soc : answer.kind;
    };
    // Its own title: Proofreaders and Copy Markers, before Prepress Technicians (more workers, O*NET's title).
    expect(first('proofreader')).toBe('43-9081');
    // O*NET's "User Interface Designer" (short "UI Designer") belongs to four occupations; one title repeats it.
    expect(first('UI designer')).toBe('15-1255');
    expect(first('ambulance driver')).toBe('53-3011');
    // One shared word is not enough: "stock clerk" is a stocker, not "Laborers and Freight, Stock, …".
    expect(first('stock clerk')).toBe('53-7065');
  });

  it('reads work described instead of named ("I cut hair"), and only ever asks', () => {
    const first = (text: string) => {
      const answer = engine.ask(text);
      expect(answer.kind, text).toBe('ambiguous');
      return answer.kind === 'ambiguous' ? answer.candidates.map((c) => c.soc) : [];
    };
    // The verb's agent noun after its object: "hair cutter", "office cleaner", "brick layer" (joined: bricklayer).
    expect(first('I cut hair')[0]).toBe('39-5012');
    // Task statements with every word of what is done: barbers cut hair too.
    expect(first('I cut hair').slice(0, 2)).toContain('39-5011');
    expect(first('I clean offices')[0]).toBe('37-2011');
    expect(first('I clean houses')[0]).toBe('37-2012');
    expect(first('I lay bricks')[0]).toBe('47-2021');
    // Where it is done: "restaurant cook"; a phrasal verb: "look after" is what a carer does.
    expect(first('I cook in a restaurant')[0]).toBe('35-2014');
    expect(first('I look after elderly people').slice(0, 2)).toEqual(expect.arrayContaining(['31-1122', '31-1121']));
    // An irregular agent noun: who flies planes is a pilot.
    expect(first('I fly planes')[0]).toBe('53-2012');
    // Who manages people of a job is their group's first-line supervisor.
    expect(first('I manage a team of cashiers')[0]).toBe('41-1011');
    expect(first('I supervise cleaners')[0]).toBe('37-1011');
    // A name in the sentence still answers as before.
    expect(card('I work as a cashier').role.soc).toBe('41-2011');
  });

  it('answers a name that decides followed by where ("cashier at a supermarket"), and says the place was set aside', () => {
    const cashier = card('I work as a cashier at a supermarket');
    expect(cashier.role.soc).toBe('41-2011');
    expect(cashier.match.qualifiers).toContain('at a supermarket');
    expect(renderText(cashier)).toContain('Set aside: at a supermarket.');
    expect(card('accountant at a bank, will AI replace me?').match.qualifiers).toEqual(['at a bank']);
    // A place that speaks for another occupation of the name: offered first, not answered.
    const shift = engine.ask('shift manager at a restaurant');
    expect(shift.kind === 'ambiguous' && shift.candidates[0]?.soc).toBe('11-9051');
    // An employer's name no title has may tell the job: asked, not answered.
    expect(engine.ask('shift manager at mcdonalds').kind).toBe('ambiguous');
    // "in charge" is a rank, not a place (O*NET's "Extension Service Specialist-in-Charge" is a manager): it is
    // not set aside as where the job is done.
    for (const text of ['electrician in charge', 'cashier in training']) {
      const answer = engine.ask(text);
      expect(answer.kind === 'role' ? answer.match.qualifiers.join(' ') : '', text).not.toMatch(/^in |, in |in \w+$/);
    }
    // A name that does not decide is searched with the place.
    const cook = engine.ask('cook at a restaurant');
    expect(cook.kind === 'ambiguous' && cook.candidates[0]?.soc).toBe('35-2014');
  });

  it('reads "lady" as "person", except in a name that has it ("lollipop lady")', () => {
    const cleaning = engine.ask('cleaning lady');
    expect(cleaning.kind === 'ambiguous' && cleaning.candidates[0]?.soc).toBe('37-2011');
    expect(card('lollipop lady').role.soc).toBe('33-9091');
  });

  it('forms agent nouns by rule, and knows the irregular ones', () => {
    expect(agentNounsOf('drive')).toEqual(['driver', 'drivor']);
    expect(agentNounsOf('cut')[0]).toBe('cutter');
    expect(agentNounsOf('plan')[0]).toBe('planner');
    expect(agentNounsOf('translate')).toContain('translator');
    expect(agentNounsOf('fly')).toEqual(['pilot']);
    expect(agentNounsOf('am')).toEqual([]);
  });

  it('reads the other jobs a SOC title lists as its own names ("rancher", "blockmason")', () => {
    expect(listedNames('Farmers, Ranchers, and Other Agricultural Managers')).toEqual(['Ranchers']);
    expect(listedNames('Brickmasons and Blockmasons')).toEqual(['Blockmasons']);
    expect(listedNames('Plumbers, Pipefitters, and Steamfitters')).toEqual(['Pipefitters', 'Steamfitters']);
    // Modifiers and qualifiers are not names.
    expect(listedNames('Crushing, Grinding, and Polishing Machine Setters, Operators, and Tenders')).toEqual([]);
    expect(listedNames('Painters, Construction and Maintenance')).toEqual([]);
    expect(listedNames('Dentists, All Other Specialists')).toEqual([]);
    expect(listedNames('Teachers and Instructors, All Other')).toEqual([]);
    // A generic word alone names no job.
    expect(listedNames('Farmworkers and Laborers, Crop, Nursery, and Greenhouse')).toEqual([]);
    // O*NET gives "Rancher" only to Farmworkers; the SOC title of Farmers, Ranchers… names it as its own.
    expect(card('rancher').role.soc).toBe('11-9013');
    expect(card('rancher').match).toMatchObject({ source: 'catalog' });
  });

  it('lets a British synonym give way to a US occupation\'s own title ("parking attendant")', () => {
    expect(card('parking attendant').role.soc).toBe('53-6021');
    expect(card('traffic warden').role.soc).toBe('33-3041');
  });
});

describe('an O*NET occupation inside a residual "All Other" SOC', () => {
  it('is named on the card, with the SOC it belongs to, and its neighbour with a SOC of its own as "Also"', () => {
    const answer = card('midwife');
    expect(answer.role).toMatchObject({
      soc: '29-9099',
      title: 'Midwives (in Healthcare Practitioners and Technical Workers, All Other)',
      socTitle: 'Healthcare Practitioners and Technical Workers, All Other',
      onetOccupation: 'Midwives',
    });
    expect(answer.match).toMatchObject({ title: 'Midwives', source: 'onet-occupation', onet: '29-9099.01' });
    expect(answer.alternatives.map((a) => a.soc)).toContain('29-1161');
    expect(matchSentence(answer)).toBe(
      '‘Midwives’ is an O*NET occupation within Healthcare Practitioners and Technical Workers, All Other.',
    );
    const text = renderText(answer);
    expect(text.split('\n')[0]).toBe('Midwives (in Healthcare Practitioners and Technical Workers, All Other)');
    expect(JSON.stringify(answerMessage(answer).blocks)).toContain('Midwives (in Healthcare Practitioners');
  });

  it("keeps the SOC's own title when the SOC's own title matched", () => {
    const answer = card('Healthcare Practitioners and Technical Workers, All Other');
    expect(answer.role.title).toBe('Healthcare Practitioners and Technical Workers, All Other');
    expect(answer.role.onetOccupation).toBeUndefined();
  });
});
