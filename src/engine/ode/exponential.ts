/**
 * Exact step for linear relaxation dy/dt = a − k·y with a and k constant over the step:
 *   y(t + Δt) = y·e^{−kΔt} + (a/k)(1 − e^{−kΔt}).
 * Unconditionally stable and non-negative for a, y ≥ 0 at any kΔt, which is why stiff decay terms
 * (fast degradation, uptake) belong here rather than in an explicit method. (1 − e^{−kΔt})/k is
 * evaluated as −expm1(−kΔt)/k, accurate for small kΔt, and as Δt when k = 0.
 */

/**
 * y[offset + i] for i in [start, end): source a (units/min) and rate k (1/min) are one number for all
 * cells or per-cell arrays indexed by i. dtMin in min.
 */
export function relaxLinear(
  y: Float64Array,
  offset: number,
  source: number | Float64Array,
  rate: number | Float64Array,
  dtMin: number,
  start: number,
  end: number,
): void {
  const aConst = typeof source === 'number';
  const kConst = typeof rate === 'number';
  for (let i = start; i < end; i++) {
    const a = aConst ? source : source[i]!;
    const k = kConst ? rate : rate[i]!;
    const j = offset + i;
    if (k === 0) {
      y[j] = y[j]! + a * dtMin;
    } else {
      const m = -Math.expm1(-k * dtMin); // 1 − e^{−kΔt}
      y[j] = y[j]! * (1 - m) + (a / k) * m;
    }
  }
}
