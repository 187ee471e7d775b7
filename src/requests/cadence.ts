// Cadences as HR admins write them ("weekly mon 09:00") and the croner patterns behind them (src/hr/cadence.ts
// computes the next run from the pattern).

export interface Cadence {
  /** Normalised wording, e.g. "weekly mon 09:00". */
  text: string;
  pattern: string;
}

export const CADENCE_USAGE = '`daily 09:00`, `weekdays 09:00`, `weekly mon 09:00` or `monthly 1 09:00` (24-hour time)';

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

export type CadenceParse = { ok: true; cadence: Cadence; rest: string[] } | { ok: false; error: string };

/** Reads a cadence from the start of `words`; what follows is returned as `rest`. */
export function parseCadence(words: string[]): CadenceParse {
  const [every, ...after] = words.map((w) => w.toLowerCase());
  const time = (
    word: string | undefined,
    consumed: number,
    build: (h: number, m: number, hhmm: string) => Cadence,
  ): CadenceParse => {
    const match = word ? /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(word) : null;
    if (!match)
      return {
        ok: false,
        error: `I need a time like 09:00 (24-hour) after "${words.slice(0, consumed).join(' ')}", not "${word ?? ''}".`,
      };
    const h = Number(match[1]);
    const m = Number(match[2]);
    const hhmm = `${String(h).padStart(2, '0')}:${match[2]}`;
    return { ok: true, cadence: build(h, m, hhmm), rest: words.slice(consumed + 1) };
  };
  switch (every) {
    case 'daily':
      return time(after[0], 1, (h, m, hhmm) => ({ text: `daily ${hhmm}`, pattern: `${m} ${h} * * *` }));
    case 'weekdays':
      return time(after[0], 1, (h, m, hhmm) => ({ text: `weekdays ${hhmm}`, pattern: `${m} ${h} * * 1-5` }));
    case 'weekly': {
      const day = DAYS.indexOf((after[0] ?? '').slice(0, 3));
      if (day < 0)
        return {
          ok: false,
          error: `I need a day after "weekly": mon, tue, wed, thu, fri, sat or sun, not "${words[1] ?? ''}".`,
        };
      return time(after[1], 2, (h, m, hhmm) => ({
        text: `weekly ${DAYS[day]} ${hhmm}`,
        pattern: `${m} ${h} * * ${day}`,
      }));
    }
    case 'monthly': {
      const dayOfMonth = Number(after[0]);
      if (!Number.isInteger(dayOfMonth) || dayOfMonth < 1 || dayOfMonth > 28) {
        return {
          ok: false,
          error:
            `I need a day of the month from 1 to 28 after "monthly" (so every month has it), not ` +
            `"${words[1] ?? ''}".`,
        };
      }
      return time(after[1], 2, (h, m, hhmm) => ({
        text: `monthly ${dayOfMonth} ${hhmm}`,
        pattern: `${m} ${h} ${dayOfMonth} * *`,
      }));
    }
    default:
      return { ok: false, error: `I don't know the cadence "${words[0] ?? ''}". Use ${CADENCE_USAGE}.` };
  }
}
