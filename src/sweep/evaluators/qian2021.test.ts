import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../common/errors.ts';
import type { ClaimResult } from '../../experiments/claims.ts';
import { QIAN2021_CLAIMS, reproduceQian2021 } from '../../experiments/qian2021.ts';
import { DEFAULT_OPTIONS } from '../../experiments/types.ts';
import { createLocalBackend } from '../local/local-backend.ts';
import { loadSweep, parseSweep } from '../load-spec.ts';
import { runSweep } from '../run-sweep.ts';
import { readTable, tempDir } from '../test-helpers/index.ts';
import { claimMetrics } from './qian2021.ts';

const testdata = resolve(import.meta.dirname, '../testdata');
const dir = tempDir();
afterAll(() => { dir.remove(); });

async function problems(text: string): Promise<string> {
  try {
    await parseSweep(join(testdata, 'bad.yaml'), text, { displayRoot: testdata });
  } catch (e) {
    if (e instanceof UserError) return e.describe(20);
    throw e;
  }
  throw new Error('expected a UserError');
}

const spec = (evaluator: string, params: string, metrics: string, claims = ''): string =>
  `version: 1\nname: t\nevaluator: { name: qian2021${evaluator} }\nparameters:\n${params}\ndesign: { kind: morris, trajectories: 2 }\nmetrics: ${metrics}\n${claims}`;

describe('the qian2021 evaluator', () => {
  it('runs the reproduction with each point\'s overrides and seed: the table equals reproduce qian2021 run directly', async () => {
    const sweep = await loadSweep(join(testdata, 'qian2021-production.yaml'));
    const backend = createLocalBackend({ threads: 2 });
    let outcome;
    try {
      outcome = await runSweep(sweep, backend, { outDir: join(dir.path, 'out') });
    } finally {
      await backend.close();
    }
    expect(outcome.failed).toEqual([]);
    const rows = await readTable(outcome.tablePath);
    expect(rows).toHaveLength(2);
    const at = (gain: number): Record<string, unknown> => rows.find((r) => r.ev_release_hif_gain === gain)!;
    // With HIF → release cut, hypoxic donors yield no more vesicles (fewer: their uptake, and so
    // re-uptake of their own vesicles, rises with HIF); a gain of 5 raises the yield.
    expect(at(0).F1_fold as number).toBeLessThan(1);
    expect(at(0).F1).toBe(false);
    expect(at(5).F1_fold as number).toBeGreaterThan(2);
    expect(at(5).F1).toBe(true);
    expect(at(5).F1_nlog10p).toBeCloseTo(-Math.log10(at(5).F1_p as number), 12);
    // Claims on the boolean metric: { name: F1, metric: F1 } is the metric's own column; == false is its negation.
    for (const r of rows) {
      expect(r.F1_fails).toBe(!(r.F1 as boolean));
      expect(r.release_up_half).toBe((r.F1_fold as number) > 1.5);
      expect(r.claims_held).toBe(Number(r.F1) + Number(r.F2));
    }
    expect(Object.keys(rows[0]!).filter((k) => k === 'F1')).toHaveLength(1);
    expect(outcome.summary!.claims.F1).toMatchObject({ holds: 1, runs: 2, share: 0.5 });
    expect(outcome.summary!.claims.F1_fails).toMatchObject({ holds: 1, runs: 2 });
    // The same point, run as `reproduce qian2021 --set ev_release_hif_gain=5 -n 2 --seed 1` would.
    const direct = await reproduceQian2021(
      { replicates: 2, seed: 1, workers: 1, options: { ...DEFAULT_OPTIONS, parameters: { ev_release_hif_gain: 5 } } },
      QIAN2021_CLAIMS.filter((c) => c.id === 'F1' || c.id === 'F2'),
    );
    const f1 = claimMetrics(QIAN2021_CLAIMS.find((c) => c.id === 'F1')!, direct.claims[0]!);
    for (const k of ['F1', 'F1_p', 'F1_effect', 'F1_diff', 'F1_fold']) expect(at(5)[k]).toBe(f1[k]);
    expect(at(5).F1_diff).toBe(direct.claims[0]!.values['1% O2']! - direct.claims[0]!.values['21% O2']!);
    expect(at(5).F1_fold).toBeCloseTo(direct.claims[0]!.values['1% O2']! / direct.claims[0]!.values['21% O2']!, 12);
    expect(at(5).F2).toBe(direct.claims[1]!.holds);
  });

  it('gives a difference of 0 where nothing varies and the claim cannot be tested (no p, no g, no fold)', () => {
    // A constructed result (a test double): no cell crossed the membrane in either arm.
    const spec = QIAN2021_CLAIMS.find((c) => c.id === 'F4a')!;
    const result = { id: 'F4a', holds: false, effect: null, foldChange: null, pValue: null, values: { PBS: 0, 'N-GDE': 0, 'H-GDE': 0 }, comparisons: [], problem: 'transwell-migration/migrated_cells: no variation' } as unknown as ClaimResult;
    const m = claimMetrics(spec, result);
    expect(m).toEqual({ F4a: false, F4a_p: NaN, F4a_nlog10p: NaN, F4a_effect: NaN, F4a_diff: 0, F4a_fold: NaN });
  });

  it('checks parameters, claims, assays and outputs, with positions and "did you mean"', async () => {
    expect(await problems(spec('', '  speed_unrepresed: { range: model }', '[F4d]'))).toMatch(/bad\.yaml:5:\d+ parameters\.speed_unrepresed: unknown parameter "speed_unrepresed" of the qian2021 evaluator; did you mean "speed_unrepressed"\?/);
    expect(await problems(spec(', claims: [F4e]', '  speed_unrepressed: { range: model }', '[F4d]'))).toMatch(/bad\.yaml:3:\d+ evaluator\.claims\.0: unknown claim "F4e"; did you mean "F4a"\?/);
    expect(await problems(spec(', assays: [orthotopc]', '  speed_unrepressed: { range: model }', '[F4d]'))).toMatch(/evaluator\.assays\.0: unknown assay "orthotopc"; did you mean "orthotopic"\?/);
    expect(await problems(spec(', set: { frk_max_represion: 0 }', '  speed_unrepressed: { range: model }', '[F4d]'))).toMatch(/evaluator\.set\.frk_max_represion: unknown model parameter "frk_max_represion"; did you mean "frk_max_repression"\?/);
    expect(await problems(spec(', claims: [F4d, F1], assays: [orthotopic]', '  speed_unrepressed: { range: model }', '[F4d]'))).toMatch(/evaluator\.claims\.1: claim F1 needs the assay production, which is not in evaluator\.assays/);
    expect(await problems(spec(', assays: [orthotopic]', '  speed_unrepressed: { range: model }', '[F4d_efect]'))).toMatch(/metrics\.0: "F4d_efect" is not an output of the qian2021 evaluator; did you mean "F4d_effect"\?/);
    expect(await problems(spec(', assays: [orthotopic]', '  speed_unrepressed: { range: model }', '[F1]'))).toMatch(/metrics\.0: "F1" is not an output of the qian2021 evaluator \(claim F1 is not among the selected claims\)/);
    expect(await problems(spec('', '  speed_unrepressed: { range: model }', '[{ name: f, column: F4d_p, at: 60 }]'))).toMatch(/metrics\.0\.at: the qian2021 evaluator has no time series/);
    expect(await problems(spec(', replicates: 1', '  speed_unrepressed: { range: model }', '[F4d]'))).toMatch(/^bad\.yaml: 1 problem\n.*bad\.yaml:3:\d+ evaluator\.replicates: Too small: expected number to be >=2$/);
  });

  it('checks claims against the metric types: booleans are true / false, numbers need a threshold', async () => {
    const base = (claim: string): string => spec('', '  speed_unrepressed: { range: model }', '[F4d, F4d_fold]', `claims:\n  - ${claim}\n`);
    expect(await problems(base("{ name: c, metric: F4d, op: '>', value: 0 }"))).toMatch(/claims\.0: "F4d" is a boolean metric \(true \/ false\): write \{ name: c, metric: F4d \} for "is true", or op: "==", value: false/);
    expect(await problems(base('{ name: c, metric: F4d_fold }'))).toMatch(/claims\.0: "F4d_fold" is a number: give op and value/);
    expect(await problems(base("{ name: c, metric: F4d_fold, op: '==', value: true }"))).toMatch(/claims\.0: "F4d_fold" is a number, not true \/ false/);
    expect(await problems(base("{ name: c, metric: F4d, op: '>', value: true }"))).toMatch(/claims\.0\.op: true \/ false compare with == or !=, not >/);
    expect(await problems(base("{ name: c, metric: F4d, op: '==' }"))).toMatch(/claims\.0\.value: give op and value together, or neither/);
    expect(await problems(base("{ name: f4d, metric: F4d_fold, op: '>', value: 1 }"))).toMatch(/claims\.0\.name: "f4d" is already used by metric F4d; table columns must be unique \(ignoring case\)/);
    const ok = await parseSweep(join(testdata, 'ok.yaml'), base('{ name: F4d, metric: F4d }'), { displayRoot: testdata });
    expect(ok.claims).toEqual([{ name: 'F4d', metric: 'F4d' }]);
  });
});
