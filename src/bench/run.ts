// `npm run bench`: measures the engine and the Slack transport on this machine and prints one table.
// Targets come from the issues; a NO in the last column is a regression to look at, not a test failure.
import { cpus, totalmem } from 'node:os';
import { printTable, type BenchRow } from './table.js';
import { runEngineBench } from './engine.js';
import { runSlackBench } from './slack.js';

const only = process.argv[2];
const rows: BenchRow[] = [];
const notes: string[] = [];
if (!only || only === 'engine') rows.push(...(await runEngineBench(notes)));
if (!only || only === 'slack') rows.push(...(await runSlackBench()));

console.log(
  `airisk benchmark, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB`,
);
console.log(printTable(rows));
if (notes.length) console.log(`\n${notes.join('\n')}`);
