/**
 * Mechanics gather for one grid slot: the sum of PhysiCell pair velocities from every neighbour, in
 * one of three modes.
 *
 * - SCAN: search the (2w+1)^d bins around the cell (the neighbour grid of this step).
 * - BUILD: the same scan, also recording a Verlet list — every partner closer than a_i + a_j + skin,
 *   in scan order, at most `listStride` of them (more marks the list as overflowed: count −1).
 * - USE: sum over the recorded list only (falls back to SCAN for overflowed lists).
 *
 * A pair within range now was within range + skin at build time as long as no cell has moved, nor
 * grown its adhesion reach, by more than skin/2 in total since (the driver checks that), so USE sees
 * exactly the pairs SCAN would, summed in the order of the build-time scan. The list for slot s is
 * written only while processing slot s: any thread partition gives the same lists.
 */

export const MODE_SCAN = 0;
export const MODE_BUILD = 1;
export const MODE_USE = 2;

/** PhysiCell's floor on the pair distance (µm) before dividing by it. */
const MIN_DISTANCE_UM = 1e-5;

export interface GatherArrays {
  binStart: Int32Array;
  slotBin: Int32Array;
  /** Packed snapshot: (x, y, a) per slot in 2D, (x, y, z, a) in 3D (µm). */
  sp: Float64Array;
  sr: Float64Array;
  stype: Int32Array;
  repulsion: Float64Array;
  adhesion: Float64Array;
  /** Verlet lists, `listStride` slots per cell, and their lengths (−1 = overflowed). */
  nbr: Int32Array;
  nbrCount: Int32Array;
}

export interface GatherArgs {
  nbx: number;
  nby: number;
  nbz: number;
  reach: number;
  nTypes: number;
  listMode: number;
  skinUm: number;
  listStride: number;
}

/**
 * Velocity factor f of a pair at squared distance d2 (µm²): the contribution to cell i is f·(x_i − x_j),
 * with f = [c_r (1 − d/R)²₊ − c_a (1 − d/R_A)²] / d written over one common denominator so an
 * interacting pair costs one division instead of three. Callers ensure d2 < R_A².
 */
function pairFactor(d2: number, RA: number, ri: number, rj: number, cRep: number, cAdh: number): number {
  let d = Math.sqrt(d2);
  if (d < MIN_DISTANCE_UM) d = MIN_DISTANCE_UM;
  const R = ri + rj;
  const RR = R * R;
  const RARA = RA * RA;
  const qa = RA - d;
  let num = -cAdh * qa * qa * RR;
  if (d < R) {
    const q = R - d;
    num += cRep * q * q * RARA;
  }
  return num / (RR * RARA * d);
}

/** Writes the mechanics velocity (µm/min) of slot s into acc[0..1]. */
export function gather2D(g: GatherArgs, a: GatherArrays, s: number, acc: Float64Array): void {
  const { sp, sr, stype, repulsion, adhesion, nbr, nbrCount } = a;
  const xi = sp[3 * s]!;
  const yi = sp[3 * s + 1]!;
  const ai = sp[3 * s + 2]!;
  const ri = sr[s]!;
  const row = stype[s]! * g.nTypes;
  const K = g.listStride;
  const base = s * K;
  let vx = 0;
  let vy = 0;
  if (g.listMode === MODE_USE && nbrCount[s]! >= 0) {
    const c = nbrCount[s]!;
    for (let j = 0; j < c; j++) {
      const k = nbr[base + j]!;
      const dx = xi - sp[3 * k]!;
      const dy = yi - sp[3 * k + 1]!;
      const d2 = dx * dx + dy * dy;
      const RA = ai + sp[3 * k + 2]!;
      if (d2 >= RA * RA) continue;
      const tj = stype[k]!;
      const f = pairFactor(d2, RA, ri, sr[k]!, repulsion[row + tj]!, adhesion[row + tj]!);
      vx += f * dx;
      vy += f * dy;
    }
    acc[0] = vx;
    acc[1] = vy;
    return;
  }
  const record = g.listMode === MODE_BUILD;
  const skin = g.skinUm;
  let c = 0;
  const { nbx, nby, reach } = g;
  const b = a.slotBin[s]!;
  const cx = b % nbx;
  const cy = (b - cx) / nbx;
  const x0 = cx > reach ? cx - reach : 0;
  const x1 = cx + reach < nbx ? cx + reach : nbx - 1;
  const y0 = cy > reach ? cy - reach : 0;
  const y1 = cy + reach < nby ? cy + reach : nby - 1;
  const binStart = a.binStart;
  for (let byy = y0; byy <= y1; byy++) {
    // Bins x0..x1 of one row are consecutive, so their slots form one contiguous range.
    const kEnd = binStart[byy * nbx + x1 + 1]!;
    for (let k = binStart[byy * nbx + x0]!; k < kEnd; k++) {
      if (k === s) continue;
      const dx = xi - sp[3 * k]!;
      const dy = yi - sp[3 * k + 1]!;
      const d2 = dx * dx + dy * dy;
      const RA = ai + sp[3 * k + 2]!;
      if (record) {
        const cut = RA + skin;
        if (d2 < cut * cut) {
          if (c < K) nbr[base + c] = k;
          c++;
        }
      }
      if (d2 >= RA * RA) continue;
      const tj = stype[k]!;
      const f = pairFactor(d2, RA, ri, sr[k]!, repulsion[row + tj]!, adhesion[row + tj]!);
      vx += f * dx;
      vy += f * dy;
    }
  }
  if (record) nbrCount[s] = c <= K ? c : -1;
  acc[0] = vx;
  acc[1] = vy;
}

/** Writes the mechanics velocity (µm/min) of slot s into acc[0..2]. */
export function gather3D(g: GatherArgs, a: GatherArrays, s: number, acc: Float64Array): void {
  const { sp, sr, stype, repulsion, adhesion, nbr, nbrCount } = a;
  const xi = sp[4 * s]!;
  const yi = sp[4 * s + 1]!;
  const zi = sp[4 * s + 2]!;
  const ai = sp[4 * s + 3]!;
  const ri = sr[s]!;
  const row = stype[s]! * g.nTypes;
  const K = g.listStride;
  const base = s * K;
  let vx = 0;
  let vy = 0;
  let vz = 0;
  if (g.listMode === MODE_USE && nbrCount[s]! >= 0) {
    const c = nbrCount[s]!;
    for (let j = 0; j < c; j++) {
      const k = nbr[base + j]!;
      const dx = xi - sp[4 * k]!;
      const dy = yi - sp[4 * k + 1]!;
      const dz = zi - sp[4 * k + 2]!;
      const d2 = dx * dx + dy * dy + dz * dz;
      const RA = ai + sp[4 * k + 3]!;
      if (d2 >= RA * RA) continue;
      const tj = stype[k]!;
      const f = pairFactor(d2, RA, ri, sr[k]!, repulsion[row + tj]!, adhesion[row + tj]!);
      vx += f * dx;
      vy += f * dy;
      vz += f * dz;
    }
    acc[0] = vx;
    acc[1] = vy;
    acc[2] = vz;
    return;
  }
  const record = g.listMode === MODE_BUILD;
  const skin = g.skinUm;
  let c = 0;
  const { nbx, nby, nbz, reach } = g;
  const plane = nbx * nby;
  const b = a.slotBin[s]!;
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
  const binStart = a.binStart;
  for (let bzz = z0; bzz <= z1; bzz++) {
    for (let byy = y0; byy <= y1; byy++) {
      const rowBase = bzz * plane + byy * nbx;
      const kEnd = binStart[rowBase + x1 + 1]!;
      for (let k = binStart[rowBase + x0]!; k < kEnd; k++) {
        if (k === s) continue;
        const dx = xi - sp[4 * k]!;
        const dy = yi - sp[4 * k + 1]!;
        const dz = zi - sp[4 * k + 2]!;
        const d2 = dx * dx + dy * dy + dz * dz;
        const RA = ai + sp[4 * k + 3]!;
        if (record) {
          const cut = RA + skin;
          if (d2 < cut * cut) {
            if (c < K) nbr[base + c] = k;
            c++;
          }
        }
        if (d2 >= RA * RA) continue;
        const tj = stype[k]!;
        const f = pairFactor(d2, RA, ri, sr[k]!, repulsion[row + tj]!, adhesion[row + tj]!);
        vx += f * dx;
        vy += f * dy;
        vz += f * dz;
      }
    }
  }
  if (record) nbrCount[s] = c <= K ? c : -1;
  acc[0] = vx;
  acc[1] = vy;
  acc[2] = vz;
}
