/**
 * `exoscape reproduce qian2021`: the assays behind figures 1–5 of the seed study (Qian et al., Lab
 * Invest 2021, seed 000) and one claim per finding of MODEL.md §5, split where a finding has several
 * parts. Every claim compares arms of an assay that differ only in protocol switches (donor O2,
 * vesicles given, interventions); whether it holds is decided by the statistics of the replicates.
 */
import type { AssayResult } from './analysis.ts';
import { evaluateClaim, type ClaimResult, type ClaimSpec } from './claims.ts';
import { runExperiment, type AssayPlan, type ExperimentResult, type ExperimentSettings } from './experiment.ts';

const FRK: ClaimSpec['requires'][number] = ['miR-1246⊣FRK'];
const TFAP2A: ClaimSpec['requires'][number] = ['miR-10b-5p⊣TFAP2A'];

const higher = (arm: string, than: string) => ({ arm, than, direction: 'higher' as const });
const lower = (arm: string, than: string) => ({ arm, than, direction: 'lower' as const });

function series(assays: readonly AssayResult[], assay: string, arm: string, key: string): { t: number[]; v: number[] } | null {
  const runs = assays.find((a) => a.assay === assay)?.results.filter((r) => r.arm === arm && r.series[key] !== undefined) ?? [];
  if (runs.length === 0) return null;
  const t = runs[0]!.series[key]!.t;
  return { t, v: t.map((_, k) => runs.reduce((a, r) => a + r.series[key]!.v[k]!, 0) / runs.length) };
}

/** The labelled fraction of recipients rises over 0–24 h and levels off; so does the internalized amount. */
function risesAndSaturates(assays: readonly AssayResult[]): { ok: boolean; detail: string } {
  const f = series(assays, 'uptake', 'H-GDE', 'labelled_fraction');
  const m = series(assays, 'uptake', 'H-GDE', 'internalized');
  if (f === null || m === null) return { ok: false, detail: 'no uptake time course for H-GDE' };
  const at = (s: { t: number[]; v: number[] }, h: number): number => s.v[s.t.indexOf(h)] ?? Number.NaN;
  const f0 = f.v[1]!; // first time after 0
  const f12 = at(f, 12), f24 = at(f, 24);
  const m12 = at(m, 12), m24 = at(m, 24);
  const rises = f24 - f0 >= 0.5;
  const levels = f24 - f12 <= 0.05 && m24 - m12 < 0.5 * m12;
  return {
    ok: rises && levels,
    detail: `labelled fraction ${f0.toFixed(2)} at ${f.t[1]} h → ${f12.toFixed(2)} at 12 h → ${f24.toFixed(2)} at 24 h; internalized ${m12.toFixed(0)} → ${m24.toFixed(0)} vesicles/cell from 12 to 24 h (rise ≥ 0.5 and 12→24 h gain ≤ 0.05 of the fraction and < half the 0–12 h amount)`,
  };
}

export const QIAN2021_CLAIMS: readonly ClaimSpec[] = [
  {
    id: 'F1', finding: 1, figure: 'Fig. 1; King 2012',
    statement: 'Hypoxia increases exosome release (HIF-dependent): donors at 1 % O2 yield more vesicles per cell than at 21 %.',
    criterion: 'vesicles collected per cell: 1 % O2 > 21 % O2 (ANOVA + Tukey over 21/5/1 %, p < 0.05)',
    tests: [{ assay: 'production', readout: 'vesicles_per_cell', arms: ['21% O2', '5% O2', '1% O2'], expect: [higher('1% O2', '21% O2')] }],
    requires: [['HIF→release']],
  },
  {
    id: 'F2', finding: 2, figure: 'Fig. 3',
    statement: 'H-GDEs carry more miR-1246 and miR-10b-5p per vesicle than N-GDEs.',
    criterion: 'copies per 1000 vesicles in the medium of 1 % vs 21 % O2 donors, both miRNAs higher (Tukey, p < 0.05)',
    tests: [
      { assay: 'production', readout: 'mir1246_per_1000', arms: ['21% O2', '5% O2', '1% O2'], expect: [higher('1% O2', '21% O2')] },
      { assay: 'production', readout: 'mir10b_per_1000', arms: ['21% O2', '5% O2', '1% O2'], expect: [higher('1% O2', '21% O2')] },
    ],
    requires: [['HIF→loading']],
  },
  {
    id: 'F3', finding: 3, figure: 'Fig. 1',
    statement: 'Normoxic glioma cells internalize H-GDEs; the labelled fraction rises with time and saturates.',
    criterion: 'internalized labelled vesicles at 24 h: H-GDE > PBS (Welch, p < 0.05), and the H-GDE time course rises and levels off',
    tests: [{ assay: 'uptake', readout: 'internalized_24h', arms: ['PBS', 'H-GDE'], expect: [higher('H-GDE', 'PBS')] }],
    requires: [],
    check: risesAndSaturates,
  },
  {
    id: 'F3b', finding: 3, figure: 'Fig. 1 (uptake route)',
    statement: 'Heparin (HSPG blockade) lowers the internalization of H-GDEs.',
    criterion: 'internalized labelled vesicles at 24 h: H-GDE+heparin < H-GDE (Welch, p < 0.05)',
    tests: [{ assay: 'uptake', readout: 'internalized_24h', arms: ['H-GDE', 'H-GDE+heparin'], expect: [lower('H-GDE+heparin', 'H-GDE')] }],
    requires: [],
  },
  {
    id: 'F4a', finding: 4, figure: 'Fig. 2 (transwell)',
    statement: 'H-GDEs raise transwell migration of normoxic cells above N-GDEs and above control.',
    criterion: 'migrated cells: H-GDE > N-GDE and H-GDE > PBS (ANOVA + Tukey, p < 0.05)',
    tests: [{ assay: 'transwell-migration', readout: 'migrated_cells', arms: ['PBS', 'N-GDE', 'H-GDE'], expect: [higher('H-GDE', 'PBS'), higher('H-GDE', 'N-GDE')] }],
    requires: [FRK],
  },
  {
    id: 'F4b', finding: 4, figure: 'Fig. 2 (Matrigel)',
    statement: 'H-GDEs raise Matrigel invasion of normoxic cells above N-GDEs and above control.',
    criterion: 'invaded cells: H-GDE > N-GDE and H-GDE > PBS (ANOVA + Tukey, p < 0.05)',
    tests: [{ assay: 'matrigel-invasion', readout: 'invaded_cells', arms: ['PBS', 'N-GDE', 'H-GDE'], expect: [higher('H-GDE', 'PBS'), higher('H-GDE', 'N-GDE')] }],
    requires: [FRK, TFAP2A],
  },
  {
    id: 'F4c', finding: 4, figure: 'Fig. 2 (wound healing)',
    statement: 'H-GDEs speed wound closure of normoxic cells above control.',
    criterion: 'closure at 24 h: H-GDE > PBS (ANOVA + Tukey over PBS/N-GDE/H-GDE, p < 0.05); by 48 h closure levels off in every arm (no proliferation)',
    tests: [{ assay: 'wound-healing', readout: 'closure_24h', arms: ['PBS', 'N-GDE', 'H-GDE'], expect: [higher('H-GDE', 'PBS')] }],
    requires: [FRK],
  },
  {
    id: 'F4d', finding: 4, figure: 'Fig. 2 (in vivo)',
    statement: 'In the tissue model, a tumour of H-GDE-treated cells invades the parenchyma further than one of PBS-treated cells.',
    criterion: 'infiltration at 3 days (mean distance of cells beyond the border of a compact tumour of the same cell count, i.e. growth taken out): H-GDE > PBS (Welch, p < 0.05)',
    tests: [{ assay: 'orthotopic', readout: 'infiltration_um', arms: ['PBS', 'H-GDE'], expect: [higher('H-GDE', 'PBS')] }],
    requires: [FRK, TFAP2A],
  },
  {
    id: 'F5a', finding: 5, figure: 'Fig. 3',
    statement: "Recipients' miR-1246 and miR-10b-5p rise after H-GDE treatment.",
    criterion: 'functional copies per cell at 48 h: H-GDE > PBS for both miRNAs (Welch, p < 0.05)',
    tests: [
      { assay: 'recipients', readout: 'mir1246_per_cell', arms: ['PBS', 'H-GDE'], expect: [higher('H-GDE', 'PBS')] },
      { assay: 'recipients', readout: 'mir10b_per_cell', arms: ['PBS', 'H-GDE'], expect: [higher('H-GDE', 'PBS')] },
    ],
    requires: [],
  },
  {
    id: 'F5b', finding: 5, figure: 'Fig. 5',
    statement: "FRK falls in recipients after H-GDE treatment.",
    criterion: 'mean FRK at 48 h: H-GDE < PBS (Welch, p < 0.05)',
    tests: [{ assay: 'recipients', readout: 'frk', arms: ['PBS', 'H-GDE'], expect: [lower('H-GDE', 'PBS')] }],
    requires: [FRK],
  },
  {
    id: 'F5c', finding: 5, figure: 'Fig. 5',
    statement: 'TFAP2A falls in recipients after H-GDE treatment.',
    criterion: 'mean TFAP2A at 48 h: H-GDE < PBS (Welch, p < 0.05)',
    tests: [{ assay: 'recipients', readout: 'tfap2a', arms: ['PBS', 'H-GDE'], expect: [lower('H-GDE', 'PBS')] }],
    requires: [TFAP2A],
  },
  {
    id: 'F5d', finding: 5, figure: 'Fig. 3 (release blocked in donors)',
    statement: 'Blocking release in the hypoxic donors (GW4869) prevents the transfer of miR-1246 to recipients.',
    criterion: 'miR-1246 per recipient cell: H-GDE(GW4869 donors) < H-GDE (Welch, p < 0.05)',
    tests: [{ assay: 'recipients', readout: 'mir1246_per_cell', arms: ['H-GDE', 'H-GDE(GW4869 donors)'], expect: [lower('H-GDE(GW4869 donors)', 'H-GDE')] }],
    requires: [],
  },
  {
    id: 'F6a', finding: 6, figure: 'Fig. 4',
    statement: 'A miR-1246 mimic raises migration.',
    criterion: 'migrated cells: miR-1246 mimic > PBS (Welch, p < 0.05)',
    tests: [{ assay: 'transwell-migration', readout: 'migrated_cells', arms: ['PBS', 'miR-1246 mimic'], expect: [higher('miR-1246 mimic', 'PBS')] }],
    requires: [FRK],
  },
  {
    id: 'F6b', finding: 6, figure: 'Fig. 4',
    statement: 'A miR-10b-5p mimic raises invasion.',
    criterion: 'invaded cells: miR-10b-5p mimic > PBS (Welch, p < 0.05)',
    tests: [{ assay: 'matrigel-invasion', readout: 'invaded_cells', arms: ['PBS', 'miR-10b-5p mimic'], expect: [higher('miR-10b-5p mimic', 'PBS')] }],
    requires: [TFAP2A],
  },
  {
    id: 'F6c', finding: 6, figure: 'Fig. 4',
    statement: 'A miR-1246 inhibitor abolishes the H-GDE gain in migration.',
    criterion: 'migrated cells: H-GDE+anti-miR-1246 < H-GDE (Welch, p < 0.05)',
    tests: [{ assay: 'transwell-migration', readout: 'migrated_cells', arms: ['H-GDE', 'H-GDE+anti-miR-1246'], expect: [lower('H-GDE+anti-miR-1246', 'H-GDE')] }],
    requires: [FRK],
  },
  {
    id: 'F6d', finding: 6, figure: 'Fig. 4',
    statement: 'A miR-10b-5p inhibitor abolishes the H-GDE gain in invasion that runs through TFAP2A.',
    criterion: 'invaded cells: H-GDE+anti-miR-10b-5p < H-GDE (Welch, p < 0.05)',
    tests: [{ assay: 'matrigel-invasion', readout: 'invaded_cells', arms: ['H-GDE', 'H-GDE+anti-miR-10b-5p'], expect: [lower('H-GDE+anti-miR-10b-5p', 'H-GDE')] }],
    requires: [TFAP2A],
  },
  {
    id: 'F6e', finding: 6, figure: 'Fig. 5',
    statement: 'FRK re-expression rescues the H-GDE gain in migration.',
    criterion: 'migrated cells: H-GDE+FRK < H-GDE (Welch, p < 0.05)',
    tests: [{ assay: 'transwell-migration', readout: 'migrated_cells', arms: ['H-GDE', 'H-GDE+FRK'], expect: [lower('H-GDE+FRK', 'H-GDE')] }],
    requires: [FRK],
  },
  {
    id: 'F6f', finding: 6, figure: 'Fig. 5',
    statement: 'TFAP2A re-expression rescues the H-GDE gain in invasion.',
    criterion: 'invaded cells: H-GDE+TFAP2A < H-GDE (Welch, p < 0.05)',
    tests: [{ assay: 'matrigel-invasion', readout: 'invaded_cells', arms: ['H-GDE', 'H-GDE+TFAP2A'], expect: [lower('H-GDE+TFAP2A', 'H-GDE')] }],
    requires: [TFAP2A],
  },
  {
    id: 'F7', finding: 7, figure: 'model prediction (MODEL.md §5)',
    statement: 'Blocking exosome release in the hypoxic tumour (GW4869) lowers its invasion, which its normoxic rim carries.',
    criterion: 'infiltration at 3 days (growth taken out, as F4d): GW4869 < PBS (Welch, p < 0.05); the infiltrating_normoxic_share readout shows how much of it the normoxic rim carries. At the default parameters the effect is small (a few per cent), so whether it reaches p < 0.05 at n = 4 depends on the seed: repeat it with `reproduce --seeds 1,2,3` before trusting it (docs/experiments.md)',
    tests: [{ assay: 'orthotopic', readout: 'infiltration_um', arms: ['PBS', 'GW4869'], expect: [lower('GW4869', 'PBS')] }],
    requires: [FRK, TFAP2A],
  },
  {
    id: 'F7b', finding: 7, figure: 'model prediction (mechanism of F7)',
    statement: 'Blocking exosome release in the tumour keeps FRK and TFAP2A higher in its normoxic rim.',
    criterion: 'mean FRK and TFAP2A of normoxic cells at 3 days: GW4869 > PBS (Welch, p < 0.05)',
    tests: [
      { assay: 'orthotopic', readout: 'rim_frk', arms: ['PBS', 'GW4869'], expect: [higher('GW4869', 'PBS')] },
      { assay: 'orthotopic', readout: 'rim_tfap2a', arms: ['PBS', 'GW4869'], expect: [higher('GW4869', 'PBS')] },
    ],
    requires: [['miR-1246⊣FRK', 'miR-10b-5p⊣TFAP2A']],
  },
];

/** The assays and arms the claims need, plus arms the figures show for context. */
export function qian2021Plans(claims: readonly ClaimSpec[] = QIAN2021_CLAIMS): AssayPlan[] {
  const extra: Record<string, string[]> = {
    recipients: ['N-GDE', 'miR-1246 mimic', 'miR-10b-5p mimic', 'H-GDE+anti-miR-1246', 'H-GDE+anti-miR-10b-5p', 'H-GDE+FRK', 'H-GDE+TFAP2A'],
    uptake: ['N-GDE'],
  };
  const order = ['production', 'uptake', 'recipients', 'transwell-migration', 'matrigel-invasion', 'wound-healing', 'orthotopic'];
  const arms = new Map<string, string[]>();
  for (const c of claims) for (const t of c.tests) arms.set(t.assay, [...new Set([...(arms.get(t.assay) ?? []), ...t.arms])]);
  for (const [a, xs] of Object.entries(extra)) if (arms.has(a)) arms.set(a, [...new Set([...arms.get(a)!, ...xs])]);
  const control: Record<string, string> = { production: '21% O2' };
  return order.filter((a) => arms.has(a)).map((assay) => {
    const list = arms.get(assay)!;
    const c = control[assay] ?? 'PBS';
    return { assay, arms: [c, ...list.filter((x) => x !== c)] };
  });
}

export interface Reproduction {
  study: 'qian2021';
  claims: ClaimResult[];
  experiment: ExperimentResult;
}

export async function reproduceQian2021(settings: ExperimentSettings, claims: readonly ClaimSpec[] = QIAN2021_CLAIMS): Promise<Reproduction> {
  const experiment = await runExperiment(qian2021Plans(claims), settings);
  return { study: 'qian2021', claims: claims.map((c) => evaluateClaim(c, experiment.assays)), experiment };
}
