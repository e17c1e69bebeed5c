/**
 * Where the CLI writes. Commands receive an `Io` instead of touching `process` directly, so the
 * whole CLI runs in-process in tests.
 */
import { resolve } from 'node:path';
import { writeFileAtomicSync } from '../io/atomic.ts';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** True when stdout is an interactive terminal (progress bars, colours). */
  isTty: boolean;
  cwd: string;
  /** A command that succeeds partly (e.g. a run stopped by Ctrl-C) sets the exit code here. */
  exitCode?: number;
}

export function processIo(): Io {
  return {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    isTty: process.stdout.isTTY,
    cwd: process.cwd(),
  };
}

export function printJson(io: Io, value: unknown): void {
  io.out(`${JSON.stringify(value, null, 2)}\n`);
}

/** Plain-text table with left-aligned columns; cells longer than `max` are cut with "…". */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[], max = 60): string {
  const cut = (s: string): string => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
  const all = [header, ...rows].map((r) => r.map(cut));
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]): string => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(all[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map(line)].join('\n') + '\n';
}

/**
 * Write a file atomically (see src/io/atomic.ts: temporary sibling, fsync, rename), so a crash never
 * leaves a half-written file under the final name. Paths are relative to `io.cwd`; returns the full path.
 */
export function writeFileAtomic(io: Io, path: string, content: string | Uint8Array): string {
  const full = resolve(io.cwd, path);
  writeFileAtomicSync(full, content);
  return full;
}
