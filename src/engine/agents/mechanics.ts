/**
 * PhysiCell-style cell–cell mechanics, as pair tables by cell type.
 *
 * For two cells at distance d (µm) with radii r_i, r_j, the velocity contribution to cell i is
 *   [c_r (1 − d/R)²₊ − c_a (1 − d/R_A)²₊] · (x_i − x_j)/d,
 * with R = r_i + r_j and R_A = ρ_i r_i + ρ_j r_j (ρ = relative maximum adhesion distance). The
 * pair strengths are geometric means as in PhysiCell: c_r = √(c_r,i c_r,j) and
 * c_a = √(c_a,i a_i(t_j) · c_a,j a_j(t_i)) with a the adhesion affinities. Defaults are PhysiCell's:
 * c_r = 10 µm/min, c_a = 0.4 µm/min, ρ = 1.25. Precomputing the type×type tables keeps the square
 * roots out of the per-pair loop.
 */

/** Mechanical parameters of one cell type (all optional; PhysiCell defaults). */
export interface CellTypeMechanics {
  /** µm/min, default 10 */
  repulsionUmPerMin?: number;
  /** µm/min, default 0.4 */
  adhesionUmPerMin?: number;
  /** dimensionless, default 1.25 */
  relMaxAdhesionDistance?: number;
  /** Affinity towards each type (index = other type), default 1 for all. */
  adhesionAffinity?: readonly number[];
}

export interface MechanicsTable {
  readonly nTypes: number;
  /** Effective repulsion c_r for the pair (t_i, t_j) at t_i·nTypes + t_j, µm/min. */
  readonly repulsion: Float64Array;
  /** Effective adhesion c_a for the pair, µm/min. */
  readonly adhesion: Float64Array;
  /** Relative maximum adhesion distance per type. */
  readonly relAdhesion: Float64Array;
  readonly maxRelAdhesion: number;
}

export const PHYSICELL_REPULSION_UM_PER_MIN = 10;
export const PHYSICELL_ADHESION_UM_PER_MIN = 0.4;
export const PHYSICELL_REL_MAX_ADHESION_DISTANCE = 1.25;
/** PhysiCell's cell–basement-membrane repulsion used by the virtual domain wall, µm/min. */
export const PHYSICELL_WALL_REPULSION_UM_PER_MIN = 100;

export function mechanicsTable(types: readonly CellTypeMechanics[]): MechanicsTable {
  const nt = types.length;
  if (nt === 0) throw new RangeError('mechanicsTable: at least one cell type is needed');
  const rep = new Float64Array(nt * nt);
  const adh = new Float64Array(nt * nt);
  const rel = new Float64Array(nt);
  const get = (t: number): Required<Omit<CellTypeMechanics, 'adhesionAffinity'>> & { aff: (o: number) => number } => {
    const m = types[t]!;
    const v = {
      repulsionUmPerMin: m.repulsionUmPerMin ?? PHYSICELL_REPULSION_UM_PER_MIN,
      adhesionUmPerMin: m.adhesionUmPerMin ?? PHYSICELL_ADHESION_UM_PER_MIN,
      relMaxAdhesionDistance: m.relMaxAdhesionDistance ?? PHYSICELL_REL_MAX_ADHESION_DISTANCE,
      aff: (o: number) => m.adhesionAffinity?.[o] ?? 1,
    };
    for (const [k, val] of Object.entries(v)) {
      if (typeof val === 'number' && !(val >= 0 && Number.isFinite(val))) {
        throw new RangeError(`mechanicsTable: type ${t} ${k} must be finite and ≥ 0, got ${val}`);
      }
    }
    return v;
  };
  for (let i = 0; i < nt; i++) {
    const a = get(i);
    rel[i] = a.relMaxAdhesionDistance;
    for (let j = 0; j < nt; j++) {
      const b = get(j);
      rep[i * nt + j] = Math.sqrt(a.repulsionUmPerMin * b.repulsionUmPerMin);
      adh[i * nt + j] = Math.sqrt(a.adhesionUmPerMin * a.aff(j) * b.adhesionUmPerMin * b.aff(i));
    }
  }
  let maxRel = 0;
  for (const r of rel) maxRel = Math.max(maxRel, r);
  return { nTypes: nt, repulsion: rep, adhesion: adh, relAdhesion: rel, maxRelAdhesion: maxRel };
}

/**
 * Centre distance (µm) at which repulsion and adhesion balance for two cells of radius r and the
 * given strengths: √c_r (1 − d/R) = √c_a (1 − d/R_A) ⇒ d = (1 − s)/(1/R − s/R_A), s = √(c_a/c_r).
 */
export function equilibriumDistanceUm(
  radiusUm: number,
  repulsionUmPerMin = PHYSICELL_REPULSION_UM_PER_MIN,
  adhesionUmPerMin = PHYSICELL_ADHESION_UM_PER_MIN,
  relMaxAdhesionDistance = PHYSICELL_REL_MAX_ADHESION_DISTANCE,
): number {
  const R = 2 * radiusUm;
  const RA = 2 * relMaxAdhesionDistance * radiusUm;
  const s = Math.sqrt(adhesionUmPerMin / repulsionUmPerMin);
  return (1 - s) / (1 / R - s / RA);
}
