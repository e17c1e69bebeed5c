/** Summary counts of the atlas (what `exoscape atlas stats` prints). */
import type { Atlas, AtlasRelation } from './atlas.ts';

export interface AtlasStats {
  relations: number;
  bySeed: Record<string, number>;
  byEvidence: Record<string, number>;
  byCargoType: Record<string, number>;
  byCancerType: Record<string, number>;
  byPhenotype: Record<string, number>;
  topCargos: [string, number][];
  topTargets: [string, number][];
  distinct: { cargos: number; targets: number; cellTypes: number; phenotypes: number; cancerTypes: number; references: number };
  flagged: Record<string, number>;
  withMeasures: number;
  vocabulary: Record<string, number>;
}

function count<T>(items: Iterable<T>, key: (t: T) => string | string[]): Record<string, number> {
  const m = new Map<string, number>();
  for (const it of items) {
    const k = key(it);
    for (const x of Array.isArray(k) ? k : [k]) m.set(x, (m.get(x) ?? 0) + 1);
  }
  return Object.fromEntries([...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
}

const top = (rec: Record<string, number>, n: number): [string, number][] => Object.entries(rec).slice(0, n);

export function atlasStats(atlas: Atlas, relations: readonly AtlasRelation[] = atlas.relations): AtlasStats {
  const cargos = count(relations.filter((r) => r.cargo !== null), (r) => r.cargo!.name);
  const targets = count(relations, (r) => r.targets.map((t) => t.symbol));
  const cells = new Set(relations.flatMap((r) => (r.recipient !== null ? [r.donor, r.recipient] : [r.donor])));
  const refs = new Set(relations.flatMap((r) => r.refs.map((x) => `${r.seed}#${x}`)));
  return {
    relations: relations.length,
    bySeed: count(relations, (r) => r.seed),
    byEvidence: count(relations, (r) => r.evidence),
    byCargoType: count(relations, (r) => r.cargo?.type ?? 'vesicle'),
    byCancerType: count(relations, (r) => r.cancerType),
    byPhenotype: count(relations, (r) => r.phenotype),
    topCargos: top(cargos, 15),
    topTargets: top(targets, 15),
    distinct: {
      cargos: Object.keys(cargos).length,
      targets: Object.keys(targets).length,
      cellTypes: cells.size,
      phenotypes: new Set(relations.map((r) => r.phenotype)).size,
      cancerTypes: new Set(relations.map((r) => r.cancerType)).size,
      references: refs.size,
    },
    flagged: count(relations.filter((r) => r.flags.length > 0), (r) => r.flags),
    withMeasures: relations.filter((r) => r.measures.length > 0).length,
    vocabulary: {
      cellTypes: atlas.vocab.all('cellTypes').length,
      cellLines: atlas.vocab.all('cellLines').length,
      conditions: atlas.vocab.all('conditions').length,
      phenotypes: atlas.vocab.all('phenotypes').length,
      cancerTypes: atlas.vocab.all('cancerTypes').length,
      genes: atlas.vocab.all('genes').length,
      molecules: atlas.vocab.all('molecules').length,
    },
  };
}
