// The `airisk` command line: ask about a role, its reskilling path, or compare two; one query per line from
// standard input when no text is given (batch mode for scripts and benchmarks). src/app/cli.ts runs it.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { Answer } from '../../answers/types.js';
import { KnowledgeInvalidError } from '../../catalog/knowledge/load.js';
import type { Engine } from '../../engine/types.js';
import { renderText } from '../../renderers/terminal.js';
import { cliRequest, isCliVerb } from '../../requests/cli.js';
import { escapeControls, jsonForTerminal } from '../../renderers/terminal-escape.js';
import { DATA_USAGE, dataCommand } from './data.js';

const USAGE = `Usage:
  airisk ask [--json] [--details] "<job title, code or question>"
                                     (--details: the card's "How we scored this" after its first screen)
  airisk path [--json] "<job title>"
  airisk compare [--json] "<role> vs <role>"
  airisk <command> [--json]          (no text: one query per line from standard input)
${DATA_USAGE}
Environment: AIRISK_DATA_DIR = folder of the public datasets (optional; default: the one \`airisk data fetch\` fills).`;

/** Everything the CLI writes goes through these: what a person typed or a file holds may carry control
 *  characters, which are shown as escapes rather than obeyed by the terminal. */
const out = (text: string) => console.log(escapeControls(text));
const fail = (text: string) => console.error(escapeControls(text));

/** A reader that leaves early (`airisk ask --json < big | head -1`) closes the pipe: stop quietly with status 0,
 *  as Unix tools do, instead of with an EPIPE stack trace. */
export function exitQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr])
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') throw err;
      process.exit(0);
    });
}

/** Runs `airisk <argv>`; resolves with the exit code. `boot` builds the engine (only when a question needs it). */
export async function runCli(argv: string[], boot: () => Engine): Promise<number> {
  if (argv[0] === 'data')
    return dataCommand(argv.slice(1), { env: process.env, out: process.stdout, err: process.stderr });
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        details: { type: 'boolean', short: 'd', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    fail(`${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const [verb, ...rest] = parsed.positionals;
  if (parsed.values.help || !verb) {
    out(USAGE);
    return verb || parsed.values.help ? 0 : 2;
  }
  if (!isCliVerb(verb)) {
    fail(`Unknown command "${verb}".\n\n${USAGE}`);
    return 2;
  }
  let engine: Engine;
  try {
    engine = boot();
  } catch (err) {
    if (err instanceof KnowledgeInvalidError || (err as Error).name === 'DatasetError') {
      fail((err as Error).message);
      return 1;
    }
    throw err;
  }
  const print = (a: Answer) =>
    parsed.values.json ? console.log(jsonForTerminal(a)) : out(renderText(a, { details: parsed.values.details }));
  if (rest.length > 0) {
    print(engine.answer(cliRequest(verb, rest.join(' '))));
    return 0;
  }
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    print(engine.answer(cliRequest(verb, line)));
    if (!parsed.values.json) out('');
  }
  return 0;
}
