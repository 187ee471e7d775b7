// A start-up cache on disk: what is slow to build from the public datasets (loaded, validated and joined
// `Datasets`, and the name index) is stored once as V8-serialized plain data, keyed by the SHA-256 of every
// data file's contents and of the code that builds it. Any missing, stale or unreadable cache is rebuilt by
// the caller and rewritten; a cache that cannot be written is only a slower start, never a failure.
// Files are written to a temporary name and renamed into place, so concurrent starts never read half a file.
import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { isTypedArray } from 'node:util/types';
import { fileURLToPath } from 'node:url';
import { DefaultDeserializer, serialize } from 'node:v8';
import { cacheRoot } from './paths.js';

/** Where the start-up cache of one data folder lives (one file per data folder, replaced when stale). */
export function startupCacheFile(env: NodeJS.ProcessEnv, dataDir: string): string {
  const id = createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 16);
  return join(cacheRoot(env), 'index', `datasets-${id}.v8`);
}

/** The code whose output the cache holds: the dataset loaders and the name index (a change to any rebuilds it). */
const CODE = [
  new URL('./datasets/', import.meta.url),
  new URL('../engine/names', import.meta.url),
  new URL('../engine/text', import.meta.url),
  new URL('../engine/resolve', import.meta.url),
];

/** SHA-256 of the code that builds the cached data (the built .js files, or the .ts sources under a test runner). */
export function codeHash(): string {
  const hash = createHash('sha256').update(process.version);
  for (const url of CODE) {
    const path = fileURLToPath(url);
    const files = path.endsWith('/')
      ? readdirSync(path)
          .filter((f) => /\.[jt]s$/.test(f) && !f.endsWith('.d.ts'))
          .sort()
          .map((f) => join(path, f))
      : ['.js', '.ts'].map((ext) => path + ext).filter((f) => isFile(f));
    for (const file of files) hash.update(file.slice(file.lastIndexOf('/'))).update(readFileSync(file));
  }
  return hash.digest('hex');
}

/** SHA-256 of every file under the data folder (paths and contents, in path order). */
export function dataHash(dataDir: string): string {
  const hash = createHash('sha256');
  // Read in chunks through one buffer: reading 40 MB of files whole would leave that much behind in memory.
  const chunk = Buffer.allocUnsafe(1 << 20);
  for (const file of filesUnder(dataDir)) {
    hash.update(`\0${relative(dataDir, file)}\0`);
    const fd = openSync(file, 'r');
    try {
      for (let n = readSync(fd, chunk); n > 0; n = readSync(fd, chunk)) hash.update(chunk.subarray(0, n));
    } finally {
      closeSync(fd);
    }
  }
  return hash.digest('hex');
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(path));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

const MAGIC = Buffer.from('AIRISKC1');

export type CacheRead<T> =
  { status: 'hit'; value: T } | { status: 'missing' | 'stale' | 'unreadable'; detail?: string };

/** Reads a cache file written by `writeCache` under `key`; `check` confirms the value has the expected shape. */
export function readCache<T>(file: string, key: string, check: (value: unknown) => value is T): CacheRead<T> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR'
      ? { status: 'missing' }
      : { status: 'unreadable', detail: code ?? String(err) };
  }
  try {
    if (!bytes.subarray(0, MAGIC.length).equals(MAGIC)) return { status: 'unreadable', detail: 'not a cache file' };
    const headerLength = bytes.readUInt32LE(MAGIC.length);
    const headerEnd = MAGIC.length + 4 + headerLength;
    const header = JSON.parse(bytes.subarray(MAGIC.length + 4, headerEnd).toString('utf8')) as {
      key?: string;
      bytes?: number;
    };
    if (header.key !== key) return { status: 'stale' };
    if (header.bytes !== bytes.length - headerEnd) return { status: 'unreadable', detail: 'cut short' };
    const value: unknown = deserializeCopying(bytes.subarray(headerEnd));
    return check(value) ? { status: 'hit', value } : { status: 'unreadable', detail: 'unexpected content' };
  } catch (err) {
    return { status: 'unreadable', detail: (err as Error).message };
  }
}

/** Node's deserializer hands back typed arrays as views into the bytes it reads (when they are aligned), so one
 *  small array kept alive would keep the whole file (15 MB, most of it strings long since copied into the heap)
 *  in memory. This one gives each typed array a buffer of its own, and the file's bytes can be freed. */
class CopyingDeserializer extends DefaultDeserializer {
  override _readHostObject(): unknown {
    const view = super._readHostObject();
    // A Buffer's slice() is a view too; a typed array's is a copy.
    return Buffer.isBuffer(view) ? Buffer.from(view) : isTypedArray(view) ? view.slice() : view;
  }
}

declare module 'node:v8' {
  interface DefaultDeserializer {
    /** Reads an object the serializer's host wrote: for Node's, a typed array or a Buffer. */
    _readHostObject(): unknown;
  }
}

function deserializeCopying(bytes: Uint8Array): unknown {
  const deserializer = new CopyingDeserializer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  deserializer.readHeader();
  return deserializer.readValue();
}

/** Writes the value under `key`: to a temporary file first, then renamed over the old one. False when it could not. */
export function writeCache(file: string, key: string, value: unknown): boolean {
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const payload = serialize(value);
    const header = Buffer.from(JSON.stringify({ key, bytes: payload.length, written: new Date().toISOString() }));
    const length = Buffer.alloc(4);
    length.writeUInt32LE(header.length);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(temporary, Buffer.concat([MAGIC, length, header, payload]));
    renameSync(temporary, file);
    return true;
  } catch {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Nothing was written where nothing can be written.
    }
    return false;
  }
}
