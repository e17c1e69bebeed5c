/**
 * The atlas network in cytoscape, kept free of the UI framework: set a graph, highlight a path,
 * report clicks. Activation edges end in a triangle, inhibition edges in a tee (⊣) and are red;
 * edge width grows with the number of supporting relations. Keyboard: + and - zoom, arrows pan,
 * 0 fits the graph.
 */
import cytoscape from 'cytoscape';
import type { Core, ElementDefinition, EdgeSingular, NodeSingular, StylesheetJson } from 'cytoscape';
import type { AtlasGraph, GraphEdge, GraphNode } from '../api.ts';
import { layeredPositions } from './layered-layout.ts';

export type LayoutName = 'layered' | 'force';

export interface NetworkHandlers {
  onNode(node: GraphNode): void;
  onEdge(edge: GraphEdge): void;
  onBackground(): void;
}

export interface NetworkView {
  setGraph(graph: AtlasGraph, layout: LayoutName): void;
  /** Highlight a chain of node keys (null clears); edges between consecutive keys, also via a cell node, are highlighted. */
  highlightPath(keys: readonly string[] | null): void;
  /** Mark one node or edge as selected (null clears). */
  select(id: string | null): void;
  fit(): void;
  destroy(): void;
}

export const ROLE_COLOURS: Record<string, string> = {
  condition: '#c27c0e',
  donor: '#2f6db5',
  recipient: '#6f9fd8',
  cargo: '#7b3fa0',
  'cargo+target': '#7b3fa0',
  vesicles: '#6b6b6b',
  target: '#1b8a7a',
  phenotype: '#c0392b',
};

const style: StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'font-size': 11,
      'font-family': 'system-ui, sans-serif',
      color: '#1d1d1f',
      'text-valign': 'bottom',
      'text-margin-y': 3,
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.75,
      'text-background-padding': '1px',
      'min-zoomed-font-size': 7,
      width: 'mapData(degree, 1, 40, 14, 34)',
      height: 'mapData(degree, 1, 40, 14, 34)',
      'background-color': 'data(colour)',
      'border-width': 1,
      'border-color': '#ffffff',
    },
  },
  { selector: 'node[kind = "condition"]', style: { shape: 'diamond' } },
  { selector: 'node[kind = "cell"]', style: { shape: 'round-rectangle' } },
  { selector: 'node[kind = "phenotype"]', style: { shape: 'hexagon' } },
  { selector: 'node[kind = "vesicles"]', style: { shape: 'octagon' } },
  {
    selector: 'edge',
    style: {
      width: 'mapData(weight, 1, 20, 1, 5)',
      'line-color': '#8a94a3',
      'target-arrow-color': '#8a94a3',
      'target-arrow-shape': 'triangle',
      'arrow-scale': 0.9,
      'curve-style': 'bezier',
      opacity: 0.55,
    },
  },
  { selector: 'edge[sign = "inhibition"]', style: { 'line-color': '#c0392b', 'target-arrow-color': '#c0392b', 'target-arrow-shape': 'tee', 'arrow-scale': 1.1 } },
  { selector: '.faded', style: { opacity: 0.12 } },
  { selector: 'node.faded', style: { 'text-opacity': 0.25 } },
  { selector: 'node.path', style: { 'border-width': 3, 'border-color': '#111111', 'font-weight': 'bold', 'font-size': 14, 'min-zoomed-font-size': 0, 'text-background-opacity': 1, 'z-index': 10 } },
  { selector: 'edge.path', style: { opacity: 1, width: 4, 'z-index': 10 } },
  { selector: ':selected, .chosen', style: { 'overlay-color': '#f5b700', 'overlay-opacity': 0.35, 'overlay-padding': 5 } },
];

function elements(graph: AtlasGraph): ElementDefinition[] {
  return [
    ...graph.nodes.map((n) => ({ group: 'nodes' as const, data: { ...n, colour: ROLE_COLOURS[n.role] ?? '#888888' } })),
    ...graph.edges.map((e) => ({ group: 'edges' as const, data: { ...e, weight: e.relations.length } })),
  ];
}

export function createNetwork(container: HTMLElement, handlers: NetworkHandlers): NetworkView {
  const cy: Core = cytoscape({ container, style, minZoom: 0.05, maxZoom: 4, wheelSensitivity: 0.4, boxSelectionEnabled: false, selectionType: 'single' });
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();

  cy.on('tap', 'node', (ev) => {
    const n = nodes.get((ev.target as NodeSingular).id());
    if (n) handlers.onNode(n);
  });
  cy.on('tap', 'edge', (ev) => {
    const e = edges.get((ev.target as EdgeSingular).id());
    if (e) handlers.onEdge(e);
  });
  cy.on('tap', (ev) => {
    if (ev.target === cy) handlers.onBackground();
  });

  const onKey = (ev: KeyboardEvent): void => {
    const step = 60;
    const zoomBy = (f: number): void => {
      cy.zoom({ level: cy.zoom() * f, renderedPosition: { x: container.clientWidth / 2, y: container.clientHeight / 2 } });
    };
    const actions: Record<string, () => void> = {
      '+': () => { zoomBy(1.25); },
      '=': () => { zoomBy(1.25); },
      '-': () => { zoomBy(0.8); },
      '0': () => { cy.fit(undefined, 30); },
      ArrowLeft: () => { cy.panBy({ x: step, y: 0 }); },
      ArrowRight: () => { cy.panBy({ x: -step, y: 0 }); },
      ArrowUp: () => { cy.panBy({ x: 0, y: step }); },
      ArrowDown: () => { cy.panBy({ x: 0, y: -step }); },
    };
    const act = actions[ev.key];
    if (act) {
      act();
      ev.preventDefault();
    }
  };
  container.addEventListener('keydown', onKey);

  // Labels on a highlighted path stay about 13 px on screen at any zoom.
  const pathLabels = (): void => {
    cy.style().selector('node.path').style('font-size', Math.max(11, 13 / cy.zoom())).update();
  };
  cy.on('zoom', pathLabels);

  return {
    setGraph(graph, layout) {
      nodes.clear();
      edges.clear();
      for (const n of graph.nodes) nodes.set(n.id, n);
      for (const e of graph.edges) edges.set(e.id, e);
      cy.batch(() => {
        cy.elements().remove();
        cy.add(elements(graph));
      });
      if (layout === 'layered') {
        const pos = layeredPositions(graph, { aspect: container.clientWidth / Math.max(1, container.clientHeight) });
        cy.layout({ name: 'preset', positions: Object.fromEntries(pos), fit: true, padding: 30, animate: false }).run();
      } else {
        cy.layout({ name: 'cose', animate: false, fit: true, padding: 30, randomize: true, nodeRepulsion: () => 9000, idealEdgeLength: () => 80, numIter: graph.nodes.length > 250 ? 600 : 1200 }).run();
      }
      // A small graph fitted to the view is drawn zoomed out; keep its labels about 12 px on screen.
      // (Large graphs keep the default size and hide labels until zoomed in, or they would overlap.)
      const font = graph.nodes.length <= 60 ? Math.min(24, Math.max(11, 12 / cy.zoom())) : 11;
      cy.style().selector('node').style('font-size', font).update();
    },
    highlightPath(keys) {
      let on = cy.collection();
      cy.batch(() => {
        cy.elements().removeClass('path faded');
        if (keys === null || keys.length === 0) return;
        for (const k of keys) on = on.union(cy.getElementById(k));
        for (let i = 0; i + 1 < keys.length; i++) {
          const a = cy.getElementById(keys[i]!) as NodeSingular;
          const b = cy.getElementById(keys[i + 1]!) as NodeSingular;
          const direct = a.edgesTo(b);
          if (direct.nonempty()) on = on.union(direct);
          else {
            // with cell nodes shown, a step condition → cargo runs through the donor cell
            for (const mid of a.outgoers('node[kind = "cell"]').nodes().toArray()) {
              const second = mid.edgesTo(b);
              if (second.nonempty()) on = on.union(a.edgesTo(mid)).union(mid).union(second);
            }
          }
        }
        on.addClass('path');
        cy.elements().not(on).addClass('faded');
      });
      if (on.nonempty()) cy.fit(on, 60);
      pathLabels();
    },
    select(id) {
      cy.elements().removeClass('chosen');
      if (id !== null) cy.getElementById(id).addClass('chosen');
    },
    fit() {
      cy.fit(undefined, 30);
    },
    destroy() {
      container.removeEventListener('keydown', onKey);
      cy.destroy();
    },
  };
}
