/**
 * Checkpoints: the complete state of a Simulation at an output time, as one binary file
 * ("EXOCKPT1", a JSON header, then 8-byte-aligned typed arrays with a SHA-256 of the payload).
 * Restoring into a fresh Simulation built from the same scenario, seed and code continues
 * byte-identically: the state is the store rows, the fields, the books, the step counters and the
 * agent driver's history (see AgentDynamics.saveState). Callers may attach their own JSON (`extra`,
 * e.g. the time-series rows written so far).
 */
import { createHash } from 'node:crypto';
import { UserError } from '../common/errors.ts';
import { F64_COLUMNS, I32_COLUMNS } from '../engine/agents/store.ts';
import type { StoreRows } from '../engine/agents/store.ts';
import type { Simulation } from './simulation.ts';

const MAGIC = 'EXOCKPT1';
const FORMAT_VERSION = 1;

type Arr = Float64Array | Int32Array | Uint8Array;

interface ArrayEntry {
  name: string;
  kind: 'f64' | 'i32' | 'u8';
  offset: number;
  length: number;
}

interface Header {
  format: string;
  version: number;
  scenario: string;
  seed: number;
  codeVersion: string;
  step: number;
  phenotypeSteps: number;
  dosesApplied: number;
  count: number;
  nextId: number;
  agentDriver: { stepIndex: number; lastSortStep: number; binSizeUm: number };
  budgets: ReturnType<Simulation['solverBudgets']>;
  arrays: ArrayEntry[];
  payloadSha256: string;
  extra: unknown;
}

export interface CheckpointInfo {
  step: number;
  timeMin: number;
  extra: unknown;
}

export function saveCheckpoint(sim: Simulation, codeVersion: string, extra: unknown = null): Uint8Array {
  const rows = sim.store.saveRows();
  const arrays: [string, Arr][] = [];
  F64_COLUMNS.forEach((c, k) => arrays.push([`cell.${c}`, rows.f64[k]!]));
  I32_COLUMNS.forEach((c, k) => arrays.push([`cell.${c}`, rows.i32[k]!]));
  arrays.push(['cell.flags', rows.flags]);
  sim.store.stateNames.forEach((nme, v) => arrays.push([`state.${nme}`, rows.state[v]!]));
  arrays.push(['field.oxygen', sim.o2.data[0]!]);
  sim.layout.evSpecies.forEach((s, k) => arrays.push([`field.${s}`, sim.ev.data[k]!]));
  for (const [nme, t] of Object.entries({ o2: sim.o2Totals, ev: sim.evTotals })) {
    arrays.push([`totals.${nme}.secreted`, t.secreted], [`totals.${nme}.takenUp`, t.takenUp], [`totals.${nme}.exported`, t.exported], [`totals.${nme}.exportShortfall`, t.exportShortfall]);
  }
  arrays.push(['dosed', sim.dosed]);
  const entries: ArrayEntry[] = [];
  let offset = 0;
  for (const [name, a] of arrays) {
    const kind = a instanceof Float64Array ? 'f64' : a instanceof Int32Array ? 'i32' : 'u8';
    entries.push({ name, kind, offset, length: a.length });
    offset += Math.ceil(a.byteLength / 8) * 8;
  }
  const payload = new Uint8Array(offset);
  arrays.forEach(([, a], k) => { payload.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), entries[k]!.offset); });
  const header: Header = {
    format: MAGIC,
    version: FORMAT_VERSION,
    scenario: sim.loaded.scenario.name,
    seed: sim.seed,
    codeVersion,
    step: sim.step,
    phenotypeSteps: sim.phenotypeSteps,
    dosesApplied: sim.dosesApplied,
    count: rows.count,
    nextId: rows.nextId,
    agentDriver: sim.agentDriverState(),
    budgets: sim.solverBudgets(),
    arrays: entries,
    payloadSha256: createHash('sha256').update(payload).digest('hex'),
    extra,
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const pad = (8 - ((MAGIC.length + 4 + json.length) % 8)) % 8;
  const out = new Uint8Array(MAGIC.length + 4 + json.length + pad + payload.length);
  out.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(out.buffer).setUint32(MAGIC.length, json.length + pad, true);
  out.set(json, MAGIC.length + 4);
  out.fill(0x20, MAGIC.length + 4 + json.length, MAGIC.length + 4 + json.length + pad);
  out.set(payload, MAGIC.length + 4 + json.length + pad);
  return out;
}

function readHeader(bytes: Uint8Array, where: string): { header: Header; payload: Uint8Array } {
  const magic = new TextDecoder().decode(bytes.subarray(0, MAGIC.length));
  if (magic !== MAGIC) throw new UserError(`${where}: not an exoscape checkpoint (expected it to start with ${MAGIC})`);
  const len = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(MAGIC.length, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(MAGIC.length + 4, MAGIC.length + 4 + len))) as Header;
  if (header.version !== FORMAT_VERSION) throw new UserError(`${where}: checkpoint format version ${header.version}, this exoscape reads version ${FORMAT_VERSION}`);
  const start = MAGIC.length + 4 + len;
  // Copy so that typed-array views are aligned whatever the input buffer's offset.
  const payload = bytes.slice(start);
  const sha = createHash('sha256').update(payload).digest('hex');
  if (sha !== header.payloadSha256) throw new UserError(`${where}: checkpoint is damaged (payload checksum mismatch)`);
  return { header, payload };
}

/** Restore into `sim` (built from the same scenario and seed); returns the caller's `extra`. */
export function restoreCheckpoint(sim: Simulation, bytes: Uint8Array, where: string): CheckpointInfo {
  const { header, payload } = readHeader(bytes, where);
  if (header.scenario !== sim.loaded.scenario.name) throw new UserError(`${where}: checkpoint of scenario "${header.scenario}", not "${sim.loaded.scenario.name}"`);
  if (header.seed !== sim.seed) throw new UserError(`${where}: checkpoint of seed ${header.seed}, not ${sim.seed}`);
  const get = (name: string): Arr => {
    const e = header.arrays.find((a) => a.name === name);
    if (e === undefined) throw new UserError(`${where}: checkpoint lacks "${name}" (written by another model?)`);
    const buf = payload.buffer;
    const at = payload.byteOffset + e.offset;
    return e.kind === 'f64' ? new Float64Array(buf, at, e.length) : e.kind === 'i32' ? new Int32Array(buf, at, e.length) : new Uint8Array(buf, at, e.length);
  };
  const rows: StoreRows = {
    count: header.count,
    nextId: header.nextId,
    f64: F64_COLUMNS.map((c) => get(`cell.${c}`) as Float64Array),
    i32: I32_COLUMNS.map((c) => get(`cell.${c}`) as Int32Array),
    flags: get('cell.flags') as Uint8Array,
    state: sim.store.stateNames.map((nme) => get(`state.${nme}`) as Float64Array),
  };
  sim.store.loadRows(rows);
  sim.o2.data[0]!.set(get('field.oxygen'));
  sim.layout.evSpecies.forEach((s, k) => { sim.ev.data[k]!.set(get(`field.${s}`)); });
  for (const [nme, t] of Object.entries({ o2: sim.o2Totals, ev: sim.evTotals })) {
    t.secreted.set(get(`totals.${nme}.secreted`));
    t.takenUp.set(get(`totals.${nme}.takenUp`));
    t.exported.set(get(`totals.${nme}.exported`));
    t.exportShortfall.set(get(`totals.${nme}.exportShortfall`));
  }
  sim.dosed.set(get('dosed'));
  sim.restoreSolverBudgets(header.budgets);
  sim.step = header.step;
  sim.phenotypeSteps = header.phenotypeSteps;
  sim.dosesApplied = header.dosesApplied;
  sim.restoreAgentDriverState(header.agentDriver);
  return { step: header.step, timeMin: sim.timeMin, extra: header.extra };
}
