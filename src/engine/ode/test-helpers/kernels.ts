/** ODE kernels for the pool tests. */
import type { BatchRhs } from '../dopri5.ts';
import { dopri5Kernel } from '../pool-kernel.ts';

/**
 * Two coupled variables per cell with a per-cell rate read from column 2 (so the RHS uses cellOf):
 * dy0/dt = r·y0(1 − y0/10), dy1/dt = y0 − 0.3·y1. The rate makes cells need different substeps.
 */
export const coupledRhs: BatchRhs = (_t, y, dy, s, rows, _cellOf) => {
  for (let r = 0; r < rows; r++) {
    const rate = y[2 * s + r]!;
    dy[r] = rate * y[r]! * (1 - y[r]! / 10);
    dy[s + r] = y[r]! - 0.3 * y[s + r]!;
    dy[2 * s + r] = 0;
  }
};

export const coupledKernel = dopri5Kernel(coupledRhs, { rtol: 1e-8, atol: 1e-10 });
