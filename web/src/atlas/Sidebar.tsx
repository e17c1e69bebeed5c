/** Left panel: free-text search, filters, and the path finder. */
import { useEffect, useState } from 'preact/hooks';
import { getJson } from '../api.ts';
import { chainText, seedLabel } from './format.ts';
import { FILTER_FIELDS, type AtlasStore, type FilterField } from './store.ts';

interface Options {
  cancer: string[];
  evidence: string[];
  cargoType: string[];
  phenotype: string[];
  seed: string[];
  condition: string[];
}

const LABELS: Record<FilterField, string> = {
  cancer: 'Cancer type',
  evidence: 'Evidence',
  cargoType: 'Cargo type',
  phenotype: 'Phenotype',
  condition: 'Condition',
  direction: 'Direction',
  seed: 'Seed paper',
  cargo: 'Cargo',
  target: 'Target',
  donor: 'Donor cell',
  recipient: 'Recipient cell',
};

const FREE_TEXT: readonly FilterField[] = ['cargo', 'target', 'donor', 'recipient'];

function useFilterOptions(): Options | null {
  const [opts, setOpts] = useState<Options | null>(null);
  useEffect(() => {
    let live = true;
    void Promise.all([
      getJson<{ byCancerType: Record<string, number>; byEvidence: Record<string, number>; byCargoType: Record<string, number>; byPhenotype: Record<string, number>; bySeed: Record<string, number> }>('/api/atlas/stats'),
      getJson<{ conditions: { id: string }[] }>('/api/atlas/vocab/conditions'),
    ]).then(([s, v]) => {
      if (!live) return;
      setOpts({
        cancer: Object.keys(s.byCancerType),
        evidence: Object.keys(s.byEvidence),
        cargoType: Object.keys(s.byCargoType),
        phenotype: Object.keys(s.byPhenotype).sort(),
        seed: Object.keys(s.bySeed).map(seedLabel).sort(),
        condition: v.conditions.map((c) => c.id).filter((c) => c !== 'unspecified'),
      });
    });
    return () => { live = false; };
  }, []);
  return opts;
}

export function Sidebar({ store }: { store: AtlasStore }) {
  const opts = useFilterOptions();
  const f = store.filters.value;
  const setFilter = (k: FilterField, v: string): void => {
    store.filters.value = { ...store.filters.value, [k]: v };
    void store.refresh();
  };
  const choices = (k: FilterField): string[] => {
    if (k === 'direction') return ['increases', 'decreases'];
    if (!opts) return [];
    return (opts as unknown as Record<string, string[]>)[k] ?? [];
  };
  const pq = store.pathQuery.value;
  const setPath = (patch: Partial<typeof pq>): void => {
    store.pathQuery.value = { ...store.pathQuery.value, ...patch };
  };
  const active = FILTER_FIELDS.filter((k) => (f[k] ?? '') !== '').length;

  return (
    <aside class="panel left" aria-label="Search, filters and path finder">
      <form
        class="block"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          void store.refresh();
        }}
      >
        <label for="atlas-search" class="block-title">Search the atlas</label>
        <div class="row">
          <input id="atlas-search" type="search" placeholder="e.g. miR-1246 FRK" value={store.query.value} onInput={(e) => { store.query.value = e.currentTarget.value; }} />
          <button type="submit">Search</button>
        </div>
        <p class="hint">Every word must match; synonyms work (hsa-miR-1246, HIF-1α, GBM).</p>
      </form>

      <details class="block" open>
        <summary class="block-title">Filters{active > 0 ? ` (${active})` : ''}</summary>
        <div class="filters">
          {FILTER_FIELDS.map((k) =>
            FREE_TEXT.includes(k) ? (
              <label key={k}>
                <span>{LABELS[k]}</span>
                <input
                  type="text"
                  value={f[k] ?? ''}
                  placeholder="any"
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') setFilter(k, e.currentTarget.value.trim());
                  }}
                  onBlur={(e) => {
                    if ((f[k] ?? '') !== e.currentTarget.value.trim()) setFilter(k, e.currentTarget.value.trim());
                  }}
                />
              </label>
            ) : (
              <label key={k}>
                <span>{LABELS[k]}</span>
                <select value={f[k] ?? ''} onChange={(e) => { setFilter(k, e.currentTarget.value); }}>
                  <option value="">any</option>
                  {choices(k).map((c) => (
                    <option key={c} value={c}>{c}</option>
                  ))}
                </select>
              </label>
            ),
          )}
        </div>
        {active > 0 && (
          <button
            type="button"
            class="link"
            onClick={() => {
              store.filters.value = {};
              void store.refresh();
            }}
          >
            Clear filters
          </button>
        )}
      </details>

      <form
        class="block"
        aria-label="Path finder"
        onSubmit={(e) => {
          e.preventDefault();
          void store.findPaths();
        }}
      >
        <div class="block-title">Path finder</div>
        <div class="row2">
          <label>
            <span>From</span>
            <input id="path-from" type="text" value={pq.from} onInput={(e) => { setPath({ from: e.currentTarget.value }); }} />
          </label>
          <label>
            <span>To</span>
            <input id="path-to" type="text" value={pq.to} onInput={(e) => { setPath({ to: e.currentTarget.value }); }} />
          </label>
        </div>
        <div class="row2">
          <label>
            <span>Through (optional)</span>
            <input type="text" value={pq.via} placeholder="e.g. FRK" onInput={(e) => { setPath({ via: e.currentTarget.value }); }} />
          </label>
          <label>
            <span>Max steps</span>
            <select value={String(pq.maxLength)} onChange={(e) => { setPath({ maxLength: Number(e.currentTarget.value) }); }}>
              {[2, 3, 4, 5, 6].map((n) => (
                <option key={n} value={String(n)}>{n}</option>
              ))}
            </select>
          </label>
        </div>
        <button type="submit">Find paths</button>
        <p class="hint">Uses the filters above. Shortest chains first, then chains one study shows end to end.</p>
        {store.pathError.value !== null && <p class="error" role="alert">{store.pathError.value}</p>}
        {store.paths.value !== null && (
          <div class="paths">
            <p class="muted" aria-live="polite">
              {store.paths.value.paths.length === 0 ? `No chain from ${store.paths.value.from} to ${store.paths.value.to} within ${pq.maxLength} steps.` : `${store.paths.value.paths.length} chain${store.paths.value.paths.length === 1 ? '' : 's'}`}
            </p>
            <ol class="path-list">
              {store.paths.value.paths.map((p, i) => (
                <li key={i}>
                  <button
                    type="button"
                    class={`path-item${store.activePath.value === i ? ' active' : ''}`}
                    aria-pressed={store.activePath.value === i}
                    onClick={() => {
                      store.activePath.value = i;
                      store.selection.value = { kind: 'path', index: i };
                    }}
                  >
                    {chainText(p)}
                    <span class="muted"> · {new Set(p.steps.flatMap((s) => s.relations.map((r) => r.id))).size} relations</span>
                  </button>
                </li>
              ))}
            </ol>
          </div>
        )}
      </form>
    </aside>
  );
}
