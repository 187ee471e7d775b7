// Benchmark rows and the table `npm run bench` prints. Each bench module returns rows; run.ts prints them.
export interface BenchRow {
  group: string;
  metric: string;
  value: string;
  target?: string;
  /** undefined when the row has no target. */
  pass?: boolean;
}

export function printTable(rows: BenchRow[]): string {
  const header = ['group', 'metric', 'value', 'target', 'ok'];
  const cells = rows.map((r) => [
    r.group,
    r.metric,
    r.value,
    r.target ?? '',
    r.pass === undefined ? '' : r.pass ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: string[]) => `| ${c.map((v, i) => v.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join('\n');
}

/** p-th percentile (0–100) of a list of numbers, nearest-rank. */
export function percentileOf(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? NaN;
}
