import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AgentStore } from './store.ts';

describe('AgentStore', () => {
  it('adds cells with persistent ids and named state columns', () => {
    const s = new AgentStore({ dims: 3, stateNames: ['a', 'b'], initialCapacity: 2 });
    const i0 = s.add({ x: 1, y: 2, z: 3, radius: 5, type: 1, state: { b: 7 } });
    const i1 = s.add({ x: 4, y: 5 });
    const i2 = s.add({ x: 6, y: 7 }); // forces growth 2 → 4
    expect([i0, i1, i2]).toEqual([0, 1, 2]);
    expect(s.capacity).toBe(4);
    expect(Array.from(s.id.subarray(0, 3))).toEqual([0, 1, 2]);
    expect(s.getState(0, 'b')).toBe(7);
    expect(s.getState(0, 'a')).toBe(0);
    expect(s.volume[0]).toBeCloseTo((4 / 3) * Math.PI * 125, 10);
    expect(Array.from(s.stateView('b'))).toEqual([7, 0, 0]);
    expect(() => s.stateColumn('nope')).toThrow(/unknown state variable 'nope'/);
    expect(() => new AgentStore({ dims: 2, stateNames: ['a', 'a'] })).toThrow(/duplicate/);
  });

  it('swap-removes without holes and keeps the id → index lookup right', () => {
    const s = new AgentStore({ dims: 2, stateNames: ['q'] });
    for (let k = 0; k < 5; k++) s.add({ x: k, y: 0, state: { q: 10 * k } });
    s.removeById(1);
    expect(s.count).toBe(4);
    expect(s.indexOf(1)).toBe(-1);
    const j = s.indexOf(4);
    expect(j).toBe(1);
    expect(s.x[j]).toBe(4);
    expect(s.getState(j, 'q')).toBe(40);
    expect(() => { s.removeById(1); }).toThrow(/not alive/);
    expect(() => { s.remove(4); }).toThrow(/out of range/);
  });

  it('property: any sequence of adds and removes keeps every live id mapped to its own data', () => {
    const op = fc.oneof(fc.constant<'add'>('add'), fc.nat(1000).map((k) => ({ remove: k })));
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const s = new AgentStore({ dims: 3, stateNames: ['tag', 'other'], initialCapacity: 1 });
        const alive = new Map<number, number>(); // id → tag
        for (const o of ops) {
          if (o === 'add') {
            const tag = s.nextId * 3 + 1;
            const i = s.add({ x: tag, y: -tag, z: 0.5 * tag, state: { tag } });
            alive.set(s.id[i]!, tag);
          } else if (alive.size > 0) {
            const ids = [...alive.keys()];
            const id = ids[o.remove % ids.length]!;
            s.removeById(id);
            alive.delete(id);
          }
        }
        expect(s.count).toBe(alive.size);
        for (const [id, tag] of alive) {
          const i = s.indexOf(id);
          expect(i).toBeGreaterThanOrEqual(0);
          expect(i).toBeLessThan(s.count);
          expect(s.id[i]).toBe(id);
          expect(s.x[i]).toBe(tag);
          expect(s.y[i]).toBe(-tag);
          expect(s.getState(i, 'tag')).toBe(tag);
          expect(s.getState(i, 'other')).toBe(0);
        }
      }),
      { numRuns: 200, seed: 20261121 },
    );
  });

  it('permute moves whole rows and keeps ids findable', () => {
    const s = new AgentStore({ dims: 2, stateNames: ['v'] });
    for (let k = 0; k < 6; k++) s.add({ x: k, y: 0, state: { v: k * k } });
    s.permute(Int32Array.from([5, 3, 1, 0, 2, 4]));
    expect(Array.from(s.x.subarray(0, 6))).toEqual([5, 3, 1, 0, 2, 4]);
    for (let id = 0; id < 6; id++) {
      const i = s.indexOf(id);
      expect(s.x[i]).toBe(id);
      expect(s.getState(i, 'v')).toBe(id * id);
    }
  });

  it('duplicate copies a cell with a fresh id', () => {
    const s = new AgentStore({ dims: 2, stateNames: ['v'], initialCapacity: 1 });
    s.add({ x: 3, y: 4, radius: 6, type: 2, state: { v: 9 } });
    const j = s.duplicate(0);
    expect(s.id[j]).toBe(1);
    expect([s.x[j], s.y[j], s.radius[j], s.type[j], s.getState(j, 'v')]).toEqual([3, 4, 6, 2, 9]);
  });

  it('shared stores export buffers that another view can attach to', () => {
    const s = new AgentStore({ dims: 2, stateNames: ['v'], shared: true });
    s.add({ x: 1, y: 2, state: { v: 3 } });
    const view = AgentStore.attach(s.exportShared());
    view.x[0] = 42;
    expect(s.x[0]).toBe(42);
    expect(view.getState(0, 'v')).toBe(3);
    expect(() => new AgentStore({ dims: 2 }).exportShared()).toThrow(/shared: true/);
  });
});
