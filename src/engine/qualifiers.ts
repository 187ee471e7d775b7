// Words people add to a job title that say how senior they are, how they are employed or how much experience
// they have ("senior", "part-time", "5 years experience"). They do not change the occupation: the resolver sets
// them aside to find it, and the answer lists them (`match.qualifiers`) so a card can say so and pick a level.

/** Qualifiers of one or two words, by kind; each is matched on normalized (singular, lower-case) words. */
export const QUALIFIERS = {
  seniority: ['senior', 'sr', 'snr', 'junior', 'jr', 'jnr', 'lead', 'head', 'principal', 'mid level', 'experienced'],
  employment: [
    'part time',
    'full time',
    'remote',
    'freelance',
    'freelancer',
    'contract',
    'contractor',
    'temp',
    'temporary',
    'self employed',
    'casual',
    'seasonal',
    'volunteer',
    'locum',
    'agency',
    'hybrid',
    'permanent',
    'per diem',
  ],
  experience: [
    'entry level',
    'graduate',
    'grad',
    'intern',
    'internship',
    'trainee',
    'apprentice',
    'newly qualified',
    'beginner',
    'student',
  ],
} as const;

/** Words that may begin a title and still be a qualifier of it ("Senior Accountant", "Lead Carpenter"). */
const LEADING = new Set<string>([...QUALIFIERS.seniority, ...QUALIFIERS.experience]);

const PHRASES = new Map<string, string>(
  Object.values(QUALIFIERS)
    .flat()
    .map((q) => [q, q.replace(/^(part|full|self|mid|entry) /, '$1-')]),
);
const YEAR_WORDS = new Set(['year', 'yr']);
const EXPERIENCE_WORDS = new Set(['experience', 'exp', 'experienced']);
const YEARS_LEAD_INS = new Set(['with', 'over', 'nearly', 'almost', 'about']);

export interface Qualified {
  /** The words that name the job. */
  core: string[];
  /** What was set aside, as people write it ("senior", "part-time", "5 years experience"), in order. */
  qualifiers: string[];
  /** Positions in the input of each word set aside. */
  removed: Set<number>;
}

/** Splits normalized words into the job and its qualifiers. */
export function setAsideQualifiers(words: string[]): Qualified {
  const qualifiers: string[] = [];
  const removed = new Set<number>();
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    // "5 years experience", "10+ yrs of exp", "3 year"
    if (/^\d{1,2}$/.test(word) && YEAR_WORDS.has(words[i + 1] ?? '')) {
      let end = i + 2;
      if (words[end] === 'of' && EXPERIENCE_WORDS.has(words[end + 1] ?? '')) end += 2;
      else if (EXPERIENCE_WORDS.has(words[end] ?? '')) end += 1;
      // "with 10 years' experience": the word that leads into it goes too.
      if (i > 0 && YEARS_LEAD_INS.has(words[i - 1] ?? '')) removed.add(i - 1);
      const n = Number(word);
      qualifiers.push(`${n} ${n === 1 ? 'year' : 'years'}${end > i + 2 ? ' experience' : ''}`);
      for (let j = i; j < end; j++) removed.add(j);
      i = end - 1;
      continue;
    }
    const two = `${word} ${words[i + 1] ?? ''}`;
    const label = PHRASES.get(two) ?? PHRASES.get(word);
    if (!label) continue;
    const length = PHRASES.has(two) ? 2 : 1;
    qualifiers.push(label);
    for (let j = i; j < i + length; j++) removed.add(j);
    i += length - 1;
  }
  return { core: words.filter((_, i) => !removed.has(i)), qualifiers, removed };
}

/** Qualifiers to report when a title that includes them matched whole: a leading seniority or experience word
 *  ("Senior Accountant" is still senior), nothing else ("Contract Specialist" is a job, not a contract). */
export function leadingQualifier(nameWords: string[]): string | undefined {
  const two = nameWords.slice(0, 2).join(' ');
  if (LEADING.has(two)) return PHRASES.get(two);
  const first = nameWords[0] ?? '';
  return nameWords.length > 1 && LEADING.has(first) ? PHRASES.get(first) : undefined;
}
