/**
 * State of the simulation page as signals: the scenario being edited and its validation, the
 * run list, and the run being watched (live over server-sent events, or browsed afterwards).
 */
import { batch, signal } from '@preact/signals';
import { ApiFailure, describeFailure, getFloat32, getJson, postJson, type ApiIssue } from '../api.ts';
import type { CellsData, FieldData } from './tissue.ts';
import { FINAL, type Example, type Run, type RunProgress, type ScenarioSize, type TimeSeries, type Validation } from './types.ts';

export type SimStore = ReturnType<typeof createSimStore>;

export interface CellFrame extends CellsData {
  timeMin: number;
}

export function createSimStore() {
  const examples = signal<Example[]>([]);
  const example = signal('');
  const text = signal('');
  const validation = signal<Validation>({ state: 'idle', issues: [] });
  const runs = signal<Run[]>([]);
  const current = signal<Run | null>(null);
  const progress = signal<RunProgress | null>(null);
  const series = signal<TimeSeries | null>(null);
  const snapshots = signal<number[]>([]);
  /** Output time shown; null follows the latest. */
  const viewTime = signal<number | null>(null);
  const variable = signal('hif');
  const variables = signal<string[]>([]);
  const field = signal('oxygen');
  const fields = signal<string[]>([]);
  const cells = signal<CellFrame | null>(null);
  const fieldData = signal<(FieldData & { timeMin: number }) | null>(null);
  const error = signal<string | null>(null);
  const submitting = signal(false);

  /** The value, or null when the server answers 404 (nothing there yet); other failures propagate. */
  const orNull = async <T,>(p: Promise<T>): Promise<T | null> => {
    try {
      return await p;
    } catch (e) {
      if (e instanceof ApiFailure && e.status === 404) return null;
      throw e;
    }
  };

  let validateTimer: ReturnType<typeof setTimeout> | undefined;
  let validateGen = 0;
  let events: EventSource | undefined;
  let frameGen = 0;
  let fieldTimes: number[] = [];
  /** Frames announced by the live stream (cells may exist in memory before any snapshot). */
  const frames = signal(0);

  async function validate(): Promise<void> {
    const gen = ++validateGen;
    validation.value = { ...validation.value, state: 'checking' };
    try {
      const r = await postJson<{ ok: true; size: ScenarioSize } | { ok: false; status: 400 | 422; error: string; issues: ApiIssue[] }>('/api/scenarios/validate', { scenario: text.value });
      if (gen !== validateGen) return;
      validation.value = r.ok ? { state: 'ok', issues: [], size: r.size } : { state: r.status === 422 ? 'too-large' : 'invalid', message: r.error, issues: r.issues };
    } catch (e) {
      if (gen === validateGen) validation.value = { state: 'invalid', message: describeFailure(e), issues: [] };
    }
  }

  function setText(t: string): void {
    text.value = t;
    clearTimeout(validateTimer);
    validateTimer = setTimeout(() => { void validate(); }, 350);
  }

  async function loadExamples(): Promise<void> {
    const r = await getJson<{ scenarios: Example[] }>('/api/scenarios');
    examples.value = r.scenarios;
    const first = r.scenarios.find((s) => s.name === 'hypoxic-glioma-quick') ?? r.scenarios[0];
    if (first && text.value === '') await pickExample(first.name);
  }

  async function pickExample(name: string): Promise<void> {
    const r = await getJson<{ text: string }>(`/api/scenarios/${encodeURIComponent(name)}`);
    example.value = name;
    text.value = r.text;
    await validate();
  }

  async function refreshRuns(): Promise<void> {
    try {
      runs.value = (await getJson<{ runs: Run[] }>('/api/runs')).runs;
    } catch (e) {
      error.value = describeFailure(e);
    }
  }

  function upsertRun(r: Run): void {
    const list = runs.value.filter((x) => x.id !== r.id);
    runs.value = [r, ...list].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    if (current.value?.id === r.id) current.value = r;
  }

  /** Load the time series, snapshot list, and the cells and field at the shown time. */
  async function loadResults(): Promise<void> {
    const run = current.value;
    if (!run) return;
    const gen = ++frameGen;
    try {
      // Ask for results only once they exist, so the browser logs no 404s.
      const snaps = await getJson<{ cells: number[]; fields: number[]; timeseries: boolean }>(`/api/runs/${run.id}/snapshots`);
      const ts = snaps.timeseries ? await orNull(getJson<TimeSeries>(`/api/runs/${run.id}/timeseries`)) : null;
      if (gen !== frameGen) return;
      batch(() => {
        series.value = ts;
        snapshots.value = snaps.cells;
        fieldTimes = snaps.fields;
      });
      if (snaps.cells.length > 0 || frames.value > 0) await loadFrame();
    } catch (e) {
      if (gen === frameGen) error.value = describeFailure(e);
    }
  }

  async function loadFrame(): Promise<void> {
    const run = current.value;
    if (!run) return;
    const gen = ++frameGen;
    const t = viewTime.value ?? undefined;
    try {
      const c = await orNull(getFloat32(`/api/runs/${run.id}/cells`, { t, var: variable.value }));
      const ft = c ? Number(c.headers.get('x-time-min')) : t;
      const f = ft !== undefined && fieldTimes.includes(ft) ? await orNull(getFloat32(`/api/runs/${run.id}/fields`, { t: ft, name: field.value })) : null;
      if (gen !== frameGen) return;
      batch(() => {
        if (c) {
          const vars = (c.headers.get('x-variables') ?? '').split(',').filter((v) => v !== '');
          variables.value = vars;
          cells.value = { data: c.data, count: Number(c.headers.get('x-cells')), timeMin: Number(c.headers.get('x-time-min')) };
        } else cells.value = null;
        if (f) {
          fields.value = (f.headers.get('x-fields') ?? '').split(',').filter((v) => v !== '');
          fieldData.value = { data: f.data, nx: Number(f.headers.get('x-nx')), ny: Number(f.headers.get('x-ny')), dxUm: Number(f.headers.get('x-dx-um')), timeMin: Number(f.headers.get('x-time-min')) };
        } else fieldData.value = null;
      });
    } catch (e) {
      if (gen === frameGen) error.value = describeFailure(e);
    }
  }

  function listen(run: Run): void {
    events?.close();
    events = undefined;
    if (FINAL.has(run.status)) return;
    const es = new EventSource(`/api/runs/${run.id}/events`);
    events = es;
    let synced = false;
    es.addEventListener('status', (ev) => {
      const r = JSON.parse((ev as MessageEvent<string>).data) as Run;
      upsertRun(r);
      if (r.progress) progress.value = r.progress;
      if (FINAL.has(r.status)) {
        es.close();
        if (events === es) events = undefined;
        void loadResults();
      } else if (!synced) {
        // the stream's first event: catch up on frames written before it connected
        synced = true;
        void loadResults();
      }
    });
    es.addEventListener('error', () => {
      synced = false; // EventSource reconnects by itself; catch up again when it does
    });
    es.addEventListener('progress', (ev) => {
      progress.value = JSON.parse((ev as MessageEvent<string>).data) as RunProgress;
    });
    es.addEventListener('frame', () => {
      frames.value++;
      if (viewTime.value === null) void loadResults();
    });
  }

  async function openRun(id: string): Promise<void> {
    try {
      const r = (await getJson<{ run: Run }>(`/api/runs/${id}`)).run;
      batch(() => {
        current.value = r;
        progress.value = r.progress;
        viewTime.value = null;
        series.value = null;
        cells.value = null;
        fieldData.value = null;
        snapshots.value = [];
        frames.value = 0;
        error.value = null;
      });
      listen(r);
      await loadResults();
    } catch (e) {
      error.value = describeFailure(e);
    }
  }

  async function startRun(): Promise<void> {
    submitting.value = true;
    error.value = null;
    try {
      const r = await postJson<{ run: Run }>('/api/runs', { scenario: text.value });
      upsertRun(r.run);
      await openRun(r.run.id);
    } catch (e) {
      if (e instanceof ApiFailure && (e.status === 400 || e.status === 422)) validation.value = { state: e.status === 422 ? 'too-large' : 'invalid', message: e.message, issues: [...e.issues] };
      error.value = describeFailure(e);
    } finally {
      submitting.value = false;
    }
  }

  async function control(action: 'pause' | 'resume' | 'cancel'): Promise<void> {
    const run = current.value;
    if (!run) return;
    try {
      const r = await postJson<{ run: Run }>(`/api/runs/${run.id}/${action}`, {});
      upsertRun(r.run);
      if (action === 'resume') listen(r.run);
      if (FINAL.has(r.run.status) || r.run.status === 'paused') void loadResults();
    } catch (e) {
      error.value = describeFailure(e);
    }
  }

  function showTime(t: number | null): void {
    viewTime.value = t;
    void loadFrame();
  }

  function dispose(): void {
    events?.close();
    clearTimeout(validateTimer);
  }

  return {
    examples, example, text, validation, runs, current, progress, series, snapshots, viewTime, variable, variables, field, fields, cells, fieldData, error, submitting,
    loadExamples, pickExample, setText, validate, refreshRuns, openRun, startRun, control, showTime, loadFrame, dispose,
  };
}
