/**
 * Dense-matrix regions of a scenario (Matrigel layers, brain parenchyma around a tumour) as a
 * predicate on positions. Cells inside move at speed × invasiveness.
 */
import type { Scenario } from '../scenario/schema.ts';

export type InMatrix = (x: number, y: number, z: number) => boolean;

export function matrixPredicate(scenario: Scenario): InMatrix | null {
  const regions = scenario.matrix;
  if (regions.length === 0) return null;
  const dims = scenario.domain.dimensions;
  const tests = regions.map((r): InMatrix => {
    if (r.shape === 'band') {
      return r.axis === 'x' ? (_x, y) => y >= r.from && y <= r.to : (x) => x >= r.from && x <= r.to;
    }
    const [cx, cy, cz] = r.center;
    const r2 = r.radius * r.radius;
    return (x, y, z) => (x - cx) ** 2 + (y - cy) ** 2 + (dims === 3 ? (z - cz) ** 2 : 0) > r2;
  });
  return (x, y, z) => tests.some((t) => t(x, y, z));
}
