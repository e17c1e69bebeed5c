// The npm registry mirror of this workplace serves only linux-x64 builds of packages with native
// binaries, so `npm install` leaves other platforms' optional packages (e.g.
// @duckdb/node-bindings-darwin-arm64) out of package-lock.json — and `npm ci` then refuses the lock
// as "out of sync". This adds a lock entry for each missing optional platform package with the
// version its parent pins and the os/cpu/libc inferred from its name, so `npm ci` accepts the lock
// and skips those packages on this platform (it never fetches them). Run after `npm install`:
//   npx tsx scripts/lock-platform-stubs.ts
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../package-lock.json', import.meta.url);
interface LockEntry { version?: string; dev?: boolean; optionalDependencies?: Record<string, string>; [k: string]: unknown }
const lock = JSON.parse(readFileSync(path, 'utf8')) as { packages: Record<string, LockEntry> };
const pkgs = lock.packages;
const OS = ['darwin', 'linux', 'win32', 'android', 'freebsd'];
const CPU: Record<string, string> = { arm64: 'arm64', x64: 'x64', arm: 'arm', riscv64: 'riscv64', ia32: 'ia32' };

function platformOf(name: string): { os: string | undefined; cpu: string | undefined; libc: string | undefined } {
  const parts = (name.split('/').pop() ?? name).split('-');
  const os = parts.find((p) => OS.includes(p));
  const cpu = parts.map((p) => CPU[p]).find(Boolean);
  const libc = parts.includes('musl') ? 'musl' : os === 'linux' ? 'glibc' : undefined;
  return { os, cpu, libc };
}

let added = 0;
for (const [key, meta] of Object.entries(pkgs)) {
  for (const [dep, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const at = `node_modules/${dep}`;
    if (pkgs[at] !== undefined) continue;
    const { os, cpu, libc } = platformOf(dep);
    if (os === undefined || cpu === undefined) {
      console.error(`lock-platform-stubs: cannot tell the platform of ${dep} (needed by ${key}); left out`);
      continue;
    }
    pkgs[at] = { version, cpu: [cpu], ...(meta.dev ? { dev: true } : {}), ...(libc ? { libc: [libc] } : {}), optional: true, os: [os] };
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(pkgs).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`lock-platform-stubs: added ${added} platform entries`);
