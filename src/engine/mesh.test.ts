import { describe, expect, it } from 'vitest';
import { createMesh, domainSizeUm, voxelAt, voxelAtClamped, voxelCentre, voxelIndex } from './mesh.ts';

describe('createMesh', () => {
  it('makes a 2-D mesh one voxel thick with dx³ voxels (PhysiCell convention)', () => {
    const m = createMesh({ nx: 50, ny: 40 });
    expect(m.dims).toBe(2);
    expect(m.dxUm).toBe(20);
    expect(m.voxelCount).toBe(2000);
    expect(m.voxelVolumeUm3).toBe(8000);
    expect(domainSizeUm(m)).toEqual([1000, 800, 20]);
  });

  it('makes a 3-D mesh when nz > 1', () => {
    const m = createMesh({ nx: 4, ny: 5, nz: 6, dxUm: 10 });
    expect(m.dims).toBe(3);
    expect(m.voxelVolumeUm3).toBe(1000);
  });

  it('rejects non-integer sizes and bad spacing, echoing the value', () => {
    expect(() => createMesh({ nx: 0, ny: 3 })).toThrow(/nx must be a positive integer, got 0/);
    expect(() => createMesh({ nx: 2, ny: 2.5 })).toThrow(/ny .* got 2.5/);
    expect(() => createMesh({ nx: 2, ny: 2, dxUm: -1 })).toThrow(/dxUm .* got -1/);
  });
});

describe('voxel indexing', () => {
  const m = createMesh({ nx: 7, ny: 5, nz: 3, dxUm: 10, originUm: [-35, -25, -15] });

  it('numbers voxels i + nx·(j + ny·k) with x contiguous', () => {
    expect(voxelIndex(m, 1, 0, 0)).toBe(1);
    expect(voxelIndex(m, 0, 1, 0)).toBe(7);
    expect(voxelIndex(m, 0, 0, 1)).toBe(35);
  });

  it('maps every voxel centre back to its own index', () => {
    const p = new Float64Array(3);
    for (let idx = 0; idx < m.voxelCount; idx++) {
      voxelCentre(m, idx, p);
      expect(voxelAt(m, p[0]!, p[1]!, p[2])).toBe(idx);
    }
  });

  it('puts the centre of voxel (0,0,0) half a voxel inside the origin', () => {
    expect([...voxelCentre(m, 0)]).toEqual([-30, -20, -10]);
  });

  it('returns −1 outside the domain (half-open upper faces) and clamps on request', () => {
    expect(voxelAt(m, -35.001, 0, 0)).toBe(-1);
    expect(voxelAt(m, 35, 0, 0)).toBe(-1);
    expect(voxelAt(m, Number.NaN, 0, 0)).toBe(-1);
    expect(voxelAt(m, -35, -25, -15)).toBe(0);
    expect(voxelAtClamped(m, 1e9, -1e9, 0)).toBe(voxelIndex(m, 6, 0, 1));
  });

  it('ignores z in 2-D', () => {
    const m2 = createMesh({ nx: 3, ny: 3 });
    expect(voxelAt(m2, 30, 30, 1234)).toBe(4);
  });
});
