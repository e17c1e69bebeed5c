/**
 * Root finding for quantile functions: bracket by doubling, then Brent's method (Brent 1973,
 * "Algorithms for Minimization without Derivatives", ch. 4) — inverse quadratic interpolation with a
 * bisection fallback, so it never takes more than ~2× the steps of bisection and usually far fewer.
 */
import { StatsError } from './stats-error.ts';

/**
 * The root of a continuous, monotone `g` on [lo, ∞): doubles `hi` until g changes sign, then Brent.
 * `g(lo)` must have the opposite sign of `g(x)` for large x.
 */
export function rootAbove(g: (x: number) => number, lo: number, hi: number, tolerance = 1e-13): number {
  let glo = g(lo);
  if (glo === 0) return lo;
  let ghi = g(hi);
  for (let i = 0; i < 2000 && Math.sign(ghi) === Math.sign(glo); i++) {
    lo = hi;
    glo = ghi;
    hi = hi * 2;
    ghi = g(hi);
    if (!Number.isFinite(hi)) break;
  }
  if (Math.sign(ghi) === Math.sign(glo)) throw new StatsError('no-convergence', `no sign change of the quantile equation up to x = ${hi}`);
  return brent(g, lo, hi, glo, ghi, tolerance);
}

/** Brent's method on a bracket [a, b] with g(a)·g(b) < 0; `tolerance` is relative to |x|. */
export function brent(g: (x: number) => number, a: number, b: number, ga: number, gb: number, tolerance = 1e-13): number {
  let c = a;
  let gc = ga;
  let d = b - a;
  let e = d;
  for (let iter = 0; iter < 300; iter++) {
    if (Math.sign(gb) === Math.sign(gc)) {
      c = a;
      gc = ga;
      d = b - a;
      e = d;
    }
    if (Math.abs(gc) < Math.abs(gb)) {
      a = b;
      b = c;
      c = a;
      ga = gb;
      gb = gc;
      gc = ga;
    }
    const tol = 2 * Number.EPSILON * Math.abs(b) + 0.5 * tolerance * Math.max(Math.abs(b), 1e-300);
    const m = 0.5 * (c - b);
    if (Math.abs(m) <= tol || gb === 0) return b;
    if (Math.abs(e) >= tol && Math.abs(ga) > Math.abs(gb)) {
      // interpolation: secant when a = c, inverse quadratic otherwise
      const s = gb / ga;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * m * s;
        q = 1 - s;
      } else {
        const qa = ga / gc;
        const r = gb / gc;
        p = s * (2 * m * qa * (qa - r) - (b - a) * (r - 1));
        q = (qa - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < Math.min(3 * m * q - Math.abs(tol * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = m;
        e = m;
      }
    } else {
      d = m;
      e = m;
    }
    a = b;
    ga = gb;
    b += Math.abs(d) > tol ? d : m > 0 ? tol : -tol;
    gb = g(b);
  }
  throw new StatsError('no-convergence', `Brent's method did not converge near x = ${b}`);
}
