// What the app logs about a failure may quote a Slack token (the Web API client's errors quote the request's
// Authorization header) or text from a request. Log lines go through logText: tokens redacted, control
// characters shown as escapes, one line.
import { escapeControls } from '../renderers/terminal-escape.js';

/** Slack's token prefixes: bot, user, app-level, refresh and the rest of the xox family. */
const TOKEN = /\b(xox[a-z]|xapp)-[^\s"'`<>]+/g;

/** The text with every Slack token replaced by its prefix and "[redacted]". */
function redactSecrets(text: string): string {
  return text.replace(TOKEN, '$1-[redacted]');
}

/** One safe log line: no token, no control character, no line break. */
export const logText = (text: string): string => escapeControls(redactSecrets(text), { oneLine: true });
