/**
 * PhysiCell's signal → behaviour response (Johnson et al., "Digitize your Biology!", Cell 2025;
 * PhysiCell 1.14 `PhysiCell_rules.cpp`): all "increases" signals of one behaviour combine into one
 * multivariate Hill term H_U, all "decreases" signals into H_D, and
 *
 *   U = base + (max − base)·H_U,        behaviour = U + (min − U)·H_D
 *
 * with H = Σ(sᵢ/hᵢ)^nᵢ / (1 + Σ(sᵢ/hᵢ)^nᵢ), and a signal below 1e-16 contributing nothing.
 */

export interface HillSignal {
  value: number;
  halfMax: number;
  hillPower: number;
}

/** Σ(s/h)^n over the signals (the numerator of the multivariate Hill term). */
function hillSum(signals: readonly HillSignal[]): number {
  let sum = 0;
  for (const s of signals) {
    if (s.value < 1e-16) continue;
    sum += Math.pow(s.value / s.halfMax, s.hillPower);
  }
  return sum;
}

/** Multivariate Hill term in [0, 1). */
export function multivariateHill(signals: readonly HillSignal[]): number {
  const x = hillSum(signals);
  return x / (1 + x);
}

export interface ResponseSpec {
  base: number;
  /** Saturation value reached when "increases" signals saturate (defaults to base: no up rules). */
  max: number;
  /** Value reached when "decreases" signals saturate (defaults to base: no down rules). */
  min: number;
}

export function behaviourResponse(spec: ResponseSpec, up: readonly HillSignal[], down: readonly HillSignal[]): number {
  const u = spec.base + (spec.max - spec.base) * multivariateHill(up);
  return u + (spec.min - u) * multivariateHill(down);
}
