// Reads one delimited dataset file (CSV or TSV) into validated rows, each with the line it starts on.
// Parsing is Papa Parse's; this adds what authors and operators need: named columns, zod-validated rows,
// and errors that name the file and line.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { join } from 'node:path';
import { z } from 'zod';

/** A dataset file that cannot be used: the message names the file (relative to the data folder), the line and the problem. */
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
  const indexes = wanted.map((name) => {
    const i = header.indexOf(name);
    if (i === -1)
      throw new DatasetError(
        file,
        1,
        `missing column "${name}" (the header has: ${header.filter(Boolean).join(', ')})`,
      );
    return i;
  });

  const endsWithNewline = text.endsWith('\n');
  for (let next = records.next(); !next.done; next = records.next()) {
    const { fields, line } = next.value;
    const { isLast } = next.value;
    if (fields.length !== header.length) {
      const cut = isLast && fields.length < header.length;
      throw new DatasetError(
        file,
        line,
        cut
          ? `the last row has ${fields.length} of ${header.length} fields: the file looks truncated`
          : `the row has ${fields.length} fields but the header has ${header.length}`,
      );
    }
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
      const got = value.trim() === '' ? 'it is empty' : `got "${value.length > 60 ? `${value.slice(0, 60)}…` : value}"`;
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
const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

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
