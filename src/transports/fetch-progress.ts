// How a dataset fetch shows itself: on a terminal, a progress bar per download (bytes and speed, cli-progress);
// anywhere else (a log, a pipe, CI) plain lines, one per step. The summary names every file that failed with
// the URL it came from and what was wrong.
import cliProgress from 'cli-progress';
import type { FetchReporter, FetchResult } from '../catalog/fetch/fetch.js';

const PLAIN_PROGRESS_EVERY_MS = 10_000;

export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** A reporter writing to `out`: bars when it is a terminal, plain lines otherwise. `stop()` ends a bar in flight. */
export function fetchReporter(out: Output): FetchReporter & { stop(): void } {
  const line = (text: string) => out.write(`${text}\n`);
  const tty = out.isTTY === true;
  let bar: cliProgress.SingleBar | null = null;
  let started = { at: 0, from: 0 };
  let lastLine = 0;
  const stopBar = () => {
    bar?.stop();
    bar = null;
  };
  /** Bytes a second since this download started; '…' until there is enough to tell, unless it is over. */
  const speed = (received: number, over = false) => {
    const seconds = (performance.now() - started.at) / 1000;
    return seconds > 0.2 || (over && seconds > 0) ? `${formatBytes((received - started.from) / seconds)}/s` : '…';
  };

  return {
    planned({ dir, kept, downloads, replacing, mirror }) {
      for (const r of replacing) line(`${r.path} in the folder fails verification (${r.problem}): fetching it again.`);
      if (downloads.length === 0) {
        line(`All ${kept} dataset files are already in ${dir}, verified.`);
        return;
      }
      const from = mirror ? ` from the mirror ${mirror}` : '';
      const known = downloads.reduce((n, d) => n + (d.bytes ?? 0), 0);
      const unsized = downloads.filter((d) => d.bytes === null);
      const rest =
        unsized.length === 1 ? unsized[0]?.label : unsized.length ? `${unsized.length} files of unknown size` : null;
      const size = [...(known ? [formatBytes(known)] : []), ...(rest ? [rest] : [])].join(' plus ');
      line(
        `Fetching ${downloads.length} download${downloads.length === 1 ? '' : 's'} (${size})${from} into ${dir}` +
          (kept ? ` (${kept} files already there, verified).` : '.'),
      );
    },
    waitingForLock({ dir }) {
      line(`Another fetch into ${dir} is running: waiting for it to finish.`);
    },
    downloadStarted({ label, url, resumeFrom, total }) {
      started = { at: performance.now(), from: resumeFrom };
      lastLine = started.at;
      const resume = resumeFrom ? ` (resuming at ${formatBytes(resumeFrom)})` : '';
      if (!tty) {
        line(`Downloading ${url}${resume}`);
        return;
      }
      stopBar();
      const known = total !== null && total > 0;
      bar = new cliProgress.SingleBar({
        stream: out as NodeJS.WritableStream,
        format: known
          ? `${label}${resume} [{bar}] {percentage}% {done} of {size} {speed}`
          : `${label}${resume} {done} {speed}`,
        barsize: 24,
        barCompleteChar: '\u2588',
        barIncompleteChar: '\u2591',
        fps: 8,
      });
      bar.start(known ? total : 1, resumeFrom, {
        done: formatBytes(resumeFrom),
        size: known ? formatBytes(total) : '',
        speed: '',
      });
    },
    downloadProgress({ received, total }) {
      const size = total ? formatBytes(total) : '';
      if (tty) {
        bar?.update(received, { done: formatBytes(received), size, speed: speed(received) });
        return;
      }
      // In a log, a line every little while shows that a long download is moving.
      if (performance.now() - lastLine < PLAIN_PROGRESS_EVERY_MS) return;
      lastLine = performance.now();
      line(`  ${formatBytes(received)}${size ? ` of ${size}` : ''}, ${speed(received)}`);
    },
    downloadRetry({ label, problem, attempt, resumeFrom }) {
      stopBar();
      const from = resumeFrom ? `, resuming at ${formatBytes(resumeFrom)}` : '';
      line(`  ${label}: ${problem}; trying again (attempt ${attempt + 1}${from}).`);
    },
    downloadFinished({ url, bytes }) {
      if (tty) {
        bar?.update(bytes, { done: formatBytes(bytes), speed: speed(bytes, true) });
        stopBar();
      } else {
        const seconds = (performance.now() - started.at) / 1000;
        line(`  received ${formatBytes(bytes - started.from)} in ${seconds.toFixed(1)} s from ${url}`);
      }
    },
    verified({ path, detail }) {
      line(`  verified ${path} (${detail})`);
    },
    failed({ what, url, problem }) {
      stopBar();
      line(`  FAILED ${what}: ${problem} (${url})`);
    },
    stop: stopBar,
  };
}

/** The lines that close a fetch: what is in place, and each failure with its URL and what was wrong. */
export function fetchSummary(result: FetchResult): string[] {
  const failed = result.files.filter((f) => f.state === 'failed' || f.state === 'not-tried');
  if (result.complete) {
    const fetched = result.files.filter((f) => f.state === 'verified').length;
    return [
      `All ${result.files.length} dataset files are in ${result.dir}, verified${fetched ? ` (${fetched} fetched now)` : ''}.` +
        (result.recordWritten ? '' : ' The folder was left as it is, with no fetch record.'),
    ];
  }
  const lines = [`${failed.length} of ${result.files.length} dataset files could not be fetched into ${result.dir}:`];
  const said = new Set<string>();
  for (const f of failed) {
    if (!f.group) {
      lines.push(`  ${f.path}: ${f.detail}${f.from ? ` (${f.from})` : ''}`);
      continue;
    }
    const key = `${f.group}\u0000${f.detail}`;
    if (said.has(key)) continue;
    said.add(key);
    const n = failed.filter((g) => g.group === f.group && g.detail === f.detail).length;
    lines.push(
      f.state === 'not-tried'
        ? `  ${n} more file${n === 1 ? '' : 's'} from ${f.group}: not tried after it did not answer`
        : `  ${n} file${n === 1 ? '' : 's'} from ${f.group}: ${f.detail} (${f.from})`,
    );
  }
  if (result.unreachableHosts.length)
    lines.push(
      `No answer from ${result.unreachableHosts.join(', ')}: offline, or behind a proxy (set HTTPS_PROXY), or use a ` +
        `mirror (AIRISK_DATA_MIRROR).`,
    );
  lines.push(
    'Run `airisk data fetch` again to retry: finished files are kept and downloads resume where they stopped.',
  );
  return lines;
}

/** 1,234 B · 12.3 kB · 4.2 MB (decimal units, as download tools show them). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${Math.round(bytes)} B`;
  const units = ['kB', 'MB', 'GB'];
  let value = bytes;
  let unit = '';
  for (const u of units) {
    value /= 1000;
    unit = u;
    if (value < 1000) break;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${unit}`;
}
