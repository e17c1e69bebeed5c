/**
 * Seeded, addressable random numbers on top of Philox4x32-10.
 *
 * Addressing convention (the whole point of a counter-based generator):
 *   key     = the simulation seed (up to 2^53, split into two uint32 words);
 *   counter = (stream, step, purpose, block)
 * where `stream` is a cell's persistent id (or a work-partition id), `step` the global step index,
 * `purpose` a small constant naming what the draw is for (motility, cycle, division …) and `block` a
 * running index when one purpose needs more than 4×32 bits. Draws therefore never depend on how cells
 * are partitioned across threads or on the order in which they are visited.
 */
import { philox4x32 } from './philox.ts';

/** 2^-32: maps a uint32 to [0, 1). */
export const U32_UNIT = 2.3283064365386963e-10;
/** 2^-53 */
const U53_UNIT = 1.1102230246251565e-16;
const TWO_PI = 6.283185307179586;

/** A seed split into Philox key words. */
export interface RngKey {
  readonly seed: number;
  readonly k0: number;
  readonly k1: number;
}

/** Builds the Philox key for a non-negative integer seed below 2^53. */
export function rngKey(seed: number): RngKey {
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new RangeError(`rngKey: seed must be a non-negative safe integer, got ${seed}`);
  }
  return { seed, k0: seed >>> 0, k1: Math.floor(seed / 4294967296) >>> 0 };
}

/** Four uint32 for the address (stream, step, purpose, block) under `key`, written into out[0..3]. */
export function draw4(
  key: RngKey,
  stream: number,
  step: number,
  purpose: number,
  block: number,
  out: Uint32Array,
): void {
  philox4x32(stream, step, purpose, block, key.k0, key.k1, out);
}

/** A double in [0, 1) with 53 random bits from two uint32 words (hi supplies the top 21 bits). */
export function unit53(hi: number, lo: number): number {
  return ((hi >>> 11) * 4294967296 + (lo >>> 0)) * U53_UNIT;
}

/** A double in [0, 1) with 32 random bits; enough resolution for Bernoulli trials and angles. */
export function unit32(u: number): number {
  return (u >>> 0) * U32_UNIT;
}

/** Standard normal from two uniforms in [0, 1) (Box–Muller; 1 − u1 keeps the log finite). */
export function normalFromUniforms(u1: number, u2: number): number {
  return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(TWO_PI * u2);
}

/**
 * A sequential stream at one address prefix (stream, step, purpose), advancing `block` as it consumes
 * words. It is an ordinary value — create one per cell, per partition or per test; nothing is global.
 */
export class CounterStream {
  private readonly buf = new Uint32Array(4);
  private used = 4;
  private block = 0;

  constructor(
    private readonly key: RngKey,
    private stream: number,
    private step = 0,
    private purpose = 0,
  ) {}

  /** Re-addresses the stream (no allocation), e.g. to reuse one object for many cells. */
  reset(stream: number, step: number, purpose: number): void {
    this.stream = stream;
    this.step = step;
    this.purpose = purpose;
    this.block = 0;
    this.used = 4;
  }

  /** Next uniformly distributed uint32. */
  nextU32(): number {
    if (this.used === 4) {
      draw4(this.key, this.stream, this.step, this.purpose, this.block, this.buf);
      this.block = (this.block + 1) >>> 0;
      this.used = 0;
    }
    return this.buf[this.used++]!;
  }

  /** Uniform double in [0, 1), 53-bit resolution. */
  uniform(): number {
    const hi = this.nextU32();
    return unit53(hi, this.nextU32());
  }

  /** Standard normal (Box–Muller; one of the pair is discarded to keep the stream stateless beyond words). */
  normal(): number {
    const u1 = this.uniform();
    return normalFromUniforms(u1, this.uniform());
  }

  /** Uniform point on the unit circle, written into out[0..1]. */
  unitCircle(out: Float64Array): void {
    const a = TWO_PI * this.uniform();
    out[0] = Math.cos(a);
    out[1] = Math.sin(a);
  }

  /** Uniform point on the unit sphere (Archimedes: z uniform in [−1, 1]), written into out[0..2]. */
  unitSphere(out: Float64Array): void {
    const z = 2 * this.uniform() - 1;
    const a = TWO_PI * this.uniform();
    const s = Math.sqrt(Math.max(0, 1 - z * z));
    out[0] = s * Math.cos(a);
    out[1] = s * Math.sin(a);
    out[2] = z;
  }
}
