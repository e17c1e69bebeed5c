/**
 * Orthotopic tumour (Fig. 2, 4 in vivo; MODEL.md finding 7): a small glioma in brain parenchyma
 * (dense matrix outside the initial tumour, crossed at speed × invasiveness) in a closed slice that
 * vessels on one side supply with oxygen. The tumour's own consumption makes its far side hypoxic;
 * nothing is labelled hypoxic. Hypoxic cells release more vesicles loaded with more miR-1246 and
 * miR-10b-5p; the normoxic rim takes them up and invades. The same default model and engine as the
 * default slice (`scenarios/hypoxic-glioma.yaml`), at a size that runs in seconds.
 *
 * Every tumour is implanted from cells pre-treated in vitro for 48 h (PBS / N-GDE / H-GDE …: state
 * carried over cell by cell); a treated tumour (GW4869, Rab27a knock-down) is made of PBS-treated
 * cells whose release is then blocked in every cell for the whole course.
 */
import type { ArmSpec } from '../arms.ts';
import { persistentInterventions, reseedFrom } from '../pretreat.ts';
import { buildScenario } from '../scenario-builder.ts';
import { advanceTo, liveCells, secondsSince } from '../sim-helpers.ts';
import { Simulation } from '../../sim/simulation.ts';
import { S_HIF, targetState } from '../../sim/layout.ts';
import { HYPOXIC_HIF } from '../../sim/metrics.ts';
import type { AssayContext, AssayDefinition, ReplicateResult, Snapshot } from '../types.ts';

/** Slice, tumour and vessels (assumed protocol numbers, docs/experiments.md). */
export const ORTHOTOPIC = {
  /** The slice leaves ≥ 220 µm from the tumour centre to every face: the front does not reach a face in 3 days. */
  sizeUm: [480, 440] as [number, number],
  /** Tumour disc (centre, radius µm): ~290 cells. */
  center: [260, 220] as [number, number],
  radiusUm: 150,
  /** Vessels in the parenchyma on one side of the tumour (µm), 200 µm from its centre. */
  vessels: [[60, 160], [60, 280]] as [number, number][],
  days: 3,
  /** A cell has invaded when it lies this far (µm) beyond the initial tumour outline (more than pushing). */
  invadedBeyondUm: 10,
  /** Sampling times of the time course (h). */
  sampleHours: [0, 12, 24, 36, 48, 60, 72],
} as const;

const ARMS = ['PBS', 'N-GDE', 'H-GDE', 'GW4869', 'shRab27a', 'miR-1246 mimic', 'miR-10b-5p mimic', 'mimic NC'] as const;

interface Invasion {
  /** Mean distance (µm) of live cells beyond the border of a compact tumour of the same cell count. */
  infiltration: number;
  /** Share of that distance carried by normoxic cells. */
  normoxicShare: number;
  rimInvadedFraction: number;
  rimDepthP90: number;
  hypoxicFraction: number;
  rimFrk: number;
  rimTfap2a: number;
}

/**
 * Invasion with growth taken out: a tumour of N cells packed as at implantation (N0 cells in the
 * initial disc) would be a disc of radius R0·√(N/N0); how far cells lie beyond that border, on
 * average, is what motility into the parenchyma added. The initial outline instead moves with growth
 * (pushing), which is most of the rim's displacement in 3 days and the same in every arm.
 */
export function compactRadius(implantedRadiusUm: number, cells: number, implantedCells: number): number {
  return implantedRadiusUm * Math.sqrt(cells / Math.max(1, implantedCells));
}

function measure(sim: Simulation, initialCells: number): Invasion {
  const o = ORTHOTOPIC;
  const hif = sim.store.stateView(S_HIF);
  const frk = sim.store.stateView(targetState('FRK'));
  const tfap2a = sim.store.stateView(targetState('TFAP2A'));
  const beyond: number[] = [];
  let hypoxic = 0;
  let frkSum = 0;
  let tfSum = 0;
  const live = liveCells(sim);
  const compact = compactRadius(o.radiusUm, live.length, initialCells);
  let excess = 0;
  let excessNormoxic = 0;
  for (const i of live) {
    const e = Math.max(0, Math.hypot(sim.store.x[i]! - o.center[0], sim.store.y[i]! - o.center[1]) - compact);
    excess += e;
    if (hif[i]! <= HYPOXIC_HIF) excessNormoxic += e;
  }
  for (const i of live) {
    if (hif[i]! > HYPOXIC_HIF) {
      hypoxic++;
      continue;
    }
    frkSum += frk[i]!;
    tfSum += tfap2a[i]!;
    beyond.push(Math.max(0, Math.hypot(sim.store.x[i]! - o.center[0], sim.store.y[i]! - o.center[1]) - o.radiusUm));
  }
  beyond.sort((a, b) => a - b);
  const invaded = beyond.filter((d) => d > o.invadedBeyondUm).length;
  const p90 = beyond.length > 0 ? beyond[Math.min(beyond.length - 1, Math.floor(0.9 * beyond.length))]! : 0;
  const rim = Math.max(1, beyond.length);
  return { infiltration: live.length > 0 ? excess / live.length : 0, normoxicShare: excess > 0 ? excessNormoxic / excess : 0, rimInvadedFraction: invaded / rim, rimDepthP90: p90, hypoxicFraction: live.length > 0 ? hypoxic / live.length : 0, rimFrk: frkSum / rim, rimTfap2a: tfSum / rim };
}

async function runOrthotopic(ctx: AssayContext, arm: ArmSpec, replicate: number, seed: number): Promise<ReplicateResult> {
  const pre = await ctx.pretreated(arm, replicate);
  const t0 = performance.now();
  const o = ORTHOTOPIC;
  const scale = ctx.options.timeScale;
  const loaded = buildScenario({
    name: 'orthotopic',
    description: `orthotopic glioma slice: ${arm.description}`,
    domain: { size: o.sizeUm, boundary: 'no-flux' },
    time: { duration: o.days * 24 * 60 * scale },
    parameters: { ...ctx.options.parameters },
    cells: [{ shape: 'disc', center: [o.center[0], o.center[1], 0], radius: o.radiusUm, type: 'glioma' }],
    vessels: o.vessels.map(([x, y]) => ({ at: [x, y, 0] as [number, number, number], radius: 10 })),
    matrix: [{ shape: 'outside', center: [o.center[0], o.center[1], 0], radius: o.radiusUm + 10 }],
    interventions: [...persistentInterventions(arm), ...(arm.tumour ?? [])],
    seed,
  });
  const sim = await Simulation.create(loaded, { seed, initialState: reseedFrom(pre, seed) });
  try {
    const initialCells = liveCells(sim).length;
    const t: number[] = [];
    const infiltration: number[] = [];
    const depth: number[] = [];
    const frac: number[] = [];
    const hyp: number[] = [];
    let m = measure(sim, initialCells);
    for (const h of o.sampleHours) {
      await advanceTo(sim, h * scale * 60);
      m = measure(sim, initialCells);
      t.push(h * scale);
      infiltration.push(m.infiltration);
      depth.push(m.rimDepthP90);
      frac.push(m.rimInvadedFraction);
      hyp.push(m.hypoxicFraction);
    }
    let snapshot: Snapshot | undefined;
    if (ctx.options.snapshots && replicate === 0) {
      const live = liveCells(sim);
      const frk = sim.store.stateView(targetState('TFAP2A'));
      const { nx, ny, dxUm } = sim.mesh;
      snapshot = {
        size: o.sizeUm,
        x: live.map((i) => sim.store.x[i]!),
        y: live.map((i) => sim.store.y[i]!),
        r: live.map((i) => sim.store.radius[i]!),
        value: live.map((i) => frk[i]!),
        valueName: 'TFAP2A',
        field: { name: 'O2 (mmHg)', nx, ny, dx: dxUm, values: Array.from(sim.o2.data[0]!) },
        marks: [{ kind: 'circle', cx: o.center[0], cy: o.center[1], r: o.radiusUm, label: 'initial tumour' }],
        timeH: o.days * 24 * scale,
      };
    }
    const last = depth.length - 1;
    return {
      assay: 'orthotopic',
      arm: arm.name,
      replicate,
      seed,
      values: { infiltration_um: infiltration[last]!, infiltrating_normoxic_share: m.normoxicShare, rim_invaded_fraction: frac[last]!, rim_invasion_depth_um: depth[last]!, hypoxic_fraction: hyp[last]!, rim_frk: m.rimFrk, rim_tfap2a: m.rimTfap2a },
      series: { infiltration_um: { t, v: infiltration }, rim_invaded_fraction: { t, v: frac }, rim_invasion_depth_um: { t, v: depth }, hypoxic_fraction: { t, v: hyp } },
      ...(snapshot !== undefined ? { snapshot } : {}),
      seconds: secondsSince(t0),
    };
  } finally {
    sim.dispose();
  }
}

export const orthotopicAssay: AssayDefinition = {
  name: 'orthotopic',
  title: 'Orthotopic tumour: invasion of the normoxic rim',
  figure: 'Fig. 2 and Fig. 4 (in vivo); MODEL.md finding 7 (release blocked in the tumour)',
  protocol: [
    `A ${ORTHOTOPIC.sizeUm[0]} × ${ORTHOTOPIC.sizeUm[1]} µm brain slice (closed faces); a tumour disc of radius ${ORTHOTOPIC.radiusUm} µm (~290 cells) in parenchyma (dense matrix beyond ${ORTHOTOPIC.radiusUm + 10} µm).`,
    `Two vessels on one side supply O2 (38 mmHg); the tumour's consumption makes its far side hypoxic (HIF-1α > ${HYPOXIC_HIF}) within hours — emergent, not assigned.`,
    'Tumour implanted from cells pre-treated for 48 h (state carried over cell by cell); GW4869 / Rab27a arms: PBS-treated cells whose release is blocked throughout; default model time steps.',
    `After ${ORTHOTOPIC.days} days: infiltration = the mean distance of live cells beyond the border of a compact tumour of the same cell count (radius ${ORTHOTOPIC.radiusUm} µm × √(N/N0)), i.e. invasion with growth taken out; and, growth included, the fraction of normoxic cells (the rim) more than ${ORTHOTOPIC.invadedBeyondUm} µm beyond the initial outline.`,
  ],
  readouts: [
    { key: 'infiltration_um', label: 'infiltration beyond the compact border', unit: 'µm', description: `mean over live cells of their distance beyond a disc of radius ${ORTHOTOPIC.radiusUm} µm × √(live cells / implanted cells) — a compact tumour of the same size` },
    { key: 'infiltrating_normoxic_share', label: 'share of infiltration by normoxic cells', unit: 'fraction', description: `the part of the summed infiltration carried by cells with HIF-1α ≤ ${HYPOXIC_HIF}` },
    { key: 'rim_invaded_fraction', label: 'invaded fraction of the normoxic rim', unit: 'fraction', description: `normoxic live cells > ${ORTHOTOPIC.invadedBeyondUm} µm beyond the initial outline / normoxic live cells (growth and invasion together)` },
    { key: 'rim_invasion_depth_um', label: 'invasion depth (normoxic, p90)', unit: 'µm', description: '90th percentile of normoxic cells\' distance beyond the initial outline' },
    { key: 'hypoxic_fraction', label: 'hypoxic fraction', unit: 'fraction', description: `live cells with HIF-1α > ${HYPOXIC_HIF}` },
    { key: 'rim_frk', label: 'FRK in the normoxic rim', unit: 'relative level', description: 'mean FRK of normoxic live cells (immunostaining of the rim)' },
    { key: 'rim_tfap2a', label: 'TFAP2A in the normoxic rim', unit: 'relative level', description: 'mean TFAP2A of normoxic live cells' },
  ],
  primary: 'infiltration_um',
  timeCourses: ['infiltration_um', 'rim_invaded_fraction', 'rim_invasion_depth_um', 'hypoxic_fraction'],
  arms: ARMS,
  defaultArms: ['PBS', 'H-GDE', 'GW4869'],
  control: 'PBS',
  run: runOrthotopic,
};
