// Downloads one URL to a file, resumably. Bytes go to `<dest>.part` (with the response's validators beside it
// in `<dest>.part.json`) and the file is renamed to `dest` only once the server has sent all it announced. A
// connection that drops mid-body, or a 5xx, is retried from where it stopped (HTTP Range, guarded by If-Range);
// a server that ignores Range sends the whole file again, which is written from the start. What the file holds
// is checked by the caller: this only promises the bytes the server sent.
import { writeFileSync } from 'node:fs';
import { mkdir, open, readFile, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { request, type Dispatcher } from 'undici';

export interface DownloadOptions {
  url: string;
  /** Where the complete download ends up. */
  dest: string;
  /** The size the file must have, when known (a pinned file): more is refused at once. */
  expectedBytes?: number | null;
  /** Refuse a body larger than this (a server gone wrong must not fill the disk). */
  maxBytes: number;
  /** Attempts after the first one, for dropped connections, timeouts and 5xx answers (not for a host that does not
   *  answer at all). */
  retries: number;
  /** Wait before the first retry; doubled for each next one. */
  retryDelayMs: number;
  dispatcher?: Dispatcher | undefined;
  /** Per attempt: where it starts (bytes already on disk) and the total when the server says it. */
  onStart?: (info: { resumeFrom: number; total: number | null }) => void;
  onProgress?: (received: number, total: number | null) => void;
  /** Why an attempt failed and the next one is coming. */
  onRetry?: (info: { problem: string; attempt: number; resumeFrom: number }) => void;
}

/** A download that did not complete: the URL, what went wrong, and whether the host could not be reached at all. */
export class DownloadError extends Error {
  constructor(
    readonly url: string,
    readonly problem: string,
    /** No answer from the server at all (DNS, refused, unreachable): other files on that host will fail too. */
    readonly unreachable: boolean,
  ) {
    super(`${url}: ${problem}`);
    this.name = 'DownloadError';
  }
}

interface PartMeta {
  url: string;
  etag: string | null;
  lastModified: string | null;
}

const HEADERS_TIMEOUT_MS = 30_000;
const BODY_TIMEOUT_MS = 60_000;
const MAX_REDIRECTS = 5;
/** Errors that mean nobody answered: retrying the same host soon is pointless. */
const UNREACHABLE = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);

/** Downloads `url` to `dest`; resolves with the size and the offset the last attempt resumed from. */
export async function download(options: DownloadOptions): Promise<{ bytes: number; resumedFrom: number }> {
  const part = `${options.dest}.part`;
  const metaPath = `${part}.json`;
  await mkdir(dirname(options.dest), { recursive: true });
  let lastProblem = 'no attempt made';
  let unreachable = false;
  for (let attempt = 0; attempt <= options.retries; attempt++) {
    if (attempt > 0) {
      const resumeFrom = await sizeOf(part);
      options.onRetry?.({ problem: lastProblem, attempt, resumeFrom });
      await sleep(options.retryDelayMs * 2 ** (attempt - 1));
    }
    const outcome = await attemptDownload(options, part, metaPath);
    if (outcome.kind === 'done') {
      await rename(part, options.dest);
      await rm(metaPath, { force: true });
      return { bytes: outcome.bytes, resumedFrom: outcome.resumedFrom };
    }
    if (outcome.kind === 'fatal') {
      await rm(part, { force: true });
      await rm(metaPath, { force: true });
      throw new DownloadError(options.url, outcome.problem, false);
    }
    lastProblem = outcome.problem;
    unreachable = outcome.unreachable;
    // Nobody answered (DNS, refused): seconds later nobody will either, and a start offline must not hang on it.
    if (unreachable) break;
  }
  throw new DownloadError(options.url, lastProblem, unreachable);
}

type Attempt =
  | { kind: 'done'; bytes: number; resumedFrom: number }
  | { kind: 'retry'; problem: string; unreachable: boolean }
  | { kind: 'fatal'; problem: string };

async function attemptDownload(options: DownloadOptions, part: string, metaPath: string): Promise<Attempt> {
  const { url, expectedBytes } = options;
  const meta = await readMeta(metaPath);
  let offset = meta?.url === url ? await sizeOf(part) : 0;
  if (offset > 0 && expectedBytes && offset === expectedBytes)
    return { kind: 'done', bytes: offset, resumedFrom: offset };
  if (offset > 0 && expectedBytes && offset > expectedBytes) offset = 0;

  const headers: Record<string, string> = { 'accept-encoding': 'identity', 'user-agent': 'airisk-data-fetch' };
  if (offset > 0) {
    headers.range = `bytes=${offset}-`;
    // If-Range: the server sends the whole (new) file instead of a tail that would not fit the bytes on disk.
    const validator = meta?.etag && !meta.etag.startsWith('W/') ? meta.etag : meta?.lastModified;
    if (validator) headers['if-range'] = validator;
  }
  // Opened before the request: once the answer comes, its body is read at once (a connection that drops right
  // after sending must not take the bytes it sent with it). Writes go to explicit positions.
  const file = await open(part, offset > 0 ? 'r+' : 'w');
  try {
    let response: Dispatcher.ResponseData;
    try {
      response = await request(url, {
        method: 'GET',
        headers,
        maxRedirections: MAX_REDIRECTS,
        headersTimeout: HEADERS_TIMEOUT_MS,
        bodyTimeout: BODY_TIMEOUT_MS,
        ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
      });
    } catch (err) {
      const code = errorCode(err);
      return {
        kind: 'retry',
        problem: `no answer (${code ?? (err as Error).message})`,
        unreachable: UNREACHABLE.has(code ?? ''),
      };
    }
    return await receive(options, response, file, offset, metaPath);
  } finally {
    await file.close();
  }
}

/** Writes the answer's body to the open partial file (from `offset` for a 206, from 0 for a 200). */
async function receive(
  options: DownloadOptions,
  response: Dispatcher.ResponseData,
  file: FileHandle,
  offset: number,
  metaPath: string,
): Promise<Attempt> {
  const { url, expectedBytes, maxBytes } = options;
  const { statusCode, body } = response;
  const header = (name: string) => {
    const v = response.headers[name];
    return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
  };
  const refuse = async (attempt: Attempt, truncate = false): Promise<Attempt> => {
    body.on('error', () => {});
    await body.dump().catch(() => {});
    if (truncate) await file.truncate(0);
    return attempt;
  };
  if (statusCode === 416)
    // Our partial file is not a prefix the server recognises: start again.
    return refuse({ kind: 'retry', problem: 'the server refused to resume (HTTP 416)', unreachable: false }, true);
  if (statusCode >= 500)
    return refuse({ kind: 'retry', problem: `server error (HTTP ${statusCode})`, unreachable: false });
  if (statusCode >= 300 && statusCode < 400)
    return refuse({ kind: 'fatal', problem: `too many redirects, or one without a Location (HTTP ${statusCode})` });
  if (statusCode !== 200 && statusCode !== 206)
    return refuse({
      kind: 'fatal',
      problem: statusCode === 404 ? 'not found (HTTP 404)' : `refused (HTTP ${statusCode})`,
    });

  let start = 0;
  let total: number | null = null;
  if (statusCode === 206) {
    const range = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(header('content-range') ?? '');
    if (!range || Number(range[1]) !== offset)
      return refuse({ kind: 'retry', problem: 'the server resumed at the wrong place', unreachable: false }, true);
    start = offset;
    total = range[3] === '*' ? null : Number(range[3]);
  } else {
    const length = Number(header('content-length') ?? NaN);
    total = Number.isFinite(length) ? length : null;
    writeFileSync(metaPath, JSON.stringify({ url, etag: header('etag'), lastModified: header('last-modified') }));
  }
  const limit = expectedBytes ?? maxBytes;
  const tooLarge = (n: number, whole: boolean) =>
    expectedBytes
      ? `the server ${whole ? 'sends' : 'sent more than'} ` +
        `${whole ? `${count(n)} bytes where the pinned file has` : "the pinned file's"} ` +
        `${count(expectedBytes)}${whole ? '' : ' bytes'}`
      : `the server ${whole ? `sends ${count(n)} bytes,` : 'sent'} more than the ${count(maxBytes)} bytes allowed`;
  if (total !== null && total > limit) return refuse({ kind: 'fatal', problem: tooLarge(total, true) });
  options.onStart?.({ resumeFrom: start, total: total ?? expectedBytes ?? null });

  // Flowing mode, paused while each chunk is written: every byte that arrived is on disk when the body ends or fails.
  let position = start;
  let overflow = false;
  let writeError: NodeJS.ErrnoException | null = null;
  let writing: Promise<unknown> = Promise.resolve();
  const ended = new Promise<Error | null>((resolve) => {
    body.on('data', (chunk: Buffer) => {
      if (overflow) return;
      if (position + chunk.length > limit) {
        overflow = true;
        body.destroy();
        return;
      }
      const at = position;
      position += chunk.length;
      body.pause();
      writing = writing
        .then(() => file.write(chunk, 0, chunk.length, at))
        .then(() => {
          options.onProgress?.(at + chunk.length, total ?? expectedBytes ?? null);
          body.resume();
        })
        .catch((err: NodeJS.ErrnoException) => {
          writeError ??= err;
          body.destroy();
        });
    });
    body.on('end', () => resolve(null));
    body.on('error', (err) => resolve(err));
    body.on('close', () => resolve(overflow ? new Error('too large') : null));
  });
  const failure = await ended;
  await writing;
  const unwritten = writeError as NodeJS.ErrnoException | null;
  if (unwritten)
    return { kind: 'fatal', problem: `cannot be written to disk (${unwritten.code ?? unwritten.message})` };
  await file.truncate(position);
  if (overflow) return { kind: 'fatal', problem: tooLarge(position, false) };
  if (failure) {
    const of = total !== null ? ` of ${count(total)}` : '';
    return {
      kind: 'retry',
      problem: `the connection dropped after ${count(position)}${of} bytes (${errorCode(failure) ?? failure.message})`,
      unreachable: false,
    };
  }
  if (total !== null && position !== total)
    return {
      kind: 'retry',
      problem: `the download ended after ${count(position)} of ${count(total)} bytes`,
      unreachable: false,
    };
  return { kind: 'done', bytes: position, resumedFrom: start };
}

async function readMeta(path: string): Promise<PartMeta | null> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as Partial<PartMeta>;
    return typeof parsed.url === 'string'
      ? { url: parsed.url, etag: parsed.etag ?? null, lastModified: parsed.lastModified ?? null }
      : null;
  } catch {
    return null;
  }
}

async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0;
  }
}

function errorCode(err: unknown): string | undefined {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.cause?.code ?? e?.code;
}

const count = (n: number) => n.toLocaleString('en-US');
