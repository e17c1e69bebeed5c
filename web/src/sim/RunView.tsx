/** The watched run: status and controls, the tissue, the time series, and the summary. */
import { useEffect, useRef } from 'preact/hooks';
import { useSignalEffect } from '@preact/signals';
import { createTissueView, type TissueView } from './tissue.ts';
import { createChart, type Chart } from './chart.ts';
import { blues, gradientCss, viridis } from './colormap.ts';
import type { SimStore } from './store.ts';
import { FINAL, type ColumnInfo, type Run } from './types.ts';

/** Panels of the time-series view: a column group, or explicit columns. */
const PANELS: { title: string; unit: string; pick: (c: ColumnInfo) => boolean }[] = [
  { title: 'Hypoxia (fraction of cells, mean HIF-1α)', unit: '0–1', pick: (c) => c.name === 'hypoxic_fraction' || c.name === 'hif_mean' },
  { title: 'miRNA in cells (copies per cell)', unit: 'copies', pick: (c) => c.group === 'intracellular miRNA' },
  { title: 'Targets (1 = unrepressed)', unit: 'level', pick: (c) => c.group === 'targets' },
  { title: 'Invasion front beyond the initial outline', unit: 'µm', pick: (c) => c.name === 'invasion_front_um' },
];

function fmt(x: number): string {
  if (x === 0) return '0';
  const a = Math.abs(x);
  return a >= 1000 || a < 0.01 ? x.toExponential(2) : x.toPrecision(3);
}

function Tissue({ store }: { store: SimStore }) {
  const box = useRef<HTMLDivElement>(null);
  const view = useRef<TissueView | null>(null);
  const legend = useRef<HTMLDivElement>(null);
  const fieldLegend = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return;
    const v = createTissueView(box.current);
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
  }, []);
  useSignalEffect(() => {
    const run = store.current.value;
    const c = store.cells.value;
    const f = store.fieldData.value;
    const v = view.current;
    if (!v || !run) return;
    v.setDomain(run.domain.size[0], run.domain.size[1]);
    const fr = v.setField(f);
    const cr = v.setCells(c);
    if (legend.current) legend.current.textContent = cr ? `${fmt(cr[0])} – ${fmt(cr[1])}` : '';
    if (fieldLegend.current) fieldLegend.current.textContent = fr ? `${fmt(fr[0])} – ${fmt(fr[1])}` : '';
  });
  const c = store.cells.value;
  const run = store.current.value;
  return (
    <div class="tissue-wrap">
      <div class="tissue-controls">
        <label>
          Cells coloured by{' '}
          <select value={store.variable.value} onChange={(e) => { store.variable.value = e.currentTarget.value; void store.loadFrame(); }}>
            {(store.variables.value.length > 0 ? store.variables.value : [store.variable.value]).map((x) => (
              <option key={x} value={x}>{x}</option>
            ))}
          </select>
        </label>
        <label>
          over field{' '}
          <select value={store.field.value} onChange={(e) => { store.field.value = e.currentTarget.value; void store.loadFrame(); }}>
            {(store.fields.value.length > 0 ? store.fields.value : [store.field.value]).map((x) => (
              <option key={x} value={x}>{x}</option>
            ))}
          </select>
        </label>
      </div>
      <div
        ref={box}
        class="tissue"
        tabIndex={0}
        role="application"
        aria-label="Tissue: cells coloured by the chosen variable over the chosen field. Drag or arrow keys pan, wheel or + and - zoom."
        data-testid="tissue"
      />
      <div class="tissue-legend">
        <span>{store.variable.value}</span>
        <span class="bar" style={{ background: gradientCss(viridis) }} />
        <span ref={legend} class="range" data-testid="cell-range" />
        <span>{store.field.value}</span>
        <span class="bar" style={{ background: gradientCss(blues) }} />
        <span ref={fieldLegend} class="range" />
        <span class="muted">
          {c ? `${c.count.toLocaleString('en')} cells at t = ${(c.timeMin / 60).toFixed(1)} h` : 'no cells yet'}
          {run?.domain.dimensions === 3 ? ' (middle 60 µm slice)' : ''}; dead cells grey
        </span>
      </div>
    </div>
  );
}

function Charts({ store }: { store: SimStore }) {
  const boxes = useRef<(HTMLDivElement | null)[]>([]);
  const charts = useRef<(Chart | null)[]>([]);
  const signature = useRef('');
  useSignalEffect(() => {
    const ts = store.series.value;
    const hours = (store.current.value?.size.durationMin ?? 60) / 60;
    if (!ts) return;
    const sig = `${ts.columns.map((c) => c.name).join(',')}|${hours}`;
    if (sig !== signature.current) {
      for (const ch of charts.current) ch?.destroy();
      charts.current = PANELS.map((p, i) => {
        const cols = ts.columns.filter(p.pick);
        const el = boxes.current[i];
        return el && cols.length > 0 ? createChart(el, p.title, p.unit, cols.map((c) => ({ name: c.name, label: c.name })), hours) : null;
      });
      signature.current = sig;
    }
    for (const ch of charts.current) ch?.setRows(ts.rows);
  });
  useEffect(() => () => {
    for (const ch of charts.current) ch?.destroy();
  }, []);
  return (
    <section class="charts" aria-label="Time series">
      {PANELS.map((p, i) => (
        <div key={p.title} class="chart" ref={(el) => { boxes.current[i] = el; }} data-testid={`chart-${i}`} />
      ))}
    </section>
  );
}

function Controls({ store, run }: { store: SimStore; run: Run }) {
  const p = store.progress.value;
  const frac = p ? Math.min(1, p.timeMin / p.durationMin) : run.status === 'finished' ? 1 : 0;
  const snaps = store.snapshots.value;
  const shown = store.viewTime.value ?? store.cells.value?.timeMin ?? null;
  const idx = shown !== null ? snaps.indexOf(shown) : -1;
  return (
    <div class="run-controls">
      <div class="run-title">
        <span class={`status-badge st-${run.status}`} data-testid="run-status">{run.status}</span> <strong>{run.name}</strong>
        <span class="muted"> · seed {run.seed} · {run.size.cells.toLocaleString('en')} initial cells · {run.size.voxels.toLocaleString('en')} voxels</span>
      </div>
      <div class="progress-row">
        <progress max={1} value={frac} aria-label="Simulated time" />
        <span class="muted" data-testid="progress-text">
          {p ? `${(p.timeMin / 60).toFixed(1)} / ${(p.durationMin / 60).toFixed(1)} h · ${p.cells.toLocaleString('en')} cells · ${p.wallSeconds.toFixed(1)} s` : run.status === 'queued' ? 'waiting for a free slot' : ''}
        </span>
        {run.status === 'running' && <button type="button" class="secondary" onClick={() => { void store.control('pause'); }}>Pause</button>}
        {(run.status === 'paused' || run.status === 'interrupted') && <button type="button" onClick={() => { void store.control('resume'); }}>Resume</button>}
        {!FINAL.has(run.status) && <button type="button" class="danger" onClick={() => { void store.control('cancel'); }}>Cancel</button>}
      </div>
      {snaps.length > 1 && (
        <label class="time-row">
          <span>Output time</span>
          <input
            type="range"
            min={0}
            max={snaps.length - 1}
            step={1}
            value={idx >= 0 ? idx : snaps.length - 1}
            aria-valuetext={shown !== null ? `${(shown / 60).toFixed(1)} h` : ''}
            onInput={(e) => {
              const k = Number(e.currentTarget.value);
              store.showTime(k === snaps.length - 1 && !FINAL.has(run.status) ? null : snaps[k]!);
            }}
          />
          <span class="muted">{shown !== null ? `${(shown / 60).toFixed(1)} h` : ''}</span>
        </label>
      )}
      {run.error !== null && <p class="error" role="alert">{run.error}</p>}
      {run.result && (
        <p class="result" data-testid="run-result">
          Finished in {run.result.wallSeconds.toFixed(1)} s · {run.result.liveCells.toLocaleString('en')} live cells · mass balance residual {run.result.maxMassBalanceError.toExponential(1)} · stateDigest <code>{run.result.stateDigest.slice(0, 16)}…</code>{' '}
          <a href={`/api/runs/${run.id}/summary`} target="_blank" rel="noopener">summary.json</a>
        </p>
      )}
    </div>
  );
}

export function RunView({ store }: { store: SimStore }) {
  const run = store.current.value;
  if (!run) {
    return (
      <section class="run-view empty" aria-label="Run">
        <p class="muted">Pick an example or edit a scenario, then run it; or open a run from the list.</p>
      </section>
    );
  }
  return (
    <section class="run-view" aria-label={`Run ${run.name}`}>
      <Controls store={store} run={run} />
      <div class="run-body">
        <Tissue store={store} />
        <Charts store={store} />
      </div>
    </section>
  );
}
