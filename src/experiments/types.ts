/** The shapes shared by the virtual assays: definitions, options, per-replicate results. */
import type { ArmSpec } from './arms.ts';
import type { Pretreatment } from './pretreat.ts';

export interface ReadoutDef {
  key: string;
  label: string;
  unit: string;
  description: string;
}

/** A time course of one readout in one replicate (hours). */
export interface Series {
  t: number[];
  v: number[];
}

/** Cells of one replicate at the end of an assay, for a tissue snapshot. */
export interface Snapshot {
  /** Domain extent [x, y] in µm. */
  size: [number, number];
  x: number[];
  y: number[];
  r: number[];
  /** The coloured quantity (e.g. FRK level) per cell. */
  value: number[];
  valueName: string;
  /** Optional field (e.g. O2) on the voxel grid, row-major (i + nx·j). */
  field?: { name: string; nx: number; ny: number; dx: number; values: number[] };
  /** Bands or discs to outline (membrane, Matrigel, wound edges, initial tumour), in µm. */
  marks: { kind: 'hline' | 'circle' | 'hband'; y?: number; y2?: number; cx?: number; cy?: number; r?: number; label: string }[];
  timeH: number;
}

export interface ReplicateResult {
  assay: string;
  arm: string;
  replicate: number;
  seed: number;
  values: Record<string, number>;
  series: Record<string, Series>;
  snapshot?: Snapshot;
  /** Wall-clock seconds of this replicate's simulations (its pre-treatment is timed separately). */
  seconds: number;
}

/** Protocol options a user may change from the command line (every default is documented). */
export interface AssayOptions {
  /** Vesicles per recipient cell in the 48 h pre-treatment (N-GDE / H-GDE arms). */
  dose: number;
  /** Labelled vesicles per recipient cell in the uptake assay. */
  uptakeDose: number;
  /** Model parameter overrides applied to every simulation (what-if, knock-out of one link). */
  parameters: Record<string, number>;
  /** Scale of all assay durations (1 = the documented protocol; < 1 only for quick checks). */
  timeScale: number;
  /** Keep a cell snapshot of replicate 0 of each arm. */
  snapshots: boolean;
}

export const DEFAULT_OPTIONS: AssayOptions = {
  dose: 50000,
  uptakeDose: 500,
  parameters: {},
  timeScale: 1,
  snapshots: false,
};

/** What an assay may ask of the replicate it runs in. */
export interface AssayContext {
  options: AssayOptions;
  /** Recipients of this arm after the 48 h pre-treatment (memoized per arm and replicate). */
  pretreated(arm: ArmSpec, replicate: number): Promise<Pretreatment>;
}

export interface AssayDefinition {
  name: string;
  title: string;
  /** The seed study's panel it stands for. */
  figure: string;
  /** Geometry and protocol, one sentence each (report and docs). */
  protocol: string[];
  readouts: ReadoutDef[];
  /** The readout the bar chart shows first. */
  primary: string;
  /** Readouts that are also time courses (series keys). */
  timeCourses: string[];
  arms: readonly string[];
  defaultArms: readonly string[];
  control: string;
  run(ctx: AssayContext, arm: ArmSpec, replicate: number, seed: number): Promise<ReplicateResult>;
}
