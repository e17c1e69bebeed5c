/** The atlas explorer: search and filters, the network, the path finder, and the relation panel. */
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { useSignalEffect } from '@preact/signals';
import { createNetwork, ROLE_COLOURS, type NetworkView } from './network.ts';
import { createAtlasStore, type AtlasStore } from './store.ts';
import { Sidebar } from './Sidebar.tsx';
import { DetailPanel } from './DetailPanel.tsx';

const LEGEND: [string, string][] = [
  ['condition', 'condition'],
  ['donor', 'donor cell'],
  ['cargo', 'cargo'],
  ['recipient', 'recipient cell'],
  ['target', 'target'],
  ['phenotype', 'phenotype'],
];

function NetworkPane({ store }: { store: AtlasStore }) {
  const box = useRef<HTMLDivElement>(null);
  const view = useRef<NetworkView | null>(null);

  useEffect(() => {
    if (!box.current) return;
    const v = createNetwork(box.current, {
      onNode: (node) => {
        store.selection.value = { kind: 'node', node };
        view.current?.select(node.id);
      },
      onEdge: (edge) => {
        const g = store.graph.value;
        const label = (id: string): string => g?.nodes.find((n) => n.id === id)?.label ?? id;
        store.selection.value = { kind: 'edge', edge, from: label(edge.source), to: label(edge.target) };
        view.current?.select(edge.id);
      },
      onBackground: () => { view.current?.select(null); },
    });
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
  }, [store]);

  // One effect for both, so the highlight is applied after a new graph is drawn.
  const drawn = useRef<{ graph: unknown; layout: string } | null>(null);
  useSignalEffect(() => {
    const g = store.graph.value;
    const layout = store.layout.value;
    const i = store.activePath.value;
    const p = i !== null ? store.paths.value?.paths[i] : undefined;
    const v = view.current;
    if (!g || !v) return;
    if (drawn.current?.graph !== g || drawn.current.layout !== layout) {
      v.setGraph(g, layout);
      drawn.current = { graph: g, layout };
    }
    v.highlightPath(p ? p.nodes.map((n) => n.key) : null);
  });

  const g = store.graph.value;
  return (
    <section class="graph-area" aria-label="Atlas network">
      <div class="toolbar">
        <label>
          Layout{' '}
          <select value={store.layout.value} onChange={(e) => { store.layout.value = e.currentTarget.value === 'force' ? 'force' : 'layered'; }}>
            <option value="layered">causal flow (left to right)</option>
            <option value="force">force-directed</option>
          </select>
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={store.showCells.value}
            onChange={(e) => {
              store.showCells.value = e.currentTarget.checked;
              void store.refresh();
            }}
          />{' '}
          cells as nodes
        </label>
        <button type="button" onClick={() => { view.current?.fit(); }}>Fit</button>
        {store.activePath.value !== null && (
          <button type="button" onClick={() => { store.activePath.value = null; }}>Clear path</button>
        )}
        <ul class="legend" aria-label="Legend">
          {LEGEND.map(([role, text]) => (
            <li key={role}>
              <span class="swatch" style={{ background: ROLE_COLOURS[role] }} />
              {text}
            </li>
          ))}
          <li><span class="arrow act">→</span> activates</li>
          <li><span class="arrow inh">⊣</span> inhibits</li>
        </ul>
      </div>
      <div
        ref={box}
        class="cy"
        tabIndex={0}
        role="application"
        aria-label="Network of the matching relations. Click a node or an arrow for details. Keys: + and - zoom, arrows pan, 0 fits."
        data-testid="network"
      />
      <p class="status" aria-live="polite">
        {store.loading.value ? 'Loading…' : g ? `${g.relations} relations · ${g.nodes.length} nodes · ${g.edges.length} links` : ''}
        {store.error.value !== null && <span class="error" role="alert"> {store.error.value}</span>}
      </p>
    </section>
  );
}

export function AtlasPage({ relationId }: { relationId?: string }) {
  const store = useMemo(createAtlasStore, []);
  useEffect(() => {
    void store.refresh();
  }, [store]);
  useEffect(() => {
    if (relationId !== undefined) void store.openRelation(relationId);
  }, [store, relationId]);
  return (
    <div class="atlas">
      <Sidebar store={store} />
      <NetworkPane store={store} />
      <DetailPanel store={store} />
    </div>
  );
}
