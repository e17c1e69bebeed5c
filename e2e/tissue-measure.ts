/**
 * The tissue view at scale: start a run of a confluent monolayer of about `cells` cells through
 * the API, open it in the page, wait for its first frame to be drawn, stop the run (so the
 * simulation does not compete for the CPU), then drag the view and count drawn frames.
 * Used by tissue-scale.e2e.test.ts (10^4 cells) and by `npx tsx e2e/measure-tissue.ts` (10^4 and 10^5).
 */
import type { Page } from 'playwright-core';
import { countPixels, screenshot } from './harness.ts';

/** A square 2D monolayer of about `cells` glioma cells (hexagonal packing of 16.8 µm cells). */
export function monolayer(cells: number): unknown {
  const side = Math.round(Math.sqrt((cells * Math.sqrt(3) * 16.826 ** 2) / 2));
  return {
    version: 1,
    name: `monolayer-${cells}`,
    domain: { dimensions: 2, size: [side, side, 20], voxel: 40, boundary: 'dirichlet' },
    time: { duration: 1440, output: 720 },
    cells: [{ shape: 'monolayer', type: 'glioma' }],
    outputs: { checkpoints: false },
  };
}

export interface TissueMeasure {
  cells: number;
  expectedCells: number;
  /** From handing the cell arrays to deck.gl to the end of the next drawn frame (CPU side), ms. */
  firstDrawMs: number;
  panFrames: number;
  panSeconds: number;
  panFps: number;
  /** Share of the view's pixels painted in a cell colour. */
  colouredShare: number;
}

export async function measureTissue(page: Page, url: string, target: number, shotName: string): Promise<TissueMeasure> {
  const res = await fetch(`${url}/api/runs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenario: monolayer(target) }) });
  if (res.status !== 202) throw new Error(`POST /api/runs: ${res.status} ${await res.text()}`);
  const { run } = (await res.json()) as { run: { id: string; size: { cells: number } } };
  await page.goto(`${url}/#/simulate/${run.id}`);
  const legend = page.locator('.tissue-legend .muted');
  for (let t0 = Date.now(); !/cells at t = 0\.0 h/.test((await legend.textContent()) ?? ''); ) {
    if (Date.now() - t0 > 240_000) throw new Error('no frame within 240 s');
    await page.waitForTimeout(200);
  }
  await fetch(`${url}/api/runs/${run.id}/cancel`, { method: 'POST' });
  await page.waitForTimeout(500);
  const cells = Number((await legend.textContent())!.match(/^([\d,]+) cells/)![1]!.replace(/,/g, ''));
  const drawMs = await page.evaluate(() => performance.getEntriesByName('exoscape:cells-drawn').map((e) => e.duration));
  const tissue = page.getByTestId('tissue');
  const box = (await tissue.boundingBox())!;
  const frames0 = Number(await tissue.getAttribute('data-frames'));
  const t0 = Date.now();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  for (let k = 0; k < 30; k++) await page.mouse.move(box.x + box.width / 2 + 4 * k, box.y + box.height / 2 + 2 * k);
  await page.mouse.up();
  const panSeconds = (Date.now() - t0) / 1000;
  const panFrames = Number(await tissue.getAttribute('data-frames')) - frames0;
  const px = await countPixels(await tissue.screenshot(), (r, g, b) => Math.max(r, g, b) - Math.min(r, g, b) > 60);
  await screenshot(page, shotName);
  return { cells, expectedCells: run.size.cells, firstDrawMs: Math.round(drawMs[drawMs.length - 1] ?? NaN), panFrames, panSeconds, panFps: Number((panFrames / panSeconds).toFixed(1)), colouredShare: Number((px.matching / px.total).toFixed(3)) };
}
