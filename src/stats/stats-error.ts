/**
 * The one error the statistics throw. Data that cannot be tested (too few values, non-finite values,
 * no variation at all) is the caller's problem to report, so it gets a code the assays can branch on
 * and a message that names the arm and the value — never a NaN p-value that travels on silently.
 */

export type StatsErrorCode =
  /** An arm (or sample) has fewer values than the method needs (2 for a variance). */
  | 'too-few-values'
  /** A value is NaN or ±Infinity. */
  | 'non-finite'
  /** Every arm has zero variance: the test statistic is 0/0 or ±∞ and no p-value exists. */
  | 'zero-variance'
  /** Fewer arms than the method needs, a control that is not an arm, or a bad option. */
  | 'bad-design'
  /** A distribution parameter out of its domain (df ≤ 0, probability outside [0, 1], …). */
  | 'domain'
  /** An iterative algorithm did not converge (should not happen for valid input; a bug report). */
  | 'no-convergence';

export class StatsError extends Error {
  readonly code: StatsErrorCode;

  constructor(code: StatsErrorCode, message: string) {
    super(message);
    this.name = 'StatsError';
    this.code = code;
  }
}

export function isStatsError(e: unknown): e is StatsError {
  return e instanceof StatsError;
}
