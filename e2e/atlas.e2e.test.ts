/** The atlas explorer in Chromium: open the app, search, open a relation, find hypoxia → invasion. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { type App, closeApp, openApp, screenshot, type ServerProcess, watchConsole } from './harness.ts';

let app: App | undefined;
let server: ServerProcess | undefined;
let browser: Browser | undefined;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  app = await openApp('atlas', problems);
  ({ server, browser, page } = app);
}, 120_000);

afterAll(async () => {
  expect(await closeApp(app)).toBe(0);
});

describe('atlas explorer (Chromium)', () => {
  it('opens on the glioma network with the matching relations listed', async () => {
    await page.goto(`${server!.url}/`);
    await expect.poll(() => page.locator('.status').textContent(), { timeout: 30_000 }).toMatch(/^\d+ relations · \d+ nodes · \d+ links/);
    const status = (await page.locator('.status').textContent())!;
    const [rels, nodes] = status.match(/\d+/g)!.map(Number);
    expect(rels).toBeGreaterThan(100);
    expect(nodes).toBeGreaterThan(50);
    // the network is drawn: cytoscape's canvases are in the container and have pixels
    const painted = await page.locator('[data-testid="network"] canvas').first().evaluate((c: HTMLCanvasElement) => c.width * c.height);
    expect(painted).toBeGreaterThan(100_000);
    expect(await page.locator('.results li').count()).toBeGreaterThan(50);
    await screenshot(page, 'atlas-start');
  }, 60_000);

  it('searches the atlas and opens a relation with its quote and references', async () => {
    await page.getByLabel('Search the atlas').fill('miR-1246 FRK');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(() => page.locator('.list-title').textContent(), { timeout: 15_000 }).toMatch(/^\d+ relations?$/);
    const n = Number((await page.locator('.list-title').textContent())!.match(/\d+/)![0]);
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(50);
    const first = page.locator('.results .rel-link').first();
    const id = (await first.locator('.rel-id').textContent())!;
    await first.click();
    await expect.poll(() => page.locator('#relation-title').textContent()).toBe(id);
    const quote = (await page.locator('.relation .quote p').textContent())!;
    expect(quote.length).toBeGreaterThan(30);
    // the quote shown is the atlas's quote for this id
    const api = (await (await fetch(`${server!.url}/api/atlas/relations/${id}`)).json()) as { quote: string; refs: string[] };
    expect(quote).toBe(`“${api.quote}”`);
    expect(await page.locator('.relation').textContent()).toMatch(/FRK/);
    if (api.refs.length > 0) expect(await page.locator('.refs li').count()).toBe(api.refs.length);
    await screenshot(page, 'atlas-relation');
  }, 60_000);

  it('finds the hypoxia → invasion chains through FRK and highlights one', async () => {
    await page.getByLabel('Search the atlas').fill('');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('button', { name: '← All matching relations' }).click();
    await page.locator('#path-from').fill('hypoxia');
    await page.locator('#path-to').fill('invasion');
    await page.getByRole('button', { name: 'Find paths' }).click();
    await expect.poll(() => page.locator('.path-item').count(), { timeout: 15_000 }).toBeGreaterThan(3);
    const chains = await page.locator('.path-item').allTextContents();
    expect(chains[0]).toMatch(/^hypoxia → .+ → invasion/);
    const viaFrk = chains.findIndex((c) => c.includes('⊣ FRK'));
    expect(viaFrk).toBeGreaterThanOrEqual(0);
    await page.locator('.path-item').nth(viaFrk).click();
    await expect.poll(() => page.locator('.path-detail h2').textContent()).toContain('FRK');
    expect(await page.locator('.steps > li').count()).toBe(3);
    expect(await page.locator('.path-item.active').count()).toBe(1);
    await screenshot(page, 'atlas-path');
  }, 60_000);

  it('is reachable from the keyboard', async () => {
    page = await browser!.newPage({ viewport: { width: 1366, height: 768 } });
    watchConsole(page, problems);
    await page.goto(`${server!.url}/#/atlas`);
    await expect.poll(() => page.locator('.status').textContent(), { timeout: 30_000 }).toMatch(/relations/);
    const seen: string[] = [];
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      seen.push(await page.evaluate(() => { const a = document.activeElement; return a ? `${a.tagName.toLowerCase()}${a.id ? `#${a.id}` : ''}` : ''; }));
    }
    expect(seen[0]).toBe('a'); // the skip link
    expect(seen).toContain('input#atlas-search');
    // a relation opens with Enter
    await page.locator('.results .rel-link').first().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#relation-title').count()).toBe(1);
  }, 60_000);

  it('logged no console errors and no failed requests', () => {
    expect(problems).toEqual([]);
  });
});
