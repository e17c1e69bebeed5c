/**
 * State of the experiments page as signals: the assay catalog and the set-up being edited (what to
 * run, arms, replicates, seed), the list of experiments, and the one being watched (live over
 * server-sent events, then its result).
 */
import { batch, signal } from '@preact/signals';
import { describeFailure, getJson, postJson } from '../api.ts';
import type { AssayCatalog, ExperimentProgress, ExperimentRecord, ExperimentRequest, ExperimentView } from './types.ts';
import { FINAL } from './types.ts';

export type ExperimentStore = ReturnType<typeof createExperimentStore>;

/** The set-up value that stands for "reproduce Qian et al. 2021" (every other value is an assay name). */
export const REPRODUCE = 'reproduce:qian2021';

export function createExperimentStore() {
  const catalog = signal<AssayCatalog | null>(null);
  const choice = signal('');
  const arms = signal<string[]>([]);
  const replicates = signal(4);
  const seed = signal(1);
  const experiments = signal<ExperimentRecord[]>([]);
  const current = signal<ExperimentRecord | null>(null);
  const result = signal<ExperimentView | null>(null);
  const error = signal<string | null>(null);
  const submitting = signal(false);
  let events: EventSource | undefined;
  let openGen = 0;

  function assayOf(name: string): AssayCatalog['assays'][number] | undefined {
    return catalog.value?.assays.find((a) => a.name === name);
  }

  async function load(): Promise<void> {
    try {
      const c = await getJson<AssayCatalog>('/api/assays');
      batch(() => {
        catalog.value = c;
        replicates.value = c.replicates.default;
        seed.value = c.seed;
      });
      if (choice.value === '') pick(c.assays[0]?.name ?? REPRODUCE);
    } catch (e) {
      error.value = describeFailure(e);
    }
  }

  /** Choose what to run; an assay starts with its default arms ticked. */
  function pick(name: string): void {
    batch(() => {
      choice.value = name;
      arms.value = [...(assayOf(name)?.defaultArms ?? [])];
    });
  }

  /** Tick or untick an arm, keeping the assay's order. */
  function toggleArm(name: string, on: boolean): void {
    const order = assayOf(choice.value)?.arms.map((a) => a.name) ?? [];
    const set = new Set(arms.value);
    if (on) set.add(name);
    else set.delete(name);
    arms.value = order.filter((a) => set.has(a));
  }

  function request(): Record<string, unknown> {
    const common = { replicates: replicates.value, seed: seed.value };
    if (choice.value === REPRODUCE) return { kind: 'reproduce', study: 'qian2021', ...common };
    return { kind: 'assay', assay: choice.value, arms: arms.value, ...common };
  }

  /** Put a past experiment's request back into the set-up. */
  function setUp(r: ExperimentRequest): void {
    if (r.kind === 'reproduce') pick(REPRODUCE);
    else {
      pick(r.assay);
      arms.value = [...r.arms];
    }
    batch(() => {
      replicates.value = r.replicates;
      seed.value = r.seed;
    });
  }

  async function refresh(): Promise<void> {
    try {
      experiments.value = (await getJson<{ experiments: ExperimentRecord[] }>('/api/experiments')).experiments;
    } catch (e) {
      error.value = describeFailure(e);
    }
  }

  function upsert(r: ExperimentRecord): void {
    experiments.value = [r, ...experiments.value.filter((x) => x.id !== r.id)].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    if (current.value?.id === r.id) current.value = r;
  }

  async function loadResult(id: string): Promise<void> {
    const gen = openGen;
    try {
      const r = await getJson<{ experiment: ExperimentRecord; result: ExperimentView | null }>(`/api/experiments/${encodeURIComponent(id)}`);
      if (gen !== openGen) return;
      batch(() => {
        upsert(r.experiment);
        result.value = r.result;
      });
    } catch (e) {
      if (gen === openGen) error.value = describeFailure(e);
    }
  }

  function listen(r: ExperimentRecord): void {
    events?.close();
    events = undefined;
    if (FINAL.has(r.status)) return;
    const es = new EventSource(`/api/experiments/${encodeURIComponent(r.id)}/events`);
    events = es;
    es.addEventListener('status', (ev) => {
      const x = JSON.parse((ev as MessageEvent<string>).data) as ExperimentRecord;
      upsert(x);
      if (FINAL.has(x.status)) {
        es.close();
        if (events === es) events = undefined;
        void loadResult(x.id);
      }
    });
    es.addEventListener('progress', (ev) => {
      const p = JSON.parse((ev as MessageEvent<string>).data) as ExperimentProgress;
      const cur = current.value;
      if (cur?.id === r.id) current.value = { ...cur, progress: p };
    });
  }

  async function open(id: string): Promise<void> {
    const gen = ++openGen;
    batch(() => {
      result.value = null;
      error.value = null;
    });
    try {
      const r = await getJson<{ experiment: ExperimentRecord; result: ExperimentView | null }>(`/api/experiments/${encodeURIComponent(id)}`);
      if (gen !== openGen) return;
      batch(() => {
        current.value = r.experiment;
        result.value = r.result;
      });
      history.replaceState(null, '', `#/experiments/${encodeURIComponent(id)}`);
      listen(r.experiment);
    } catch (e) {
      if (gen === openGen) error.value = describeFailure(e);
    }
  }

  async function start(): Promise<void> {
    submitting.value = true;
    error.value = null;
    try {
      const r = await postJson<{ experiment: ExperimentRecord }>('/api/experiments', request());
      upsert(r.experiment);
      await open(r.experiment.id);
    } catch (e) {
      error.value = describeFailure(e);
    } finally {
      submitting.value = false;
    }
  }

  async function cancel(): Promise<void> {
    const r = current.value;
    if (!r) return;
    try {
      upsert((await postJson<{ experiment: ExperimentRecord }>(`/api/experiments/${encodeURIComponent(r.id)}/cancel`, {})).experiment);
    } catch (e) {
      error.value = describeFailure(e);
    }
  }

  function dispose(): void {
    events?.close();
    events = undefined;
  }

  return { catalog, choice, arms, replicates, seed, experiments, current, result, error, submitting, assayOf, load, pick, toggleArm, setUp, refresh, open, start, cancel, dispose };
}
