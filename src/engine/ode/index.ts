export { BatchDopri5 } from './dopri5.ts';
export type { BatchRhs, Dopri5Options, Dopri5Stats } from './dopri5.ts';
export { relaxLinear } from './exponential.ts';
