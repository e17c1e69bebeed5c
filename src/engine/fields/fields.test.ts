import { describe, expect, it } from 'vitest';
import { createMesh } from '../mesh.ts';
import { blockSum, cloneFields, createFields, REDUCTION_BLOCK, substrateIndex, totalAmount } from './fields.ts';
import { addBlockSums, blockCount, blockSumsKernel } from './reduce.ts';

describe('createFields', () => {
  const mesh = createMesh({ nx: 10, ny: 10, nz: 10 });

  it('allocates one Float64Array per substrate on SharedArrayBuffers by default', () => {
    const f = createFields(mesh, ['a', 'b'], { initial: [1, 0] });
    expect(f.data).toHaveLength(2);
    expect(f.data[0]!.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(f.data[0]![999]).toBe(1);
    expect(f.data[1]![0]).toBe(0);
    expect(substrateIndex(f, 'b')).toBe(1);
    expect(() => substrateIndex(f, 'c')).toThrow(/unknown substrate "c"; known: a, b/);
  });

  it('can allocate on plain ArrayBuffers', () => {
    const f = createFields(mesh, ['a'], { shared: false });
    expect(f.data[0]!.buffer).toBeInstanceOf(ArrayBuffer);
  });

  it('rejects duplicate names', () => {
    expect(() => createFields(mesh, ['a', 'a'])).toThrow(/duplicate/);
  });

  it('totals the amount as Σ u·V_voxel', () => {
    const f = createFields(mesh, ['a'], { initial: [2] });
    // 1000 voxels × 2 × 8000 µm³, exact in floating point.
    expect(totalAmount(f, 0)).toBe(16_000_000);
  });

  it('clones values into new buffers', () => {
    const f = createFields(mesh, ['a'], { initial: [3] });
    const g = cloneFields(f);
    g.data[0]![0] = 0;
    expect(f.data[0]![0]).toBe(3);
    expect(g.data[0]![1]).toBe(3);
  });
});

describe('blockSum', () => {
  it('adds fixed blocks in order, independently of any work split', () => {
    const n = 3 * REDUCTION_BLOCK + 17;
    const a = Float64Array.from({ length: n }, (_, i) => Math.sin(i) * 1e3);
    let expected = 0;
    for (let b = 0; b < n; b += REDUCTION_BLOCK) {
      let s = 0;
      for (let i = b; i < Math.min(n, b + REDUCTION_BLOCK); i++) s += a[i]!;
      expected += s;
    }
    expect(blockSum(a)).toBe(expected);
  });
});

describe('blockSumsKernel', () => {
  it('reproduces blockSum bit for bit from any split of the blocks', () => {
    const n = 5 * REDUCTION_BLOCK + 123;
    const a = Float64Array.from({ length: n }, (_, i) => Math.cos(i * 0.77) * 1e6 + 1e-3 * i);
    const blocks = blockCount(n);
    const sums = new Float64Array(blocks);
    blockSumsKernel({ s: 0 }, 0, 2, { fields: [a], sums });
    blockSumsKernel({ s: 0 }, 2, blocks, { fields: [a], sums });
    expect(addBlockSums(sums, blocks)).toBe(blockSum(a));
  });
});
