/**
 * Full factorial grid: every combination of every factor's levels. Rows are in row-major order
 * (the first factor varies slowest, the last fastest), so a 2-factor grid reads like a table.
 */
export function fullGrid(levels: readonly (readonly number[])[]): number[][] {
  if (levels.length === 0) return [];
  for (const [i, l] of levels.entries()) if (l.length === 0) throw new RangeError(`fullGrid: factor ${i} has no levels`);
  let rows: number[][] = [[]];
  for (const l of levels) {
    const next: number[][] = [];
    for (const r of rows) for (const v of l) next.push([...r, v]);
    rows = next;
  }
  return rows;
}

/** n evenly spaced values from lo to hi inclusive (n = 1 gives the midpoint). */
export function linspace(lo: number, hi: number, n: number): number[] {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`linspace: n must be a positive integer, got ${n}`);
  if (n === 1) return [(lo + hi) / 2];
  // lo + i·step, with the last value exactly hi (no accumulated rounding).
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? hi : lo + ((hi - lo) * i) / (n - 1)));
}

/** n values evenly spaced in log from lo to hi inclusive (both > 0; n = 1 gives the geometric mean). */
export function logspace(lo: number, hi: number, n: number): number[] {
  if (!(lo > 0 && hi > 0)) throw new RangeError(`logspace: bounds must be positive, got [${lo}, ${hi}]`);
  return linspace(Math.log(lo), Math.log(hi), n).map((v, i) => (i === 0 && n > 1 ? lo : i === n - 1 && n > 1 ? hi : Math.exp(v)));
}
