/**
 * `linear` — TEST FUNCTION, not biology: y = intercept + Σ c_p·p over the parameters named in
 * `coefficients`. Morris μ* of p is |c_p|·(range width) and σ = 0; it verifies the designs and
 * the backends. Unswept parameters are 0. Output: y.
 */
import { z } from 'zod';
import { issueAt } from '../../common/yaml.ts';
import type { EvaluatorModule } from '../evaluator.ts';
import { validateAt } from '../validate-at.ts';
import { beforeRun, testOptionsShape } from './test-options.ts';

const optionsSchema = z.strictObject({
  name: z.literal('linear'),
  coefficients: z.record(z.string(), z.number()).describe('coefficient per parameter name'),
  intercept: z.number().default(0).describe('constant term'),
  ...testOptionsShape,
});

export const evaluatorModule: EvaluatorModule = {
  name: 'linear',
  description: 'test function: y = intercept + Σ coefficient·parameter (verifies designs and backends)',
  prepare({ options, metrics, src }) {
    const r = validateAt(src, ['evaluator'], optionsSchema, { name: 'linear', ...options });
    const issues = r.ok ? [] : r.issues;
    for (const [i, m] of metrics.entries()) {
      if (m.column !== 'y' || m.at !== undefined) issues.push(issueAt(src, ['metrics', i], `the linear evaluator has one output, "y" (no time series)`));
    }
    if (!r.ok) return { options: {}, fingerprint: 'linear-1', issues };
    const { name: _n, ...normalized } = r.value;
    const metricTypes = Object.fromEntries(metrics.map((m) => [m.name, 'number' as const]));
    return { options: normalized, metricTypes, parameters: Object.keys(r.value.coefficients), fingerprint: 'linear-1', issues };
  },
  create(definition) {
    const o = optionsSchema.parse({ name: 'linear', ...definition.options });
    const terms = Object.entries(o.coefficients);
    return Promise.resolve({
      async evaluate(point, ctx) {
        const noise = await beforeRun(o, point.seed, ctx.workDir, ctx.signal);
        let y = o.intercept + noise;
        for (const [p, c] of terms) y += c * (point.params[p] ?? 0);
        return Object.fromEntries(definition.metrics.map((m) => [m.name, y]));
      },
    });
  },
};
