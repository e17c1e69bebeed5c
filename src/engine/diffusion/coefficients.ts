/**
 * Precomputed Thomas-algorithm coefficients for one implicit LOD sweep along one axis.
 *
 * Along a line of n voxels the backward-Euler step of ∂u/∂t = D ∂²u/∂x² − (λ/d)·u is the
 * tridiagonal system
 *     b_t·x_t − l_t·x_{t−1} − r_t·x_{t+1} = u_t,      c = D·Δt/dx²,  δ = Δt·λ/d,
 * interior rows: b = 1 + 2c + δ, l = r = c;
 * a no-flux end (zero-gradient ghost, BioFVM's choice): b = 1 + c + δ and no outer neighbour;
 * a Dirichlet end: the identity row x = u (the end voxel already holds the boundary value).
 * d is the number of swept axes (2 or 3): each sweep carries a d-th of the decay, as in BioFVM.
 *
 * The matrix is the same for every line of an axis, so the elimination is done once: with
 *   den_0 = b_0,  den_t = b_t − l_t·e_{t−1},  e_t = r_t/den_t,  inv_t = 1/den_t,
 * each line is solved by  y_t = (u_t + l_t·y_{t−1})·inv_t  (forward) and  x_t = y_t + e_t·x_{t+1}
 * (back): two multiplies and an add per voxel per pass, nothing else. The matrix is strictly
 * diagonally dominant (b ≥ l + r + 1 with δ ≥ 0), so den_t ≥ 1 and the elimination is stable
 * without pivoting for any Δt: the scheme is unconditionally stable.
 */

export type EndCondition = 'noflux' | 'dirichlet';

export interface AxisCoefficients {
  readonly n: number;
  /** D·Δt/dx² (dimensionless). */
  readonly c: number;
  /** Δt·λ/d, this sweep's share of the decay (dimensionless). */
  readonly delta: number;
  /** l_t for rows 1 … n−2 is c; the last row's l (0 when that end is Dirichlet, or n = 1). */
  readonly lowerLast: number;
  /** inv_t = 1/den_t. */
  readonly inv: Float64Array;
  /** e_t = r_t/den_t (e_{n−1} = 0). */
  readonly e: Float64Array;
  /**
   * The same elimination for a run of interior rows that starts fresh (its lower neighbour is a
   * Dirichlet voxel, i.e. known): invFresh_r, eFresh_r for the r-th row of the run. Used by the
   * masked-line solve (masked-line.ts), so that lines through Dirichlet voxels also run on
   * precomputed coefficients.
   */
  readonly invFresh: Float64Array;
  readonly eFresh: Float64Array;
  /** Diagonal of a no-flux last row, 1 + c + δ. */
  readonly bLast: number;
}

export function axisCoefficients(
  n: number,
  diffusionUm2PerMin: number,
  decayPerMin: number,
  dtMin: number,
  dxUm: number,
  sweptAxes: number,
  low: EndCondition,
  high: EndCondition,
): AxisCoefficients {
  if (!(diffusionUm2PerMin >= 0) || !(decayPerMin >= 0) || !(dtMin > 0)) {
    throw new RangeError(
      `axisCoefficients: need D ≥ 0, λ ≥ 0, Δt > 0; got D = ${diffusionUm2PerMin}, λ = ${decayPerMin}, Δt = ${dtMin}`,
    );
  }
  const c = (diffusionUm2PerMin * dtMin) / (dxUm * dxUm);
  const delta = (dtMin * decayPerMin) / sweptAxes;
  const b = new Float64Array(n);
  const l = new Float64Array(n);
  const r = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    const hasLow = t > 0;
    const hasHigh = t < n - 1;
    const dirichlet = (t === 0 && low === 'dirichlet') || (t === n - 1 && high === 'dirichlet');
    if (dirichlet) {
      b[t] = 1;
      continue;
    }
    b[t] = 1 + delta + c * ((hasLow ? 1 : 0) + (hasHigh ? 1 : 0));
    l[t] = hasLow ? c : 0;
    r[t] = hasHigh ? c : 0;
  }
  const inv = new Float64Array(n);
  const e = new Float64Array(n);
  let ePrev = 0;
  for (let t = 0; t < n; t++) {
    const den = b[t]! - l[t]! * ePrev;
    inv[t] = 1 / den;
    e[t] = r[t]! / den;
    ePrev = e[t]!;
  }
  // Rows 1 … n−2 are interior by construction (the fast sweep uses the scalar c for them); only the
  // last row's lower coefficient can differ.
  const invFresh = new Float64Array(n);
  const eFresh = new Float64Array(n);
  const bInterior = 1 + delta + 2 * c;
  ePrev = 0;
  for (let r = 0; r < n; r++) {
    const den = bInterior - (r > 0 ? c * ePrev : 0);
    invFresh[r] = 1 / den;
    eFresh[r] = c / den;
    ePrev = eFresh[r]!;
  }
  return { n, c, delta, lowerLast: n > 1 ? l[n - 1]! : 0, inv, e, invFresh, eFresh, bLast: 1 + delta + c };
}
