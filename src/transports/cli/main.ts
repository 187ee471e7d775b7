// The `airisk` command line: ask about a role, its reskilling path, or compare two; one query per line from
// standard input when no text is given (batch mode for scripts and benchmarks).
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { Answer } from '../../answers/types.js';
import { KnowledgeInvalidError } from '../../catalog/knowledge/load.js';
import type { Engine } from '../../engine/types.js';
import { renderText } from '../../renderers/terminal.js';
import { bootEngine } from '../boot.js';

const USAGE = `Usage:
  airisk ask [--json] [--details] "<job title, code or question>"
                                     (--details: the card's "How we scored this" after its first screen)
  airisk path [--json] "<job title>"
  airisk compare [--json] "<role> vs <role>"
  airisk <command> [--json]          (no text: one query per line from standard input)
Environment: AIRISK_DATA_DIR = folder of the public datasets (optional).`;

type Command = 'ask' | 'path' | 'compare';
const COMMANDS = new Set<string>(['ask', 'path', 'compare']);

function answer(engine: Engine, command: Command, text: string): Answer {
  if (command === 'path') return engine.path(text);
  if (command === 'compare') return engine.compare(text);
  return engine.ask(text);
}

async function main(argv: string[]): Promise<number> {
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
    console.error(`${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const [command, ...rest] = parsed.positionals;
  if (parsed.values.help || !command) {
    console.log(USAGE);
    return command || parsed.values.help ? 0 : 2;
  }
  if (!COMMANDS.has(command)) {
    console.error(`Unknown command "${command}".\n\n${USAGE}`);
    return 2;
  }
  let engine: Engine;
  try {
    engine = bootEngine().engine;
  } catch (err) {
    if (err instanceof KnowledgeInvalidError || (err as Error).name === 'DatasetError') {
      console.error((err as Error).message);
      return 1;
    }
    throw err;
  }
  const print = (a: Answer) =>
    console.log(parsed.values.json ? JSON.stringify(a) : renderText(a, { details: parsed.values.details }));
  if (rest.length > 0) {
    print(answer(engine, command as Command, rest.join(' ')));
    return 0;
  }
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    print(answer(engine, command as Command, line));
    if (!parsed.values.json) console.log('');
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
