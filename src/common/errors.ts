/**
 * Errors as data. A `UserError` is a mistake in what the user gave us (a file, a flag, an id): the
 * interfaces print its message without a stack trace and exit with code 2. Anything else that
 * escapes is a bug or an environment failure (exit code 1).
 */

/** One problem at one place in one input file. */
export interface Issue {
  file: string;
  /** 1-based; 0 when the position is unknown. */
  line: number;
  /** 1-based; 0 when the position is unknown. */
  column: number;
  /** Field path inside the document, e.g. `relations.3.cargo.type`. */
  path: string;
  /** What is wrong, including what was found and what was expected. */
  message: string;
}

export function formatIssue(issue: Issue): string {
  const where = issue.line > 0 ? `${issue.file}:${issue.line}:${issue.column}` : issue.file;
  const field = issue.path === '' ? '' : ` ${issue.path}:`;
  return `${where}${field} ${issue.message}`;
}

export class UserError extends Error {
  readonly issues: readonly Issue[];

  constructor(message: string, issues: readonly Issue[] = []) {
    super(message);
    this.name = 'UserError';
    this.issues = issues;
  }

  /** The message plus one line per issue (at most `limit`). */
  describe(limit = 50): string {
    if (this.issues.length === 0) return this.message;
    const lines = this.issues.slice(0, limit).map((i) => `  ${formatIssue(i)}`);
    if (this.issues.length > limit) lines.push(`  … and ${this.issues.length - limit} more`);
    return `${this.message}\n${lines.join('\n')}`;
  }
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}
