/**
 * The sweep journal (`journal.jsonl` in the output directory): an append-only record of every
 * finished run, so an interrupted sweep resumes without running a finished point twice.
 *
 * Line 1 is a header naming the evaluation key; every other line is one finished run (id,
 * replicate, seed, parameters, metrics, attempts, duration, worker) or a failure note. Lines are
 * written as results arrive and fsync'ed at most every `syncMs` and on close; a crash can lose
 * only the unsynced tail (those runs are simply run again) and a torn last line is cut off when
 * the journal is reopened.
 */
import { closeSync, existsSync, fsyncSync, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs';
import { UserError } from '../common/errors.ts';
import type { Metrics } from './evaluator.ts';
import { decodeMetrics, encodeMetrics } from './metrics-json.ts';

export const JOURNAL_FILE = 'journal.jsonl';

export interface JournalHeader {
  type: 'sweep';
  format: 1;
  name: string;
  evalKey: string;
}

export interface RunRecord {
  id: string;
  replicate: number;
  seed: number;
  params: Record<string, number>;
  metrics: Metrics;
  attempts: number;
  ms: number;
  worker: string;
}

export interface JournalContents {
  header: JournalHeader;
  results: Map<string, RunRecord>;
  /** Byte length of the complete lines (anything after is a torn write). */
  validBytes: number;
}

export function readJournal(path: string): JournalContents {
  const text = readFileSync(path, 'utf8');
  const end = text.lastIndexOf('\n') + 1;
  const lines = text.slice(0, end).split('\n').filter((l) => l !== '');
  const first = lines[0];
  let header: JournalHeader | undefined;
  try {
    header = first !== undefined ? (JSON.parse(first) as JournalHeader) : undefined;
  } catch {
    header = undefined;
  }
  if (header?.type !== 'sweep' || typeof header.evalKey !== 'string') throw new UserError(`${path}: not a sweep journal (no header line)`);
  const results = new Map<string, RunRecord>();
  for (const [i, line] of lines.slice(1).entries()) {
    let rec: { type?: string; metrics?: unknown } & Partial<RunRecord>;
    try {
      rec = JSON.parse(line) as typeof rec;
    } catch {
      throw new UserError(`${path}:${i + 2}: journal line is not JSON`);
    }
    if (rec.type !== 'result') continue;
    results.set(rec.id!, { id: rec.id!, replicate: rec.replicate!, seed: rec.seed!, params: rec.params!, metrics: decodeMetrics(rec.metrics), attempts: rec.attempts!, ms: rec.ms!, worker: rec.worker! });
  }
  return { header, results, validBytes: Buffer.byteLength(text.slice(0, end)) };
}

export class Journal {
  private readonly fd: number;
  private dirty = false;
  private timer: NodeJS.Timeout | undefined;

  private constructor(
    readonly path: string,
    readonly results: Map<string, RunRecord>,
    private readonly syncMs: number,
  ) {
    this.fd = openSync(path, 'a');
  }

  /**
   * Open `path`: a new journal with `header`, or (resume) the existing one, which must carry the
   * same evaluation key. Without `resume`, an existing journal is an error.
   */
  static open(path: string, header: JournalHeader, options: { resume: boolean; syncMs?: number }): Journal {
    const syncMs = options.syncMs ?? 200;
    if (existsSync(path)) {
      if (!options.resume) throw new UserError(`${path} already holds a sweep; use --resume to continue it or --out to choose another directory`);
      const c = readJournal(path);
      if (c.header.evalKey !== header.evalKey) {
        throw new UserError(`${path} was written for a different evaluation (evaluator, options, metrics or input files changed: key ${c.header.evalKey} ≠ ${header.evalKey}); use another --out`);
      }
      const fd = openSync(path, 'r+');
      try {
        ftruncateSync(fd, c.validBytes);
      } finally {
        closeSync(fd);
      }
      return new Journal(path, c.results, syncMs);
    }
    const j = new Journal(path, new Map(), syncMs);
    j.write(header);
    j.sync();
    return j;
  }

  private write(value: unknown): void {
    writeSync(this.fd, `${JSON.stringify(value)}\n`);
    this.dirty = true;
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.sync();
    }, this.syncMs);
  }

  append(rec: RunRecord): void {
    if (this.results.has(rec.id)) return;
    this.results.set(rec.id, rec);
    this.write({ type: 'result', ...rec, metrics: encodeMetrics(rec.metrics) });
  }

  noteFailure(id: string, error: string, attempts: number): void {
    this.write({ type: 'failed', id, error, attempts });
  }

  sync(): void {
    if (!this.dirty) return;
    fsyncSync(this.fd);
    this.dirty = false;
  }

  close(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.sync();
    closeSync(this.fd);
  }
}
