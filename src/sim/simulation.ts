/**
 * One simulation: a validated scenario and its model coupled to the engine (MODEL.md §1–3).
 *
 * Fields: oxygen (its own solver at the diffusion step) and the vesicle species — vesicles plus one
 * field per cargo — which share D_EV and λ_EV and are solved together at the mechanics step (their
 * diffusion time dx²/D_EV ≈ 8 min is 80 mechanics steps; the scheme is implicit and stable at any
 * step). Cells exchange with both through BioFVM's semi-implicit cell coupling: O2 uptake; vesicle
 * release as a net export E = r_EV with cargo k exported at E·q_k(h); vesicle uptake as a first-order
 * sink with the same rate on every vesicle species, so cargo leaves a voxel in proportion to the
 * vesicles that carry it.
 *
 * Time: diffusion steps inside mechanics steps inside phenotype steps, all counted in integers (no
 * floating time drift). Per mechanics step: O2 exchange + diffusion substeps, vesicle exchange +
 * diffusion, agent mechanics and motility; every phenotype step: the intracellular model, rules,
 * lifecycle. Outputs and checkpoints happen at mechanics-step boundaries.
 *
 * Mass balance is booked exactly for every field: change in the field = released + dosed − taken up −
 * cleared (decay) + Dirichlet inflow (negative: what left through boundaries and vessels).
 *
 * A Simulation is a value: it owns its store, fields, solvers and (optionally) a worker pool it was
 * given; nothing is global. Results are byte-identical for any thread count (engine guarantee; the
 * model layer runs on the calling thread in store order).
 */
import { createHash } from 'node:crypto';
import { UserError } from '../common/errors.ts';
import { AgentDynamics, AgentStore, F64_COLUMNS, FLAG_APOPTOTIC, FLAG_NECROTIC, I32_COLUMNS, lifecycleStep, mechanicsTable } from '../engine/agents/index.ts';
import type { Domain } from '../engine/agents/index.ts';
import { applyCellExchange, createCellExchange, createExchangeTotals, type CellExchange, type ExchangeTotals } from '../engine/coupling/exchange.ts';
import { createDiffusionSolver, type DiffusionSolver } from '../engine/diffusion/index.ts';
import type { DirichletFaces } from '../engine/diffusion/dirichlet.ts';
import { createFields, totalAmount, type Fields } from '../engine/fields/fields.ts';
import { createMesh, voxelAt, voxelAtClamped, voxelCentre, type Mesh } from '../engine/mesh.ts';
import type { KernelPool } from '../engine/parallel/pool.ts';
import { rngKey, type RngKey } from '../engine/rng/stream.ts';
import type { LoadedScenario } from '../scenario/load-scenario.ts';
import { compileModel, hifSteadyState, type CompiledModel } from './compile.ts';
import { initialCells } from './initial-cells.ts';
import {
  S_HIF, S_O2, S_RELEASE, S_UPTAKE, S_X0, S_Y0, S_Z0, extensiveStates, mirState, recentUptakeState, stateLayout, targetState, totalUptakeState,
  type StateLayout,
} from './layout.ts';
import { matrixPredicate, type InMatrix } from './matrix.ts';
import { phenotypeStep, type PhenotypeRates } from './phenotype.ts';

/** One field's books (amounts in field units × µm³: mmHg·µm³ for O2, vesicles or copies otherwise). */
export interface FieldBalance {
  field: string;
  initial: number;
  inField: number;
  released: number;
  dosed: number;
  takenUp: number;
  cleared: number;
  /** Net amount that left through Dirichlet faces and vessels (negative: net supply, as for O2). */
  leftThroughBoundaries: number;
  /** inField − (initial + released + dosed − takenUp − cleared − leftThroughBoundaries). */
  residual: number;
  /** |residual| / the largest of the terms (0 when all are 0). */
  relativeError: number;
}

export interface SimulationOptions {
  seed?: number;
  pool?: KernelPool;
  /**
   * Called once after the initial cells are placed and before their first phenotype step, to hand
   * cells an intracellular state from elsewhere (e.g. recipients pre-treated in another well; see
   * src/experiments/pretreat.ts). It may write the store's state columns, nothing else.
   */
  initialState?: (store: AgentStore, layout: StateLayout) => void;
}

/** Steps of the time hierarchy, as integer ratios. */
interface Clock {
  dtDiffusion: number;
  dtMechanics: number;
  dtPhenotype: number;
  diffusionPerMechanics: number;
  mechanicsPerPhenotype: number;
  totalMechanics: number;
}

const CYCLE_LIVE = { nextPhase: [0], dividesOnExit: [true] };

function ratio(a: number, b: number, what: string): number {
  const r = Math.round(a / b);
  if (r < 1 || Math.abs(r * b - a) > 1e-9 * a) throw new UserError(`time: ${what} (${a} min) must be a whole multiple of ${b} min`);
  return r;
}

function makeClock(loaded: LoadedScenario): Clock {
  const t = loaded.scenario.time;
  const diffusionPerMechanics = ratio(t.mechanics, t.diffusion, 'the mechanics step');
  const mechanicsPerPhenotype = ratio(t.phenotype, t.mechanics, 'the phenotype step');
  ratio(t.output, t.mechanics, 'the output interval');
  return {
    dtDiffusion: t.mechanics / diffusionPerMechanics,
    dtMechanics: t.mechanics,
    dtPhenotype: t.mechanics * mechanicsPerPhenotype,
    diffusionPerMechanics,
    mechanicsPerPhenotype,
    totalMechanics: ratio(t.duration, t.mechanics, 'the duration'),
  };
}

/** The scenario's fixed chemotaxis direction as a unit vector (null: none, or a zero vector). */
function chemotaxisDirection(scenario: LoadedScenario['scenario'], dims: 2 | 3): [number, number, number] | null {
  const d = scenario.chemotaxis?.direction;
  if (d === undefined) return null;
  const z = dims === 3 ? d[2] : 0;
  const n = Math.hypot(d[0], d[1], z);
  return n > 0 ? [d[0] / n, d[1] / n, z / n] : null;
}

function faceValues(dims: 2 | 3, value: number): DirichletFaces {
  const f: DirichletFaces = { xmin: value, xmax: value, ymin: value, ymax: value };
  if (dims === 3) {
    f.zmin = value;
    f.zmax = value;
  }
  return f;
}

export class Simulation {
  readonly loaded: LoadedScenario;
  readonly model: CompiledModel;
  readonly layout: StateLayout;
  readonly seed: number;
  readonly mesh: Mesh;
  readonly clock: Clock;
  readonly store: AgentStore;
  readonly o2: Fields;
  readonly ev: Fields;
  /** Mechanics steps done. */
  step = 0;
  /** Where the tumour started: centroid and the largest initial distance from it (µm). */
  readonly origin: { x: number; y: number; z: number; radius: number };
  readonly domain: Domain;
  private readonly pool: KernelPool | undefined;
  private o2Solver!: DiffusionSolver;
  private evSolver!: DiffusionSolver;
  private readonly dynamics: AgentDynamics;
  private readonly key: RngKey;
  private readonly inMatrix: InMatrix | null;
  private o2Ex: CellExchange = createCellExchange(0, 1);
  private evEx: CellExchange;
  private o2Scratch = new Float64Array(0);
  private evInternal = new Float64Array(0);
  readonly o2Totals: ExchangeTotals;
  readonly evTotals: ExchangeTotals;
  /** Amount added by exosome dosing, per vesicle species. */
  readonly dosed: Float64Array;
  readonly initialAmounts: { o2: number; ev: number[] };
  private rates: PhenotypeRates = { cycleEntry: new Float64Array(0), apoptosis: new Float64Array(0), necrosis: new Float64Array(0) };
  /** Phenotype steps done (the `step` word of lifecycle random draws). */
  phenotypeSteps = 0;
  dosesApplied = 0;
  private evDirichletMask: Uint8Array | null = null;

  private constructor(loaded: LoadedScenario, options: SimulationOptions) {
    this.loaded = loaded;
    this.model = compileModel(loaded);
    this.layout = stateLayout(this.model);
    this.seed = options.seed ?? loaded.scenario.seed;
    this.pool = options.pool;
    this.clock = makeClock(loaded);
    const { domain } = loaded.scenario;
    const dx = domain.voxel;
    const dims = domain.dimensions;
    const nx = Math.max(1, Math.round(domain.size[0] / dx));
    const ny = Math.max(1, Math.round(domain.size[1] / dx));
    const nz = dims === 3 ? Math.max(1, Math.round(domain.size[2] / dx)) : 1;
    this.mesh = createMesh({ nx, ny, nz, dxUm: dx });
    const shared = (this.pool?.threads ?? 1) > 1;
    this.o2 = createFields(this.mesh, ['oxygen'], { shared });
    this.ev = createFields(this.mesh, this.layout.evSpecies, { shared });
    this.o2.data[0]!.fill(this.model.oxygen.initial);
    this.ev.data[0]!.fill(this.model.vesicles.initial);
    this.domain = { xmin: 0, xmax: nx * dx, ymin: 0, ymax: ny * dx, zmin: 0, zmax: nz * dx };
    this.store = new AgentStore({ dims, stateNames: this.layout.names, shared, initialCapacity: 1024 });
    const cts = this.model.cellTypes;
    this.dynamics = new AgentDynamics(this.store, {
      domain: this.domain,
      dtMin: this.clock.dtMechanics,
      seed: this.seed,
      mechanics: mechanicsTable(cts.map((c) => ({ repulsionUmPerMin: c.mechanics.repulsion, adhesionUmPerMin: c.mechanics.adhesion, relMaxAdhesionDistance: c.mechanics.maxAdhesionDistance }))),
    });
    this.key = rngKey(this.seed);
    this.inMatrix = matrixPredicate(loaded.scenario);
    const S = this.layout.evSpecies.length;
    this.evEx = createCellExchange(0, S);
    this.o2Totals = createExchangeTotals(1);
    this.evTotals = createExchangeTotals(S);
    this.dosed = new Float64Array(S);
    this.placeCells();
    let cx = 0, cy = 0, cz = 0;
    const n = this.store.count;
    for (let i = 0; i < n; i++) {
      cx += this.store.x[i]!;
      cy += this.store.y[i]!;
      cz += this.store.z[i]!;
    }
    cx /= Math.max(1, n);
    cy /= Math.max(1, n);
    cz /= Math.max(1, n);
    let r = 0;
    for (let i = 0; i < n; i++) r = Math.max(r, Math.hypot(this.store.x[i]! - cx, this.store.y[i]! - cy, this.store.z[i]! - cz));
    this.origin = { x: cx, y: cy, z: cz, radius: r };
    this.initialAmounts = { o2: totalAmount(this.o2, 0), ev: this.layout.evSpecies.map((_, s) => totalAmount(this.ev, s)) };
  }

  /** Builds the simulation (solvers need an async set-up for vessels). */
  static async create(loaded: LoadedScenario, options: SimulationOptions = {}): Promise<Simulation> {
    const sim = new Simulation(loaded, options);
    await sim.setUpSolvers();
    options.initialState?.(sim.store, sim.layout);
    sim.initialPhenotype();
    return sim;
  }

  private placeCells(): void {
    const { scenario } = this.loaded;
    const types = this.model.cellTypes;
    const byName = new Map(types.map((t) => [t.name, t]));
    const cells = initialCells(scenario, this.loaded.path, (t) => byName.get(t)?.radiusUm ?? 8.413);
    const d = this.domain;
    const bias = chemotaxisDirection(scenario, this.store.dims);
    for (const c of cells) {
      const ct = byName.get(c.type);
      if (ct === undefined) throw new UserError(`cells: unknown cell type "${c.type}"; the model has ${types.map((t) => t.name).join(', ')}`);
      if (c.x < d.xmin || c.x > d.xmax || c.y < d.ymin || c.y > d.ymax || (this.store.dims === 3 && (c.z < d.zmin || c.z > d.zmax))) {
        throw new UserError(`cells: a cell at [${c.x}, ${c.y}, ${c.z}] lies outside the domain`);
      }
      const state: Record<string, number> = { [S_X0]: c.x, [S_Y0]: c.y, [S_Z0]: c.z };
      for (const t of this.layout.targets) state[targetState(t)] = 1;
      for (const m of ct.mirnas) state[mirState(m.name)] = m.mimicCopies;
      const i = this.store.add({ x: c.x, y: c.y, z: c.z, radius: ct.radiusUm, type: ct.index, persistence: ct.persistenceMin, bias: ct.bias, state });
      this.store.volume[i] = ct.volumeUm3;
      if (bias !== null) [this.store.bx[i], this.store.by[i], this.store.bz[i]] = bias; // daughters inherit it
    }
    if (this.store.count === 0) throw new UserError('cells: the scenario places no cells (check shapes and spacing)');
  }

  private async setUpSolvers(): Promise<void> {
    const { scenario } = this.loaded;
    const dims = this.mesh.dims;
    const dirichlet = scenario.domain.boundary === 'dirichlet';
    const m = this.model;
    this.o2Solver = createDiffusionSolver(this.o2, {
      dtMin: this.clock.dtDiffusion,
      substrates: [{ diffusionUm2PerMin: m.oxygen.diffusion, decayPerMin: m.oxygen.decay, ...(dirichlet ? { dirichletFaces: faceValues(dims, m.oxygen.boundary) } : {}) }],
      ...(this.pool !== undefined ? { pool: this.pool } : {}),
      accounting: true,
    });
    this.evSolver = createDiffusionSolver(this.ev, {
      dtMin: this.clock.dtMechanics,
      substrates: this.layout.evSpecies.map(() => ({ diffusionUm2PerMin: m.vesicles.diffusion, decayPerMin: m.vesicles.decay, ...(dirichlet ? { dirichletFaces: faceValues(dims, m.vesicles.boundary) } : {}) })),
      ...(this.pool !== undefined ? { pool: this.pool } : {}),
      accounting: true,
      ...(scenario.flow !== undefined ? { velocity: { kind: 'uniform' as const, velocityUmPerMin: [scenario.flow.velocity[0], scenario.flow.velocity[1], dims === 3 ? scenario.flow.velocity[2] : 0] as const } } : {}),
    });
    if (dirichlet) {
      const { nx, ny, nz } = this.mesh;
      const mask = new Uint8Array(this.mesh.voxelCount);
      for (let k = 0; k < nz; k++) for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) {
        if (i === 0 || i === nx - 1 || j === 0 || j === ny - 1 || (dims === 3 && (k === 0 || k === nz - 1))) mask[i + nx * (j + ny * k)] = 1;
      }
      this.evDirichletMask = mask;
    }
    const vesselVoxels = new Set<number>();
    const c = new Float64Array(3);
    for (const v of scenario.vessels) {
      const r2 = v.radius * v.radius;
      for (let idx = 0; idx < this.mesh.voxelCount; idx++) {
        voxelCentre(this.mesh, idx, c);
        const dz = dims === 3 ? c[2]! - v.at[2] : 0;
        if ((c[0]! - v.at[0]) ** 2 + (c[1]! - v.at[1]) ** 2 + dz * dz <= r2) vesselVoxels.add(idx);
      }
      // A vessel thinner than a voxel still holds the voxel it sits in.
      const own = voxelAtClamped(this.mesh, v.at[0], v.at[1], dims === 3 ? v.at[2] : 0);
      vesselVoxels.add(own);
    }
    if (vesselVoxels.size > 0) {
      const idx = Int32Array.from([...vesselVoxels].sort((a, b) => a - b));
      await this.o2Solver.setDirichletNodes(0, idx, m.oxygen.vessel);
    }
  }

  /** Cells start with HIF-1α at its steady state for the initial O2 and targets at 1. */
  private initialPhenotype(): void {
    const hif = this.store.stateView(S_HIF);
    const o2 = this.store.stateView(S_O2);
    for (let i = 0; i < this.store.count; i++) {
      const ct = this.model.cellTypes[this.store.type[i]!]!;
      const p = this.o2At(this.store.x[i]!, this.store.y[i]!, this.store.z[i]!);
      o2[i] = p;
      hif[i] = hifSteadyState(ct, p);
    }
    this.phenotype();
  }

  get timeMin(): number {
    return this.step * this.clock.dtMechanics;
  }

  get durationMin(): number {
    return this.clock.totalMechanics * this.clock.dtMechanics;
  }

  get done(): boolean {
    return this.step >= this.clock.totalMechanics;
  }

  o2At(x: number, y: number, z: number): number {
    return this.o2.data[0]![voxelAtClamped(this.mesh, x, y, z)]!;
  }

  private evAt(x: number, y: number, z: number): number {
    return this.ev.data[0]![voxelAtClamped(this.mesh, x, y, z)]!;
  }

  private phenotype(): void {
    const n = this.store.count;
    if (this.rates.cycleEntry.length < n) {
      const cap = this.store.capacity;
      this.rates = { cycleEntry: new Float64Array(cap), apoptosis: new Float64Array(cap), necrosis: new Float64Array(cap) };
    }
    phenotypeStep(
      this.store,
      { model: this.model, layout: this.layout, o2At: (x, y, z) => this.o2At(x, y, z), evAt: (x, y, z) => this.evAt(x, y, z), inMatrix: this.inMatrix },
      this.clock.dtPhenotype,
      this.rates,
    );
  }

  /** Lifecycle (division, death) and volume recovery, after the phenotype of this step. */
  private lifecycle(): void {
    const store = this.store;
    const extensive = extensiveStates(this.layout).map((s) => store.stateColumn(s));
    lifecycleStep(store, CYCLE_LIVE, { phaseExit: this.rates.cycleEntry, apoptosis: this.rates.apoptosis, necrosis: this.rates.necrosis }, {
      dtMin: this.clock.dtPhenotype,
      step: this.phenotypeSteps,
      key: this.key,
      onDivide: (parent, daughter) => {
        const cap = store.capacity;
        for (const c of extensive) {
          const half = 0.5 * store.state[c * cap + parent]!;
          store.state[c * cap + parent] = half;
          store.state[c * cap + daughter] = half;
        }
      },
    });
    const dt = this.clock.dtPhenotype;
    for (let i = 0; i < store.count; i++) {
      if (store.flags[i]! & (FLAG_APOPTOTIC | FLAG_NECROTIC)) continue;
      const ct = this.model.cellTypes[store.type[i]!]!;
      const v = store.volume[i]!;
      const nv = ct.volumeUm3 + (v - ct.volumeUm3) * Math.exp(-ct.volumeGrowthRate * dt);
      store.volume[i] = nv;
      store.radius[i] = Math.cbrt((3 * nv) / (4 * Math.PI));
    }
    this.phenotypeSteps++;
  }

  /** Fill the exchange arrays from the store (after any reorder, division or removal). */
  private refreshExchange(): void {
    const store = this.store;
    const n = store.count;
    const S = this.layout.evSpecies.length;
    if (this.o2Ex.count !== n) {
      this.o2Ex = createCellExchange(n, 1);
      this.evEx = createCellExchange(n, S);
      if (this.o2Scratch.length < n) this.o2Scratch = new Float64Array(store.capacity);
      if (this.evInternal.length < n * S) this.evInternal = new Float64Array(store.capacity * S);
    }
    const hif = store.stateView(S_HIF);
    const rel = store.stateView(S_RELEASE);
    const upt = store.stateView(S_UPTAKE);
    const cargos = this.model.cargos;
    const o2 = this.o2Ex;
    const ev = this.evEx;
    for (let i = 0; i < n; i++) {
      const v = voxelAt(this.mesh, store.x[i]!, store.y[i]!, store.z[i]);
      o2.voxel[i] = v;
      ev.voxel[i] = v;
      const vol = store.volume[i]!;
      o2.volumeUm3[i] = vol;
      ev.volumeUm3[i] = vol;
      const dead = (store.flags[i]! & (FLAG_APOPTOTIC | FLAG_NECROTIC)) !== 0;
      const ct = this.model.cellTypes[store.type[i]!]!;
      o2.uptakeRatePerMin[i] = dead ? 0 : ct.o2Uptake;
      const u = upt[i]!;
      const e = rel[i]!;
      const h = hif[i]!;
      const at = i * S;
      ev.uptakeRatePerMin[at] = u;
      ev.netExportPerMin[at] = e;
      for (let k = 0; k < cargos.length; k++) {
        const c = cargos[k]!;
        ev.uptakeRatePerMin[at + 1 + k] = u;
        // A label (dye) is put on dosed vesicles only: cells release unlabelled ones.
        ev.netExportPerMin[at + 1 + k] = c.type === 'label' ? 0 : e * c.basalLoading * (1 + c.hifEnrichment * h);
      }
    }
  }

  /** Add scheduled exosome doses whose time has come: vesicles × live cells, spread over the medium. */
  private applyDoses(): void {
    const doses = this.model.doses;
    while (this.dosesApplied < doses.length) {
      const d = doses[this.dosesApplied]!;
      if (d.atMin > this.timeMin + 1e-9) break;
      let live = 0;
      for (let i = 0; i < this.store.count; i++) if ((this.store.flags[i]! & (FLAG_APOPTOTIC | FLAG_NECROTIC)) === 0) live++;
      const mask = this.evDirichletMask;
      const voxels = this.mesh.voxelCount;
      let free = 0;
      for (let v = 0; v < voxels; v++) if (mask === null || mask[v] === 0) free++;
      const vesicles = d.vesiclesPerCell * live;
      const perVoxel = vesicles / (free * this.mesh.voxelVolumeUm3);
      const amounts = [1, ...d.cargoPerVesicle];
      amounts.forEach((q, s) => {
        const u = this.ev.data[s]!;
        const add = perVoxel * q;
        for (let v = 0; v < voxels; v++) if (mask === null || mask[v] === 0) u[v] = u[v]! + add;
        this.dosed[s] = this.dosed[s]! + add * free * this.mesh.voxelVolumeUm3;
      });
      this.dosesApplied++;
    }
  }

  /** One mechanics step (with its diffusion substeps, and the phenotype when due). */
  private async mechanicsStep(): Promise<void> {
    const clock = this.clock;
    if (this.step % clock.mechanicsPerPhenotype === 0 && this.step > 0) {
      this.phenotype();
      this.lifecycle();
    }
    this.applyDoses();
    this.refreshExchange();
    for (let k = 0; k < clock.diffusionPerMechanics; k++) {
      applyCellExchange(this.o2, this.o2Ex, clock.dtDiffusion, this.o2Scratch, this.o2Totals);
      await this.o2Solver.step();
    }
    this.o2Scratch.fill(0);
    const S = this.layout.evSpecies.length;
    const n = this.store.count;
    this.evInternal.fill(0, 0, n * S);
    applyCellExchange(this.ev, this.evEx, clock.dtMechanics, this.evInternal, this.evTotals);
    // Per-cell uptake = what the cell took from its voxel + what it released there (E·Δt, exact:
    // a positive export is never clamped).
    for (let s = 0; s < S; s++) {
      const recent = this.store.stateView(recentUptakeState(this.layout.evSpecies[s]!));
      const total = this.store.stateView(totalUptakeState(this.layout.evSpecies[s]!));
      for (let i = 0; i < n; i++) {
        const at = i * S + s;
        const taken = this.evInternal[at]! + this.evEx.netExportPerMin[at]! * clock.dtMechanics;
        recent[i] = recent[i]! + taken;
        total[i] = total[i]! + taken;
      }
    }
    await this.evSolver.step();
    await this.dynamics.step(this.pool);
    this.step++;
  }

  /**
   * Advance to mechanics step `untilStep` (capped at the end). `onPhenotype` is called after every
   * phenotype step; `shouldStop` is polled there too and ends the advance early.
   */
  async advance(untilStep: number, hooks: { onPhenotype?: () => void; shouldStop?: () => boolean } = {}): Promise<void> {
    const end = Math.min(untilStep, this.clock.totalMechanics);
    while (this.step < end) {
      await this.mechanicsStep();
      if (this.step % this.clock.mechanicsPerPhenotype === 0) {
        hooks.onPhenotype?.();
        if (hooks.shouldStop?.() === true) return;
      }
    }
  }

  /** Forget neighbour lists (done at every output time, and after restoring a checkpoint). */
  resetAgentLists(): void {
    this.dynamics.resetLists();
  }

  agentDriverState(): { stepIndex: number; lastSortStep: number; binSizeUm: number } {
    return this.dynamics.saveState();
  }

  restoreAgentDriverState(s: { stepIndex: number; lastSortStep: number; binSizeUm: number }): void {
    this.dynamics.restoreState(s);
  }

  solverBudgets(): { o2: { decayed: number; dirichletInflow: number }; ev: { decayed: number; dirichletInflow: number }[] } {
    return { o2: { ...this.o2Solver.budget(0) }, ev: this.layout.evSpecies.map((_, s) => ({ ...this.evSolver.budget(s) })) };
  }

  restoreSolverBudgets(b: ReturnType<Simulation['solverBudgets']>): void {
    this.o2Solver.restoreBudget(0, b.o2);
    b.ev.forEach((x, s) => {
      this.evSolver.restoreBudget(s, x);
    });
  }

  /** The books of every field (oxygen, vesicles, each cargo). */
  massBalance(): FieldBalance[] {
    const out: FieldBalance[] = [];
    const book = (field: string, initial: number, inField: number, released: number, dosed: number, takenUp: number, cleared: number, inflow: number): void => {
      const left = -inflow;
      const residual = inField - (initial + released + dosed - takenUp - cleared - left);
      const scale = Math.max(Math.abs(initial), Math.abs(inField), Math.abs(released), Math.abs(dosed), Math.abs(takenUp), Math.abs(cleared), Math.abs(left));
      out.push({ field, initial, inField, released, dosed, takenUp, cleared, leftThroughBoundaries: left, residual, relativeError: scale > 0 ? Math.abs(residual) / scale : 0 });
    };
    const ob = this.o2Solver.budget(0);
    book('oxygen', this.initialAmounts.o2, totalAmount(this.o2, 0), this.o2Totals.secreted[0]! + this.o2Totals.exported[0]!, 0, this.o2Totals.takenUp[0]!, ob.decayed, ob.dirichletInflow);
    this.layout.evSpecies.forEach((name, s) => {
      const b = this.evSolver.budget(s);
      book(name, this.initialAmounts.ev[s]!, totalAmount(this.ev, s), this.evTotals.exported[s]! + this.evTotals.secreted[s]!, this.dosed[s]!, this.evTotals.takenUp[s]!, b.decayed, b.dirichletInflow);
    });
    return out;
  }

  /** SHA-256 of the cell arrays (live cells only) and the field arrays: equal states, equal digests. */
  stateDigest(): string {
    const h = createHash('sha256');
    const s = this.store;
    const n = s.count;
    const bytes = (a: Float64Array | Int32Array | Uint8Array, len: number): Uint8Array => new Uint8Array(a.buffer, a.byteOffset, len * a.BYTES_PER_ELEMENT);
    h.update(`cells ${n}\n`);
    for (const c of F64_COLUMNS) h.update(bytes(s[c], n));
    for (const c of I32_COLUMNS) h.update(bytes(s[c], n));
    h.update(bytes(s.flags, n));
    for (let v = 0; v < s.stateNames.length; v++) h.update(bytes(s.state.subarray(v * s.capacity, v * s.capacity + n), n));
    for (const f of [...this.o2.data, ...this.ev.data]) h.update(bytes(f, f.length));
    return h.digest('hex');
  }

  /** Release solver and agent bindings in the pool (the pool itself stays open). */
  dispose(): void {
    this.o2Solver.dispose();
    this.evSolver.dispose();
    this.dynamics.release();
  }
}
