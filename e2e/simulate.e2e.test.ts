/**
 * The simulation page in Chromium: the quick example validates, inline errors point at the line,
 * a run shows live progress, pauses and resumes, finishes, and its tissue and time series draw.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type App, closeApp, countPixels, openApp, screenshot, type ServerProcess } from './harness.ts';

let app: App | undefined;
let server: ServerProcess | undefined;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  app = await openApp('simulate', problems);
  ({ server, page } = app);
}, 120_000);

afterAll(async () => {
  expect(await closeApp(app)).toBe(0);
});

/** viridis-like: not white, not grey, not the blue field ramp's pale end. */
const coloured = (r: number, g: number, b: number): boolean => Math.max(r, g, b) - Math.min(r, g, b) > 60;

describe('simulation page (Chromium)', () => {
  it('opens with the quick example, validated', async () => {
    await page.goto(`${server!.url}/#/simulate`);
    await expect.poll(() => page.locator('#scenario-status').textContent(), { timeout: 30_000 }).toMatch(/^valid · 625 voxels · [\d,]+ cells · 12 h$/);
    expect(await page.locator('select').first().inputValue()).toBe('hypoxic-glioma-quick');
    expect(await page.locator('.form input').first().inputValue()).toBe('hypoxic-glioma-quick');
  }, 60_000);

  it('shows scenario errors inline with their line, and will not run an invalid scenario', async () => {
    const yaml = page.locator('#scenario-yaml');
    const good = await yaml.inputValue();
    await yaml.fill(good.replace('duration: 720', 'duraton: 720'));
    await expect.poll(() => page.locator('#scenario-issues li').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const line = good.split('\n').findIndex((l) => l.includes('duration: 720')) + 1;
    const issues = await page.locator('#scenario-issues li').allTextContents();
    const typo = issues.find((t) => t.includes('time.duraton'));
    expect(typo).toMatch(new RegExp(`^line ${line}:3 time\\.duraton unknown key "duraton"; did you mean "duration"\\?`));
    expect(await page.locator('.gutter .bad').allTextContents()).toContain(`${line}\n`);
    expect(await page.getByRole('button', { name: 'Run this scenario' }).isDisabled()).toBe(true);
    await screenshot(page, 'sim-invalid');
    // clicking the issue puts the caret on that line
    await page.locator('#scenario-issues li', { hasText: 'time.duraton' }).getByRole('button').click();
    const caretLine = await yaml.evaluate((t: HTMLTextAreaElement) => t.value.slice(0, t.selectionStart).split('\n').length);
    expect(caretLine).toBe(line);
    // the form edits the YAML: set the duration back through the form
    await yaml.fill(good);
    await expect.poll(() => page.locator('#scenario-status').textContent(), { timeout: 15_000 }).toMatch(/^valid/);
  }, 60_000);

  it('runs the quick scenario with live progress, pause and resume, to a finished result', async () => {
    await page.getByRole('button', { name: 'Run this scenario' }).click();
    await expect.poll(() => page.getByTestId('run-status').textContent(), { timeout: 30_000 }).toBe('running');
    await expect.poll(() => page.getByTestId('progress-text').textContent(), { timeout: 30_000 }).toMatch(/^\d+\.\d \/ 12\.0 h · [\d,]+ cells/);
    // wait for the first drawn cells, then pause
    await expect.poll(() => page.getByTestId('cell-range').textContent(), { timeout: 30_000 }).toMatch(/ – /);
    await screenshot(page, 'sim-running');
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => page.getByTestId('run-status').textContent(), { timeout: 30_000 }).toBe('paused');
    await page.getByRole('button', { name: 'Resume' }).click();
    await expect.poll(() => page.getByTestId('run-status').textContent(), { timeout: 120_000 }).toBe('finished');
    const result = (await page.getByTestId('run-result').textContent())!;
    expect(result).toMatch(/Finished in [\d.]+ s · [\d,]+ live cells · mass balance residual [\d.]+e-\d+ · stateDigest [0-9a-f]{16}…/);
    // the digest matches an uninterrupted `exoscape run` of the quick scenario (see src/cli/run-command.test.ts for the CLI side)
    const runs = (await (await fetch(`${server!.url}/api/runs`)).json()) as { runs: { status: string; result: { stateDigest: string } | null }[] };
    expect(runs.runs[0]!.status).toBe('finished');
    expect(result).toContain(runs.runs[0]!.result!.stateDigest.slice(0, 16));
    // the time series has every output time: 0, 2, …, 12 h
    await expect.poll(() => page.locator('[data-testid="chart-0"] canvas').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.tissue-legend .muted').textContent(), { timeout: 15_000 }).toMatch(/cells at t = 12\.0 h/);
    await page.waitForTimeout(500);
    await screenshot(page, 'sim-finished');
    const tissue = await page.getByTestId('tissue').screenshot();
    const px = await countPixels(tissue, coloured);
    expect(px.matching / px.total).toBeGreaterThan(0.05);
  }, 240_000);

  it('browses the results over time and by variable', async () => {
    const slider = page.locator('.time-row input[type="range"]');
    await slider.focus();
    await page.keyboard.press('Home');
    await expect.poll(() => page.locator('.tissue-legend .muted').textContent(), { timeout: 15_000 }).toMatch(/cells at t = 0\.0 h/);
    await page.locator('.tissue-controls select').first().selectOption('frk');
    await expect.poll(() => page.locator('.tissue-legend').textContent(), { timeout: 15_000 }).toMatch(/^frk/);
    await page.locator('.tissue-controls select').nth(1).selectOption('vesicles');
    await expect.poll(() => page.locator('.tissue-legend').textContent(), { timeout: 15_000 }).toContain('vesicles');
    await screenshot(page, 'sim-browse');
  }, 60_000);

  it('logged no console errors and no failed requests', () => {
    expect(problems).toEqual([]);
  });
});
