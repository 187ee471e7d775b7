// Reads one delimited dataset file (CSV or TSV) into validated rows, each with the line it starts on.
// Parsing is Papa Parse's; this adds what authors and operators need: named columns, zod-validated rows,
// and errors that name the file and line.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { join } from 'node:path';
import { z } from 'zod';

/** A dataset file that cannot be used: the message names the file (relative to the data folder), the line and the
 *  problem. */
export class DatasetError extends Error {
  constructor(
    /** Relative to the data folder; the folder itself for a folder problem. */
    readonly file: string,
    readonly line: number | null,
    readonly problem: string,
    kind: 'file' | 'folder' = 'file',
  ) {
    super(`Dataset ${kind} ${file}${line !== null ? `, line ${line}` : ''}: ${problem}`);
    this.name = 'DatasetError';
  }
}

export interface TableRow<T> {
  row: T;
  /** 1-based line the record starts on (the header is line 1). */
  line: number;
}

export interface TableOptions {
  delimiter?: ',' | '\t';
  /** Rows to leave out on purpose, such as a "Source: …" footer; anything else invalid is an error. */
  isFooter?: (raw: Record<string, string>) => boolean;
}

type Columns = Record<string, z.ZodType>;

/**
 * Reads `file` (relative to `dir`) and validates every row against `columns`, keyed by header name.
 * Only the named columns are read; each must be in the header. The first problem throws a DatasetError.
 */
export function readTable<C extends Columns>(
  dir: string,
  file: string,
  columns: C,
  options: TableOptions = {},
): TableRow<{ [K in keyof C]: z.output<C[K]> }>[] {
  const text = readText(dir, file);
  const schema = z.object(columns);
  const wanted = Object.keys(columns);
  const out: TableRow<{ [K in keyof C]: z.output<C[K]> }>[] = [];

  const records = parseRecords(text, options.delimiter ?? ',', file);
  const first = records.next();
  if (first.done || first.value.fields.every((f) => f === '')) throw new DatasetError(file, null, 'the file is empty');
  const header = first.value.fields.map((h) => h.trim());
  const indexes = columnIndexes(file, header, wanted);

  const endsWithNewline = text.endsWith('\n');
  for (let next = records.next(); !next.done; next = records.next()) {
    const { fields, line } = next.value;
    const { isLast } = next.value;
    if (fields.length !== header.length) throw fieldCountError(file, line, fields.length, header.length, isLast);
    const raw: Record<string, string> = {};
    for (let k = 0; k < wanted.length; k++) raw[wanted[k] as string] = fields[indexes[k] as number] as string;
    if (options.isFooter?.(raw)) {
      if (!isLast) throw new DatasetError(file, line, 'a footer row ("Source: …") appears before the end of the file');
      continue;
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const column = String(issue?.path[0] ?? '');
      const value = raw[column] ?? '';
      const got = gotValue(value);
      const hint =
        isLast && !endsWithNewline
          ? ' (this is the last line and the file does not end with a newline: it may be truncated)'
          : '';
      throw new DatasetError(file, line, `column "${column}" ${issue?.message ?? 'is invalid'}, ${got}${hint}`);
    }
    out.push({ row: parsed.data as { [K in keyof C]: z.output<C[K]> }, line });
  }
  if (out.length === 0) throw new DatasetError(file, null, 'the file has a header but no rows');
  return out;
}

/** Control characters no CSV or TSV text holds (tab, line breaks, vertical tab and form feed aside): a file with
 *  one is binary (an archive, a program, an error page saved as a picture) and its bytes are never quoted. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const BINARY = /[\u0000-\u0008\u000e-\u001f]/;
/** The end of a value message: 'it is empty' or 'got "…"' (long values cut at 60 characters). */
export function gotValue(value: string): string {
  return value.trim() === '' ? 'it is empty' : `got "${value.length > 60 ? `${value.slice(0, 60)}…` : value}"`;
}

/**
 * A copy of a value scanned out of a file, to keep: V8 makes a slice of a long string point into it, so one kept
 * element name would keep all 8 MB of Skills.txt alive.
 */
export function detach(value: string): string {
  return Buffer.from(value, 'utf8').toString('utf8');
}

/** Where each wanted column sits in the header; a missing one is an error naming what the header has. */
function columnIndexes(file: string, header: string[], wanted: readonly string[]): number[] {
  return wanted.map((name) => {
    const i = header.indexOf(name);
    if (i === -1)
      throw new DatasetError(
        file,
        1,
        `missing column "${name}" (the header has: ${header.filter(Boolean).join(', ')})`,
      );
    return i;
  });
}

function fieldCountError(file: string, line: number, got: number, want: number, isLast: boolean): DatasetError {
  return new DatasetError(
    file,
    line,
    isLast && got < want
      ? `the last row has ${got} of ${want} fields: the file looks truncated`
      : `the row has ${got} fields but the header has ${want}`,
  );
}

/**
 * Reads a tab-separated file without quoting, such as O*NET's text files (a field never holds a tab or a line
 * break), several times faster than `readTable`: no record parser, no schema per row, and only the wanted
 * columns are sliced out. Calls `onRow` with those columns' raw text, untrimmed (in `columns` order; the array is
 * reused,
 * and each value points into the file text, so detach() what you keep) and the row's line; the caller checks the values
 * and throws a DatasetError naming the
 * line. The file, the header, the field count of every row and a cut-off last row are checked as in readTable.
 * Returns the number of rows.
 */
export function scanTsv(
  dir: string,
  file: string,
  columns: readonly string[],
  onRow: (values: string[], line: number) => void,
): number {
  const text = readText(dir, file).replace(/^\uFEFF/, '');
  let end = text.length;
  while (end > 0 && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  if (end === 0 || text.slice(0, end).trim() === '') throw new DatasetError(file, null, 'the file is empty');
  const lineEnd = (from: number) => {
    const nl = text.indexOf('\n', from);
    const stop = nl === -1 || nl > end ? end : nl;
    return text[stop - 1] === '\r' ? stop - 1 : stop;
  };
  const headerEnd = lineEnd(0);
  const header = text
    .slice(0, headerEnd)
    .split('\t')
    .map((h) => h.trim());
  const indexes = columnIndexes(file, header, columns);
  // For each field position, which slot of `values` it fills (-1: not wanted).
  const slotOf = new Int32Array(header.length).fill(-1);
  indexes.forEach((at, slot) => (slotOf[at] = slot));
  const values: string[] = new Array<string>(columns.length).fill('');

  let rows = 0;
  let line = 1;
  let pos = text.indexOf('\n', headerEnd);
  while (pos !== -1 && pos < end) {
    const start = pos + 1;
    line++;
    const stop = lineEnd(start);
    pos = text.indexOf('\n', start);
    if (stop === start) continue;
    let field = 0;
    let from = start;
    for (;;) {
      let tab = text.indexOf('\t', from);
      if (tab === -1 || tab > stop) tab = stop;
      if (field < slotOf.length && slotOf[field] !== -1) values[slotOf[field] as number] = text.slice(from, tab);
      field++;
      if (tab === stop) break;
      from = tab + 1;
    }
    if (field !== header.length) throw fieldCountError(file, line, field, header.length, pos === -1 || pos >= end);
    onRow(values, line);
    rows++;
  }
  if (rows === 0) throw new DatasetError(file, null, 'the file has a header but no rows');
  return rows;
}

function readText(dir: string, file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(dir, file));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new DatasetError(
      file,
      null,
      code === 'ENOENT' ? `file not found in ${dir}` : `cannot be read (${code ?? String(err)})`,
    );
  }
  // Spreadsheets saving "Unicode text" write UTF-16, with this byte-order mark.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    throw new DatasetError(file, null, 'is UTF-16 text: save it as UTF-8 (or download it again)');
  const text = bytes.toString('utf8');
  const binary = text.search(BINARY);
  if (binary !== -1) {
    const line = text.slice(0, binary).split('\n').length;
    throw new DatasetError(
      file,
      line,
      'holds binary data, not text (a control character no CSV or TSV has): download the file again',
    );
  }
  return text;
}

interface RawRecord {
  fields: string[];
  line: number;
  isLast: boolean;
}

/** Splits text into records with Papa Parse (RFC 4180 quoting, CRLF or LF), keeping the line each record starts on. */
export function* parseRecords(text: string, delimiter: string, file: string): Generator<RawRecord> {
  // Papa Parse is several times faster than csv-parse on the 3.9 MB task file, which is most of the start-up.
  const { data, errors } = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimiter, skipEmptyLines: false });
  // Lines are counted here: a record spans one line plus the line breaks inside its quoted fields; empty lines
  // come through as [''] and are counted, then skipped.
  const starts: number[] = [];
  let line = 1;
  for (const record of data) {
    starts.push(line);
    line += 1;
    for (const field of record) if (field.includes('\n')) line += field.split('\n').length - 1;
  }
  const problem = errors.find((e) => e.type === 'Quotes');
  if (problem) {
    const at = typeof problem.row === 'number' ? (starts[problem.row] ?? null) : null;
    throw new DatasetError(
      file,
      at,
      problem.code === 'MissingQuotes'
        ? 'a quoted field never closes: the file looks truncated'
        : `cannot be read as ${delimiter === '\t' ? 'TSV' : 'CSV'}: ${problem.message}`,
    );
  }
  let last = data.length - 1;
  while (last >= 0 && isEmptyLine(data[last])) last--;
  for (let i = 0; i <= last; i++) {
    const record = data[i] ?? [];
    if (!isEmptyLine(record)) yield { fields: record, line: starts[i] ?? 0, isLast: i === last };
  }
}

const isEmptyLine = (record: string[] | undefined) => record !== undefined && record.length === 1 && record[0] === '';

// Column types shared by the loaders. Messages complete "column "x" …, got "y"".
export const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

export const col = {
  text: z.string().trim().min(1, 'must not be empty'),
  optionalText: z.string().trim(),
  number: z.string().trim().regex(NUMBER, 'must be a number').transform(Number),
  share: z
    .string()
    .trim()
    .regex(NUMBER, 'must be a number from 0 to 1')
    .transform(Number)
    .refine((v) => v >= 0 && v <= 1, 'must be a number from 0 to 1'),
  soc: z
    .string()
    .trim()
    .regex(/^\d{2}-\d{4}$/, 'must be a 6-digit SOC code such as 29-2072'),
  onetSoc: z
    .string()
    .trim()
    .regex(/^\d{2}-\d{4}\.\d{2}$/, 'must be an 8-digit O*NET-SOC code such as 29-2072.00'),
  exposureLabel: z.enum(['E0', 'E1', 'E2'], { error: 'must be E0, E1 or E2' }),
};

/** Optional number: empty means not published. */
export const optionalNumber = z
  .string()
  .trim()
  .regex(new RegExp(`^$|${NUMBER.source}`), 'must be a number or empty')
  .transform((v) => (v === '' ? null : Number(v)));
