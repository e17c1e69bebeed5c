/**
 * Seeds of the replicates: a hash of (base seed, what, arm, replicate), so every arm and replicate is
 * an independent experiment whose seed does not depend on which other arms or how many workers run.
 */
import { createHash } from 'node:crypto';

/** A 48-bit seed (a safe integer) from the base seed and the parts that name one simulation. */
export function seedFor(base: number, ...parts: (string | number)[]): number {
  const h = createHash('sha256').update(JSON.stringify([base, ...parts])).digest();
  return h.readUIntBE(0, 6);
}
