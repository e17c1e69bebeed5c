/**
 * The fused per-step agent kernel: mechanics (gather.ts: grid scan or Verlet list), virtual domain walls,
 * motility (persistent biased random walk) and the Adams–Bashforth 2 position update, over a range of
 * grid slots [start, end). It has the KernelPool signature `(args, start, end, bound)`, so the same
 * function runs in-process or on workers.
 *
 * Why any partition gives byte-identical results: a slot's computation reads only the grid snapshot
 * (positions before this step) and the cell's own rows, and writes only the cell's own rows (and its
 * own Verlet list); the neighbour summation order is the scan order of the grid, fixed by the store;
 * random draws are addressed by (seed, cell id, step, purpose). No value depends on which thread ran
 * which slot.
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
import { gather2D, gather3D } from './gather.ts';
import type { GatherArgs, GatherArrays } from './gather.ts';
import type { RefreshArrays } from './refresh-kernel.ts';
import { PURPOSE_MOTILITY, PURPOSE_MOTILITY_TRIAL } from './purposes.ts';

const U32 = 2.3283064365386963e-10;
const TWO_PI = 6.283185307179586;

/** Typed arrays the kernel works on (store rows, grid snapshot, mechanics tables); bound once per pool. */
export interface AgentStepArrays extends GatherArrays, RefreshArrays {
  x: Float64Array; y: Float64Array; z: Float64Array;
  vx: Float64Array; vy: Float64Array; vz: Float64Array;
  pvx: Float64Array; pvy: Float64Array; pvz: Float64Array;
  mx: Float64Array; my: Float64Array; mz: Float64Array;
  speed: Float64Array; persistence: Float64Array; bias: Float64Array;
  bx: Float64Array; by: Float64Array; bz: Float64Array;
  id: Int32Array;
  order: Int32Array;
}

/**
 * Small per-step arguments (structured-cloned per call). From GatherArgs: grid shape, `reach`
 * (neighbour bins searched on each side; bins are ≥ interaction range / reach wide), the Verlet-list
 * mode, skin (µm) and list stride.
 */
export interface AgentStepArgs extends GatherArgs {
  dims: 2 | 3;
  dtMin: number;
  step: number;
  k0: number;
  k1: number;
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
  const { order, sp, sr } = a;
  const { x, y, vx, vy, pvx, pvy } = a;
  const { dtMin: dt, xmin, xmax, ymin, ymax, mechanics, motility, walls } = args;
  const wallC = args.wallRepulsionUmPerMin;
  const buf = new Uint32Array(4);
  const acc = new Float64Array(3);
  for (let s = start; s < end; s++) {
    const i = order[s]!;
    const xi = sp[3 * s]!;
    const yi = sp[3 * s + 1]!;
    const ri = sr[s]!;
    let vxi = vx[i]!;
    let vyi = vy[i]!;
    if (mechanics) {
      gather2D(args, a, s, acc);
      vxi += acc[0]!;
      vyi += acc[1]!;
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
  const { order, sp, sr } = a;
  const { x, y, z, vx, vy, vz, pvx, pvy, pvz } = a;
  const { dtMin: dt, xmin, xmax, ymin, ymax, zmin, zmax, mechanics, motility, walls } = args;
  const wallC = args.wallRepulsionUmPerMin;
  const buf = new Uint32Array(4);
  const acc = new Float64Array(3);
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
      gather3D(args, a, s, acc);
      vxi += acc[0]!;
      vyi += acc[1]!;
      vzi += acc[2]!;
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
