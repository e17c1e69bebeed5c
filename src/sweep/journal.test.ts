import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Journal, readJournal, type JournalHeader, type RunRecord } from './journal.ts';
import { tempDir } from './test-helpers/index.ts';

const dir = tempDir();
afterAll(() => { dir.remove(); });
const header: JournalHeader = { type: 'sweep', format: 1, name: 't', evalKey: 'k1' };
const rec = (id: string, y: number): RunRecord => ({ id, replicate: 0, seed: 1, params: { a: 1 }, metrics: { y, ok: true }, attempts: 1, ms: 2, worker: 'w' });

describe('Journal', () => {
  it('records results durably and reads them back, NaN included', () => {
    const path = join(dir.path, 'a.jsonl');
    const j = Journal.open(path, header, { resume: false });
    j.append(rec('p1', 1.5));
    j.append(rec('p2', NaN));
    j.append(rec('p1', 99)); // a second result for a finished point is ignored
    j.noteFailure('p3', 'boom', 3);
    j.close();
    const c = readJournal(path);
    expect([...c.results.keys()]).toEqual(['p1', 'p2']);
    expect(c.results.get('p1')!.metrics).toEqual({ y: 1.5, ok: true });
    expect(Number.isNaN(c.results.get('p2')!.metrics.y)).toBe(true);
  });

  it('refuses to overwrite without resume, and to resume another evaluation', () => {
    const path = join(dir.path, 'b.jsonl');
    Journal.open(path, header, { resume: false }).close();
    expect(() => Journal.open(path, header, { resume: false })).toThrow(/already holds a sweep; use --resume/);
    expect(() => Journal.open(path, { ...header, evalKey: 'k2' }, { resume: true })).toThrow(/different evaluation/);
  });

  it('cuts a torn last line on resume and appends after it', () => {
    const path = join(dir.path, 'c.jsonl');
    const j = Journal.open(path, header, { resume: false });
    j.append(rec('p1', 1));
    j.close();
    appendFileSync(path, '{"type":"result","id":"p2","metr');
    const r = Journal.open(path, header, { resume: true });
    expect([...r.results.keys()]).toEqual(['p1']);
    r.append(rec('p3', 3));
    r.close();
    expect([...readJournal(path).results.keys()]).toEqual(['p1', 'p3']);
    expect(readFileSync(path, 'utf8')).not.toMatch(/metr\{/);
  });
});
