/**
 * The loaded atlas: relations with their provenance, and the vocabulary they are written in.
 * Queries, paths and exports are functions over this value (see query.ts, path.ts, export.ts).
 */
import type { AtlasFile, Relation } from './schema.ts';
import type { Vocabulary } from './vocab.ts';

export interface AtlasRelation extends Relation {
  /** Seed file name. */
  seed: string;
  /** Curated file the relation came from (relative path). */
  file: string;
  source: AtlasFile['source'];
  /** Reference-list text of each numeric ref. */
  referenceTexts: Record<string, string>;
}

export class Atlas {
  readonly relations: readonly AtlasRelation[];
  readonly vocab: Vocabulary;
  private readonly byId: Map<string, AtlasRelation>;

  constructor(relations: readonly AtlasRelation[], vocab: Vocabulary) {
    this.relations = relations;
    this.vocab = vocab;
    this.byId = new Map(relations.map((r) => [r.id, r]));
  }

  get(id: string): AtlasRelation | undefined {
    return this.byId.get(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }
}
