/**
 * The tissue view with 10^4 cells in Chromium: every cell of the first frame arrives and is
 * drawn, and the view pans. (Speed is measured by e2e/measure-tissue.ts, not asserted: WebGL is
 * software here.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type App, closeApp, openApp, type ServerProcess } from './harness.ts';
import { measureTissue } from './tissue-measure.ts';

let app: App | undefined;
let server: ServerProcess | undefined;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  app = await openApp('scale', problems);
  ({ server, page } = app);
}, 120_000);

afterAll(async () => {
  expect(await closeApp(app)).toBe(0);
});

describe('tissue view with 10^4 cells (Chromium)', () => {
  it('draws every cell of the first frame and pans', async () => {
    const m = await measureTissue(page, server!.url, 10_000, 'sim-10k');
    expect(m.cells).toBe(m.expectedCells);
    expect(m.cells).toBeGreaterThan(9_000);
    expect(m.firstDrawMs).toBeGreaterThan(0);
    expect(m.panFrames).toBeGreaterThan(0);
    expect(m.colouredShare).toBeGreaterThan(0.2);
  }, 240_000);

  it('logged no console errors and no failed requests', () => {
    expect(problems).toEqual([]);
  });
});
