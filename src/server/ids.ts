/** Ids of runs and experiments: sortable by creation time, unique by a random suffix (`20260101-120000-a1b2c3`). */
import { randomBytes } from 'node:crypto';

export function newId(now: Date): string {
  return `${now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-')}-${randomBytes(3).toString('hex')}`;
}
