import { describe, expect, it } from 'vitest';
import { Listeners } from './listeners.ts';

describe('listeners per job', () => {
  it('delivers to the job’s listeners only, survives a throwing one, and unsubscribes', () => {
    const reports: string[] = [];
    const l = new Listeners<number>((m) => reports.push(m));
    const a: number[] = [];
    const b: number[] = [];
    const stopA = l.subscribe('x', (e) => a.push(e));
    l.subscribe('x', () => {
      throw new Error('boom');
    });
    l.subscribe('y', (e) => b.push(e));
    l.emit('x', 1);
    stopA();
    l.emit('x', 2);
    l.emit('y', 3);
    expect(a).toEqual([1]);
    expect(b).toEqual([3]);
    expect(reports).toEqual(['boom', 'boom']);
  });
});
