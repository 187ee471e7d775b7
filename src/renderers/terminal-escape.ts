// Text bound for a terminal (the CLI's output, start-up errors, log lines) may quote what someone typed or what a
// file holds. Control characters in it would be obeyed by the terminal: ESC starts colour and cursor sequences,
// BEL rings, CR overwrites the line, C1 codes act like ESC sequences on some terminals, and bidirectional
// overrides reorder what is shown. They are shown as escapes instead (\x1B, \u202E).

/** C0 controls but tab, DEL, C1 controls, and the bidirectional embeddings, overrides and isolates; the second
 *  keeps line feeds too. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex -- as above
const CONTROLS_BUT_NEWLINE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const visible = (c: string): string => {
  const code = c.charCodeAt(0);
  return code <= 0xff
    ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`
    : `\\u${code.toString(16).toUpperCase()}`;
};

/** The text with every control character shown as an escape; line breaks are kept unless `oneLine`. */
export function escapeControls(text: string, options: { oneLine?: boolean } = {}): string {
  return text.replace(options.oneLine ? CONTROLS : CONTROLS_BUT_NEWLINE, visible);
}

/** JSON that is safe to print to a terminal and parses to the same value. JSON.stringify escapes U+0000–U+001F
 *  already, but leaves DEL, the C1 controls, the bidirectional controls and U+2028/U+2029 raw. */
export function jsonForTerminal(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
