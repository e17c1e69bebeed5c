/** Test doubles for the claims machinery (used by tests only). */
import type { AssayResult } from './analysis.ts';

/** A test double: an assay result holding typed-in replicate values (no simulation). */
export function fakeAssay(assay: string, readout: string, byArm: Record<string, number[]>): AssayResult {
  const arms = Object.keys(byArm);
  return {
    assay, title: assay, figure: '', protocol: [], readouts: [{ key: readout, label: readout, unit: '', description: '' }], primary: readout, timeCourses: [],
    arms, control: arms[0]!, replicates: 3, stats: {},
    results: arms.flatMap((arm) => byArm[arm]!.map((v, replicate) => ({ assay, arm, replicate, seed: replicate, values: { [readout]: v }, series: {}, seconds: 0 }))),
  };
}
