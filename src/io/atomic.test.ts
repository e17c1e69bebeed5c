import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isTempName, tempPathFor, writeFileAtomic, writeFileAtomicSync } from './atomic.ts';

// Test double: make the final rename fail on demand, as a crash between write and rename would.
const failRename = vi.hoisted(() => ({ on: false }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  return { ...real, rename: (from: string, to: string) => (failRename.on ? Promise.reject(new Error('simulated crash before rename')) : real.rename(from, to)) };
});
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return {
    ...real,
    renameSync: (from: string, to: string) => {
      if (failRename.on) throw new Error('simulated crash before rename');
      real.renameSync(from, to);
    },
  };
});

afterEach(() => {
  failRename.on = false;
});

const scratch = (): string => mkdtempSync(join(tmpdir(), 'exoscape-atomic-'));

describe('writeFileAtomic', () => {
  it('writes and replaces a file, creating parent folders', async () => {
    const dir = scratch();
    const path = join(dir, 'a', 'b', 'x.parquet');
    await writeFileAtomic(path, 'first');
    await writeFileAtomic(path, new Uint8Array([1, 2, 3]));
    expect([...readFileSync(path)]).toEqual([1, 2, 3]);
    expect(readdirSync(join(dir, 'a', 'b'))).toEqual(['x.parquet']);
  });

  it('a write that fails before the rename keeps the old file and leaves no temporary file', async () => {
    const dir = scratch();
    const path = join(dir, 'timeseries.parquet');
    writeFileSync(path, 'old complete content');
    failRename.on = true;
    await expect(writeFileAtomic(path, 'new content')).rejects.toThrow('simulated crash');
    expect(readFileSync(path, 'utf8')).toBe('old complete content');
    expect(readdirSync(dir)).toEqual(['timeseries.parquet']);
  });

  it('the sync variant behaves the same', () => {
    const dir = scratch();
    const path = join(dir, 'out.json');
    writeFileAtomicSync(path, '{"v":1}');
    failRename.on = true;
    expect(() => { writeFileAtomicSync(path, '{"v":2}'); }).toThrow('simulated crash');
    expect(readFileSync(path, 'utf8')).toBe('{"v":1}');
    expect(readdirSync(dir)).toEqual(['out.json']);
  });

  it('temporary names are hidden siblings that never match the final extension', () => {
    const tmp = tempPathFor('/run/cells/t-0000060.parquet');
    expect(tmp.startsWith('/run/cells/.t-0000060.parquet.')).toBe(true);
    expect(tmp.endsWith('.parquet')).toBe(false);
    expect(isTempName(tmp)).toBe(true);
    expect(isTempName('/run/cells/t-0000060.parquet')).toBe(false);
    expect(tempPathFor('/x/y.json')).not.toBe(tempPathFor('/x/y.json'));
  });
});
