/** The simulation page: scenario and runs on the left, the watched run on the right. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { createSimStore } from './store.ts';
import { ScenarioPanel } from './ScenarioPanel.tsx';
import { RunsList } from './RunsList.tsx';
import { RunView } from './RunView.tsx';

export function SimPage({ runId }: { runId?: string }) {
  const store = useMemo(createSimStore, []);
  const [tab, setTab] = useState<'scenario' | 'runs'>('scenario');
  useEffect(() => {
    void store.loadExamples();
    void store.refreshRuns();
    return () => { store.dispose(); };
  }, [store]);
  useEffect(() => {
    if (runId !== undefined) void store.openRun(runId);
  }, [store, runId]);
  return (
    <div class="sim">
      <aside class="panel left" aria-label="Scenario and runs">
        <div class="tabs" role="tablist">
          <button type="button" role="tab" aria-selected={tab === 'scenario'} class={tab === 'scenario' ? 'tab active' : 'tab'} onClick={() => { setTab('scenario'); }}>Scenario</button>
          <button type="button" role="tab" aria-selected={tab === 'runs'} class={tab === 'runs' ? 'tab active' : 'tab'} onClick={() => { setTab('runs'); void store.refreshRuns(); }}>Runs ({store.runs.value.length})</button>
        </div>
        {tab === 'scenario' ? <ScenarioPanel store={store} /> : <RunsList store={store} />}
        {store.error.value !== null && <p class="error" role="alert">{store.error.value}</p>}
      </aside>
      <RunView store={store} />
    </div>
  );
}
