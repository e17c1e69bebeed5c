/**
 * End-to-end harness: build the web app into a scratch folder, start the real `exoscape serve` in
 * a child process on a free port, and drive Debian's Chromium with playwright-core. Chromium is
 * required: when it is missing the tests fail and say how to install it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CHROMIUM = process.env.EXOSCAPE_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(ROOT, '.tmp', 'screenshots');

/** Flags that let headless Chromium run as root on a closed network (see the machine notes). */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

export async function buildWeb(name: string): Promise<string> {
  const outDir = join(ROOT, '.tmp', `e2e-web-${name}`);
  await build({ configFile: join(ROOT, 'web', 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true, sourcemap: false } });
  return outDir;
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Everything the server wrote to standard error. */
  stderr(): string;
  stop(): Promise<number | null>;
}

/** `exoscape serve --port 0 …` in a child process (runs in a scratch data dir unless given); resolves with its URL once it listens. */
export function startServer(args: readonly string[]): Promise<ServerProcess> {
  const data = args.includes('--data-dir') ? [] : ['--data-dir', mkdtempSync(join(tmpdir(), 'exoscape-e2e-'))];
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', "import { main } from './src/cli/main.ts'; process.exitCode = await main(process.argv.slice(1));", 'serve', '--port', '0', ...data, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => { resolve(code); }));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /serving (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m) {
        resolve({
          url: m[1]!,
          child,
          stderr: () => err,
          stop: async () => {
            if (child.exitCode === null) child.kill('SIGTERM');
            return exited;
          },
        });
      }
    });
    void exited.then((code) => { reject(new Error(`exoscape serve exited (${code}) before listening:\n${err}`)); });
  });
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}. The end-to-end tests need it: as root run \`apt-get update && apt-get install -y --no-install-recommends chromium\` (.ci/run does this), or set EXOSCAPE_CHROMIUM to another Chromium binary.`);
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/** Console errors and uncaught page errors, collected for a final assertion. */
export function watchConsole(page: Page, problems: string[] = []): string[] {
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console.error: ${m.text()}`);
  });
  page.on('pageerror', (e) => { problems.push(`page error: ${e.message}`); });
  page.on('requestfailed', (r) => {
    const why = r.failure()?.errorText ?? '';
    // the app closes a run's event stream on purpose (finished, paused, another run opened)
    if (why === 'net::ERR_ABORTED' && new URL(r.url()).pathname.endsWith('/events')) return;
    problems.push(`request failed: ${r.url()} ${why}`);
  });
  return problems;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** Count the pixels of a PNG that satisfy `pick(r, g, b)` (decoded with @napi-rs/canvas). */
export async function countPixels(png: Buffer, pick: (r: number, g: number, b: number) => boolean): Promise<{ matching: number; total: number }> {
  const { createCanvas, loadImage } = await import('@napi-rs/canvas');
  const img = await loadImage(png);
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const { data } = ctx.getImageData(0, 0, img.width, img.height);
  let matching = 0;
  for (let i = 0; i < data.length; i += 4) if (pick(data[i]!, data[i + 1]!, data[i + 2]!)) matching++;
  return { matching, total: data.length / 4 };
}

export interface App {
  server: ServerProcess;
  browser: Browser;
  page: Page;
}

/**
 * The app as a test meets it: the web app built under `name`, `exoscape serve` on it (plus
 * `serverArgs`), and a laptop-sized Chromium page whose console errors go into `problems`.
 */
export async function openApp(name: string, problems: string[], serverArgs: string[] = []): Promise<App> {
  const web = await buildWeb(name);
  const server = await startServer(['--web-root', web, ...serverArgs]);
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  watchConsole(page, problems);
  return { server, browser, page };
}

/** Close the browser and stop the server; returns the server's exit code. */
export async function closeApp(app: App | undefined): Promise<number | null | undefined> {
  await app?.browser.close();
  return app?.server.stop();
}
