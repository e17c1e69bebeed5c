/**
 * Batched Dormand–Prince 5(4) for per-cell intracellular ODEs, with per-cell adaptive substeps inside
 * one global step.
 *
 * All cells advance together through the same seven stages, so the right-hand side is a function over
 * structure-of-arrays rows (one call per stage for all active cells, not one per cell). Each cell keeps
 * its own time and step size; after every attempt the cells that reached the end of the global step
 * drop out and the rest are re-packed, so a stiff-ish cell costs extra work only for itself.
 *
 * Work buffers are owned by the integrator and grow only with the number of cells, so steady-state
 * stepping allocates nothing. Errors are measured per cell in the RMS norm of
 * e_v / (atol + rtol·max(|y_v|, |ŷ_v|)) with the standard controller h ← h·clamp(0.9·err^(−1/5), 0.2, 5).
 * FSAL (reusing stage 7 as the next stage 1) is not used: re-packing changes the rows between
 * attempts, and one extra RHS call per attempt is cheaper than the bookkeeping.
 */

/**
 * Right-hand side over packed rows: for r in [0, rows) and variable v, write dy/dt into
 * dydt[v·stride + r] given y[v·stride + r] at time t[r] (min). `cellOf[r]` is the store index of the
 * cell in row r, for reading per-cell parameters.
 */
export type BatchRhs = (t: Float64Array, y: Float64Array, dydt: Float64Array, stride: number, rows: number, cellOf: Int32Array) => void;

export interface Dopri5Options {
  /** Relative tolerance (default 1e-6). */
  rtol?: number;
  /** Absolute tolerance, in the state's units (default 1e-9). */
  atol?: number;
  /** Upper bound on attempts per cell within one `integrate` call (default 100 000). */
  maxAttempts?: number;
}

export interface Dopri5Stats {
  /** Accepted substeps summed over cells. */
  accepted: number;
  /** Rejected substeps summed over cells. */
  rejected: number;
  /** Largest number of accepted substeps any one cell needed. */
  maxCellSubsteps: number;
  /** RHS calls (each over all rows active at that moment). */
  rhsCalls: number;
}

// Dormand–Prince coefficients (Hairer, Nørsett & Wanner, Solving ODEs I, table 5.2).
const C2 = 1 / 5, C3 = 3 / 10, C4 = 4 / 5, C5 = 8 / 9;
const A21 = 1 / 5;
const A31 = 3 / 40, A32 = 9 / 40;
const A41 = 44 / 45, A42 = -56 / 15, A43 = 32 / 9;
const A51 = 19372 / 6561, A52 = -25360 / 2187, A53 = 64448 / 6561, A54 = -212 / 729;
const A61 = 9017 / 3168, A62 = -355 / 33, A63 = 46732 / 5247, A64 = 49 / 176, A65 = -5103 / 18656;
const B1 = 35 / 384, B3 = 500 / 1113, B4 = 125 / 192, B5 = -2187 / 6784, B6 = 11 / 84;
/** Stage nodes c_2..c_7 and rows a_{s,1..s−1}; the 7th row is b (5th order). Zeros kept for simplicity. */
const STAGE_C: readonly number[] = [C2, C3, C4, C5, 1, 1];
const STAGE_A: readonly (readonly number[])[] = [
  [A21],
  [A31, A32],
  [A41, A42, A43],
  [A51, A52, A53, A54],
  [A61, A62, A63, A64, A65],
  [B1, 0, B3, B4, B5, B6],
];
// e = b(5th) − b*(4th)
const E1 = 71 / 57600, E3 = -71 / 16695, E4 = 71 / 1920, E5 = -17253 / 339200, E6 = 22 / 525, E7 = -1 / 40;

export class BatchDopri5 {
  readonly rtol: number;
  readonly atol: number;
  readonly maxAttempts: number;
  private cap = 0;
  private nv = 0;
  private y = new Float64Array(0);
  private yt = new Float64Array(0);
  private y5 = new Float64Array(0);
  private k: Float64Array[] = [];
  private t = new Float64Array(0);
  private tt = new Float64Array(0);
  private h = new Float64Array(0);
  private cellOf = new Int32Array(0);
  private active = new Int32Array(0);
  private tCell = new Float64Array(0);
  private hCell = new Float64Array(0);
  private attempts = new Int32Array(0);
  private substeps = new Int32Array(0);

  constructor(opts: Dopri5Options = {}) {
    this.rtol = opts.rtol ?? 1e-6;
    this.atol = opts.atol ?? 1e-9;
    this.maxAttempts = opts.maxAttempts ?? 100_000;
    if (!(this.rtol > 0) || !(this.atol >= 0)) throw new RangeError(`BatchDopri5: need rtol > 0 and atol ≥ 0, got ${this.rtol}, ${this.atol}`);
  }

  /**
   * Advances cells [start, end) from t0 to t0 + dt (min). The state is column-major: variable v of
   * cell c is `state[columns[v]·stride + c]` (an AgentStore's `state` with stride = capacity, or any
   * array in that layout). Returns work statistics; throws if a cell's step size collapses.
   *
   * `hints` (optional, indexed by cell like the state, 0 = none) carries each cell's last step size
   * from call to call. With it, a cell's substeps depend only on that cell's own history, so any
   * partition of the cells (threads) gives byte-identical results; without it the integrator keeps
   * its own hints by position in [start, end), which is only reproducible for the same ranges.
   */
  integrate(
    rhs: BatchRhs,
    state: Float64Array,
    stride: number,
    columns: readonly number[],
    start: number,
    end: number,
    t0: number,
    dt: number,
    hints?: Float64Array,
  ): Dopri5Stats {
    const n = end - start;
    const nv = columns.length;
    const stats: Dopri5Stats = { accepted: 0, rejected: 0, maxCellSubsteps: 0, rhsCalls: 0 };
    if (n <= 0 || nv === 0 || dt === 0) return stats;
    if (!(dt > 0)) throw new RangeError(`BatchDopri5.integrate: dt must be > 0, got ${dt}`);
    this.ensure(n, nv);
    const { y, yt, y5, t, tt, h, cellOf, active, tCell, hCell, attempts, substeps } = this;
    const [k1, , k3, k4, k5, k6, k7] = this.k as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
    const S = this.cap;
    const t1 = t0 + dt;
    const tEps = 1e-12 * (Math.abs(t1) + dt);
    const { rtol, atol } = this;
    for (let r = 0; r < n; r++) {
      active[r] = start + r;
      tCell[r] = t0;
      // The step-size hint from the previous call is only a first guess.
      if (hints) hCell[r] = hints[start + r]! > 0 ? hints[start + r]! : dt;
      else if (!(hCell[r]! > 0)) hCell[r] = dt;
      attempts[r] = 0;
      substeps[r] = 0;
    }
    let nAct = n;
    while (nAct > 0) {
      for (let r = 0; r < nAct; r++) {
        const c = active[r]!;
        const row = c - start;
        cellOf[r] = c;
        t[r] = tCell[row]!;
        const rem = t1 - t[r]!;
        h[r] = hCell[row]! < rem ? hCell[row]! : rem;
        for (let v = 0; v < nv; v++) y[v * S + r] = state[columns[v]! * stride + c]!;
      }
      rhs(t, y, k1, S, nAct, cellOf);
      stats.rhsCalls++;
      const ks = this.k;
      for (let st = 0; st < 6; st++) {
        const coef = STAGE_A[st]!;
        const tc = STAGE_C[st]!;
        for (let r = 0; r < nAct; r++) tt[r] = t[r]! + tc * h[r]!;
        for (let v = 0; v < nv; v++) {
          const o = v * S;
          for (let r = 0; r < nAct; r++) {
            let acc = 0;
            for (let q = 0; q < coef.length; q++) acc += coef[q]! * ks[q]![o + r]!;
            yt[o + r] = y[o + r]! + h[r]! * acc;
          }
        }
        rhs(tt, yt, ks[st + 1]!, S, nAct, cellOf);
        stats.rhsCalls++;
      }
      // The last stage's argument is the 5th-order solution itself.
      y5.set(yt.subarray(0, nv * S));
      let next = 0;
      for (let r = 0; r < nAct; r++) {
        const c = cellOf[r]!;
        const row = c - start;
        const hr = h[r]!;
        let acc = 0;
        for (let v = 0; v < nv; v++) {
          const i = v * S + r;
          const e = hr * (E1 * k1[i]! + E3 * k3[i]! + E4 * k4[i]! + E5 * k5[i]! + E6 * k6[i]! + E7 * k7[i]!);
          const yi = Math.abs(y[i]!);
          const y5i = Math.abs(y5[i]!);
          const sc = atol + rtol * (yi > y5i ? yi : y5i);
          acc += (e / sc) * (e / sc);
        }
        const err = Math.sqrt(acc / nv);
        attempts[row]!++;
        if (err <= 1) {
          for (let v = 0; v < nv; v++) state[columns[v]! * stride + c] = y5[v * S + r]!;
          tCell[row] = t1 - (t[r]! + hr) <= tEps ? t1 : t[r]! + hr;
          substeps[row]!++;
          stats.accepted++;
          // Only grow the hint from steps that were not shortened to hit t1.
          const fac = err === 0 ? 5 : Math.min(5, Math.max(0.2, 0.9 * err ** -0.2));
          if (hr >= hCell[row]! * (1 - 1e-12) || fac < 1) hCell[row] = hr * fac;
        } else {
          stats.rejected++;
          // NaN/∞ from the RHS also lands here (err is not ≤ 1): shrink hard.
          const fac = Number.isFinite(err) ? Math.max(0.2, 0.9 * err ** -0.2) : 0.2;
          const hNew = hr * fac;
          hCell[row] = hNew;
          if (hNew < 1e-14 * dt || attempts[row]! >= this.maxAttempts) {
            throw new Error(
              `BatchDopri5: step size collapsed for cell index ${c} at t = ${t[r]} (h = ${hNew}, attempts ${attempts[row]}, error ${err})`,
            );
          }
        }
        if (t1 - tCell[row]! > tEps) active[next++] = c;
      }
      nAct = next;
    }
    for (let r = 0; r < n; r++) if (substeps[r]! > stats.maxCellSubsteps) stats.maxCellSubsteps = substeps[r]!;
    if (hints) for (let r = 0; r < n; r++) hints[start + r] = hCell[r]!;
    return stats;
  }

  private ensure(n: number, nv: number): void {
    if (n <= this.cap && nv === this.nv) return;
    const cap = Math.max(n, this.cap);
    const keepHints = this.hCell;
    this.cap = cap;
    this.nv = nv;
    this.y = new Float64Array(nv * cap);
    this.yt = new Float64Array(nv * cap);
    this.y5 = new Float64Array(nv * cap);
    this.k = Array.from({ length: 7 }, () => new Float64Array(nv * cap));
    this.t = new Float64Array(cap);
    this.tt = new Float64Array(cap);
    this.h = new Float64Array(cap);
    this.cellOf = new Int32Array(cap);
    this.active = new Int32Array(cap);
    this.tCell = new Float64Array(cap);
    this.hCell = new Float64Array(cap);
    this.hCell.set(keepHints.subarray(0, Math.min(keepHints.length, cap)));
    this.attempts = new Int32Array(cap);
    this.substeps = new Int32Array(cap);
  }
}
