/**
 * The `purpose` word of a cell's random-number address (see rng/stream.ts). Each use of randomness
 * has its own purpose so that, e.g., adding a cycle draw never shifts the motility draws.
 */
export const PURPOSE_MOTILITY = 1;
export const PURPOSE_CYCLE = 2;
export const PURPOSE_DEATH = 3;
export const PURPOSE_DIVISION = 4;
