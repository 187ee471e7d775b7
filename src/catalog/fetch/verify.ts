// Checks one copy of a manifest file: its SHA-256 where the bytes are pinned, its header and row count where
// the file comes from a published archive (whose bytes are not pinned), its release name for a Read Me.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { checkLabel, type FileCheck } from '../datasets/manifest.js';
import { DatasetError, parseRecords } from '../datasets/table.js';

export type Verification =
  | { ok: true; bytes: number; sha256: string; /** "SHA-256", "header and 62,580 rows" */ detail: string }
  | { ok: false; /** What is wrong, in words. */ problem: string };

/** Verifies the file at `path` (absolute) against `check`. A missing or unreadable file is a problem, not a throw. */
export async function verifyFile(path: string, check: FileCheck): Promise<Verification> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, problem: code === 'ENOENT' ? 'missing' : `cannot be read (${code ?? String(err)})` };
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const problem = problemOf(bytes, sha256, check);
  return problem ? { ok: false, problem } : { ok: true, bytes: bytes.length, sha256, detail: checkLabel(check) };
}

function problemOf(bytes: Buffer, sha256: string, check: FileCheck): string | null {
  if (check.kind === 'sha256') {
    if (bytes.length !== check.bytes)
      return (
        `has ${count(bytes.length)} bytes where the pinned file has ${count(check.bytes)} (SHA-256 ` +
        `${short(sha256)}, expected ${short(check.sha256)})`
      );
    return sha256 === check.sha256 ? null : `SHA-256 is ${sha256}, expected ${check.sha256}`;
  }
  if (bytes.length === 0) return 'is empty';
  const text = bytes.toString('utf8');
  if (check.kind === 'text') return text.includes(check.contains) ? null : `does not name "${check.contains}"`;
  return tableProblem(text, check);
}

/** The header must have every column named (in any order, among others); every row the header's field count; and
 *  the file exactly the published number of data rows. */
function tableProblem(text: string, check: Extract<FileCheck, { kind: 'table' }>): string | null {
  let header: string[] | null = null;
  let rows = 0;
  try {
    for (const record of parseRecords(text, check.delimiter, '')) {
      if (!header) {
        header = record.fields.map((f) => f.trim());
        const missing = check.columns.filter((c) => !header?.includes(c));
        if (missing.length)
          return `the header lacks ${missing.map((c) => `"${c}"`).join(', ')} (it has: ${header.join(', ')})`;
        continue;
      }
      if (record.fields.length !== header.length)
        return (
          `line ${record.line} has ${record.fields.length} fields where the header has ` +
          `${header.length}${record.isLast ? ': the file looks truncated' : ''}`
        );
      rows++;
    }
  } catch (err) {
    if (err instanceof DatasetError) return `${err.line !== null ? `line ${err.line}: ` : ''}${err.problem}`;
    throw err;
  }
  if (!header) return 'is empty';
  return rows === check.rows ? null : `has ${count(rows)} data rows, expected ${count(check.rows)}`;
}

const count = (n: number) => n.toLocaleString('en-US');
const short = (sha: string) => `${sha.slice(0, 12)}…`;
