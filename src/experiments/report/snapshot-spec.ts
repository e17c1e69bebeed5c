/**
 * A tissue snapshot of one replicate at the end of an assay: cells drawn as circles of their true
 * radius (x and y share one µm-per-pixel scale), coloured by a target level (FRK or TFAP2A), over an
 * optional field (O2), with the assay's landmarks: the membrane, the Matrigel layer, the initial
 * wound, the initial tumour outline.
 */
import { baseConfig, type VegaLiteSpec } from '../../report/spec-style.ts';
import type { Snapshot } from '../types.ts';

export function snapshotSpec(s: Snapshot, title: string, sizePx = 300): VegaLiteSpec {
  const [w, h] = s.size;
  const pxPerUm = sizePx / Math.max(w, h);
  const width = Math.round(w * pxPerUm);
  const height = Math.round(h * pxPerUm);
  const x = { type: 'quantitative', scale: { domain: [0, w], nice: false, zero: false }, axis: { title: 'x (µm)', tickCount: Math.max(2, Math.floor(width / 70)) } } as const;
  const y = { type: 'quantitative', scale: { domain: [0, h], nice: false, zero: false }, axis: { title: 'y (µm)', tickCount: Math.max(2, Math.floor(height / 70)) } } as const;
  const layers: object[] = [];
  if (s.field !== undefined) {
    const f = s.field;
    const rows: { x: number; x2: number; y: number; y2: number; v: number }[] = [];
    for (let j = 0; j < f.ny; j++) for (let i = 0; i < f.nx; i++) rows.push({ x: i * f.dx, x2: (i + 1) * f.dx, y: j * f.dx, y2: (j + 1) * f.dx, v: f.values[i + f.nx * j]! });
    layers.push({
      data: { values: rows },
      mark: { type: 'rect', strokeWidth: 0 },
      encoding: { x: { field: 'x', ...x }, x2: { field: 'x2' }, y: { field: 'y', ...y }, y2: { field: 'y2' }, color: { field: 'v', type: 'quantitative', scale: { scheme: 'blues' }, title: f.name, legend: { orient: 'right', gradientLength: Math.min(160, height / 2) } } },
    });
  }
  for (const m of s.marks) {
    if (m.kind === 'hband') {
      layers.push({ data: { values: [{ x: 0, x2: w, y: m.y, y2: m.y2, label: m.label }] }, mark: { type: 'rect', color: '#E69F00', opacity: 0.18 }, encoding: { x: { field: 'x', ...x }, x2: { field: 'x2' }, y: { field: 'y', ...y }, y2: { field: 'y2' } } });
    } else if (m.kind === 'hline') {
      layers.push({ data: { values: [{ x: 0, x2: w, y: m.y }] }, mark: { type: 'rule', color: '#333333', strokeWidth: 2, strokeDash: [6, 3] }, encoding: { x: { field: 'x', ...x }, x2: { field: 'x2' }, y: { field: 'y', ...y } } });
    } else {
      const pts = Array.from({ length: 73 }, (_, k) => ({ k, x: m.cx! + m.r! * Math.cos((2 * Math.PI * k) / 72), y: m.cy! + m.r! * Math.sin((2 * Math.PI * k) / 72) }));
      layers.push({ data: { values: pts }, mark: { type: 'line', color: '#333333', strokeDash: [5, 3], strokeWidth: 1.5 }, encoding: { x: { field: 'x', ...x }, y: { field: 'y', ...y }, order: { field: 'k', type: 'quantitative' } } });
    }
  }
  const labels = s.marks.map((m) => ({ x: 4, y: m.kind === 'circle' ? m.cy! + m.r! : (m.y2 ?? m.y)!, label: m.label }));
  layers.push({
    data: { values: s.x.map((xi, i) => ({ x: xi, y: s.y[i]!, c: s.value[i]!, size: (2 * s.r[i]! * pxPerUm) ** 2 })) },
    mark: { type: 'point', shape: 'circle', filled: true, opacity: 0.95, stroke: '#222222', strokeWidth: 0.3 },
    encoding: {
      x: { field: 'x', ...x },
      y: { field: 'y', ...y },
      size: { field: 'size', type: 'quantitative', scale: null },
      color: { field: 'c', type: 'quantitative', scale: { scheme: 'viridis', domain: [0.5, 1] }, title: s.valueName, legend: { orient: 'right', gradientLength: Math.min(160, height / 2) } },
    },
  });
  layers.push({ data: { values: labels }, mark: { type: 'text', align: 'left', baseline: 'bottom', dy: -2, fontSize: 11, color: '#333333' }, encoding: { x: { field: 'x', ...x }, y: { field: 'y', ...y }, text: { field: 'label' } } });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: title, subtitle: `t = ${s.timeH} h · ${s.x.length} live cells coloured by ${s.valueName}` },
    width,
    height,
    config: baseConfig(),
    layer: layers,
    resolve: { scale: { color: 'independent' }, legend: { color: 'independent' } },
  };
}
