/** `exoscape serve`: the real command in a child process (start, answer, stop on SIGTERM), and its usage errors in process. */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './test-helpers.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dataDir = (): string => mkdtempSync(join(tmpdir(), 'exoscape-serve-'));

describe('exoscape serve', () => {
  it('starts on a free port, serves the API on 127.0.0.1, refuses foreign Host names, and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', "import { main } from './src/cli/main.ts'; process.exitCode = await main(process.argv.slice(1));", 'serve', '--port', '0', '--data-dir', dataDir()], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /serving (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
        if (m) resolve(m[1]!);
      });
      child.on('exit', (code) => { reject(new Error(`serve exited early (${code}): ${err}`)); });
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      const health = await fetch(`${url}/api/health`);
      expect(health.status).toBe(200);
      expect(((await health.json()) as { relations: number }).relations).toBeGreaterThan(1000);
      const path = await fetch(`${url}/api/atlas/paths?from=hypoxia&to=invasion&cancer=glioma&limit=3`);
      expect(((await path.json()) as { paths: unknown[] }).paths).toHaveLength(3);
      // Node's fetch will not send a forged Host; a raw request can.
      const forged = await rawGet(url, '/api/health', 'attacker.example');
      expect(forged).toMatch(/^HTTP\/1\.1 403/);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(err).toContain('stopped (SIGTERM)');
  });

  it('exits 2 with one message for a bad port, a port in use, or a missing web root', async () => {
    expect((await runCli(['serve', '--port', '70000'])).err).toContain('--port must be an integer from 0 to 65535');
    expect((await runCli(['serve', '--max-runs', '0'])).err).toContain('--max-runs must be a positive integer');
    const busy = createServer();
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', r));
    const port = (busy.address() as { port: number }).port;
    try {
      const r = await runCli(['serve', '--port', String(port), '--data-dir', dataDir()]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`port ${port} on 127.0.0.1 is in use`);
    } finally {
      busy.close();
    }
    const w = await runCli(['serve', '--port', '0', '--web-root', 'no/such/dir', '--data-dir', dataDir()]);
    expect(w.code).toBe(2);
    expect(w.err).toContain('no index.html there');
  });
});

function rawGet(url: string, path: string, host: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    void import('node:net').then(({ connect }) => {
      const s = connect(Number(port), hostname, () => { s.write(`GET ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`); });
      let data = '';
      s.on('data', (d: Buffer) => { data += d.toString(); });
      s.on('end', () => { resolve(data); });
      s.on('error', reject);
    });
  });
}
