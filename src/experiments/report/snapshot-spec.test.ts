import { describe, expect, it } from 'vitest';
import { renderSvg } from '../../report/index.ts';
import { snapshotSpec } from './snapshot-spec.ts';

describe('snapshotSpec', () => {
  it('draws cells to scale with the landmarks and an optional field', async () => {
    const spec = snapshotSpec({
      size: [200, 100],
      x: [20, 100],
      y: [30, 70],
      r: [8, 8],
      value: [0.7, 1],
      valueName: 'FRK',
      field: { name: 'O2 (mmHg)', nx: 10, ny: 5, dx: 20, values: Array.from({ length: 50 }, (_, i) => i) },
      marks: [{ kind: 'hline', y: 40, label: 'membrane' }, { kind: 'hband', y: 40, y2: 60, label: 'Matrigel' }, { kind: 'circle', cx: 100, cy: 50, r: 30, label: 'initial tumour' }],
      timeH: 24,
    }, 'H-GDE', 300);
    // x and y share one scale: 300 px for 200 µm
    expect(spec.width).toBe(300);
    expect(spec.height).toBe(150);
    const svg = await renderSvg(spec);
    expect(svg).toContain('H-GDE');
    expect(svg).toContain('membrane');
    expect(svg).toContain('2 live cells coloured by FRK');
  });
});
