/**
 * Results-store benchmark: `npx tsx scripts/bench-results-store.ts [--quick]` prints one JSON object
 * (see src/io/results/benchmark.ts). The figures in docs/benchmarks.md ("Results store") come from it.
 */
import { benchResultsStore } from '../src/io/results/benchmark.ts';

const quick = process.argv.includes('--quick');
const result = await benchResultsStore(quick ? { cells: 2000, snapshots: 3, repeats: 1, fieldSide: 10 } : {});
process.stdout.write(`${JSON.stringify({ quick, ...result }, null, 2)}\n`);
