/**
 * How an assay reads its simulation, as a lab would: the fields and per-cell books hold expected
 * amounts (continuous), but a measurement counts discrete things — particles in nanoparticle tracking,
 * copies in qPCR, labelled vesicles in a cell. A readout is therefore a Poisson count around the
 * expected amount. This is the only noise the assays add; everything else varies between replicates
 * because each replicate is a simulation with its own seed (motility, division, death).
 *
 * Random numbers come from the engine's counter-based Philox streams under a seed of their own, so a
 * readout never shifts the simulation's draws.
 */
import { CounterStream, rngKey } from '../engine/rng/stream.ts';

/** Purpose word for measurement draws (distinct from the engine's cell purposes 1–5). */
const PURPOSE_MEASUREMENT = 101;

/** Independent random numbers for the readouts of one replicate. */
export function measurementStream(seed: number, stream = 0): CounterStream {
  return new CounterStream(rngKey(seed), stream, 0, PURPOSE_MEASUREMENT);
}

const LOG_SQRT_2PI = 0.9189385332046728;

/** log(k!) by Stirling's series (exact table below 10). */
function logFactorial(k: number): number {
  if (k < 10) {
    let f = 1;
    for (let i = 2; i <= k; i++) f *= i;
    return Math.log(f);
  }
  const x = k + 1;
  return (x - 0.5) * Math.log(x) - x + LOG_SQRT_2PI + 1 / (12 * x) - 1 / (360 * x ** 3) + 1 / (1260 * x ** 5);
}

/**
 * A Poisson(λ) draw. λ < 10: inversion by sequential search; λ ≥ 10: Hörmann's transformed
 * rejection with squeeze (PTRS, "The transformed rejection method for generating Poisson random
 * variables", Insurance: Mathematics and Economics 12, 1993), exact for every λ.
 */
export function poisson(rng: CounterStream, lambda: number): number {
  if (!(lambda >= 0) || !Number.isFinite(lambda)) throw new RangeError(`poisson: λ must be a finite number ≥ 0, got ${lambda}`);
  if (lambda === 0) return 0;
  if (lambda < 10) {
    let k = 0;
    let p = Math.exp(-lambda);
    let cdf = p;
    const u = rng.uniform();
    while (u > cdf && p > 0) {
      k++;
      p *= lambda / k;
      cdf += p;
    }
    return k;
  }
  const slam = Math.sqrt(lambda);
  const loglam = Math.log(lambda);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invalpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = rng.uniform() - 0.5;
    const v = rng.uniform();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b) <= -lambda + k * loglam - logFactorial(k)) return k;
  }
}
