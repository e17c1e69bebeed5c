/**
 * `exoscape bench` — engine throughput as one JSON object:
 * `{ machine, diffusion: [...], agents: [...], peakRssMb }`. Performance lives here, not in
 * timed tests; see docs/benchmarks.md for the figures and how they scale.
 */
import { cpus, availableParallelism, totalmem } from 'node:os';
import { Command, Option } from 'commander';
import { UserError } from '../common/errors.ts';
import { benchDiffusion } from '../bench/diffusion.ts';
import { benchAgents } from '../bench/agents.ts';
import { benchSimulation } from '../bench/simulation.ts';
import { codeVersion } from '../version.ts';
import { formatTable, printJson, type Io } from './io.ts';

function threadList(v: string): number[] {
  const list = v.split(',').map((x) => Number(x.trim()));
  if (list.length === 0 || list.some((n) => !Number.isInteger(n) || n < 1 || n > 256)) throw new UserError(`--threads expects a comma-separated list of thread counts such as 1,2 (found "${v}")`);
  return list;
}

export function benchCommand(io: Io): Command {
  return new Command('bench')
    .description('measure throughput: diffusion voxel-updates/s, agent-steps/s and the whole model loop (simulated min/s), 1 thread and all threads')
    .option('--quick', 'a few steps per case: a smoke test, not a measurement')
    .option('--threads <list>', 'thread counts to measure (default: 1 and all cores)', threadList)
    .addOption(new Option('--only <part>', 'run only one part').choices(['diffusion', 'agents', 'simulation']))
    .option('--json', 'print the JSON object only')
    .action(async (opts: { quick?: boolean; threads?: number[]; only?: 'diffusion' | 'agents' | 'simulation'; json?: boolean }) => {
      const common = { ...(opts.quick ? { quick: true } : {}), ...(opts.threads ? { threads: opts.threads } : {}) };
      const note = (s: string): void => {
        if (!opts.json) io.err(s);
      };
      let peak = process.memoryUsage().rss;
      const timer = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage().rss);
      }, 50);
      try {
        note('benchmarking diffusion …\n');
        const diffusion = opts.only === undefined || opts.only === 'diffusion' ? await benchDiffusion(common) : [];
        note('benchmarking agents …\n');
        const agents = opts.only === undefined || opts.only === 'agents' ? await benchAgents(common) : [];
        note('benchmarking the model loop …\n');
        const simulation = opts.only === undefined || opts.only === 'simulation' ? await benchSimulation(common) : [];
        peak = Math.max(peak, process.memoryUsage().rss);
        const result = {
          version: codeVersion(),
          machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: availableParallelism(), memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version },
          quick: Boolean(opts.quick),
          diffusion,
          agents,
          simulation,
          peakRssMb: Math.round(peak / 2 ** 20),
        };
        if (opts.json) {
          printJson(io, result);
          return;
        }
        const g = (x: number): string => x.toExponential(2);
        if (diffusion.length > 0) io.out(formatTable(['case', 'dims', 'grid', 'subst', 'threads', 'steps', 'seconds', 'voxel-updates/s'], diffusion.map((d) => [d.case, String(d.dims), `${d.nx}×${d.ny}×${d.nz}`, String(d.substrates), String(d.threads), String(d.steps), d.seconds.toFixed(2), g(d.voxelUpdatesPerSecond)])));
        if (agents.length > 0) io.out('\n' + formatTable(['case', 'dims', 'cells', 'threads', 'steps', 'seconds', 'agent-steps/s'], agents.map((a) => [a.label, String(a.dims), String(a.cells), String(a.threads), String(a.steps), a.seconds.toFixed(2), g(a.agentStepsPerSecond)])));
        if (simulation.length > 0) io.out('\n' + formatTable(['scenario', 'cells', 'voxels', 'threads', 'sim min', 'seconds', 'sim min/s', 'cell-steps/s'], simulation.map((r) => [r.scenario, String(r.cells), String(r.voxels), String(r.threads), String(r.simulatedMinutes), r.seconds.toFixed(2), r.simMinutesPerSecond.toFixed(1), g(r.cellStepsPerSecond)])));
        io.out(`\npeak RSS ${result.peakRssMb} MB on ${result.machine.cores} cores (${result.machine.cpu})${opts.quick ? ' — quick mode: not a measurement' : ''}\n`);
      } finally {
        clearInterval(timer);
      }
    });
}
