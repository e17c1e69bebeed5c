/** Colour scales for the tissue view: viridis for cell variables, a blue ramp for fields. */

type Stops = readonly (readonly [number, number, number])[];

// viridis at 9 evenly spaced points (matplotlib)
const VIRIDIS: Stops = [
  [68, 1, 84], [71, 44, 122], [59, 81, 139], [44, 113, 142], [33, 144, 141], [39, 173, 129], [92, 200, 99], [170, 220, 50], [253, 231, 37],
];
// white → deep blue, for oxygen and vesicle fields under the cells
const BLUES: Stops = [
  [247, 251, 255], [198, 219, 239], [107, 174, 214], [33, 113, 181], [8, 48, 107],
];

function ramp(stops: Stops, t: number): [number, number, number] {
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(x));
  const f = x - i;
  const a = stops[i]!;
  const b = stops[i + 1]!;
  return [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f];
}

export const viridis = (t: number): [number, number, number] => ramp(VIRIDIS, t);
export const blues = (t: number): [number, number, number] => ramp(BLUES, t);

/** CSS gradient of a scale, for legends. */
export function gradientCss(scale: (t: number) => [number, number, number]): string {
  const stops = Array.from({ length: 9 }, (_, i) => {
    const [r, g, b] = scale(i / 8);
    return `rgb(${Math.round(r)},${Math.round(g)},${Math.round(b)}) ${(i / 8) * 100}%`;
  });
  return `linear-gradient(to right, ${stops.join(', ')})`;
}

/** Smallest and largest finite value of `v[from..from+n)`, only where `keep(i)`; [0, 1] when there is none. */
export function rangeOf(v: Float32Array, from: number, n: number, keep: (i: number) => boolean = () => true): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    if (!keep(i)) continue;
    const x = v[from + i]!;
    if (!Number.isFinite(x)) continue;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  if (lo === Infinity) return [0, 1];
  return [lo, hi];
}
