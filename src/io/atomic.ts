/**
 * Atomic file writes: the bytes go to a temporary sibling (same directory, so the rename stays on
 * one file system), are flushed to disk, and only then renamed over the final name. A crash or an
 * error at any point leaves either the old file or the new one under the final name, never a
 * partial file; the temporary name (`.<name>.<pid>-<random>.tmp`) is hidden and does not end in
 * the final extension, so globs such as `cells/*.parquet` never match it.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

/** The temporary sibling used while `path` is being written. */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

/** True for names produced by `tempPathFor` (e.g. to ignore leftovers of a crashed writer). */
export function isTempName(name: string): boolean {
  return /^\..+\.\d+-[0-9a-f]{8}\.tmp$/.test(basename(name));
}

function bytesOf(data: string | Uint8Array): Uint8Array {
  return typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
}

/** Write `data` to `path` atomically (creating parent directories). */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = tempPathFor(path);
  try {
    const handle = await open(tmp, 'wx');
    try {
      await handle.writeFile(bytesOf(data));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
  await syncDirectory(dirname(path));
}

/** Synchronous twin of `writeFileAtomic`, for the CLI's small text outputs. */
export function writeFileAtomicSync(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = tempPathFor(path);
  try {
    const fd = openSync(tmp, 'wx');
    try {
      const bytes = bytesOf(data);
      let done = 0;
      while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  syncDirectorySync(dirname(path));
}

function syncDirectorySync(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // best effort, as below
  }
}

/** Make the rename itself durable. Some platforms cannot open a directory for fsync; that is not an error. */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // best effort: Windows and some file systems refuse fsync on directories
  }
}
