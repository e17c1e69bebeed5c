/**
 * Agent storage as a structure of arrays. One `AgentStore` is one population; it is a plain value
 * (no module state), so two simulations can hold two stores in one process.
 *
 * Layout decisions:
 * - Live cells occupy indices [0, count) with no holes: removal swaps the last cell into the hole
 *   (O(1), no fragmentation). Indices therefore move; the persistent `id` does not, and `indexOf(id)`
 *   finds a cell through a dense id → index table (ids are handed out sequentially, never reused).
 * - Capacity doubles when full, so n additions cost O(n) amortised. Growth replaces every array, so
 *   kernels must read `store.x` etc. at the start of a step, never cache them across steps.
 * - Named state variables are columns of one Float64Array, column-major with stride = capacity
 *   (variable v of cell i at v·capacity + i), so a per-variable loop over cells is unit-stride.
 * - With `shared: true` every array lives on a SharedArrayBuffer so worker threads can attach views.
 *
 * Units: positions and radii in µm, volumes in µm³, velocities in µm/min, times in min.
 */

/** Flag bits in `flags`. */
export const FLAG_APOPTOTIC = 1;
export const FLAG_NECROTIC = 2;

/** Float64 per-cell columns, in a fixed order (also the order of `SharedAgentBuffers`). */
export const F64_COLUMNS = [
  'x', 'y', 'z', 'radius', 'volume',
  'vx', 'vy', 'vz', 'pvx', 'pvy', 'pvz',
  'mx', 'my', 'mz', 'speed', 'persistence', 'bias', 'bx', 'by', 'bz',
  'phaseAge', 'deathAge',
] as const;
/** Int32 per-cell columns. */
export const I32_COLUMNS = ['id', 'type', 'phase'] as const;

export type F64Column = (typeof F64_COLUMNS)[number];
export type I32Column = (typeof I32_COLUMNS)[number];

/** Initial values for a new cell; unspecified fields are 0 (radius defaults to PhysiCell's 8.412 µm). */
export interface NewCell {
  x: number;
  y: number;
  z?: number;
  /** µm; default is the radius of PhysiCell's default 2494 µm³ cell. */
  radius?: number;
  type?: number;
  phase?: number;
  /** µm/min */
  speed?: number;
  /** min */
  persistence?: number;
  /** 0–1 */
  bias?: number;
  /** Named state values; others start at 0. */
  state?: Readonly<Record<string, number>>;
}

export interface AgentStoreOptions {
  dims: 2 | 3;
  /** Names of the per-cell Float64 state variables, fixed for the store's lifetime. */
  stateNames?: readonly string[];
  initialCapacity?: number;
  /** Back every array with a SharedArrayBuffer (for worker threads). */
  shared?: boolean;
}

/** The live rows of a store (see `AgentStore.saveRows`). */
export interface StoreRows {
  count: number;
  nextId: number;
  f64: Float64Array[];
  i32: Int32Array[];
  flags: Uint8Array;
  state: Float64Array[];
}

/** Everything a worker needs to attach views onto a shared store (valid until the next growth). */
export interface SharedAgentBuffers {
  dims: 2 | 3;
  capacity: number;
  count: number;
  stateNames: readonly string[];
  f64: SharedArrayBuffer[];
  i32: SharedArrayBuffer[];
  flags: SharedArrayBuffer;
  state: SharedArrayBuffer;
}

const DEFAULT_RADIUS_UM = Math.cbrt((3 * 2494) / (4 * Math.PI));

function buffer(bytes: number, shared: boolean): ArrayBuffer | SharedArrayBuffer {
  return shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
}

export class AgentStore {
  readonly dims: 2 | 3;
  readonly stateNames: readonly string[];
  readonly shared: boolean;
  count = 0;
  capacity: number;
  /** Next persistent id to hand out. */
  nextId = 0;
  /** Incremented by every add, remove and permute: anything caching cell indices can tell it is stale. */
  version = 0;

  x!: Float64Array; y!: Float64Array; z!: Float64Array;
  radius!: Float64Array; volume!: Float64Array;
  /** Velocity of the current step and the previous one (Adams–Bashforth 2), µm/min. */
  vx!: Float64Array; vy!: Float64Array; vz!: Float64Array;
  pvx!: Float64Array; pvy!: Float64Array; pvz!: Float64Array;
  /** Motility vector (µm/min), kept between re-draws: that is the persistence. */
  mx!: Float64Array; my!: Float64Array; mz!: Float64Array;
  /** Migration speed (µm/min), persistence time (min), bias (0–1) and bias direction (unit or 0). */
  speed!: Float64Array; persistence!: Float64Array; bias!: Float64Array;
  bx!: Float64Array; by!: Float64Array; bz!: Float64Array;
  /** Time spent in the current cycle phase, and since death began (min). */
  phaseAge!: Float64Array; deathAge!: Float64Array;
  id!: Int32Array; type!: Int32Array; phase!: Int32Array;
  flags!: Uint8Array;
  /** Column-major named state: variable v of cell i at state[v * capacity + i]. */
  state!: Float64Array;
  /** id → index, −1 when the id is not (or no longer) alive. */
  private idIndex: Int32Array;
  private readonly stateColumnOf: ReadonlyMap<string, number>;

  constructor(opts: AgentStoreOptions) {
    this.dims = opts.dims;
    this.stateNames = [...(opts.stateNames ?? [])];
    const map = new Map<string, number>();
    this.stateNames.forEach((n, i) => {
      if (map.has(n)) throw new Error(`AgentStore: duplicate state variable name '${n}'`);
      map.set(n, i);
    });
    this.stateColumnOf = map;
    this.shared = opts.shared ?? false;
    this.capacity = 0;
    this.idIndex = new Int32Array(0);
    this.reallocate(Math.max(1, opts.initialCapacity ?? 64));
  }

  /** Builds a store whose arrays are views onto buffers exported by `exportShared` (in a worker). */
  static attach(b: SharedAgentBuffers): AgentStore {
    const s = new AgentStore({ dims: b.dims, stateNames: b.stateNames, initialCapacity: 1 });
    s.capacity = b.capacity;
    s.count = b.count;
    const rec = s as unknown as Record<string, Float64Array | Int32Array>;
    F64_COLUMNS.forEach((c, k) => (rec[c] = new Float64Array(b.f64[k]!)));
    I32_COLUMNS.forEach((c, k) => (rec[c] = new Int32Array(b.i32[k]!)));
    s.flags = new Uint8Array(b.flags);
    s.state = new Float64Array(b.state);
    return s;
  }

  /** The shared buffers of this store (throws unless created with `shared: true`). */
  exportShared(): SharedAgentBuffers {
    if (!this.shared) throw new Error('AgentStore.exportShared: store was not created with shared: true');
    const rec = this as unknown as Record<string, Float64Array | Int32Array>;
    return {
      dims: this.dims,
      capacity: this.capacity,
      count: this.count,
      stateNames: this.stateNames,
      f64: F64_COLUMNS.map((c) => rec[c]!.buffer as SharedArrayBuffer),
      i32: I32_COLUMNS.map((c) => rec[c]!.buffer as SharedArrayBuffer),
      flags: this.flags.buffer as SharedArrayBuffer,
      state: this.state.buffer as SharedArrayBuffer,
    };
  }

  /** Column index of a named state variable (throws on an unknown name). */
  stateColumn(name: string): number {
    const c = this.stateColumnOf.get(name);
    if (c === undefined) {
      throw new Error(`AgentStore: unknown state variable '${name}' (known: ${this.stateNames.join(', ')})`);
    }
    return c;
  }

  /** A view of one state variable over all live cells (invalidated by growth). */
  stateView(name: string): Float64Array {
    const off = this.stateColumn(name) * this.capacity;
    return this.state.subarray(off, off + this.count);
  }

  getState(index: number, name: string): number {
    return this.state[this.stateColumn(name) * this.capacity + index]!;
  }

  setState(index: number, name: string, value: number): void {
    this.state[this.stateColumn(name) * this.capacity + index] = value;
  }

  /** Index of the live cell with persistent id `id`, or −1. */
  indexOf(id: number): number {
    return id >= 0 && id < this.nextId ? this.idIndex[id]! : -1;
  }

  /** Adds a cell and returns its index; its id is `store.id[index]`. */
  add(c: NewCell): number {
    if (this.count === this.capacity) this.reallocate(this.capacity * 2);
    const i = this.count++;
    const id = this.nextId++;
    this.version++;
    if (id >= this.idIndex.length) {
      const grown = new Int32Array(Math.max(64, this.idIndex.length * 2)).fill(-1);
      grown.set(this.idIndex);
      this.idIndex = grown;
    }
    this.idIndex[id] = i;
    this.id[i] = id;
    const r = c.radius ?? DEFAULT_RADIUS_UM;
    this.x[i] = c.x;
    this.y[i] = c.y;
    this.z[i] = c.z ?? 0;
    this.radius[i] = r;
    this.volume[i] = (4 / 3) * Math.PI * r * r * r;
    this.type[i] = c.type ?? 0;
    this.phase[i] = c.phase ?? 0;
    this.speed[i] = c.speed ?? 0;
    this.persistence[i] = c.persistence ?? 1;
    this.bias[i] = c.bias ?? 0;
    // Velocities, motility vector, bias direction, ages, flags and state were zeroed on removal or are
    // fresh memory; state is zeroed explicitly because swap-remove leaves the old last row behind.
    for (const name of ['vx', 'vy', 'vz', 'pvx', 'pvy', 'pvz', 'mx', 'my', 'mz', 'bx', 'by', 'bz', 'phaseAge', 'deathAge'] as const) {
      this[name][i] = 0;
    }
    this.flags[i] = 0;
    const cap = this.capacity;
    for (let v = 0; v < this.stateNames.length; v++) this.state[v * cap + i] = 0;
    if (c.state) for (const [k, val] of Object.entries(c.state)) this.state[this.stateColumn(k) * cap + i] = val;
    return i;
  }

  /** Adds a copy of cell `src` (all columns and state) with a new id; returns the new index. */
  duplicate(src: number): number {
    const i = this.add({ x: 0, y: 0 });
    this.copyRow(src, i);
    return i;
  }

  /** Removes the cell at `index` by moving the last cell into its place. */
  remove(index: number): void {
    if (index < 0 || index >= this.count) {
      throw new RangeError(`AgentStore.remove: index ${index} out of range [0, ${this.count})`);
    }
    const last = this.count - 1;
    this.version++;
    this.idIndex[this.id[index]!] = -1;
    if (index !== last) {
      this.copyRow(last, index);
      this.id[index] = this.id[last]!;
      this.idIndex[this.id[last]!] = index;
    }
    this.count = last;
  }

  /** Removes the cell with persistent id `id` (throws if it is not alive). */
  removeById(id: number): void {
    const i = this.indexOf(id);
    if (i < 0) throw new RangeError(`AgentStore.removeById: id ${id} is not alive`);
    this.remove(i);
  }

  /** Copies of the live rows of every column and the id counter: enough to rebuild the store exactly. */
  saveRows(): StoreRows {
    const n = this.count;
    const rec = this as unknown as Record<string, Float64Array | Int32Array>;
    const cap = this.capacity;
    return {
      count: n,
      nextId: this.nextId,
      f64: F64_COLUMNS.map((c) => (rec[c] as Float64Array).slice(0, n)),
      i32: I32_COLUMNS.map((c) => (rec[c] as Int32Array).slice(0, n)),
      flags: this.flags.slice(0, n),
      state: this.stateNames.map((_, v) => this.state.slice(v * cap, v * cap + n)),
    };
  }

  /** Replaces the whole population by rows saved with `saveRows` (same state names). */
  loadRows(rows: StoreRows): void {
    const n = rows.count;
    if (rows.f64.length !== F64_COLUMNS.length || rows.i32.length !== I32_COLUMNS.length || rows.state.length !== this.stateNames.length) {
      throw new RangeError('AgentStore.loadRows: the saved rows do not match this store\'s columns');
    }
    this.count = 0;
    let cap = this.capacity;
    while (cap < n) cap *= 2;
    if (cap !== this.capacity) this.reallocate(cap);
    const rec = this as unknown as Record<string, Float64Array | Int32Array>;
    F64_COLUMNS.forEach((c, k) => { (rec[c] as Float64Array).set(rows.f64[k]!); });
    I32_COLUMNS.forEach((c, k) => { (rec[c] as Int32Array).set(rows.i32[k]!); });
    this.flags.set(rows.flags);
    rows.state.forEach((col, v) => { this.state.set(col, v * this.capacity); });
    this.count = n;
    this.nextId = rows.nextId;
    this.idIndex = new Int32Array(Math.max(64, rows.nextId)).fill(-1);
    for (let i = 0; i < n; i++) this.idIndex[this.id[i]!] = i;
    this.version++;
  }

  /** Copies all columns except `id` from row `src` to row `dst`. */
  private copyRow(src: number, dst: number): void {
    const rec = this as unknown as Record<string, Float64Array | Int32Array>;
    for (const c of F64_COLUMNS) rec[c]![dst] = rec[c]![src]!;
    this.type[dst] = this.type[src]!;
    this.phase[dst] = this.phase[src]!;
    this.flags[dst] = this.flags[src]!;
    const cap = this.capacity;
    for (let v = 0; v < this.stateNames.length; v++) this.state[v * cap + dst] = this.state[v * cap + src]!;
  }

  /**
   * Permutes live cells so that row k becomes old row perm[k] (perm must be a permutation of
   * [0, count)). Used to keep spatial neighbours close in memory; ids follow their cells.
   */
  permute(perm: Int32Array): void {
    const n = this.count;
    this.version++;
    const rec = this as unknown as Record<string, Float64Array | Int32Array>;
    const tmpF = new Float64Array(n);
    const tmpI = new Int32Array(n);
    const gather = (a: Float64Array | Int32Array | Uint8Array, tmp: Float64Array | Int32Array, off = 0): void => {
      for (let k = 0; k < n; k++) tmp[k] = a[off + perm[k]!]!;
      for (let k = 0; k < n; k++) a[off + k] = tmp[k]!;
    };
    for (const c of F64_COLUMNS) gather(rec[c]!, tmpF);
    for (const c of I32_COLUMNS) gather(rec[c]!, tmpI);
    gather(this.flags, tmpI);
    for (let v = 0; v < this.stateNames.length; v++) gather(this.state, tmpF, v * this.capacity);
    for (let k = 0; k < n; k++) this.idIndex[this.id[k]!] = k;
  }

  private reallocate(cap: number): void {
    const old = this.capacity;
    const n = this.count;
    const rec = this as unknown as Record<string, Float64Array | Int32Array | undefined>;
    for (const c of F64_COLUMNS) {
      const a = new Float64Array(buffer(8 * cap, this.shared));
      const prev = rec[c];
      if (prev) a.set(prev.subarray(0, n));
      rec[c] = a;
    }
    for (const c of I32_COLUMNS) {
      const a = new Int32Array(buffer(4 * cap, this.shared));
      const prev = rec[c];
      if (prev) a.set(prev.subarray(0, n));
      rec[c] = a;
    }
    const flags = new Uint8Array(buffer(cap, this.shared));
    if (old > 0) flags.set(this.flags.subarray(0, n));
    this.flags = flags;
    const nv = this.stateNames.length;
    const state = new Float64Array(buffer(8 * Math.max(1, nv * cap), this.shared));
    for (let v = 0; v < nv && old > 0; v++) state.set(this.state.subarray(v * old, v * old + n), v * cap);
    this.state = state;
    this.capacity = cap;
  }
}
