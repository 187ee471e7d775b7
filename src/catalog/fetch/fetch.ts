// `airisk data fetch`: fills a data folder with every file of the manifest, each verified before the catalog can
// see it. Files already in the folder that verify are kept; the rest are downloaded (commit-pinned files one by
// one, O*NET as its published archive, or every file from a mirror that serves the folder's own layout) into
// the folder's temporary area, verified, and only then moved into place. The fetch record says "complete" once
// every file is in place, and is rewritten after each file so an interrupted fetch leaves a true account.
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import lockfile from 'proper-lockfile';
import { Agent, EnvHttpProxyAgent, type Dispatcher } from 'undici';
import {
  FETCH_LOCK,
  PARTIAL_DIR,
  readFetchRecord,
  writeFetchRecord,
  type FetchRecord,
  type RecordedFile,
} from '../datasets/folder.js';
import {
  DATA_MANIFEST,
  manifestDigest,
  manifestFiles,
  type DataManifest,
  type ManifestArchive,
  type ManifestFile,
} from '../datasets/manifest.js';
import { ArchiveError, extractEntries } from './archive.js';
import { DownloadError, download } from './download.js';
import { verifyFile, type Verification } from './verify.js';

export interface FetchOptions {
  /** The data folder to fill (created if missing). */
  dir: string;
  manifest?: DataManifest;
  /** Base URL of a server with the data folder's layout (`<base>/onet-30.1/Skills.txt`); null for the originals. */
  mirror?: string | null;
  reporter?: FetchReporter;
  /** Attempts after the first, per download. */
  retries?: number;
  retryDelayMs?: number;
  /** How long to wait for another fetch into the same folder to finish. */
  lockWaitMs?: number;
  /** When every file is already there and verified but no fetch wrote them, write a record all the same (default
   *  true: the per-user folder is used only with one). False leaves a folder filled by hand, such as
   *  ../shared/datasets named by AIRISK_DATA_DIR, exactly as it is. */
  adoptFilledFolder?: boolean;
  dispatcher?: Dispatcher;
}

/** What a fetch tells as it goes; every member is optional. */
export interface FetchReporter {
  /** After looking at the folder: how many files it already holds verified, and the downloads to come. */
  planned?(info: {
    dir: string;
    kept: number;
    downloads: PlannedDownload[];
    /** Copies in the folder that failed verification and are fetched again, with what was wrong. */
    replacing: { path: string; problem: string }[];
    mirror: string | null;
  }): void;
  waitingForLock?(info: { dir: string }): void;
  downloadStarted?(info: { label: string; url: string; resumeFrom: number; total: number | null }): void;
  downloadProgress?(info: { label: string; received: number; total: number | null }): void;
  downloadRetry?(info: { label: string; url: string; problem: string; attempt: number; resumeFrom: number }): void;
  downloadFinished?(info: { label: string; url: string; bytes: number }): void;
  verified?(info: { path: string; detail: string }): void;
  /** `what` is a file's path, or "14 files from <archive>" when a whole archive failed. */
  failed?(info: { what: string; url: string; problem: string }): void;
}

interface PlannedDownload {
  label: string;
  url: string;
  /** Known for pinned files only. */
  bytes: number | null;
}

interface FileOutcome {
  path: string;
  /** kept: already in the folder and verified; verified: downloaded and verified now. */
  state: 'kept' | 'verified' | 'failed' | 'not-tried';
  /** Where it came from or was to come from. */
  from: string;
  /** How it was verified, or what was wrong. */
  detail: string;
  /** Failed or not tried because its host did not answer at all. */
  unreachable?: true;
  /** Outcomes with the same group failed for one reason: an archive's files, or the files of a host that did not
   *  answer. Summaries say them once. */
  group?: string;
}

export interface FetchResult {
  dir: string;
  /** Every file of the manifest is in the folder, verified. */
  complete: boolean;
  files: FileOutcome[];
  /** Hosts that did not answer at all (offline, DNS, firewall). */
  unreachableHosts: string[];
  /** False when the folder was left without a record: filled by hand and not adopted, or read-only. */
  recordWritten: boolean;
}

/** A fetch that cannot start: the folder cannot be created or locked, or the mirror is no URL. */
export class FetchSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FetchSetupError';
  }
}

const MAX_FILE_BYTES = 256 * 2 ** 20;
const MAX_ARCHIVE_BYTES = 2 ** 30;

export async function fetchDatasets(options: FetchOptions): Promise<FetchResult> {
  const { dir } = options;
  const manifest = options.manifest ?? DATA_MANIFEST;
  const mirror = options.mirror ? mirrorBase(options.mirror) : null;
  const reporter = options.reporter ?? {};
  try {
    await mkdir(dir, { recursive: true });
  } catch (err) {
    throw new FetchSetupError(`Cannot create the data folder ${dir}: ${(err as NodeJS.ErrnoException).code ?? err}`);
  }

  const nothingToFetch = () => {
    const record = readFetchRecord(dir);
    reporter.planned?.({ dir, kept: survey.kept.size, downloads: [], replacing: [], mirror });
    return finish(
      dir,
      manifest,
      survey,
      [],
      record?.mirror ?? null,
      [],
      record !== null || options.adoptFilledFolder !== false,
    );
  };
  let survey = await surveyFolder(dir, manifest);
  if (survey.needed.length === 0) return nothingToFetch();

  const { release, waited } = await lockFolder(dir, reporter, options.lockWaitMs ?? 30 * 60_000);
  // Behind a proxy (HTTPS_PROXY, HTTP_PROXY, honouring NO_PROXY) undici's proxy agent; else an agent of its own.
  // Never the process-wide one: whichever undici a process loads first sets it, and Bolt's Socket Mode brings
  // undici 7, whose agent refuses the redirect option the downloads pass (UND_ERR_INVALID_ARG).
  const ownDispatcher = options.dispatcher ? null : proxyConfigured() ? new EnvHttpProxyAgent() : new Agent();
  const dispatcher = options.dispatcher ?? ownDispatcher ?? undefined;
  try {
    if (waited) {
      // The fetch that held the lock may have filled the folder meanwhile.
      survey = await surveyFolder(dir, manifest);
      if (survey.needed.length === 0) return nothingToFetch();
    }
    const units = unitsOf(survey.needed, manifest, mirror);
    reporter.planned?.({
      dir,
      kept: survey.kept.size,
      downloads: units.map(plannedOf),
      replacing: [...survey.problems].map(([path, problem]) => ({ path, problem })),
      mirror,
    });

    const run = new FetchRun(dir, manifest, survey, mirror, reporter, {
      retries: options.retries ?? 3,
      retryDelayMs: options.retryDelayMs ?? 1000,
      dispatcher,
    });
    run.saveRecord(false);
    for (const unit of units) {
      if (unit.kind === 'file') await run.fetchFile(unit.file, unit.url);
      else await run.fetchArchive(unit.archive, unit.files);
    }
    const result = finish(dir, manifest, survey, run.outcomes, mirror, [...run.deadHosts], true);
    if (result.complete) await rm(join(dir, PARTIAL_DIR), { recursive: true, force: true });
    return result;
  } finally {
    await ownDispatcher?.close();
    await release();
  }
}

interface Survey {
  /** Files in the folder that verify, with what the record says of them. */
  kept: Map<string, RecordedFile>;
  needed: ManifestFile[];
  /** What was wrong with a copy already in the folder (not for missing files). */
  problems: Map<string, string>;
}

/** Verifies every manifest file already in the folder. */
async function surveyFolder(dir: string, manifest: DataManifest): Promise<Survey> {
  const record = readFetchRecord(dir);
  const survey: Survey = { kept: new Map(), needed: [], problems: new Map() };
  for (const file of manifestFiles(manifest)) {
    const verification = await verifyFile(join(dir, file.path), file.check);
    if (verification.ok) {
      const recorded = record?.files[file.path];
      survey.kept.set(
        file.path,
        recorded?.sha256 === verification.sha256 ? recorded : recordOf(verification, 'found in the folder'),
      );
    } else {
      survey.needed.push(file);
      if (verification.problem !== 'missing') survey.problems.set(file.path, verification.problem);
    }
  }
  return survey;
}

type Unit =
  | { kind: 'file'; file: ManifestFile; url: string }
  | { kind: 'archive'; archive: ManifestArchive; files: ManifestFile[] };

/** Downloads to make: one per file from a mirror or a pinned URL, one per archive for the files it holds. */
function unitsOf(needed: ManifestFile[], manifest: DataManifest, mirror: string | null): Unit[] {
  const units: Unit[] = [];
  const byArchive = new Map<string, ManifestFile[]>();
  for (const file of needed) {
    if (mirror) units.push({ kind: 'file', file, url: mirrorUrl(mirror, file.path) });
    else if ('url' in file.origin) units.push({ kind: 'file', file, url: file.origin.url });
    else byArchive.set(file.origin.archive, [...(byArchive.get(file.origin.archive) ?? []), file]);
  }
  for (const [id, files] of byArchive) {
    const archive = manifest.archives.find((a) => a.id === id);
    if (!archive) throw new Error(`The data manifest names archive "${id}" but does not list it`);
    units.push({ kind: 'archive', archive, files });
  }
  return units;
}

function plannedOf(unit: Unit): PlannedDownload {
  if (unit.kind === 'archive') return { label: unit.archive.name, url: unit.archive.url, bytes: null };
  return {
    label: unit.file.path,
    url: unit.url,
    bytes: unit.file.check.kind === 'sha256' ? unit.file.check.bytes : null,
  };
}

class FetchRun {
  readonly outcomes: FileOutcome[] = [];
  readonly deadHosts = new Set<string>();

  constructor(
    private readonly dir: string,
    private readonly manifest: DataManifest,
    private readonly survey: Survey,
    private readonly mirror: string | null,
    private readonly reporter: FetchReporter,
    private readonly net: { retries: number; retryDelayMs: number; dispatcher: Dispatcher | undefined },
  ) {}

  /** One file from its own URL: downloaded, verified, moved into place. A resumed download that fails
   *  verification is downloaded once more from the start (the tail may not belong to the bytes before it). */
  async fetchFile(file: ManifestFile, url: string): Promise<void> {
    if (this.skipDeadHost(url, [file])) return;
    const staged = this.staged(file.path);
    for (let whole = false; ; whole = true) {
      let resumedFrom: number;
      try {
        ({ resumedFrom } = await this.download(
          file.path,
          url,
          staged,
          file.check.kind === 'sha256' ? file.check.bytes : null,
          MAX_FILE_BYTES,
        ));
      } catch (err) {
        if (!(err instanceof DownloadError)) throw err;
        if (err.unreachable) this.deadHosts.add(hostOf(url));
        return this.fail(file, url, err.problem, err.unreachable);
      }
      const verification = await verifyFile(staged, file.check);
      if (verification.ok) return this.place(file, staged, verification, url);
      await rm(staged, { force: true });
      if (resumedFrom > 0 && !whole) {
        this.reporter.downloadRetry?.({
          label: file.path,
          url,
          problem: `the resumed download failed verification (${verification.problem})`,
          attempt: 1,
          resumeFrom: 0,
        });
        continue;
      }
      return this.fail(file, url, verification.problem);
    }
  }

  /** The files an archive holds: the archive is downloaded (or reused from an interrupted fetch), the files are
   *  unpacked, verified and moved into place, and the archive is deleted. */
  async fetchArchive(archive: ManifestArchive, files: ManifestFile[]): Promise<void> {
    if (this.skipDeadHost(archive.url, files)) return;
    const zipPath = join(this.dir, PARTIAL_DIR, `${archive.id}.zip`);
    if (!(await exists(zipPath))) {
      try {
        await this.download(archive.name, archive.url, zipPath, null, MAX_ARCHIVE_BYTES);
      } catch (err) {
        if (!(err instanceof DownloadError)) throw err;
        if (err.unreachable) this.deadHosts.add(hostOf(archive.url));
        this.failAll(files, archive, err.problem, err.unreachable);
        return;
      }
    }
    const entryOf = (file: ManifestFile) => ('entry' in file.origin ? file.origin.entry : file.path);
    let extracted;
    try {
      extracted = await extractEntries(
        zipPath,
        new Map(files.map((f) => [entryOf(f), this.staged(f.path)])),
        MAX_FILE_BYTES,
      );
    } catch (err) {
      if (!(err instanceof ArchiveError)) throw err;
      await rm(zipPath, { force: true });
      this.failAll(files, archive, `${err.problem}; it was deleted, the next fetch downloads it again`, false);
      return;
    }
    for (const file of files) {
      const from = `${archive.url} (${entryOf(file)})`;
      const result = extracted.get(entryOf(file));
      if (!result?.ok) {
        this.fail(file, from, result?.problem ?? 'not unpacked');
        continue;
      }
      const staged = this.staged(file.path);
      const verification = await verifyFile(staged, file.check);
      if (verification.ok) await this.place(file, staged, verification, from);
      else {
        await rm(staged, { force: true });
        this.fail(file, from, verification.problem);
      }
    }
    // A bad archive is not kept for the next fetch to trip over; a good one is not needed any more.
    await rm(zipPath, { force: true });
  }

  saveRecord(complete: boolean): void {
    writeFetchRecord(this.dir, recordFor(this.manifest, this.survey.kept, complete, this.mirror));
  }

  private async download(
    label: string,
    url: string,
    dest: string,
    expectedBytes: number | null,
    maxBytes: number,
  ): Promise<{ bytes: number; resumedFrom: number }> {
    const { reporter } = this;
    const result = await download({
      url,
      dest,
      expectedBytes,
      maxBytes,
      retries: this.net.retries,
      retryDelayMs: this.net.retryDelayMs,
      dispatcher: this.net.dispatcher,
      onStart: ({ resumeFrom, total }) => reporter.downloadStarted?.({ label, url, resumeFrom, total }),
      onProgress: (received, total) => reporter.downloadProgress?.({ label, received, total }),
      onRetry: ({ problem, attempt, resumeFrom }) =>
        reporter.downloadRetry?.({ label, url, problem, attempt, resumeFrom }),
    });
    reporter.downloadFinished?.({ label, url, bytes: result.bytes });
    return result;
  }

  private async place(file: ManifestFile, staged: string, verification: Verification & { ok: true }, from: string) {
    const final = join(this.dir, file.path);
    await mkdir(dirname(final), { recursive: true });
    await rename(staged, final);
    this.survey.kept.set(file.path, recordOf(verification, from));
    this.saveRecord(false);
    this.outcomes.push({ path: file.path, state: 'verified', from, detail: verification.detail });
    this.reporter.verified?.({ path: file.path, detail: verification.detail });
  }

  private fail(file: ManifestFile, from: string, problem: string, unreachable = false): void {
    this.outcomes.push({
      path: file.path,
      state: 'failed',
      from,
      detail: problem,
      ...(unreachable ? { unreachable } : {}),
    });
    this.reporter.failed?.({ what: file.path, url: from, problem });
  }

  /** Every file of an archive that could not be had: one report. */
  private failAll(files: ManifestFile[], archive: ManifestArchive, problem: string, unreachable: boolean): void {
    for (const file of files)
      this.outcomes.push({
        path: file.path,
        state: 'failed',
        from: archive.url,
        detail: problem,
        group: `the ${archive.name}`,
        ...(unreachable ? { unreachable: true as const } : {}),
      });
    this.reporter.failed?.({ what: `${files.length} files from the ${archive.name}`, url: archive.url, problem });
  }

  private skipDeadHost(url: string, files: ManifestFile[]): boolean {
    const host = hostOf(url);
    if (!this.deadHosts.has(host)) return false;
    for (const file of files)
      this.outcomes.push({
        path: file.path,
        state: 'not-tried',
        from: url,
        detail: `not tried: ${host} did not answer`,
        unreachable: true,
        group: host,
      });
    return true;
  }

  private staged(path: string): string {
    return join(this.dir, PARTIAL_DIR, path);
  }
}

function finish(
  dir: string,
  manifest: DataManifest,
  survey: Survey,
  fetched: FileOutcome[],
  mirror: string | null,
  unreachableHosts: string[],
  writeRecord: boolean,
): FetchResult {
  const files: FileOutcome[] = manifestFiles(manifest).map((file) => {
    const now = fetched.find((o) => o.path === file.path);
    if (now) return now;
    const kept = survey.kept.get(file.path);
    return kept
      ? { path: file.path, state: 'kept', from: kept.from, detail: kept.verified }
      : { path: file.path, state: 'not-tried', from: '', detail: 'not tried' };
  });
  const complete = files.every((f) => f.state === 'kept' || f.state === 'verified');
  let recordWritten = writeRecord;
  try {
    if (writeRecord) writeFetchRecord(dir, recordFor(manifest, survey.kept, complete, mirror));
  } catch {
    // A read-only folder filled by hand: its files were verified all the same; status says it has no record.
    recordWritten = false;
  }
  return { dir, complete, files, unreachableHosts, recordWritten };
}

function recordFor(
  manifest: DataManifest,
  kept: Map<string, RecordedFile>,
  complete: boolean,
  mirror: string | null,
): FetchRecord {
  return {
    format: 1,
    manifest: manifestDigest(manifest),
    complete,
    updatedAt: new Date().toISOString(),
    mirror,
    files: Object.fromEntries(kept),
  };
}

function recordOf(verification: Verification & { ok: true }, from: string): RecordedFile {
  return {
    bytes: verification.bytes,
    sha256: verification.sha256,
    verified: verification.detail,
    from,
    at: new Date().toISOString(),
  };
}

/** Holds the folder's lock; waits (saying so) while another fetch holds it. */
async function lockFolder(
  dir: string,
  reporter: FetchReporter,
  waitMs: number,
): Promise<{ release: () => Promise<void>; waited: boolean }> {
  const options = {
    lockfilePath: join(dir, FETCH_LOCK),
    stale: 30_000,
    update: 10_000,
    // A lock lost to a long pause is reported by the record; never crash the process over it.
    onCompromised: () => {},
  };
  try {
    return { release: await lockfile.lock(dir, { ...options, retries: 0 }), waited: false };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ELOCKED')
      throw new FetchSetupError(`Cannot lock the data folder ${dir}: ${(err as Error).message}`);
  }
  reporter.waitingForLock?.({ dir });
  const tries = Math.max(1, Math.ceil(waitMs / 1000));
  try {
    const release = await lockfile.lock(dir, {
      ...options,
      retries: { retries: tries, factor: 1, minTimeout: 1000, maxTimeout: 1000 },
    });
    return { release, waited: true };
  } catch (err) {
    throw new FetchSetupError(`Another fetch into ${dir} is still running: ${(err as Error).message}`);
  }
}

/** The mirror's base URL, ending with "/"; anything but http(s) is refused. */
function mirrorBase(mirror: string): string {
  let url: URL;
  try {
    url = new URL(mirror.trim());
  } catch {
    throw new FetchSetupError(`AIRISK_DATA_MIRROR is not a URL: "${mirror}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new FetchSetupError(`AIRISK_DATA_MIRROR must be an http or https URL, not "${mirror}"`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** `<base>/onet-30.1/Alternate%20Titles.txt`: the data folder's layout under the mirror's base. */
export function mirrorUrl(base: string, path: string): string {
  return new URL(path.split('/').map(encodeURIComponent).join('/'), base).href;
}

const hostOf = (url: string) => new URL(url).host;

const proxyConfigured = () =>
  ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'].some((name) => process.env[name]?.trim());

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
