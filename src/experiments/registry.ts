/** Every virtual assay by name (`exoscape assay NAME`). */
import { UserError } from '../common/errors.ts';
import { closestName } from '../common/suggest.ts';
import { orthotopicAssay } from './assays/orthotopic.ts';
import { productionAssay } from './assays/production.ts';
import { recipientsAssay } from './assays/recipients.ts';
import { invasionAssay, migrationAssay } from './assays/transwell.ts';
import { uptakeAssay } from './assays/uptake.ts';
import { woundAssay } from './assays/wound.ts';
import type { AssayDefinition } from './types.ts';

export const ASSAYS: readonly AssayDefinition[] = [productionAssay, uptakeAssay, recipientsAssay, migrationAssay, invasionAssay, woundAssay, orthotopicAssay];

export function assayByName(name: string): AssayDefinition {
  const a = ASSAYS.find((x) => x.name === name);
  if (a === undefined) {
    const near = closestName(name, ASSAYS.map((x) => x.name));
    throw new UserError(`unknown assay "${name}"${near ? `; did you mean "${near}"?` : ''} — assays: ${ASSAYS.map((x) => x.name).join(', ')}`);
  }
  return a;
}
