/**
 * A list of records persisted as one JSON file in a data directory (`{"version": 1, "<key>": [...]}`),
 * written atomically, one write at a time, so the server's runs and experiments and their states
 * survive a restart.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../common/errors.ts';
import { writeFileAtomic } from '../io/atomic.ts';

export class JsonRegistry<T extends { id: string }> {
  readonly dir: string;
  readonly file: string;
  private readonly key: string;
  private readonly records = new Map<string, T>();
  private writing: Promise<void> = Promise.resolve();

  /** Open (or create) `<dir>/<fileName>`, whose records are under `key`; `what` names it in errors. */
  constructor(dir: string, fileName: string, key: string, what: string) {
    this.dir = dir;
    this.file = join(dir, fileName);
    this.key = key;
    mkdirSync(dir, { recursive: true });
    if (!existsSync(this.file)) return;
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, unknown>;
    } catch (e) {
      throw new UserError(`${this.file}: the ${what} is not valid JSON (${e instanceof Error ? e.message : String(e)}); move it away to start with an empty list`);
    }
    const list = parsed[key];
    if (parsed.version !== 1 || !Array.isArray(list)) throw new UserError(`${this.file}: not an exoscape ${what} (expected {"version": 1, "${key}": [...]})`);
    for (const r of list as T[]) this.records.set(r.id, r);
  }

  list(): T[] {
    return [...this.records.values()];
  }

  get(id: string): T | undefined {
    return this.records.get(id);
  }

  /** Change a record (or add one) and persist the list. */
  put(record: T): Promise<void> {
    this.records.set(record.id, record);
    return this.save();
  }

  /** Persist now; writes are queued so two never race on the temporary file. */
  save(): Promise<void> {
    const text = `${JSON.stringify({ version: 1, [this.key]: this.list() }, null, 1)}\n`;
    this.writing = this.writing.then(() => writeFileAtomic(this.file, text));
    return this.writing;
  }
}
