/**
 * `ishigami` — TEST FUNCTION, not biology: f = sin x1 + a sin² x2 + b x3⁴ sin x1 (Ishigami & Homma
 * 1990), whose Sobol' indices are known exactly. It exists to verify the designs and to check that
 * the local and queue backends give identical tables. Unswept x's are 0. Output: y.
 */
import { z } from 'zod';
import { issueAt } from '../../common/yaml.ts';
import { ishigami } from '../../sensitivity/test-functions.ts';
import type { EvaluatorModule } from '../evaluator.ts';
import { validateAt } from '../validate-at.ts';
import { beforeRun, testOptionsShape } from './test-options.ts';

const optionsSchema = z.strictObject({
  name: z.literal('ishigami'),
  a: z.number().default(7).describe('coefficient of sin² x2'),
  b: z.number().default(0.1).describe('coefficient of x3⁴ sin x1'),
  ...testOptionsShape,
});

const PARAMETERS = ['x1', 'x2', 'x3'] as const;

export const evaluatorModule: EvaluatorModule = {
  name: 'ishigami',
  description: 'test function: Ishigami y(x1, x2, x3) with known Sobol\' indices (verifies designs and backends)',
  prepare({ options, metrics, src }) {
    const r = validateAt(src, ['evaluator'], optionsSchema, { name: 'ishigami', ...options });
    const issues = r.ok ? [] : r.issues;
    for (const [i, m] of metrics.entries()) {
      if (m.column !== 'y' || m.at !== undefined) issues.push(issueAt(src, ['metrics', i], `the ishigami evaluator has one output, "y" (no time series)`));
    }
    if (!r.ok) return { options: {}, parameters: PARAMETERS, fingerprint: 'ishigami-1', issues };
    const { name: _n, ...normalized } = r.value;
    const metricTypes = Object.fromEntries(metrics.map((m) => [m.name, 'number' as const]));
    return { options: normalized, metricTypes, parameters: PARAMETERS, fingerprint: 'ishigami-1', issues };
  },
  create(definition) {
    const o = optionsSchema.parse({ name: 'ishigami', ...definition.options });
    return Promise.resolve({
      async evaluate(point, ctx) {
        const noise = await beforeRun(o, point.seed, ctx.workDir, ctx.signal);
        const p = point.params;
        const y = ishigami(p.x1 ?? 0, p.x2 ?? 0, p.x3 ?? 0, o.a, o.b) + noise;
        return Object.fromEntries(definition.metrics.map((m) => [m.name, y]));
      },
    });
  },
};
