// When a schedule runs next: croner computes it from the cadence's pattern in the schedule's IANA time zone, so 09:00
// stays 09:00 local across daylight-saving changes. Cadences are read from what admins type in src/requests/cadence.ts.
import { Cron } from 'croner';

/** The first run strictly after `afterMs`, in `timeZone`. */
export function nextRunAfter(pattern: string, timeZone: string, afterMs: number): number {
  const next = new Cron(pattern, { timezone: timeZone }).nextRun(new Date(afterMs));
  if (!next) throw new Error(`The cadence pattern "${pattern}" never runs again`);
  return next.getTime();
}
