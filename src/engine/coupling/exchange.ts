/**
 * Cell–voxel exchange of substrates, semi-implicit as in BioFVM. For each cell with voxel v, volume
 * V, and per substrate secretion rate S (1/min), target ρ*, uptake rate U (1/min) and net export E
 * (amount/min), with α = Δt·V/V_voxel:
 *     ρ ← (ρ + α·S·ρ*) / (1 + α·(S + U))        (implicit in the sink, so ρ stays ≥ 0)
 *     ρ ← ρ + Δt·E/V_voxel                       (clamped at 0; the shortfall is booked)
 * Cells are applied one after another in cell order, so cells sharing a voxel see each other's
 * effect in a fixed order and the result is deterministic. This pass is O(cells × substrates) and
 * runs on the calling thread: it is light next to the diffusion sweeps, and a parallel version would
 * need per-voxel ordering to stay deterministic.
 *
 * Bookkeeping is exact: for every cell and substrate the amount the cell took from the medium
 * (negative when it released) is added to `internalised[cell·S + s]` as the voxel's actual change
 * (ρ_before − ρ_after)·V_voxel, so Σ over cells of it equals the change of the total amount in the
 * domain to round-off; downstream code uses it for cargo accounting. The totals split that change
 * into uptake α·U·ρ_new·V_voxel, secretion α·S·(ρ* − ρ_new)·V_voxel (negative when a voxel is above
 * target; computed as change + uptake) and export.
 *
 * Changes to Dirichlet voxels are undone by the diffusion solver at its next step and booked there as
 * Dirichlet inflow.
 */
import type { Fields } from '../fields/fields.ts';

/** Per-cell exchange parameters; per-substrate arrays are cell-major: value of cell c, substrate s at c·S + s. */
export interface CellExchange {
  count: number;
  /** Voxel index of each cell; −1 (outside the domain) skips the cell. */
  voxel: Int32Array;
  volumeUm3: Float64Array;
  secretionRatePerMin: Float64Array;
  secretionTarget: Float64Array;
  uptakeRatePerMin: Float64Array;
  /** Net export (amount/min); negative imports, limited by what the voxel holds. */
  netExportPerMin: Float64Array;
}

/** Cumulative amounts per substrate (substrate units × µm³). */
export interface ExchangeTotals {
  secreted: Float64Array;
  takenUp: Float64Array;
  exported: Float64Array;
  /** Import requested by negative export but not available in the voxel (not applied). */
  exportShortfall: Float64Array;
}

export function createExchangeTotals(substrates: number): ExchangeTotals {
  return {
    secreted: new Float64Array(substrates),
    takenUp: new Float64Array(substrates),
    exported: new Float64Array(substrates),
    exportShortfall: new Float64Array(substrates),
  };
}

/** Per-cell exchange arrays for `count` cells, all rates zero and voxels −1. */
export function createCellExchange(count: number, substrates: number): CellExchange {
  const n = count * substrates;
  return {
    count,
    voxel: new Int32Array(count).fill(-1),
    volumeUm3: new Float64Array(count),
    secretionRatePerMin: new Float64Array(n),
    secretionTarget: new Float64Array(n),
    uptakeRatePerMin: new Float64Array(n),
    netExportPerMin: new Float64Array(n),
  };
}

/**
 * Apply one exchange step of length dtMin to all cells. `internalised` (cells × substrates,
 * cell-major) accumulates what each cell took from the medium; `totals` accumulates the split.
 * Throws on negative secretion rate, target or uptake rate, which would break non-negativity.
 */
export function applyCellExchange(
  fields: Fields,
  cells: CellExchange,
  dtMin: number,
  internalised: Float64Array,
  totals: ExchangeTotals | null = null,
): void {
  const S = fields.data.length;
  const Vvox = fields.mesh.voxelVolumeUm3;
  const { count, voxel, volumeUm3, secretionRatePerMin: sec, secretionTarget: tgt, uptakeRatePerMin: upt, netExportPerMin: exp } = cells;
  if (internalised.length < count * S) throw new RangeError(`applyCellExchange: internalised has ${internalised.length} entries, need ${count * S}`);
  const dtOverV = dtMin / Vvox;
  for (let s = 0; s < S; s++) {
    const u = fields.data[s]!;
    let secreted = 0;
    let takenUp = 0;
    let exported = 0;
    let shortfall = 0;
    for (let c = 0; c < count; c++) {
      const v = voxel[c]!;
      if (v < 0) continue;
      const at = c * S + s;
      const sr = sec[at]!;
      const ur = upt[at]!;
      const e = exp[at]!;
      if (sr === 0 && ur === 0 && e === 0) continue;
      const target = tgt[at]!;
      if (sr < 0 || ur < 0 || target < 0) {
        throw new RangeError(`applyCellExchange: cell ${c}, substrate ${s}: secretion rate ${sr}, target ${target} and uptake rate ${ur} must be ≥ 0`);
      }
      const before = u[v]!;
      const alpha = dtOverV * volumeUm3[c]!;
      let rho = (before + alpha * sr * target) / (1 + alpha * (sr + ur));
      // Split the change into uptake α·U·ρ_new and secretion (the rest, = α·S·(ρ* − ρ_new) in exact
      // arithmetic). Forming secretion as the rest rather than from ρ* − ρ_new avoids cancellation
      // when α·S is large and ρ_new ≈ ρ*, so the split sums to the change to round-off.
      const uptake = alpha * ur * rho;
      takenUp += uptake;
      secreted += rho - before + uptake;
      if (e !== 0) {
        const afterSink = rho;
        rho += dtOverV * e;
        if (rho < 0) {
          shortfall -= rho;
          rho = 0;
        }
        exported += rho - afterSink;
      }
      u[v] = rho;
      internalised[at] = internalised[at]! + (before - rho) * Vvox;
    }
    if (totals !== null) {
      totals.secreted[s] = totals.secreted[s]! + secreted * Vvox;
      totals.takenUp[s] = totals.takenUp[s]! + takenUp * Vvox;
      totals.exported[s] = totals.exported[s]! + exported * Vvox;
      totals.exportShortfall[s] = totals.exportShortfall[s]! + shortfall * Vvox;
    }
  }
}
