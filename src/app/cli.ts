// The `airisk` command (bin/airisk.js runs the compiled file): the command line of src/transports/cli/run.ts on
// the engine booted as the app boots it.
import { exitQuietlyOnClosedPipe, runCli } from '../transports/cli/run.js';
import { bootEngine } from './boot.js';

exitQuietlyOnClosedPipe();
process.exitCode = await runCli(process.argv.slice(2), () => bootEngine().engine);
