// Takes named files out of a downloaded zip archive (yauzl: it reads the central directory and checks each
// entry's size as it inflates). Entries are matched by file name, in the archive's root or its one top folder
// (`db_30_1_text/Skills.txt`), and written to paths the caller chooses, never to a path the archive names.
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';

/** Per wanted entry name: written, or what was wrong. */
export type Extracted = Map<string, { ok: true } | { ok: false; problem: string }>;

/** Thrown when the archive as a whole cannot be read (cut off, not a zip). */
export class ArchiveError extends Error {
  constructor(readonly problem: string) {
    super(problem);
    this.name = 'ArchiveError';
  }
}

/** Extracts each entry named in `wanted` (name → destination path); refuses entries larger than `maxEntryBytes`. */
export async function extractEntries(
  zipPath: string,
  wanted: Map<string, string>,
  maxEntryBytes: number,
): Promise<Extracted> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(zipPath, { lazyEntries: true, autoClose: false });
  } catch (err) {
    throw new ArchiveError(`the archive cannot be read as a zip (${(err as Error).message})`);
  }
  const out: Extracted = new Map();
  try {
    const found = new Map<string, yauzl.Entry[]>();
    try {
      for await (const entry of zip.eachEntry()) {
        const parts = entry.fileName.split('/');
        const name = parts.at(-1) ?? '';
        if (parts.length > 2 || !wanted.has(name)) continue;
        found.set(name, [...(found.get(name) ?? []), entry]);
      }
    } catch (err) {
      throw new ArchiveError(`the archive's table of contents cannot be read (${(err as Error).message})`);
    }
    for (const [name, dest] of wanted) {
      const entries = found.get(name) ?? [];
      const entry = entries[0];
      if (!entry) {
        out.set(name, { ok: false, problem: `the archive has no file "${name}"` });
        continue;
      }
      if (entries.length > 1) {
        out.set(name, { ok: false, problem: `the archive has ${entries.length} files named "${name}"` });
        continue;
      }
      if (entry.uncompressedSize > maxEntryBytes) {
        out.set(name, {
          ok: false,
          problem: `"${name}" unpacks to ${entry.uncompressedSize} bytes, more than allowed`,
        });
        continue;
      }
      try {
        await mkdir(dirname(dest), { recursive: true });
        await pipeline(await zip.openReadStreamPromise(entry), createWriteStream(dest));
        out.set(name, { ok: true });
      } catch (err) {
        out.set(name, { ok: false, problem: `"${name}" cannot be unpacked (${(err as Error).message})` });
      }
    }
  } finally {
    zip.close();
  }
  return out;
}
