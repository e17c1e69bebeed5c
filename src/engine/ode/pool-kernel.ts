/**
 * Running the batched Dormand–Prince integrator on a KernelPool.
 *
 * Worker threads import kernels by module URL and call them synchronously, so the right-hand side
 * cannot be passed as a value. Instead the model's own module exports a kernel built here:
 *
 *   // model/intracellular.ts
 *   export const intracellularKernel = dopri5Kernel(myRhs, { rtol: 1e-6, atol: 1e-9 });
 *   // caller
 *   await pool.run(siblingModuleUrl(import.meta.url, './intracellular'), 'intracellularKernel',
 *                  { columns, stride: store.capacity, t0, dt }, store.count, handle);   // handle: { state, hints }
 *
 * Each cell is integrated independently and its step-size hint lives in the shared `hints` array,
 * so the result of every cell is the same whichever chunk (thread) handled it: byte-identical for any
 * thread count. The work buffers are cached inside the returned closure (one per worker, grown on
 * demand); they hold no information between calls, only memory.
 */
import type { Kernel } from '../parallel/pool.ts';
import { BatchDopri5 } from './dopri5.ts';
import type { BatchRhs, Dopri5Options } from './dopri5.ts';

export interface OdeKernelArgs {
  /** State columns integrated (e.g. from AgentStore.stateColumn). */
  columns: readonly number[];
  /** Column stride of `state` (AgentStore.capacity). */
  stride: number;
  /** Start of the step and its length, min. */
  t0: number;
  dt: number;
}

export interface OdeKernelBound {
  /** Column-major state, SharedArrayBuffer-backed for more than one thread. */
  state: Float64Array;
  /** Per-cell step-size hints (same indexing as cells), shared like the state. */
  hints: Float64Array;
}

export function dopri5Kernel(rhs: BatchRhs, options: Dopri5Options = {}): Kernel<OdeKernelArgs, OdeKernelBound> {
  let integrator: BatchDopri5 | undefined;
  return (args, start, end, bound) => {
    integrator ??= new BatchDopri5(options);
    integrator.integrate(rhs, bound.state, args.stride, args.columns, start, end, args.t0, args.dt, bound.hints);
  };
}
