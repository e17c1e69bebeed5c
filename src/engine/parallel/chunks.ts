/**
 * Contiguous partition of [0, n) into `parts` chunks: chunk t is [⌊n·t/parts⌋, ⌊n·(t+1)/parts⌋).
 * Chunks differ in size by at most one, and the partition depends only on (n, parts).
 */
export function chunkStart(n: number, parts: number, t: number): number {
  return Math.floor((n * t) / parts);
}

export function chunks(n: number, parts: number): [number, number][] {
  const out: [number, number][] = [];
  for (let t = 0; t < parts; t++) out.push([chunkStart(n, parts, t), chunkStart(n, parts, t + 1)]);
  return out;
}
