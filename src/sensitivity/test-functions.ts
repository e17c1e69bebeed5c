/**
 * Analytic test functions with known sensitivity indices. They exist to verify the designs and the
 * sweep backends (src/sweep/evaluators exposes them as the `ishigami` and `linear` evaluators);
 * they are not biology.
 */

/**
 * Ishigami & Homma (1990): f = sin x1 + a sin² x2 + b x3⁴ sin x1, x_i ~ U(−π, π).
 * The usual benchmark: a non-additive function where x3 acts only through an interaction.
 */
export function ishigami(x1: number, x2: number, x3: number, a = 7, b = 0.1): number {
  const s1 = Math.sin(x1);
  const s2 = Math.sin(x2);
  return s1 + a * s2 * s2 + b * x3 ** 4 * s1;
}

/**
 * Exact Sobol' indices of the Ishigami function (Sobol' & Levitan 1999): first order, total, and
 * second order S12, S13, S23 (only x1 and x3 interact: S13 = V13 / V, the others 0).
 */
export function ishigamiIndices(a = 7, b = 0.1): { first: [number, number, number]; total: [number, number, number]; second: { s12: number; s13: number; s23: number }; variance: number } {
  const pi4 = Math.PI ** 4;
  const pi8 = Math.PI ** 8;
  const v1 = 0.5 * (1 + (b * pi4) / 5) ** 2;
  const v2 = (a * a) / 8;
  const v13 = ((b * b * pi8) / 18 - (b * b * pi8) / 50);
  const variance = v1 + v2 + v13;
  return {
    first: [v1 / variance, v2 / variance, 0],
    total: [(v1 + v13) / variance, v2 / variance, v13 / variance],
    second: { s12: 0, s13: v13 / variance, s23: 0 },
    variance,
  };
}

/** f = c0 + Σ b_i x_i: every elementary effect of factor i is b_i·(hi_i − lo_i) in unit-cube terms. */
export function linear(x: readonly number[], coefficients: readonly number[], intercept = 0): number {
  let s = intercept;
  for (let i = 0; i < coefficients.length; i++) s += coefficients[i]! * x[i]!;
  return s;
}
