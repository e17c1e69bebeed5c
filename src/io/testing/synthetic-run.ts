/**
 * TEST ONLY. Writes a small, made-up run directory through the real writers so that the query and
 * plot commands can be tested before the simulation exists. Nothing here is simulated: cells sit
 * on a disc (a sunflower spiral), O2 falls off towards the centre by a fixed formula, and HIF and
 * the cargo columns are simple functions of O2. Do not use it for anything a user sees.
 */
import { join } from 'node:path';
import { writeFileAtomic } from '../atomic.ts';
import { writeCellSnapshot, writeFieldSnapshot, writeTimeSeries, type ColumnInfo } from '../results/writer.ts';

export interface SyntheticRunOptions {
  cells?: number;
  times?: readonly number[];
  dims?: 2 | 3;
  /** Leave out the field snapshots (a run that saved cells only). */
  noFields?: boolean;
}

export interface SyntheticRun {
  dir: string;
  times: number[];
  cells: number;
  mesh: { nx: number; ny: number; nz: number; dxUm: number; originUm: [number, number, number] };
}

const DISC_UM = 300;
const O2_RIM = 38;

/** Made-up O2 (mmHg) at distance r from the centre at time t: a hypoxic core that deepens with time. */
export function syntheticO2(rUm: number, timeMin: number): number {
  const depth = 0.5 + 0.4 * Math.min(1, timeMin / 120);
  return O2_RIM * (1 - depth * Math.exp(-((rUm / 200) ** 2)));
}

const hifOf = (o2: number): number => 1 / (1 + (o2 / 10) ** 3);

export async function writeSyntheticRun(dir: string, options: SyntheticRunOptions = {}): Promise<SyntheticRun> {
  const n = options.cells ?? 300;
  const times = [...(options.times ?? [0, 60, 120])];
  const dims = options.dims ?? 2;
  const nz = dims === 2 ? 1 : 5;
  const mesh = { nx: 40, ny: 40, nz, dxUm: 20, originUm: [-400, -400, dims === 2 ? -10 : -50] as [number, number, number] };
  const golden = Math.PI * (3 - Math.sqrt(5));
  const rows: Record<string, number>[] = [];
  for (const t of times) {
    const id = new Int32Array(n), type = new Int32Array(n);
    const x = new Float64Array(n), y = new Float64Array(n), z = new Float64Array(n), radius = new Float64Array(n);
    const o2 = new Float64Array(n), hif = new Float64Array(n), mir = new Float64Array(n), frk = new Float64Array(n);
    for (let c = 0; c < n; c++) {
      const r = DISC_UM * Math.sqrt((c + 0.5) / n);
      id[c] = c;
      type[c] = c % 7 === 0 ? 1 : 0;
      x[c] = r * Math.cos(c * golden);
      y[c] = r * Math.sin(c * golden);
      z[c] = dims === 2 ? 0 : ((c % 5) - 2) * 10;
      radius[c] = 8 + (c % 3);
      o2[c] = syntheticO2(r, t);
      hif[c] = hifOf(o2[c]!);
      mir[c] = hif[c]! * (t / 60);
      frk[c] = 1 / (1 + mir[c]!);
    }
    await writeCellSnapshot(dir, { timeMin: t, columns: { id, type, x_um: x, y_um: y, z_um: z, radius_um: radius, o2_mmHg: o2, hif, mir_1246: mir, frk } });
    if (options.noFields !== true) {
      const count = mesh.nx * mesh.ny * mesh.nz;
      const field = new Float64Array(count), ev = new Float64Array(count);
      for (let idx = 0; idx < count; idx++) {
        const i = idx % mesh.nx, j = Math.floor(idx / mesh.nx) % mesh.ny;
        const r = Math.hypot(mesh.originUm[0] + (i + 0.5) * mesh.dxUm, mesh.originUm[1] + (j + 0.5) * mesh.dxUm);
        field[idx] = syntheticO2(r, t);
        ev[idx] = (t / 60) * Math.exp(-((r / 250) ** 2));
      }
      await writeFieldSnapshot(dir, { timeMin: t, mesh, fields: { o2_mmHg: field, ev_per_um3: ev } });
    }
    let hypoxic = 0, hifSum = 0, mirSum = 0, o2Min = Infinity;
    for (let c = 0; c < n; c++) {
      if (o2[c]! < 10) hypoxic++;
      hifSum += hif[c]!;
      mirSum += mir[c]!;
      o2Min = Math.min(o2Min, o2[c]!);
    }
    rows.push({ time_min: t, cells_total: n, cells_hypoxic: hypoxic, hif_mean: hifSum / n, o2_min_mmHg: o2Min, mir_1246_mean: mirSum / n });
  }
  const columns: ColumnInfo[] = [
    { name: 'cells_total', unit: 'cells', group: 'population', description: 'live cells' },
    { name: 'cells_hypoxic', unit: 'cells', group: 'population', description: 'cells below 10 mmHg O2' },
    { name: 'hif_mean', unit: '1', group: 'hypoxia', description: 'mean HIF-1α activity' },
    { name: 'o2_min_mmHg', unit: 'mmHg', group: 'hypoxia', description: 'lowest O2 at a cell' },
    { name: 'mir_1246_mean', unit: 'a.u.', group: 'cargo', description: 'mean miR-1246 per cell' },
  ];
  await writeTimeSeries(dir, rows, columns);
  const summary = { synthetic: true, note: 'test-only data written by src/io/testing/synthetic-run.ts', scenario: 'synthetic-disc', seed: 1, dims, final_time_min: times.at(-1) ?? 0, cells: { initial: n, final: n } };
  await writeFileAtomic(join(dir, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  return { dir, times, cells: n, mesh };
}
