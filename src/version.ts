/** Package version and, when available, the git commit it was built from (recorded in every run). */
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

function readVersion(): string {
  const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8')) as { version: string };
  return pkg.version;
}

export const VERSION: string = readVersion();

/** `0.1.0+<short commit>[-dirty]` inside a git checkout, else the package version. */
export function codeVersion(): string {
  try {
    const cwd = fileURLToPath(new URL('..', import.meta.url));
    const commit = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() !== '';
    return `${VERSION}+${commit}${dirty ? '-dirty' : ''}`;
  } catch {
    return VERSION;
  }
}
