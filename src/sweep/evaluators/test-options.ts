/**
 * Options shared by the analytic test evaluators, for exercising the sweep machinery: seeded
 * noise (so replicates and seeds matter), an artificial cost per run, and a first-attempt failure
 * (to exercise retries). None of them is biology.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { CounterStream, rngKey } from '../../engine/rng/index.ts';

export const testOptionsShape = {
  noise: z.number().nonnegative().default(0).describe('standard deviation of seeded Gaussian noise added to y (the seed alone sets it)'),
  sleepMs: z.number().nonnegative().default(0).describe('artificial cost: wait this long per run (tests of the backends)'),
  failFirstAttempt: z.boolean().default(false).describe('fail the first attempt of every point (tests of retries; needs a work directory shared by the attempts)'),
};

export interface TestOptions {
  noise: number;
  sleepMs: number;
  failFirstAttempt: boolean;
}

/** Seeded standard normal for a run: depends only on the seed. */
export function seededNormal(seed: number): number {
  return new CounterStream(rngKey(seed), 0).normal();
}

/** Apply cost and first-attempt failure before computing; returns the noise to add. */
export async function beforeRun(o: TestOptions, seed: number, workDir: string, signal?: AbortSignal): Promise<number> {
  if (o.sleepMs > 0) await sleep(o.sleepMs, undefined, signal !== undefined ? { signal } : {});
  if (o.failFirstAttempt) {
    const marker = join(workDir, 'attempted');
    if (!existsSync(marker)) {
      mkdirSync(workDir, { recursive: true });
      writeFileSync(marker, '');
      throw new Error('failFirstAttempt: this point fails on its first attempt');
    }
  }
  return o.noise > 0 ? o.noise * seededNormal(seed) : 0;
}
