// Follow-ups in an assistant thread, as people write them, and the roles a message names (job posts, lists of
// openings, everyday chatter). The phrasings were written from how people talk about jobs, apart from the rules'
// first examples; the ones the engine's resolution cannot yet tell apart are left out here and listed in the
// report. Expected roles are the engine's own ids.
import { describe, expect, it } from 'vitest';
import type { Answer, RoleRef } from '../../src/answers/types.js';
import { lexicon } from '../../src/engine/lexicon.js';
import { followUp } from '../../src/requests/follow-up.js';
import { fragmentsOf } from '../../src/requests/fragments.js';
import { bootEngine } from '../../src/app/boot.js';

const { engine } = bootEngine();
const coder: RoleRef = { id: 'medical-coder', title: 'Medical Coder', soc: '29-2072' };
const nurse: RoleRef = { id: 'registered-nurse', title: 'Registered Nurse', soc: '29-1141' };

/** An answer in a word: its kind and the role(s) or FAQ it is about. */
function gist(a: Answer): string {
  switch (a.kind) {
    case 'role':
      return `role:${a.role.id}`;
    case 'path':
      return `path:${a.role.id}`;
    case 'compare':
      return `compare:${a.roles[0].role.id}|${a.roles[1].role.id}`;
    case 'faq':
      return `faq:${a.faq.id}`;
    default:
      return a.kind;
  }
}

const reply = (text: string, inContext: RoleRef | null) => gist(engine.answer(followUp(text, inContext, lexicon)));

describe('follow-ups in a thread about a role', () => {
  const cases: [string, RoleRef | null, string][] = [
    // Another role.
    ['what about nurses?', coder, 'role:registered-nurse'],
    ['How about accountants', coder, 'role:accountants-and-auditors'],
    ['ok and for a paralegal?', coder, 'role:paralegals-and-legal-assistants'],
    ['hmm what about medical billers', nurse, 'role:medical-biller'],
    ['and for pharmacy techs?', nurse, 'role:pharmacy-technician'],
    ['how about a CPC', nurse, 'role:medical-coder'],
    // The path of the role in context, or of one named.
    ['show the path', coder, 'path:medical-coder'],
    ['what about the path?', coder, 'path:medical-coder'],
    ['what are my options?', coder, 'path:medical-coder'],
    ['which jobs could I switch to', coder, 'path:medical-coder'],
    ['what would you recommend I move into?', coder, 'path:medical-coder'],
    ['reskilling options please', coder, 'path:medical-coder'],
    ['where could I go from here?', nurse, 'path:registered-nurse'],
    ['any safer roles?', nurse, 'path:registered-nurse'],
    ['what should I learn next?', coder, 'path:medical-coder'],
    ['how do I reskill?', coder, 'path:medical-coder'],
    ['path for a graphic designer', coder, 'path:graphic-designers'],
    ['show the reskilling path for medical billers', nurse, 'path:medical-biller'],
    // The role in context beside another.
    ['compare with registered nurse', coder, 'compare:medical-coder|registered-nurse'],
    ['how does that compare to a medical biller', coder, 'compare:medical-coder|medical-biller'],
    ['compare it to nurses', coder, 'compare:medical-coder|registered-nurse'],
    ['compared to a pharmacist?', coder, 'compare:medical-coder|pharmacists'],
    ['vs medical coder?', nurse, 'compare:registered-nurse|medical-coder'],
    ['compare to compliance manager', nurse, 'compare:registered-nurse|compliance-manager'],
    // Two roles named outright.
    ['nurse vs medical biller', coder, 'compare:registered-nurse|medical-biller'],
    ['compare registered nurse and pharmacy technician', coder, 'compare:registered-nurse|pharmacy-technician'],
    // The role in context again.
    ['is it safe?', coder, 'role:medical-coder'],
    ['is that bad?', coder, 'role:medical-coder'],
    ['how long do I have?', coder, 'role:medical-coder'],
    ['ok so is my job at risk then', nurse, 'role:registered-nurse'],
    ['what are the chances?', nurse, 'role:registered-nurse'],
    // Questions and pleasantries.
    ['why do the sources disagree?', coder, 'faq:why-do-sources-disagree'],
    ['thank you!', coder, 'help'],
    ['cool thanks', nurse, 'help'],
    // At a thread's start, with no role in context.
    ['Will AI replace my job?', null, 'help'],
    ['show the path', null, 'help'],
    ['compare with registered nurse', null, 'role:registered-nurse'],
    ['Reskilling path for Medical Coder', null, 'path:medical-coder'],
  ];
  it.each(cases)('%j (about %o) → %s', (text, inContext, expected) => {
    expect(reply(text, inContext)).toBe(expected);
  });

  it('says which role it could not find, rather than comparing with a guess', () => {
    expect(reply('compare with qwxzzv plorft', coder)).toBe('not_found');
    expect(reply('compare with manager', coder)).toBe('ambiguous');
    expect(reply('compare with is medical coding still worth learning', coder)).toBe('not_found');
  });
});

describe('the roles a message names', () => {
  const named = (text: string) => engine.rolesNamedIn(text).map((r) => r.role.id);

  it('reads a job post line by line and item by item, in order', () => {
    expect(
      named(`We're hiring! Our clinic in Boston is looking for:
• Senior Medical Coder (CPC required) – remote
• Registered Nurse, night shift
• a pharmacy technician and a medical biller
Responsibilities: review charts, assign ICD-10 codes, work with the compliance team.`),
    ).toEqual(['medical-coder', 'registered-nurse', 'pharmacy-technician', 'medical-biller']);
    expect(named('Our hospital is hiring ICU nurses and respiratory therapists, sign-on bonus $10k')).toEqual([
      'registered-nurse',
      'respiratory-therapists',
    ]);
    // "Billing Specialist" is an O*NET title of Billing and Posting Clerks, the occupation medical billers sit in.
    expect(named('Job opening: Billing Specialist / Medical Biller (full time). Must know Epic.')).toEqual([
      'billing-and-posting-clerks',
      'medical-biller',
    ]);
    expect(named('We are looking for a Pharmacy Tech II for the evening shift. CPhT preferred.')).toEqual([
      'pharmacy-technician',
    ]);
    expect(named('Open roles:\n- Paralegal\n- Accountant')).toEqual([
      'paralegals-and-legal-assistants',
      'accountants-and-auditors',
    ]);
  });

  it('names no role for chatter, and none from a word that only resembles a title', () => {
    expect(named('Reminder: team lunch Friday at noon in the cafeteria 🍕')).toEqual([]);
    // "Research and Development Engineer" is an O*NET title (of Chemical Engineers), so that sentence does name one.
    expect(named('Nice to meet you all, see you at the standup.')).toEqual([]);
    // "product" is a prefix of "production", not the title "Industrial Production Managers" ("Product Manager" is
    // an O*NET title of Marketing Managers, so a post hiring one does name that role).
    expect(named('Hiring a Prodcut Managr')).toEqual([]);
  });

  it('stops at ten roles and reads a bounded number of fragments', () => {
    const list = engine
      .popularRoles()
      .concat(
        ['accountant', 'paralegal', 'pharmacist', 'software developers'].map((t) => ({ id: t, title: t, soc: null })),
      )
      .map((r) => `• ${r.title}`)
      .join('\n');
    expect(named(list)).toHaveLength(10);
    expect(fragmentsOf('word. '.repeat(5000)).length).toBeLessThanOrEqual(80);
  });
});
