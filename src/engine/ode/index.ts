export { BatchDopri5 } from './dopri5.ts';
export type { BatchRhs, Dopri5Options, Dopri5Stats } from './dopri5.ts';
export { relaxLinear } from './exponential.ts';
export { dopri5Kernel } from './pool-kernel.ts';
export type { OdeKernelArgs, OdeKernelBound } from './pool-kernel.ts';
