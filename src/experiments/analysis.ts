/**
 * From replicate results to an assay's statistics: per readout, the arms' replicate values go to
 * src/stats `compareArms` (Welch's t for two arms; one-way ANOVA + Tukey HSD for more), which also
 * gives mean ± SD, intervals and effect sizes. A readout that cannot be tested (no variation in any
 * arm) says so instead of claiming a p-value.
 */
import { compareArms, isStatsError, type ArmComparisonResult } from '../stats/index.ts';
import type { AssayDefinition, ReplicateResult } from './types.ts';

export type ReadoutStats = { ok: true; result: ArmComparisonResult } | { ok: false; reason: string };

export interface AssayResult {
  assay: string;
  title: string;
  figure: string;
  protocol: string[];
  readouts: AssayDefinition['readouts'];
  primary: string;
  timeCourses: string[];
  arms: string[];
  control: string;
  replicates: number;
  /** All replicate results, arm by arm in `arms` order, replicates in order. */
  results: ReplicateResult[];
  stats: Record<string, ReadoutStats>;
}

/** Replicate values of one readout, by arm (in the order given). */
export function valuesByArm(results: readonly ReplicateResult[], arms: readonly string[], key: string): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const a of arms) out[a] = results.filter((r) => r.arm === a && r.values[key] !== undefined).sort((x, y) => x.replicate - y.replicate).map((r) => r.values[key]!);
  return out;
}

export function analyzeAssay(def: AssayDefinition, arms: readonly string[], control: string, results: readonly ReplicateResult[]): AssayResult {
  const mine = results.filter((r) => r.assay === def.name);
  const stats: Record<string, ReadoutStats> = {};
  for (const ro of def.readouts) {
    const values = valuesByArm(mine, arms, ro.key);
    try {
      stats[ro.key] = { ok: true, result: compareArms(values, { control }) };
    } catch (e) {
      if (!isStatsError(e)) throw e;
      stats[ro.key] = { ok: false, reason: e.message };
    }
  }
  const replicates = Math.max(0, ...arms.map((a) => mine.filter((r) => r.arm === a).length));
  return {
    assay: def.name,
    title: def.title,
    figure: def.figure,
    protocol: def.protocol,
    readouts: def.readouts,
    primary: def.primary,
    timeCourses: def.timeCourses,
    arms: [...arms],
    control,
    replicates,
    results: arms.flatMap((a) => mine.filter((r) => r.arm === a).sort((x, y) => x.replicate - y.replicate)),
    stats,
  };
}
