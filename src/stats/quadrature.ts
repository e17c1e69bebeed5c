/**
 * Gauss–Legendre rules on [−1, 1], computed once (Newton's method on the Legendre recurrence, as in
 * Press et al., Numerical Recipes §4.6 `gauleg`) instead of typed in from a table, so a wrong digit
 * cannot hide. The rules are frozen: they are constants, not state.
 */

export interface GaussRule {
  readonly nodes: readonly number[];
  readonly weights: readonly number[];
}

export function gaussLegendre(n: number): GaussRule {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`gaussLegendre needs an integer n ≥ 1, got ${n}`);
  const nodes = new Array<number>(n).fill(0);
  const weights = new Array<number>(n).fill(0);
  const half = Math.ceil(n / 2);
  for (let i = 0; i < half; i++) {
    // Tricomi's initial guess for the i-th largest root, then Newton to machine precision.
    let z = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let dp = 1;
    for (let iter = 0; iter < 100; iter++) {
      let p1 = 1;
      let p2 = 0;
      for (let j = 1; j <= n; j++) {
        const p3 = p2;
        p2 = p1;
        p1 = ((2 * j - 1) * z * p2 - (j - 1) * p3) / j;
      }
      dp = (n * (z * p1 - p2)) / (z * z - 1);
      const step = p1 / dp;
      z -= step;
      if (Math.abs(step) < 1e-16) break;
    }
    const w = 2 / ((1 - z * z) * dp * dp);
    nodes[i] = -z;
    nodes[n - 1 - i] = z;
    weights[i] = w;
    weights[n - 1 - i] = w;
  }
  if (n % 2 === 1) nodes[half - 1] = 0;
  return Object.freeze({ nodes: Object.freeze(nodes), weights: Object.freeze(weights) });
}

/** ∫_a^b f(x) dx by an n-point rule. */
export function integrate(rule: GaussRule, f: (x: number) => number, a: number, b: number): number {
  const mid = 0.5 * (a + b);
  const halfWidth = 0.5 * (b - a);
  let sum = 0;
  for (let i = 0; i < rule.nodes.length; i++) sum += rule.weights[i]! * f(mid + halfWidth * rule.nodes[i]!);
  return sum * halfWidth;
}
