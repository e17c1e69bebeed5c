/**
 * Errors as JSON. Every failure the API reports has the same shape,
 * `{ error, issues: [{ path, message, line?, column? }] }`, and never carries a stack trace:
 * user mistakes (a bad query value, an invalid scenario) are 4xx with the field path and, for
 * scenario text, its line and column; anything else is a 500 whose details go to the server log.
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { UserError } from '../common/errors.ts';

export interface ApiIssue {
  /** Field path: `query.cancer`, `body.scenario`, or a path inside a scenario (`time.duration`). */
  path: string;
  message: string;
  /** 1-based position in the submitted text, when the problem has one. */
  line?: number;
  column?: number;
}

export interface ErrorBody {
  error: string;
  issues: ApiIssue[];
}

/** A failure with an HTTP status, thrown by route handlers and turned into JSON by `createApp`. */
export class ApiError extends Error {
  readonly status: ContentfulStatusCode;
  readonly issues: readonly ApiIssue[];

  constructor(status: ContentfulStatusCode, message: string, issues: readonly ApiIssue[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.issues = issues;
  }
}

/** A `UserError` as API issues; its issues keep their positions, a bare message becomes one issue at `path`. */
export function issuesOf(e: UserError, path = ''): ApiIssue[] {
  if (e.issues.length === 0) return [{ path, message: e.message }];
  return e.issues.map((i) => ({
    path: i.path,
    message: i.message,
    ...(i.line > 0 ? { line: i.line, column: i.column } : {}),
  }));
}

export function errorBody(error: string, issues: readonly ApiIssue[] = []): ErrorBody {
  return { error, issues: [...issues] };
}
