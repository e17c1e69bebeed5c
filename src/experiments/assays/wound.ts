/**
 * Wound healing (Fig. 2): a confluent monolayer of pre-treated recipients with a cell-free band (the
 * scratch), in low-serum medium so the gap closes by migration, not proliferation. The readout is the
 * share of the wound's area covered by cells at 24 h and 48 h, as image analysis of a scratch assay
 * measures it (cells drawn as discs of their radius on a 2 µm raster).
 */
import type { ArmSpec } from '../arms.ts';
import { persistentInterventions, reseedFrom } from '../pretreat.ts';
import { IN_VITRO_TIME, O2_PERCENT, SERUM_FREE, culturedAt } from '../protocol.ts';
import { buildScenario } from '../scenario-builder.ts';
import { advanceTo, liveCells, secondsSince } from '../sim-helpers.ts';
import { Simulation } from '../../sim/simulation.ts';
import { targetState } from '../../sim/layout.ts';
import type { AssayContext, AssayDefinition, ReplicateResult, Snapshot } from '../types.ts';

/** Monolayer and wound geometry (assumed protocol numbers, docs/experiments.md). */
export const WOUND = {
  /** Strip of the monolayer along the wound (µm) and its height across (µm). */
  lengthUm: 300,
  heightUm: 340,
  /** The scratch: cell-free from y = woundFrom to woundFrom + woundUm. */
  woundFromUm: 120,
  woundUm: 100,
  /** Time points of the readout (h); the last is the assay's duration. */
  hours: [0, 6, 12, 24, 36, 48],
  /** Raster step of the area measurement (µm). */
  rasterUm: 2,
} as const;

/** Share (0–1) of the band [y0, y1] × [0, length] covered by discs (x, y, r). */
export function coveredFraction(x: readonly number[], y: readonly number[], r: readonly number[], lengthUm: number, y0: number, y1: number, step: number): number {
  const nx = Math.max(1, Math.round(lengthUm / step));
  const ny = Math.max(1, Math.round((y1 - y0) / step));
  const covered = new Uint8Array(nx * ny);
  for (let c = 0; c < x.length; c++) {
    const cx = x[c]!, cy = y[c]!, rr = r[c]!;
    if (cy + rr < y0 || cy - rr > y1) continue;
    const i0 = Math.max(0, Math.floor((cx - rr) / step)), i1 = Math.min(nx - 1, Math.floor((cx + rr) / step));
    const j0 = Math.max(0, Math.floor((cy - rr - y0) / step)), j1 = Math.min(ny - 1, Math.floor((cy + rr - y0) / step));
    for (let j = j0; j <= j1; j++) {
      const py = y0 + (j + 0.5) * step;
      for (let i = i0; i <= i1; i++) {
        const px = (i + 0.5) * step;
        if ((px - cx) ** 2 + (py - cy) ** 2 <= rr * rr) covered[i + nx * j] = 1;
      }
    }
  }
  let n = 0;
  for (const v of covered) n += v;
  return n / covered.length;
}

const ARMS = ['PBS', 'N-GDE', 'H-GDE', 'H-GDE+heparin', 'H-GDE(GW4869 donors)', 'H-GDE(shRab27a donors)', 'mimic NC', 'miR-1246 mimic', 'miR-10b-5p mimic', 'H-GDE+anti-miR-1246', 'H-GDE+anti-miR-10b-5p', 'H-GDE+FRK', 'H-GDE+TFAP2A'] as const;

async function runWound(ctx: AssayContext, arm: ArmSpec, replicate: number, seed: number): Promise<ReplicateResult> {
  const pre = await ctx.pretreated(arm, replicate);
  const t0 = performance.now();
  const w = WOUND;
  const scale = ctx.options.timeScale;
  const woundTo = w.woundFromUm + w.woundUm;
  const end = w.hours[w.hours.length - 1]! * scale;
  const loaded = buildScenario({
    name: 'wound-healing',
    description: `wound healing: ${arm.description}`,
    domain: { size: [w.lengthUm, w.heightUm], boundary: 'no-flux' },
    time: { duration: end * 60, ...IN_VITRO_TIME },
    parameters: { ...culturedAt(O2_PERCENT.normoxia), ...SERUM_FREE, ...ctx.options.parameters },
    cells: [
      { shape: 'band', axis: 'x', from: 0, to: w.woundFromUm, type: 'glioma' },
      { shape: 'band', axis: 'x', from: woundTo, to: w.heightUm, type: 'glioma' },
    ],
    interventions: persistentInterventions(arm),
    seed,
  });
  const sim = await Simulation.create(loaded, { seed, initialState: reseedFrom(pre, seed) });
  try {
    const t: number[] = [];
    const v: number[] = [];
    const values: Record<string, number> = {};
    for (const h of w.hours) {
      await advanceTo(sim, h * scale * 60);
      const live = liveCells(sim);
      const closure = 100 * coveredFraction(live.map((i) => sim.store.x[i]!), live.map((i) => sim.store.y[i]!), live.map((i) => sim.store.radius[i]!), w.lengthUm, w.woundFromUm, woundTo, w.rasterUm);
      t.push(h * scale);
      v.push(closure);
      if (h === 24 || h === 48) values[`closure_${h}h`] = closure;
    }
    let snapshot: Snapshot | undefined;
    if (ctx.options.snapshots && replicate === 0) {
      const live = liveCells(sim);
      const frk = sim.store.stateView(targetState('FRK'));
      snapshot = {
        size: [w.lengthUm, w.heightUm],
        x: live.map((i) => sim.store.x[i]!),
        y: live.map((i) => sim.store.y[i]!),
        r: live.map((i) => sim.store.radius[i]!),
        value: live.map((i) => frk[i]!),
        valueName: 'FRK',
        marks: [{ kind: 'hband', y: w.woundFromUm, y2: woundTo, label: 'initial wound' }],
        timeH: end,
      };
    }
    return { assay: 'wound-healing', arm: arm.name, replicate, seed, values, series: { closure: { t, v } }, ...(snapshot !== undefined ? { snapshot } : {}), seconds: secondsSince(t0) };
  } finally {
    sim.dispose();
  }
}

export const woundAssay: AssayDefinition = {
  name: 'wound-healing',
  title: 'Wound healing (24 h, 48 h)',
  figure: 'Fig. 2 (GDEs); Fig. 4–5 arms as for the transwell',
  protocol: [
    'Pre-treated recipients (state carried over cell by cell) seeded as a confluent monolayer (one cell diameter apart).',
    `A ${WOUND.lengthUm} µm stretch of the scratch: a cell-free band ${WOUND.woundUm} µm wide across a ${WOUND.heightUm} µm strip; closed faces.`,
    'Low-serum medium: no proliferation, so the gap closes by migration; O2 held at 21 %.',
    `Closure = % of the initial wound area covered by cells (discs of their radius on a ${WOUND.rasterUm} µm raster) at ${WOUND.hours.join(', ')} h.`,
  ],
  readouts: [
    { key: 'closure_24h', label: 'wound closure at 24 h', unit: '%', description: 'share of the initial wound area covered by cells at 24 h' },
    { key: 'closure_48h', label: 'wound closure at 48 h', unit: '%', description: 'share of the initial wound area covered by cells at 48 h' },
  ],
  primary: 'closure_24h',
  timeCourses: ['closure'],
  arms: ARMS,
  defaultArms: ['PBS', 'N-GDE', 'H-GDE'],
  control: 'PBS',
  run: runWound,
};
