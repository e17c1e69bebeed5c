/**
 * The experiments page in Chromium: set up the uptake assay (two arms, two replicates — the cheapest
 * assay, seconds at its full protocol), run it and watch its progress, then read its values table
 * and its figures (bars with one dot per replicate, time courses), reopen it from the list and from
 * its address, and set up the reproduction; keyboard reachable, no console errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type App, closeApp, openApp, screenshot, type ServerProcess } from './harness.ts';

let app: App | undefined;
let server: ServerProcess | undefined;
let page: Page;
const problems: string[] = [];
let experimentId = '';

beforeAll(async () => {
  app = await openApp('experiments', problems);
  ({ server, page } = app);
}, 120_000);

afterAll(async () => {
  expect(await closeApp(app)).toBe(0);
});

interface ApiExperiment {
  experiment: { id: string; status: string };
  result: { assays: { assay: string; readouts: { key: string; values: Record<string, number[]> }[] }[] } | null;
}

describe('experiments page (Chromium)', () => {
  it('sets up the uptake assay with two arms and two replicates, reachable by keyboard', async () => {
    await page.goto(`${server!.url}/#/experiments`);
    const choice = page.locator('#experiment-choice');
    await expect.poll(() => choice.locator('option').count(), { timeout: 30_000 }).toBe(8); // 7 assays + the reproduction
    await choice.selectOption('uptake');
    const boxes = page.locator('.arms input[type="checkbox"]');
    expect(await boxes.count()).toBe(4);
    // the assay's default arms are ticked; keep PBS and H-GDE
    await page.getByLabel('N-GDE', { exact: true }).uncheck();
    await page.getByLabel('H-GDE+heparin', { exact: true }).uncheck();
    await page.getByLabel('Replicates per arm').fill('2');
    await expect.poll(() => page.getByTestId('job-count').textContent()).toBe('2 arms × 2 replicates = 4 arm × replicate jobs');
    // one arm is not a comparison: the run button says so and is disabled
    await page.getByLabel('PBS', { exact: true }).uncheck();
    expect(await page.getByRole('button', { name: 'Run this assay' }).isDisabled()).toBe(true);
    expect(await page.locator('.setup .error').textContent()).toContain('at least two arms');
    await page.getByLabel('PBS', { exact: true }).check();
    await screenshot(page, 'experiments-setup');
    // keyboard: from the experiment menu, Tab reaches the arms, replicates, seed and the run button
    await choice.focus();
    const reached: string[] = [];
    for (let k = 0; k < 12; k++) {
      await page.keyboard.press('Tab');
      reached.push(await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el) return '';
        const id = el.getAttribute('id');
        const label = id !== null ? document.querySelector(`label[for="${id}"]`)?.textContent : null;
        return label ?? el.closest('label')?.querySelector('span')?.textContent ?? el.textContent;
      }));
    }
    expect(reached).toEqual(expect.arrayContaining(['PBS', 'H-GDE', 'Replicates per arm', 'Seed', 'Run this assay']));
  }, 60_000);

  it('runs it with live progress to a finished result: values table, bars with one dot per replicate, time courses', async () => {
    // record every status and progress text the page shows, however briefly
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      new MutationObserver(() => {
        for (const id of ['experiment-status', 'experiment-progress']) {
          const t = document.querySelector(`[data-testid="${id}"]`)?.textContent;
          if (t && seen[seen.length - 1] !== t) seen.push(t);
        }
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.getByRole('button', { name: 'Run this assay' }).click();
    await expect.poll(() => page.getByTestId('experiment-status').textContent(), { timeout: 60_000 }).toBe('finished');
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    expect(seen).toContain('running');
    // progress counted jobs while it ran, and reached all four
    expect(seen.some((t) => /^[0-3] \/ 4 arm × replicate jobs/.test(t))).toBe(true);
    expect(seen.some((t) => /^4 \/ 4 arm × replicate jobs/.test(t))).toBe(true);
    expect(await page.getByTestId('experiment-result').textContent()).toMatch(/^Finished in [\d.]+ s/);
    experimentId = /#\/experiments\/([^/]+)$/.exec(page.url())![1]!;

    // the values table: one row per readout, PBS received no labelled vesicles
    const table = page.getByTestId('values-uptake');
    await expect.poll(() => table.locator('tbody tr').count(), { timeout: 15_000 }).toBe(5);
    expect(await table.locator('thead th').allTextContents()).toEqual(['Readout', 'PBS (control)', 'H-GDE']);
    const row = table.locator('tbody tr', { hasText: 'at 24 h' }).first();
    expect(await row.locator('td').first().textContent()).toBe('0 ± 0');
    // the same values as the API returns
    const api = (await (await fetch(`${server!.url}/api/experiments/${experimentId}`)).json()) as ApiExperiment;
    const internalized = api.result!.assays[0]!.readouts.find((r) => r.key === 'internalized_24h')!;
    expect(internalized.values.PBS).toEqual([0, 0]);
    expect(Math.min(...internalized.values['H-GDE']!)).toBeGreaterThan(0);

    // the bar figure: two bars, one dot per replicate (2 arms × 2), ± SD whiskers; drawn as SVG by vega
    const bars = page.getByTestId('figure-uptake-internalized-24h');
    await expect.poll(() => bars.locator('svg.marks .mark-symbol path').count(), { timeout: 30_000 }).toBe(4);
    expect(await bars.locator('svg.marks .mark-rect path').count()).toBe(2);
    expect(await bars.locator('svg.marks .mark-rule line').count()).toBeGreaterThanOrEqual(6);
    expect(await bars.locator('svg.marks').textContent()).toContain('H-GDE');
    expect(await bars.locator('figcaption').textContent()).toContain('n = 2 replicates');
    // time courses: one line per arm over 0–24 h
    for (const id of ['uptake-labelled-fraction-course', 'uptake-internalized-course']) {
      const fig = page.getByTestId(`figure-${id}`);
      await expect.poll(() => fig.locator('svg.marks .mark-line path').count(), { timeout: 30_000 }).toBe(2);
    }
    await page.waitForTimeout(300);
    await screenshot(page, 'experiments-finished');
    await page.getByTestId('figure-uptake-labelled-fraction-course').scrollIntoViewIfNeeded();
    await screenshot(page, 'experiments-figures');
  }, 120_000);

  it('lists the experiment and reopens it from its address after a reload', async () => {
    await page.getByRole('tab', { name: /Experiments \(1\)/ }).click();
    const item = page.locator('.run-item').first();
    expect(await item.textContent()).toMatch(/^finished uptake: PBS, H-GDE · n = 2/);
    await page.goto(`${server!.url}/#/experiments/${experimentId}`);
    await page.reload();
    await expect.poll(() => page.getByTestId('experiment-status').textContent(), { timeout: 30_000 }).toBe('finished');
    await expect.poll(() => page.getByTestId('figure-uptake-internalized-24h').locator('svg.marks .mark-symbol path').count(), { timeout: 30_000 }).toBe(4);
    // "Set up again" puts its arms and replicates back into the form
    await page.getByRole('button', { name: 'Set up again' }).click();
    expect(await page.locator('#experiment-choice').inputValue()).toBe('uptake');
    expect(await page.getByTestId('job-count').textContent()).toBe('2 arms × 2 replicates = 4 arm × replicate jobs');
  }, 60_000);

  it('sets up the reproduction of Qian et al. 2021 with its assays and arms', async () => {
    await page.locator('#experiment-choice').selectOption({ label: 'Reproduce Qian et al. 2021 (all assays, 20 claims)' });
    const plans = await page.locator('.study li').allTextContents();
    expect(plans.map((p) => p.split(':')[0])).toEqual(['production', 'uptake', 'recipients', 'transwell-migration', 'matrigel-invasion', 'wound-healing', 'orthotopic']);
    await page.getByLabel('Replicates per arm').fill('3');
    expect(await page.getByTestId('job-count').textContent()).toMatch(/^\d+ arms × 3 replicates = \d+ arm × replicate jobs$/);
    expect(await page.getByRole('button', { name: 'Run the reproduction' }).isEnabled()).toBe(true);
    await page.getByLabel('Replicates per arm').fill('50');
    expect(await page.getByRole('button', { name: 'Run the reproduction' }).isDisabled()).toBe(true);
    await screenshot(page, 'experiments-reproduce-setup');
  }, 30_000);

  it('logged no console errors and no failed requests', () => {
    expect(problems).toEqual([]);
  });
});
