// `npm run bench`: measures the engine, the reskilling paths and the Slack transport on this machine and prints one
// table.
// Targets come from the issues; a NO in the last column is a regression to look at, not a test failure.
import { cpus, loadavg, totalmem } from 'node:os';
import { printTable, type BenchRow } from './table.js';
import { runEngineBench } from './engine.js';
import { runPathsBench } from './paths.js';
import { runSlackBench, runStoreBench } from './slack.js';

const only = process.argv[2];
const rows: BenchRow[] = [];
const notes: string[] = [];
if (!only || only === 'engine') rows.push(...(await runEngineBench(notes)));
let review = '';
if (!only || only === 'paths') {
  const paths = await runPathsBench();
  rows.push(...paths.rows);
  review = paths.review;
}
if (!only || only === 'slack') rows.push(...(await runSlackBench()));
if (!only || only === 'store') rows.push(...(await runStoreBench()));

// The machine's load at the end of the run: timings on a shared machine mean little without it.
console.log(
  `airisk benchmark, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} × ` +
    `${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, load average ` +
    `${loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')} (1 / 5 / 15 min)`,
);
console.log(printTable(rows));
// The twenty origins of the README's hand-checked table, as this run computes them.
if (review) console.log(`\nTop moves of twenty origins (README "Reskilling paths"):\n${review}`);
if (notes.length) console.log(`\n${notes.join('\n')}`);
