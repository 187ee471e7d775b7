// A promise that fails where nobody awaits it (a background task, a library's event handler) would end the
// server under Node's default. The start command installs this handler instead: it logs the failure with its
// context (what failed, Slack's error code, the cause, where) and the app keeps serving. Only the entry point
// installs it, so tests and the CLI keep Node's default and fail on such a rejection.
import { logText } from './log-text.js';

const STACK_FRAMES = 8;

/** The log entry for an unexpected rejection: one line saying what failed, then where, tokens redacted. */
function describeRejection(reason: unknown): string {
  const error = reason instanceof Error ? reason : null;
  const slack = reason as { code?: unknown; data?: { error?: unknown } } | null;
  const details = [
    typeof slack?.code === 'string' ? `code ${slack.code}` : '',
    typeof slack?.data?.error === 'string' ? `Slack said ${slack.data.error}` : '',
    error?.cause instanceof Error ? `caused by ${error.cause.name}: ${error.cause.message}` : '',
  ].filter(Boolean);
  const what = error ? `${error.name}: ${error.message}` : `a non-error value: ${String(reason)}`;
  const frames = (error?.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, STACK_FRAMES)
    .map((line) => `    ${logText(line.trim())}`);
  return [
    logText(`airisk: unexpected error (a promise rejection nobody handled), still serving: ${what}`) +
      (details.length ? ` (${logText(details.join('; '))})` : ''),
    ...frames,
  ].join('\n');
}

/** The handler the start command installs. */
export function logUnhandledRejection(reason: unknown): void {
  console.error(describeRejection(reason));
}

/** Keeps the server up on an unexpected rejection, logging it. For the start command only. */
export function keepServingOnUnhandledRejection(): void {
  process.on('unhandledRejection', logUnhandledRejection);
}
