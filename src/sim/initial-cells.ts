/**
 * Initial cell positions from the scenario's shapes. 2D shapes use hexagonal packing (each cell
 * touches six neighbours at the given spacing), 3D spheres hexagonal close packing (twelve), as
 * PhysiCell's sample projects do. Positions are a deterministic function of the scenario.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UserError } from '../common/errors.ts';
import type { Scenario } from '../scenario/schema.ts';

export interface InitialCell {
  x: number;
  y: number;
  z: number;
  type: string;
}

/** Hexagonal lattice points in [x0, x1] × [y0, y1] at distance `d`. */
function hexLattice(x0: number, x1: number, y0: number, y1: number, d: number, z: number, keep: (x: number, y: number) => boolean, out: InitialCell[], type: string): void {
  const dy = (d * Math.sqrt(3)) / 2;
  let row = 0;
  for (let y = y0; y <= y1 + 1e-9; y += dy, row++) {
    const offset = row % 2 === 0 ? 0 : d / 2;
    for (let x = x0 + offset; x <= x1 + 1e-9; x += d) if (keep(x, y)) out.push({ x, y, z, type });
  }
}

/** Hexagonal close packing (ABAB layers) in a box, kept where `keep` says. */
function hcpLattice(box: [number, number, number, number, number, number], d: number, keep: (x: number, y: number, z: number) => boolean, out: InitialCell[], type: string): void {
  const [x0, x1, y0, y1, z0, z1] = box;
  const dy = (d * Math.sqrt(3)) / 2;
  const dz = d * Math.sqrt(2 / 3);
  let layer = 0;
  for (let z = z0; z <= z1 + 1e-9; z += dz, layer++) {
    const lx = layer % 2 === 0 ? 0 : d / 2;
    const ly = layer % 2 === 0 ? 0 : dy / 3;
    let row = 0;
    for (let y = y0 + ly; y <= y1 + 1e-9; y += dy, row++) {
      const offset = (row % 2 === 0 ? 0 : d / 2) + lx;
      for (let x = x0 + offset; x <= x1 + 1e-9; x += d) if (keep(x, y, z)) out.push({ x, y, z, type });
    }
  }
}

function parseCsv(path: string, displayName: string, defaultType: string | undefined, dims: 2 | 3): InitialCell[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UserError(`cannot read cell CSV "${displayName}"`);
  }
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? '').split(',').map((h) => h.trim().toLowerCase());
  const ix = header.indexOf('x');
  const iy = header.indexOf('y');
  const iz = header.indexOf('z');
  const it = header.indexOf('type');
  if (ix < 0 || iy < 0) {
    throw new UserError(`${displayName}:1:1: expected a header with columns x,y[,z][,type], found "${lines[0] ?? ''}"`);
  }
  const cells: InitialCell[] = [];
  for (let n = 1; n < lines.length; n++) {
    const line = lines[n]!;
    if (line.trim() === '') continue;
    const f = line.split(',').map((s) => s.trim());
    const num = (i: number, name: string): number => {
      const s = f[i];
      const x = s === undefined || s === '' ? Number.NaN : Number(s);
      if (!Number.isFinite(x)) {
        const col = f.slice(0, i).reduce((a, s2) => a + s2.length + 1, 1);
        throw new UserError(`${displayName}:${n + 1}:${col}: ${name}: expected a number (µm), found "${s ?? ''}"`);
      }
      return x;
    };
    const type = it >= 0 && (f[it] ?? '') !== '' ? f[it]! : defaultType;
    if (type === undefined) throw new UserError(`${displayName}:${n + 1}:1: type: no cell type in the row and no "type" given in the scenario`);
    cells.push({ x: num(ix, 'x'), y: num(iy, 'y'), z: iz >= 0 && dims === 3 ? num(iz, 'z') : 0, type });
  }
  return cells;
}

/**
 * All initial cells of the scenario. `radiusOf(type)` gives a type's radius (default spacing is one
 * diameter); `scenarioPath` resolves CSV files.
 */
export function initialCells(scenario: Scenario, scenarioPath: string, radiusOf: (type: string) => number): InitialCell[] {
  const out: InitialCell[] = [];
  const [sx, sy, sz] = scenario.domain.size;
  const dims = scenario.domain.dimensions;
  for (const c of scenario.cells) {
    if (c.shape === 'csv') {
      const file = resolve(dirname(scenarioPath), c.file);
      out.push(...parseCsv(file, c.file, c.type, dims));
      continue;
    }
    const d = c.spacing ?? 2 * radiusOf(c.type);
    const z2 = dims === 2 ? 0 : sz / 2;
    if (c.shape === 'disc') {
      const [cx, cy, cz] = c.center;
      const r2 = c.radius * c.radius;
      hexLattice(cx - c.radius, cx + c.radius, cy - c.radius, cy + c.radius, d, dims === 2 ? 0 : cz, (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r2 && x >= 0 && x <= sx && y >= 0 && y <= sy, out, c.type);
    } else if (c.shape === 'sphere') {
      const [cx, cy, cz] = c.center;
      const r = c.radius;
      hcpLattice([cx - r, cx + r, cy - r, cy + r, cz - r, cz + r], d, (x, y, z) => (x - cx) ** 2 + (y - cy) ** 2 + (z - cz) ** 2 <= r * r && x >= 0 && x <= sx && y >= 0 && y <= sy && z >= 0 && z <= sz, out, c.type);
    } else if (c.shape === 'monolayer') {
      hexLattice(d / 2, sx - d / 2, d / 2, sy - d / 2, d, z2, () => true, out, c.type);
    } else {
      // band: from..to across the other axis, the whole length along `axis`
      if (c.axis === 'x') hexLattice(d / 2, sx - d / 2, c.from + d / 2, c.to - d / 2, d, z2, () => true, out, c.type);
      else hexLattice(c.from + d / 2, c.to - d / 2, d / 2, sy - d / 2, d, z2, () => true, out, c.type);
    }
  }
  return out;
}
