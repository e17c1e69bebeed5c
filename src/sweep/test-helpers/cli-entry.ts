/** Runs the CLI from TypeScript sources in a child process (tests spawn it with `node --import tsx`). */
import { main } from '../../cli/main.ts';

process.exitCode = await main(process.argv.slice(2));
