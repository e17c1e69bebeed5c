/** The experiments page: set-up and past experiments on the left, the watched experiment on the right. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { createExperimentStore, type ExperimentStore } from './store.ts';
import { SetupPanel } from './SetupPanel.tsx';
import { Results } from './Results.tsx';
import { FINAL, type ExperimentRecord } from './types.ts';

function PastList({ store }: { store: ExperimentStore }) {
  const list = store.experiments.value;
  return (
    <section aria-label="Past experiments" class="runs">
      <h2 class="list-title">Experiments ({list.length})</h2>
      {list.length === 0 && <p class="muted">No experiments yet.</p>}
      <ul class="plain">
        {list.map((x) => (
          <li key={x.id}>
            <button type="button" class={`run-item${store.current.value?.id === x.id ? ' active' : ''}`} aria-pressed={store.current.value?.id === x.id} onClick={() => { void store.open(x.id); }}>
              <span class={`status-badge st-${x.status}`}>{x.status}</span> <strong>{x.title}</strong>
              <span class="muted">
                {' '}
                · seed {x.request.seed}
                {x.summary?.claims != null ? ` · ${x.summary.claimsHeld ?? 0}/${x.summary.claims} claims hold` : ''} · {new Date(x.createdAt).toLocaleString()}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Seconds since `startedAt`, ticking while `live`. */
function useElapsed(startedAt: string | null, live: boolean): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!live) return;
    const t = setInterval(() => { setNow(Date.now()); }, 1000);
    return () => { clearInterval(t); };
  }, [live]);
  return startedAt === null ? null : Math.max(0, (now - Date.parse(startedAt)) / 1000);
}

function Header({ store, x }: { store: ExperimentStore; x: ExperimentRecord }) {
  const p = x.progress;
  const elapsed = useElapsed(x.startedAt, x.status === 'running');
  const frac = x.status === 'finished' ? 1 : p !== null && p.total > 0 ? p.done / p.total : 0;
  return (
    <div class="run-controls">
      <div class="run-title">
        <span class={`status-badge st-${x.status}`} data-testid="experiment-status">
          {x.status}
        </span>{' '}
        <strong>{x.title}</strong>
        <span class="muted">
          {' '}
          · seed {x.request.seed} · {x.workers} thread(s)
        </span>
      </div>
      <div class="progress-row">
        <progress max={1} value={frac} aria-label="Arm × replicate jobs done" />
        <span class="muted" data-testid="experiment-progress">
          {p !== null ? `${p.done} / ${p.total} arm × replicate jobs${x.status === 'running' && elapsed !== null ? ` · ${elapsed.toFixed(0)} s` : ''}` : x.status === 'queued' ? 'waiting for a free slot' : ''}
        </span>
        {!FINAL.has(x.status) && (
          <button type="button" class="danger" onClick={() => { void store.cancel(); }}>
            Cancel
          </button>
        )}
        {FINAL.has(x.status) && (
          <button type="button" class="secondary" onClick={() => { store.setUp(x.request); }}>
            Set up again
          </button>
        )}
      </div>
      {x.error !== null && (
        <p class="error" role="alert">
          {x.error}
        </p>
      )}
      {x.summary !== null && (
        <p class="result" data-testid="experiment-result">
          Finished in {x.summary.wallSeconds.toFixed(1)} s ({x.summary.cpuSeconds.toFixed(0)} s CPU)
          {x.summary.claims !== null ? ` · ${x.summary.claimsHeld ?? 0} of ${x.summary.claims} claims hold` : ''} · code {x.summary.codeVersion}
        </p>
      )}
    </div>
  );
}

export function ExperimentsPage({ experimentId }: { experimentId?: string }) {
  const store = useMemo(createExperimentStore, []);
  const [tab, setTab] = useState<'setup' | 'past'>('setup');
  useEffect(() => {
    void store.load();
    void store.refresh();
    return () => { store.dispose(); };
  }, [store]);
  useEffect(() => {
    if (experimentId !== undefined) void store.open(experimentId);
  }, [store, experimentId]);
  const x = store.current.value;
  const view = store.result.value;
  return (
    <div class="sim exp">
      <aside class="panel left" aria-label="Set-up and past experiments">
        <div class="tabs" role="tablist">
          <button type="button" role="tab" aria-selected={tab === 'setup'} class={tab === 'setup' ? 'tab active' : 'tab'} onClick={() => { setTab('setup'); }}>
            Set up
          </button>
          <button type="button" role="tab" aria-selected={tab === 'past'} class={tab === 'past' ? 'tab active' : 'tab'} onClick={() => { setTab('past'); void store.refresh(); }}>
            Experiments ({store.experiments.value.length})
          </button>
        </div>
        {tab === 'setup' ? <SetupPanel store={store} /> : <PastList store={store} />}
        {store.error.value !== null && (
          <p class="error" role="alert">
            {store.error.value}
          </p>
        )}
      </aside>
      {x === null ? (
        <section class="run-view empty" aria-label="Experiment">
          <p class="muted">Choose an assay and its arms, or the reproduction of Qian et al. 2021, and run it; or open a past experiment.</p>
        </section>
      ) : (
        <section class="run-view exp-view" aria-label={`Experiment ${x.title}`}>
          <Header store={store} x={x} />
          <div class="exp-body">
            {view !== null ? <Results view={view} /> : <p class="muted pad">{FINAL.has(x.status) ? 'No results: the experiment did not finish.' : 'The results appear here when every arm × replicate job has finished.'}</p>}
          </div>
        </section>
      )}
    </div>
  );
}
