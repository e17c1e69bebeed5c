/** The runs on this server, newest first; pick one to watch or browse it. */
import type { SimStore } from './store.ts';

export function RunsList({ store }: { store: SimStore }) {
  const runs = store.runs.value;
  return (
    <section aria-label="Runs" class="runs">
      <h2 class="list-title">Runs ({runs.length})</h2>
      {runs.length === 0 && <p class="muted">No runs yet.</p>}
      <ul class="plain">
        {runs.map((r) => (
          <li key={r.id}>
            <button type="button" class={`run-item${store.current.value?.id === r.id ? ' active' : ''}`} aria-pressed={store.current.value?.id === r.id} onClick={() => { void store.openRun(r.id); }}>
              <span class={`status-badge st-${r.status}`}>{r.status}</span> <strong>{r.name}</strong>
              <span class="muted"> · seed {r.seed} · {new Date(r.createdAt).toLocaleString()}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
