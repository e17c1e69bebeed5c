/**
 * Two-sample t-tests, two-sided, with R's conventions: `welchTTest(x, y)` tests mean(x) − mean(y)
 * like `t.test(x, y)`, `studentTTest(x, y)` like `t.test(x, y, var.equal = TRUE)`.
 *
 * Welch: t = (x̄ − ȳ)/√(s²ₓ/nₓ + s²ᵧ/nᵧ), Welch–Satterthwaite df. Welch is the default in the assays:
 * arms of a virtual experiment need not have equal variances (an intervention can change the spread
 * as well as the mean), and Welch loses little power when they do.
 */
import { mean } from 'simple-statistics';
import { checkSample, variance } from './descriptive.ts';
import { studentTQuantile, studentTTwoSided } from './distributions.ts';
import { StatsError } from './stats-error.ts';

export interface TTestResult {
  method: 'Welch two-sample t-test' | "Student's two-sample t-test (pooled variance)";
  /** mean(x) − mean(y) */
  difference: number;
  t: number;
  df: number;
  /** Two-sided p-value. */
  p: number;
  /** Two-sided confidence interval of the difference at `level`. */
  ci: [number, number];
  level: number;
  /** Standard error of the difference. */
  se: number;
}

function prepare(x: readonly number[], y: readonly number[], level: number): { mx: number; my: number; vx: number; vy: number } {
  checkSample('x', x);
  checkSample('y', y);
  if (!(level > 0 && level < 1)) throw new StatsError('bad-design', `confidence level must be in (0, 1), got ${level}`);
  const vx = variance(x);
  const vy = variance(y);
  const mx = mean(x);
  const my = mean(y);
  if (vx === 0 && vy === 0) {
    throw new StatsError(
      'zero-variance',
      `both samples have zero variance (means ${mx} and ${my}): the t statistic is ${mx === my ? '0/0' : '±∞'} and no p-value exists`,
    );
  }
  return { mx, my, vx, vy };
}

function finish(method: TTestResult['method'], difference: number, se: number, df: number, level: number): TTestResult {
  const t = difference / se;
  const half = studentTQuantile((1 + level) / 2, df) * se;
  return { method, difference, t, df, p: studentTTwoSided(t, df), ci: [difference - half, difference + half], level, se };
}

/** Welch's unequal-variance t-test (two-sided). Throws `StatsError` on n < 2, non-finite values or zero variance in both. */
export function welchTTest(x: readonly number[], y: readonly number[], level = 0.95): TTestResult {
  const { mx, my, vx, vy } = prepare(x, y, level);
  const ax = vx / x.length;
  const ay = vy / y.length;
  const se = Math.sqrt(ax + ay);
  const df = ((ax + ay) * (ax + ay)) / ((ax * ax) / (x.length - 1) + (ay * ay) / (y.length - 1));
  return finish('Welch two-sample t-test', mx - my, se, df, level);
}

/** Student's pooled-variance t-test (two-sided). Same errors as `welchTTest`. */
export function studentTTest(x: readonly number[], y: readonly number[], level = 0.95): TTestResult {
  const { mx, my, vx, vy } = prepare(x, y, level);
  const df = x.length + y.length - 2;
  const pooled = ((x.length - 1) * vx + (y.length - 1) * vy) / df;
  const se = Math.sqrt(pooled * (1 / x.length + 1 / y.length));
  return finish("Student's two-sample t-test (pooled variance)", mx - my, se, df, level);
}
