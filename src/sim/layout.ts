/**
 * Names of the per-cell state variables the simulation keeps in the agent store, derived from the
 * compiled model. Keeping them in the store (not in side arrays) means they follow every
 * reordering, division and removal of cells.
 */
import type { CompiledModel } from './compile.ts';

export interface StateLayout {
  names: string[];
  /** Vesicles, then one per cargo: the species of the vesicle fields. */
  evSpecies: string[];
  mirnas: string[];
  targets: string[];
}

export const S_HIF = 'hif';
export const S_O2 = 'o2';
export const S_EV = 'ev_local';
export const S_INVASIVENESS = 'invasiveness';
export const S_SPEED = 'rule_speed';
export const S_CYCLE = 'cycle_entry';
export const S_RELEASE = 'release_rate';
export const S_UPTAKE = 'ev_uptake_rate';
export const S_IN_MATRIX = 'in_matrix';
export const S_X0 = 'x0';
export const S_Y0 = 'y0';
export const S_Z0 = 'z0';
export const mirState = (m: string): string => `mir:${m}`;
export const targetState = (t: string): string => `target:${t}`;
/** Amount of an EV species taken up since the last phenotype step. */
export const recentUptakeState = (s: string): string => `up:${s}`;
/** Amount of an EV species taken up since the start (labelled-cell assays). */
export const totalUptakeState = (s: string): string => `uptotal:${s}`;

export function stateLayout(m: CompiledModel): StateLayout {
  const evSpecies = ['vesicles', ...m.cargos.map((c) => c.name)];
  const mirnas = [...new Set(m.cellTypes.flatMap((ct) => ct.mirnas.map((x) => x.name)))];
  const targets = [...new Set(m.cellTypes.flatMap((ct) => ct.targets.map((x) => x.name)))];
  const names = [
    S_HIF, S_O2, S_EV, S_INVASIVENESS, S_SPEED, S_CYCLE, S_RELEASE, S_UPTAKE, S_IN_MATRIX, S_X0, S_Y0, S_Z0,
    ...mirnas.map(mirState),
    ...targets.map(targetState),
    ...evSpecies.map(recentUptakeState),
    ...evSpecies.map(totalUptakeState),
  ];
  return { names, evSpecies, mirnas, targets };
}

/** State variables that count molecules or vesicles: split between mother and daughter at division. */
export function extensiveStates(layout: StateLayout): string[] {
  return [...layout.mirnas.map(mirState), ...layout.evSpecies.map(recentUptakeState), ...layout.evSpecies.map(totalUptakeState)];
}
