import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSweep } from './load-spec.ts';
import { planSweep } from './plan.ts';

const dir = join(import.meta.dirname, '..', '..', 'sweeps');
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();

describe('the sweep files in sweeps/', () => {
  it('are there', () => {
    expect(files).toContain('qian2021-morris.yaml');
    expect(files).toContain('f7-escape.yaml');
  });

  it.each(files)('%s loads and plans its runs', async (f) => {
    const sweep = await loadSweep(join(dir, f));
    const plan = planSweep(sweep);
    expect(plan.tasks.length).toBeGreaterThan(0);
    expect(new Set(plan.tasks.map((t) => t.id)).size).toBe(plan.tasks.length);
    for (const t of plan.tasks) expect(Object.keys(t.params).sort()).toEqual([...sweep.names].sort());
  });

  it('f7-escape runs the reproduction at four escape values × seeds 1, 2, 3', async () => {
    const plan = planSweep(await loadSweep(join(dir, 'f7-escape.yaml')));
    expect(plan.tasks.map((t) => `${t.params.endosomal_escape}@${t.seed}`)).toEqual(
      [0.05, 0.1, 0.2, 0.4].flatMap((e) => [1, 2, 3].map((s) => `${e}@${s}`)),
    );
  });
});
