/** Start `exoscape …` from the TypeScript sources as a separate process, with its output as lines. */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface CliProcess {
  child: ChildProcess;
  /** Every stdout line so far. */
  lines: string[];
  stderr: () => string;
  /** Resolves with the first stdout line matching `re` (rejects after `timeoutMs` or on exit). */
  waitFor(re: RegExp, timeoutMs?: number): Promise<string>;
  /** Resolves once `n` stdout lines match `re`. */
  waitForCount(re: RegExp, n: number, timeoutMs?: number): Promise<void>;
  exited: Promise<number | null>;
}

export function spawnCli(args: readonly string[], cwd: string): CliProcess {
  const entry = fileURLToPath(new URL('./cli-entry.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let err = '';
  let partial = '';
  const waiters: { re: RegExp; resolve: (l: string) => void }[] = [];
  child.stdout.on('data', (d: Buffer) => {
    const parts = (partial + d.toString()).split('\n');
    partial = parts.pop()!;
    for (const l of parts) {
      lines.push(l);
      for (const w of waiters.filter((x) => x.re.test(l))) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(l);
      }
    }
  });
  child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
  const exited = new Promise<number | null>((resolve) => { child.once('exit', (code) => { resolve(code); }); });
  return {
    child,
    lines,
    stderr: () => err,
    waitFor(re, timeoutMs = 30_000) {
      const found = lines.find((l) => re.test(l));
      if (found !== undefined) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const t = setTimeout(() => { reject(new Error(`timed out waiting for ${re} (stdout so far: ${lines.slice(-5).join(' | ')}; stderr: ${err.slice(-500)})`)); }, timeoutMs);
        void exited.then((code) => { clearTimeout(t); reject(new Error(`process exited (${code}) before ${re}; stderr: ${err.slice(-500)}`)); });
        waiters.push({ re, resolve: (l) => { clearTimeout(t); resolve(l); } });
      });
    },
    async waitForCount(re, n, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (lines.filter((l) => re.test(l)).length < n) {
        if (child.exitCode !== null || child.signalCode !== null) throw new Error(`process exited before ${n} lines matched ${re}; stderr: ${err.slice(-500)}`);
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${n} lines matching ${re}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    exited,
  };
}
