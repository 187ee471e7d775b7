// Turning whatever a person types (emoji, typos, whole paragraphs) into comparable words.
import pluralize from 'pluralize';

/** Longest input we read; anything past it cannot change which role is meant. */
export const MAX_INPUT_CHARS = 2000;

/** Words that carry no role or topic on their own. */
export const STOP_WORDS = new Set(
  (
    'a an and are as at be been being but by can could did do does doing for from had has have how i if in into is it its ' +
    'me my myself of on or our should so than that the their them then there these they this those to too us was we were ' +
    "what when where which who whom why will with would you your yours am im i'm about just also very really get got"
  ).split(' '),
);

/** Stop words that job titles use too ("Mill and Coal Transport Operator", "Director of Nursing"): they do not
 *  make a text a sentence. */
export const TITLE_CONNECTORS = new Set([
  'and',
  'of',
  'for',
  'in',
  'the',
  'on',
  'with',
  'or',
  'to',
  'at',
  'by',
  'from',
]);

/** Words of the generic "will AI replace my job" question: left alone, they name no FAQ topic. */
export const GENERIC_RISK_WORDS = new Set(
  (
    'ai artificial intelligence replace replaced replacing replacement take taken taking over automate automated automation ' +
    'robot robots chatgpt gpt llm job jobs career careers work working role position occupation profession ' +
    'risk risky safe danger threat threatened future still going gonna eventually soon become becoming obsolete ' +
    'tell know think question wonder wondering worried worry ask asking please hi hello hey thanks thank happen happening'
  ).split(' '),
);

/** Title words that name no occupation on their own: a match on nothing else is only a guess. */
export const GENERIC_TITLE_WORDS = new Set(
  (
    'manager worker specialist engineer technician technologist assistant officer operator clerk analyst consultant ' +
    'coordinator associate administrator supervisor director agent representative professional staff employee ' +
    'executive helper laborer aide attendant inspector scientist adviser advisor planner controller owner partner ' +
    'president vice chief team member personnel crew hand man woman person service general leader expert installer ' +
    'repairer maker operative administrative'
  ).split(' '),
);

/** What people say of themselves that is a situation, not a job ("unemployed", "I'm a stay at home mum"): there
 *  is no occupation to score, so the reply asks for the job they had or want instead of guessing one. Matched
 *  on a text's content words as a whole (stop words out), so "retired nurse" is still a nurse. */
export const NOT_A_JOB = new Set([
  'unemployed',
  'jobless',
  'retired',
  'retiree',
  'pensioner',
  'student',
  'college student',
  'university student',
  'high school student',
  'pupil',
  'housewife',
  'househusband',
  'stay home mom',
  'stay home mum',
  'stay home dad',
  'stay home parent',
  'stay home mother',
  'stay home father',
  'between',
  'laid off',
  'made redundant',
  'redundant',
  'out',
  'looking',
]);

/**
 * Short forms people type for title words, each with what it stands for (one or more words). The short form
 * itself is tried too: O*NET lists some ("RN", "CNA") as titles of their own.
 */
export const ABBREVIATIONS: ReadonlyMap<string, readonly string[]> = new Map(
  (
    [
      ['mgr', 'manager'],
      ['mngr', 'manager'],
      ['asst', 'assistant'],
      ['assoc', 'associate'],
      ['eng', 'engineer'],
      ['engr', 'engineer'],
      ['dev', 'developer'],
      ['admin', 'administrative', 'administrator'],
      ['tech', 'technician', 'technologist'],
      ['rep', 'representative'],
      ['exec', 'executive'],
      ['coord', 'coordinator'],
      ['supv', 'supervisor'],
      ['acct', 'accountant', 'account'],
      ['mgmt', 'management'],
      ['mktg', 'marketing'],
      ['ops', 'operations'],
      ['hr', 'human resources'],
      ['pr', 'public relations'],
      ['qa', 'quality assurance'],
      ['qc', 'quality control'],
      ['vp', 'vice president'],
      ['swe', 'software engineer'],
      ['sde', 'software engineer'],
      ['sw', 'software'],
      ['sysadmin', 'system administrator'],
      ['prof', 'professor'],
      ['ed', 'education'],
      ['fullstack', 'full stack'],
      ['frontend', 'front end'],
      ['backend', 'back end'],
    ] as const
  ).map(([short, ...long]) => [short, long]),
);

/** Everyday words for a person that O*NET titles seldom use, read as the word they do use: "lady" alone matches
 *  only "lollipop lady", so "cleaning lady" offered crossing guards; "cleaning person" finds cleaners. A name
 *  with the word as typed ("lollipop lady") still counts. */
export const PERSON_WORDS: ReadonlyMap<string, string> = new Map([['lady', 'person']]);

/** What someone who does a thing is called, where English does not add -er or -or to the verb ("I fly planes": a
 *  pilot; "I fix cars": a repairer or mechanic). Other verbs get theirs by rule (`agentNounsOf`). Phrasal verbs
 *  are keyed by both words. */
export const IRREGULAR_AGENTS: ReadonlyMap<string, readonly string[]> = new Map(
  (
    [
      ['fly', 'pilot'],
      ['type', 'typist'],
      ['fix', 'repairer', 'mechanic'],
      ['repair', 'repairer', 'mechanic'],
      ['cook', 'cook'],
      ['guard', 'guard'],
      ['nurse', 'nurse'],
      ['serve', 'server'],
      ['run', 'manager'],
      ['sell', 'salesperson', 'sales agent'],
      ['deliver', 'driver', 'courier', 'carrier'],
      ['code', 'programmer', 'developer'],
      ['program', 'programmer'],
      ['look after', 'caregiver', 'carer'],
      ['care for', 'caregiver', 'carer'],
      ['take care of', 'caregiver', 'carer'],
    ] as const
  ).map(([verb, ...agents]) => [verb, agents]),
);

/** The nouns for someone who does what `verb` says, most likely first: "driver" of drive, "cutter" of cut,
 *  "translator" of translate, and the irregular ones above. Candidates only: the caller keeps those a title uses. */
export function agentNounsOf(verb: string): string[] {
  const irregular = IRREGULAR_AGENTS.get(verb);
  if (irregular) return [...irregular];
  // "I work as / in / at …" leads into a job; it does not describe one.
  if (verb.length < 3 || STOP_WORDS.has(verb) || verb === 'work') return [];
  const stem = verb.endsWith('e') ? verb.slice(0, -1) : verb;
  const forms = [`${stem}er`, `${stem}or`];
  // One short vowel before a final consonant doubles it: cut, cutter; plan, planner.
  if (/(?:^|[^aeiou])[aeiou][bdglmnprt]$/.test(verb)) forms.unshift(`${verb}${verb.at(-1) ?? ''}er`);
  return forms;
}

/** Words after which what someone does ends and where or for whom begins ("I cook *in* a restaurant"). */
export const OBJECT_ENDS = new Set([
  'at',
  'in',
  'on',
  'for',
  'from',
  'to',
  'with',
  'into',
  'around',
  'across',
  'all',
  'every',
]);

/** The other way round: a word and the short forms that stand first for it ("technician" -> "tech"), since O*NET
 *  writes some titles short ("HVAC Tech") that people type long. */
export const SHORT_FORMS: ReadonlyMap<string, readonly string[]> = (() => {
  const out = new Map<string, string[]>();
  // Only for what a short form stands for first: "tech" is "technician" before "technologist".
  for (const [short, [first]] of ABBREVIATIONS)
    if (first && !first.includes(' ')) out.set(first, [...(out.get(first) ?? []), short]);
  return out;
})();

/** Lower-case words, letters and digits only, each singular ("coders" -> "coder"). Slack's markup is taken out
 *  before a request reaches the engine (src/requests/slack-markup.ts). */
export function words(text: string): string[] {
  return plainWords(text.slice(0, MAX_INPUT_CHARS));
}

/** `words` for text of any length (dataset titles): accents, "&", possessives, singular. */
export function plainWords(text: string): string[] {
  // Most titles are plain ASCII: skip the Unicode decomposition for them.
  // eslint-disable-next-line no-control-regex
  const ascii = /^[\x00-\x7f]*$/.test(text);
  const clean = (
    ascii
      ? text
      : text
          .normalize('NFKD')
          .replace(/[\u0300-\u036f]/g, '')
          .replace(/[’‘]/g, "'")
  )
    .toLowerCase()
    .replace(/&/g, ' and ')
    // Possessives and contractions ("Sheriff's", "I'm", "we've", "don't") lose their ending rather than leave a
    // one-letter word that a title could match.
    .replace(/'(?:s|m|re|ve|ll|d|t)\b/g, '');
  return (clean.match(ascii ? /[a-z0-9]+/g : /[\p{L}\p{N}]+/gu) ?? []).map(singular);
}

const singularCache = new Map<string, string>();
export function singular(word: string): string {
  let s = singularCache.get(word);
  if (s === undefined) {
    s = word.length <= 3 || /\d/.test(word) ? word : pluralize.singular(word);
    if (singularCache.size < 50_000) singularCache.set(word, s);
  }
  return s;
}

/** Key for exact name matching: singular words joined by single spaces. */
export function phraseKey(text: string): string {
  return words(text).join(' ');
}

export function contentWords(text: string): string[] {
  return words(text).filter((w) => !STOP_WORDS.has(w));
}
