export { mulhi32, philox4x32 } from './philox.ts';
export { threefry2x32 } from './threefry.ts';
export { CounterStream, U32_UNIT, draw4, normalFromUniforms, rngKey, unit32, unit53 } from './stream.ts';
export type { RngKey } from './stream.ts';
