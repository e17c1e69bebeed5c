import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './test-helpers.ts';
import { writeSyntheticRun } from '../io/testing/synthetic-run.ts';
import { pngSize } from '../io/figures/png-info.ts';

let dir = '';
beforeAll(async () => {
  dir = join(mkdtempSync(join(tmpdir(), 'exoscape-cli-plot-')), 'run');
  await writeSyntheticRun(dir, { times: [0, 60, 120] });
});

function checkSvg(path: string): string {
  const svg = readFileSync(path, 'utf8');
  expect(svg.startsWith('<svg')).toBe(true);
  expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
  expect(svg).toMatch(/^<svg[^>]* width="\d+(\.\d+)?" height="\d+(\.\d+)?"/);
  return svg;
}

function checkPng(path: string, minWidth: number, minHeight: number): void {
  const size = pngSize(new Uint8Array(readFileSync(path)));
  expect(size, path).toBeDefined();
  expect(size!.width).toBeGreaterThanOrEqual(minWidth);
  expect(size!.height).toBeGreaterThanOrEqual(minHeight);
  expect(size!.width).toBeLessThan(4000);
  expect(size!.height).toBeLessThan(4000);
}

describe('exoscape plot', () => {
  it('--help describes the figures', async () => {
    const r = await runCli(['plot', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Usage: exoscape plot [options] <dir>');
    expect(r.out).toContain('tissue-t-<time>');
  });

  it('writes the time series and the last tissue snapshot as SVG and PNG into DIR/figures', async () => {
    const r = await runCli(['plot', dir, '--json']);
    expect(r.code, r.err).toBe(0);
    const out = JSON.parse(r.out) as { files: string[]; timeMin: number };
    const figures = join(dir, 'figures');
    expect(out.files).toEqual(['timeseries.svg', 'timeseries.png', 'tissue-t-0000120.svg', 'tissue-t-0000120.png'].map((f) => join(figures, f)));
    expect(out.timeMin).toBe(120);
    expect(readdirSync(figures).sort()).toEqual(['timeseries.png', 'timeseries.svg', 'tissue-t-0000120.png', 'tissue-t-0000120.svg']);
    const ts = checkSvg(join(figures, 'timeseries.svg'));
    for (const label of ['population', 'cargo', 'hif_mean (1)', 'o2_min_mmHg (mmHg)', 'time (min)']) expect(ts).toContain(label);
    checkPng(join(figures, 'timeseries.png'), 800, 800);
    const tissue = checkSvg(join(figures, 'tissue-t-0000120.svg'));
    for (const label of ['t = 120 min', '300 cells coloured by hif', 'field o2_mmHg', '100 µm', 'x (µm)']) expect(tissue).toContain(label);
    expect(tissue.match(/aria-roledescription="point"/g)?.length ?? 0).toBe(300);
    checkPng(join(figures, 'tissue-t-0000120.png'), 1000, 1000);
  });

  it('--time, --color, --field, --format and --out choose what is drawn and where', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'exoscape-cli-plot-out-')), 'figs');
    const r = await runCli(['plot', dir, '--time', '60', '--color', 'mir_1246', '--field', 'ev_per_um3', '--format', 'png', '--out', out]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toBe(`wrote ${join(out, 'timeseries.png')}\nwrote ${join(out, 'tissue-t-0000060.png')}\n`);
    expect(readdirSync(out).sort()).toEqual(['timeseries.png', 'tissue-t-0000060.png']);
    const svgOnly = await runCli(['plot', dir, '--time', '0', '--color', 'type', '--format', 'svg', '--out', out, '--json']);
    expect(svgOnly.code, svgOnly.err).toBe(0);
    const svg = readFileSync(join(out, 'tissue-t-0000000.svg'), 'utf8');
    expect(svg).toContain('coloured by type');
    expect(existsSync(join(out, 'tissue-t-0000000.png'))).toBe(false);
  });

  it('a 3D run shows the middle z-slice', async () => {
    const d3 = join(mkdtempSync(join(tmpdir(), 'exoscape-cli-plot3d-')), 'run');
    await writeSyntheticRun(d3, { dims: 3, times: [0, 30] });
    const r = await runCli(['plot', d3, '--format', 'svg', '--json']);
    expect(r.code, r.err).toBe(0);
    expect(readFileSync(join(d3, 'figures', 'tissue-t-0000030.svg'), 'utf8')).toContain('slice z = 0 µm');
  });

  it('unknown time, column, field or format: exit 2, list what exists, suggest the nearest, write nothing', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'exoscape-cli-plot-bad-')), 'figs');
    const time = await runCli(['plot', dir, '--time', '50', '--out', out]);
    expect(time.code).toBe(2);
    expect(time.err).toBe('exoscape: no snapshot at 50 min (nearest: 60 min); output times in ' + dir + ': 0, 60, 120\n');
    const color = await runCli(['plot', dir, '--color', 'mir1246', '--out', out]);
    expect(color.code).toBe(2);
    expect(color.err).toContain('unknown cell column "mir1246" (did you mean "mir_1246"?); the run has: id, type, x_um, y_um, z_um, radius_um, o2_mmHg, hif, mir_1246, frk');
    const field = await runCli(['plot', dir, '--field', 'o2', '--out', out]);
    expect(field.code).toBe(2);
    expect(field.err).toContain('unknown field "o2" (did you mean "o2_mmHg"?); the run has: o2_mmHg, ev_per_um3');
    const format = await runCli(['plot', dir, '--format', 'pdf', '--out', out]);
    expect(format.code).toBe(2);
    expect(format.err).toContain('--format expects a comma-separated list of svg, png (found "pdf")');
    const badTime = await runCli(['plot', dir, '--time', 'noon']);
    expect(badTime.code).toBe(2);
    expect(badTime.err).toContain('--time expects an output time in minutes');
    expect(existsSync(out)).toBe(false);
  });

  it('a run without snapshots plots the time series only; --time then explains why not', async () => {
    const d = join(mkdtempSync(join(tmpdir(), 'exoscape-cli-plot-ts-')), 'run');
    const { writeTimeSeries } = await import('../io/results/writer.ts');
    await writeTimeSeries(d, [{ time_min: 0, cells_total: 1 }, { time_min: 10, cells_total: 2 }], [{ name: 'cells_total', unit: 'cells', group: 'population', description: 'live cells' }]);
    const r = await runCli(['plot', d, '--json']);
    expect(r.code, r.err).toBe(0);
    expect((JSON.parse(r.out) as { files: string[] }).files.map((f) => f.slice(d.length))).toEqual(['/figures/timeseries.svg', '/figures/timeseries.png']);
    const t = await runCli(['plot', d, '--time', '10']);
    expect(t.code).toBe(2);
    expect(t.err).toContain('has no cell or field snapshots');
    const missing = await runCli(['plot', join(d, 'nope')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no such directory; expected a run directory');
  });
});
