import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../common/errors.ts';
import { readTimeSeries } from '../../io/results/reader.ts';
import { loadScenario } from '../../scenario/load-scenario.ts';
import { runScenario } from '../../sim/run.ts';
import { createLocalBackend } from '../local/local-backend.ts';
import { loadSweep, parseSweep } from '../load-spec.ts';
import { planSweep } from '../plan.ts';
import { runSweep } from '../run-sweep.ts';
import { readTable, tempDir } from '../test-helpers/index.ts';

const testdata = resolve(import.meta.dirname, '../testdata');
const dir = tempDir();
afterAll(() => { dir.remove(); });

describe('the scenario evaluator', () => {
  it('runs the scenario with each point\'s overrides and seed, and reads the metrics from its time series', async () => {
    const sweep = await loadSweep(join(testdata, 'tiny-sweep.yaml'));
    expect(sweep.distributions.endosomal_escape).toEqual({ kind: 'uniform', lo: 0.01, hi: 1, levels: 2 }); // range: model
    const backend = createLocalBackend({ threads: 2 });
    const out = join(dir.path, 'out');
    let outcome;
    try {
      outcome = await runSweep(sweep, backend, { outDir: out });
    } finally {
      await backend.close();
    }
    expect(outcome.failed).toEqual([]);
    const rows = await readTable(outcome.tablePath);
    expect(rows).toHaveLength(4);
    // More uptake, more vesicles taken up (at either escape fraction).
    const up = (rate: number, esc: number): number => rows.find((r) => r.ev_uptake_rate === rate && r.endosomal_escape === esc)!.vesicles_taken_up as number;
    expect(up(0.1, 0.01)).toBeGreaterThan(up(0.001, 0.01) * 5);
    // Each point's run directory is a normal run; the table equals a direct run with the same overrides and seed.
    const plan = planSweep(sweep);
    const t = plan.tasks.find((x) => x.params.ev_uptake_rate === 0.1 && x.params.endosomal_escape === 1)!;
    const base = loadScenario(join(testdata, 'tiny-scenario.yaml'));
    const direct = await runScenario(
      {
        ...base,
        model: { ...base.model, values: { ...base.model.values, ...t.params } },
        scenario: { ...base.scenario, outputs: { timeSeries: true, cells: false, fields: false, checkpoints: false } },
      },
      { seed: t.seed, outDir: join(dir.path, 'direct') },
    );
    const row = rows.find((r) => r.point_id === t.id)!;
    expect(row.vesicles_taken_up).toBe(direct.final.vesicles_taken_up);
    expect(row.mir_1246_mean).toBe(direct.final.mir_1246_mean);
    const ts = await readTimeSeries(join(dir.path, 'direct'));
    expect(row.hypoxic_fraction_1h).toBe(ts.rows.find((r) => r.time_min === 60)!.hypoxic_fraction);
    expect(row.seed).toBe(1n); // the sweep's seed (default 1), not the scenario's
    // The claim column follows its metric.
    for (const r of rows) expect(r.frk_repressed).toBe((r.mir_1246_mean as number) > 0);
  });

  async function problems(text: string): Promise<string> {
    try {
      await parseSweep(join(testdata, 'bad.yaml'), text);
    } catch (e) {
      if (e instanceof UserError) return e.describe();
      throw e;
    }
    throw new Error('expected a UserError');
  }
  const spec = (params: string, metrics: string): string => `version: 1\nname: t\nevaluator: { name: scenario, scenario: tiny-scenario.yaml }\nparameters:\n${params}\ndesign: { kind: grid, levels: 2 }\nmetrics: ${metrics}\n`;

  it('checks parameter names, metric columns and output times against the scenario', async () => {
    expect(await problems(spec('  ev_uptake: { range: [0, 1] }', '[cells]'))).toMatch(/parameters\.ev_uptake: unknown parameter "ev_uptake" of the scenario evaluator; did you mean "ev_uptake_rate"\?/);
    expect(await problems(spec('  ev_uptake_rate: { range: [0, 1] }', '[frk_mea]'))).toMatch(/metrics\.0: "frk_mea" is not a time-series column of this scenario; did you mean "frk_mean"\?/);
    expect(await problems(spec('  ev_uptake_rate: { range: [0, 1] }', '[{ name: c, column: cells, at: 30 }]'))).toMatch(/metrics\.0\.at: no output at 30 min; the scenario writes rows at 0, 60, 120 min/);
    expect(await problems(spec('  ev_initial: { range: model }', '[cells]'))).toMatch(/parameters\.ev_initial\.range: the model gives no range for "ev_initial"/);
    expect(await problems(spec('  ev_uptake_rate: { range: [0, 1] }', '[cells]').replace('tiny-scenario.yaml', 'nope.yaml'))).toMatch(/evaluator\.scenario: no scenario file at .*nope\.yaml/);
  });
});
