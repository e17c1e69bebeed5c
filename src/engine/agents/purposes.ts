/**
 * The `purpose` word of a cell's random-number address (see rng/stream.ts). Each use of randomness
 * has its own purpose so that, e.g., adding a cycle draw never shifts the motility draws.
 */
export const PURPOSE_MOTILITY = 1;
export const PURPOSE_CYCLE = 2;
export const PURPOSE_DEATH = 3;
export const PURPOSE_DIVISION = 4;
/**
 * The per-step persistence trial uses Threefry-2x32 (only a 64-bit counter), so its purpose goes into
 * the top byte of the key's high word instead; seeds are < 2^53, so that word's seed bits are < 2^21.
 */
export const PURPOSE_MOTILITY_TRIAL = 5;
