/**
 * The fused per-step agent kernel: mechanics (gather over the neighbour grid), virtual domain walls,
 * motility (persistent biased random walk) and the Adams–Bashforth 2 position update, over a range of
 * grid slots [start, end). It has the KernelPool signature `(args, start, end, bound)`, so the same
 * function runs in-process or on workers.
 *
 * Why any partition gives byte-identical results: a slot's computation reads only the grid snapshot
 * (positions before this step) and the cell's own rows, and writes only the cell's own rows; the
 * neighbour summation order is the slot order, fixed by the store; random draws are addressed by
 * (seed, cell id, step, purpose). No value depends on which thread ran which slot.
 *
 * Fusing the passes matters for speed: one sweep over the cells instead of three, with the snapshot
 * making the in-place position update safe.
 *
 * Velocity convention (as PhysiCell): `vx/vy/vz` is an accumulator that callers may load with extra
 * velocity (µm/min) before a step; the step adds mechanics and motility, moves the cell by
 * Δt·(1.5 v − 0.5 v_prev), stores v in `pvx/pvy/pvz` and clears the accumulator.
 */
import { philox4x32 } from '../rng/philox.ts';
import { threefry2x32 } from '../rng/threefry.ts';
import { PURPOSE_MOTILITY, PURPOSE_MOTILITY_TRIAL } from './purposes.ts';

const U32 = 2.3283064365386963e-10;
const TWO_PI = 6.283185307179586;
/** PhysiCell's floor on the pair distance (µm) before dividing by it. */
const MIN_DISTANCE_UM = 1e-5;

/** Typed arrays the kernel works on (store rows, grid snapshot, mechanics tables); bound once per pool. */
export interface AgentStepArrays {
  x: Float64Array; y: Float64Array; z: Float64Array;
  vx: Float64Array; vy: Float64Array; vz: Float64Array;
  pvx: Float64Array; pvy: Float64Array; pvz: Float64Array;
  mx: Float64Array; my: Float64Array; mz: Float64Array;
  speed: Float64Array; persistence: Float64Array; bias: Float64Array;
  bx: Float64Array; by: Float64Array; bz: Float64Array;
  id: Int32Array;
  binStart: Int32Array; order: Int32Array; slotBin: Int32Array;
  /** Packed snapshot: (x, y, a) per slot in 2D, (x, y, z, a) in 3D; see NeighbourGrid.sp. */
  sp: Float64Array; sr: Float64Array; stype: Int32Array;
  repulsion: Float64Array; adhesion: Float64Array;
}

/** Small per-step arguments (structured-cloned per call). */
export interface AgentStepArgs {
  dims: 2 | 3;
  dtMin: number;
  step: number;
  k0: number;
  k1: number;
  nTypes: number;
  nbx: number;
  nby: number;
  nbz: number;
  /** Neighbour bins searched on each side (bins are ≥ the interaction range / reach wide). */
  reach: number;
  xmin: number; xmax: number; ymin: number; ymax: number; zmin: number; zmax: number;
  mechanics: boolean;
  motility: boolean;
  walls: boolean;
  wallRepulsionUmPerMin: number;
}

export function agentStepKernel(args: AgentStepArgs, start: number, end: number, a: AgentStepArrays): void {
  if (args.dims === 2) step2D(args, start, end, a);
  else step3D(args, start, end, a);
}

/**
 * Re-draws cell i's motility vector with probability Δt/persistence (always if persistence < Δt):
 * m = speed · normalise(b·d + (1 − b)·ξ), ξ uniform on the circle (2D) or sphere (3D). The trial,
 * needed by every motile cell every step, uses the cheap Threefry block; only actual re-draws (a
 * fraction Δt/persistence) pay for a Philox block for ξ. 32-bit resolution is ample for both.
 */
function updateMotility(args: AgentStepArgs, i: number, a: AgentStepArrays, buf: Uint32Array): void {
  const sp = a.speed[i]!;
  if (!(sp > 0)) {
    a.mx[i] = 0;
    a.my[i] = 0;
    a.mz[i] = 0;
    return;
  }
  const dt = args.dtMin;
  const per = a.persistence[i]!;
  if (!(per < dt)) {
    threefry2x32(a.id[i]!, args.step, args.k0, args.k1 | (PURPOSE_MOTILITY_TRIAL << 24), buf);
    if (!(buf[0]! * U32 < dt / per)) return;
  }
  philox4x32(a.id[i]!, args.step, PURPOSE_MOTILITY, 0, args.k0, args.k1, buf);
  const b = a.bias[i]!;
  const ob = 1 - b;
  let ux: number;
  let uy: number;
  let uz = 0;
  if (args.dims === 2) {
    const ang = TWO_PI * buf[0]! * U32;
    ux = b * a.bx[i]! + ob * Math.cos(ang);
    uy = b * a.by[i]! + ob * Math.sin(ang);
  } else {
    const cz = 2 * buf[0]! * U32 - 1;
    const ang = TWO_PI * buf[1]! * U32;
    const sz = Math.sqrt(Math.max(0, 1 - cz * cz));
    ux = b * a.bx[i]! + ob * sz * Math.cos(ang);
    uy = b * a.by[i]! + ob * sz * Math.sin(ang);
    uz = b * a.bz[i]! + ob * cz;
  }
  const nrm = Math.sqrt(ux * ux + uy * uy + uz * uz);
  // nrm = 0 only when ξ exactly cancels the bias (measure zero); PhysiCell's normalise leaves 0 too.
  const sc = nrm > 0 ? sp / nrm : 0;
  a.mx[i] = ux * sc;
  a.my[i] = uy * sc;
  a.mz[i] = uz * sc;
}

function step2D(args: AgentStepArgs, start: number, end: number, a: AgentStepArrays): void {
  const { binStart, order, slotBin, sp, sr, stype, repulsion, adhesion } = a;
  const { x, y, vx, vy, pvx, pvy } = a;
  const { nbx, nby, reach, nTypes, dtMin: dt, xmin, xmax, ymin, ymax, mechanics, motility, walls } = args;
  const wallC = args.wallRepulsionUmPerMin;
  const buf = new Uint32Array(4);
  for (let s = start; s < end; s++) {
    const i = order[s]!;
    const xi = sp[3 * s]!;
    const yi = sp[3 * s + 1]!;
    const ri = sr[s]!;
    let vxi = vx[i]!;
    let vyi = vy[i]!;
    if (mechanics) {
      const ti = stype[s]!;
      const ai = sp[3 * s + 2]!;
      const row = ti * nTypes;
      const b = slotBin[s]!;
      const cx = b % nbx;
      const cy = (b - cx) / nbx;
      const x0 = cx > reach ? cx - reach : 0;
      const x1 = cx + reach < nbx ? cx + reach : nbx - 1;
      const y0 = cy > reach ? cy - reach : 0;
      const y1 = cy + reach < nby ? cy + reach : nby - 1;
      for (let byy = y0; byy <= y1; byy++) {
        // Bins x0..x1 of one row are consecutive, so their slots form one contiguous range.
        const kEnd = binStart[byy * nbx + x1 + 1]!;
        for (let k = binStart[byy * nbx + x0]!; k < kEnd; k++) {
          if (k === s) continue;
          const dx = xi - sp[3 * k]!;
          const dy = yi - sp[3 * k + 1]!;
          const d2 = dx * dx + dy * dy;
          const RA = ai + sp[3 * k + 2]!;
          if (d2 >= RA * RA) continue;
          const tj = stype[k]!;
          const rj = sr[k]!;
          let d = Math.sqrt(d2);
          if (d < MIN_DISTANCE_UM) d = MIN_DISTANCE_UM;
          const R = ri + rj;
          // [c_r (1 − d/R)² − c_a (1 − d/R_A)²] / d over one common denominator: one division per
          // pair instead of three (divisions dominate the cost of an interacting pair).
          const RR = R * R;
          const RARA = RA * RA;
          const qa = RA - d;
          let num = -adhesion[row + tj]! * qa * qa * RR;
          if (d < R) {
            const q = R - d;
            num += repulsion[row + tj]! * q * q * RARA;
          }
          const f = num / (RR * RARA * d);
          vxi += f * dx;
          vyi += f * dy;
        }
      }
    }
    if (walls) {
      // PhysiCell's domain-edge avoidance: repulsion (1 − d/r)² from the nearest edge only.
      let dmin = xi - xmin;
      let nx = 1;
      let ny = 0;
      if (xmax - xi < dmin) { dmin = xmax - xi; nx = -1; ny = 0; }
      if (yi - ymin < dmin) { dmin = yi - ymin; nx = 0; ny = 1; }
      if (ymax - yi < dmin) { dmin = ymax - yi; nx = 0; ny = -1; }
      if (dmin < ri) {
        const q = 1 - dmin / ri;
        vxi += wallC * q * q * nx;
        vyi += wallC * q * q * ny;
      }
    }
    if (motility) {
      updateMotility(args, i, a, buf);
      vxi += a.mx[i]!;
      vyi += a.my[i]!;
    }
    let nxp = xi + dt * (1.5 * vxi - 0.5 * pvx[i]!);
    let nyp = yi + dt * (1.5 * vyi - 0.5 * pvy[i]!);
    if (walls) {
      // A hard clamp backs up the soft wall when a step is large (PhysiCell would drop the cell).
      nxp = nxp < xmin ? xmin : nxp > xmax ? xmax : nxp;
      nyp = nyp < ymin ? ymin : nyp > ymax ? ymax : nyp;
    }
    x[i] = nxp;
    y[i] = nyp;
    pvx[i] = vxi;
    pvy[i] = vyi;
    vx[i] = 0;
    vy[i] = 0;
  }
}

function step3D(args: AgentStepArgs, start: number, end: number, a: AgentStepArrays): void {
  const { binStart, order, slotBin, sp, sr, stype, repulsion, adhesion } = a;
  const { x, y, z, vx, vy, vz, pvx, pvy, pvz } = a;
  const { nbx, nby, nbz, reach, nTypes, dtMin: dt, xmin, xmax, ymin, ymax, zmin, zmax, mechanics, motility, walls } = args;
  const wallC = args.wallRepulsionUmPerMin;
  const buf = new Uint32Array(4);
  const plane = nbx * nby;
  for (let s = start; s < end; s++) {
    const i = order[s]!;
    const xi = sp[4 * s]!;
    const yi = sp[4 * s + 1]!;
    const zi = sp[4 * s + 2]!;
    const ri = sr[s]!;
    let vxi = vx[i]!;
    let vyi = vy[i]!;
    let vzi = vz[i]!;
    if (mechanics) {
      const ti = stype[s]!;
      const ai = sp[4 * s + 3]!;
      const row = ti * nTypes;
      const b = slotBin[s]!;
      const cz = Math.floor(b / plane);
      const rem = b - cz * plane;
      const cx = rem % nbx;
      const cy = (rem - cx) / nbx;
      const x0 = cx > reach ? cx - reach : 0;
      const x1 = cx + reach < nbx ? cx + reach : nbx - 1;
      const y0 = cy > reach ? cy - reach : 0;
      const y1 = cy + reach < nby ? cy + reach : nby - 1;
      const z0 = cz > reach ? cz - reach : 0;
      const z1 = cz + reach < nbz ? cz + reach : nbz - 1;
      for (let bzz = z0; bzz <= z1; bzz++) {
        for (let byy = y0; byy <= y1; byy++) {
          const base = bzz * plane + byy * nbx;
          const kEnd = binStart[base + x1 + 1]!;
          for (let k = binStart[base + x0]!; k < kEnd; k++) {
            if (k === s) continue;
            const dx = xi - sp[4 * k]!;
            const dy = yi - sp[4 * k + 1]!;
            const dz = zi - sp[4 * k + 2]!;
            const d2 = dx * dx + dy * dy + dz * dz;
            const RA = ai + sp[4 * k + 3]!;
            if (d2 >= RA * RA) continue;
            const tj = stype[k]!;
            const rj = sr[k]!;
            let d = Math.sqrt(d2);
            if (d < MIN_DISTANCE_UM) d = MIN_DISTANCE_UM;
            const R = ri + rj;
            // [c_r (1 − d/R)² − c_a (1 − d/R_A)²] / d over one common denominator: one division per
            // pair instead of three (divisions dominate the cost of an interacting pair).
            const RR = R * R;
            const RARA = RA * RA;
            const qa = RA - d;
            let num = -adhesion[row + tj]! * qa * qa * RR;
            if (d < R) {
              const q = R - d;
              num += repulsion[row + tj]! * q * q * RARA;
            }
            const f = num / (RR * RARA * d);
            vxi += f * dx;
            vyi += f * dy;
            vzi += f * dz;
          }
        }
      }
    }
    if (walls) {
      let dmin = xi - xmin;
      let nx = 1;
      let ny = 0;
      let nz = 0;
      if (xmax - xi < dmin) { dmin = xmax - xi; nx = -1; ny = 0; nz = 0; }
      if (yi - ymin < dmin) { dmin = yi - ymin; nx = 0; ny = 1; nz = 0; }
      if (ymax - yi < dmin) { dmin = ymax - yi; nx = 0; ny = -1; nz = 0; }
      if (zi - zmin < dmin) { dmin = zi - zmin; nx = 0; ny = 0; nz = 1; }
      if (zmax - zi < dmin) { dmin = zmax - zi; nx = 0; ny = 0; nz = -1; }
      if (dmin < ri) {
        const q = 1 - dmin / ri;
        const w = wallC * q * q;
        vxi += w * nx;
        vyi += w * ny;
        vzi += w * nz;
      }
    }
    if (motility) {
      updateMotility(args, i, a, buf);
      vxi += a.mx[i]!;
      vyi += a.my[i]!;
      vzi += a.mz[i]!;
    }
    let nxp = xi + dt * (1.5 * vxi - 0.5 * pvx[i]!);
    let nyp = yi + dt * (1.5 * vyi - 0.5 * pvy[i]!);
    let nzp = zi + dt * (1.5 * vzi - 0.5 * pvz[i]!);
    if (walls) {
      nxp = nxp < xmin ? xmin : nxp > xmax ? xmax : nxp;
      nyp = nyp < ymin ? ymin : nyp > ymax ? ymax : nyp;
      nzp = nzp < zmin ? zmin : nzp > zmax ? zmax : nzp;
    }
    x[i] = nxp;
    y[i] = nyp;
    z[i] = nzp;
    pvx[i] = vxi;
    pvy[i] = vyi;
    pvz[i] = vzi;
    vx[i] = 0;
    vy[i] = 0;
    vz[i] = 0;
  }
}
