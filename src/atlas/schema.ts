/**
 * The atlas file formats, as zod schemas. Two kinds of reviewable YAML files live in `data/`:
 *
 *  - `data/atlas/*.yaml` — curated relations from one seed (or one topic of a seed);
 *  - `data/vocab/*.yaml` — controlled vocabularies (cell types, cell lines, conditions,
 *    phenotypes, cancer types, genes, other molecules), merged across files.
 *
 * Structural validation lives here; semantic checks (known terms, verbatim quotes, unique ids,
 * resolvable references) live in `validate.ts`, because they need all files at once.
 */
import { z } from 'zod';

export const EVIDENCE_CLASSES = ['in-vitro', 'in-vivo', 'clinical', 'review-claim', 'proposed'] as const;
export type EvidenceClass = (typeof EVIDENCE_CLASSES)[number];

export const CARGO_TYPES = [
  'miRNA',
  'lncRNA',
  'circRNA',
  'mRNA',
  'other-RNA',
  'DNA',
  'protein',
  'lipid',
  'metabolite',
  'drug',
] as const;
export type CargoType = (typeof CARGO_TYPES)[number];

export const TARGET_EFFECTS = ['represses', 'activates'] as const;
export type TargetEffect = (typeof TARGET_EFFECTS)[number];

export const DIRECTIONS = ['increases', 'decreases'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** Flags a curator may raise on a relation. */
export const RELATION_FLAGS = [
  'text-table-conflict', // the seed's text and one of its tables disagree; see `related`
  'reference-title-only', // supported only by a title in the reference list
  'figure-title-only', // supported only by a figure title or caption
  'ambiguous-source', // the seed does not say which cell/condition; curator chose the closest reading
] as const;
export type RelationFlag = (typeof RELATION_FLAGS)[number];

const nonEmpty = z.string().trim().min(1);

export const measureSchema = z.strictObject({
  /** What was measured, e.g. `AUC`, `sensitivity`, `specificity`, `patients`, `fold change`. */
  name: nonEmpty,
  value: z.number(),
  unit: nonEmpty.optional(),
  /** Free text for what the number refers to (cohort, comparison). */
  context: nonEmpty.optional(),
});
export type Measure = z.infer<typeof measureSchema>;

export const cargoSchema = z.strictObject({
  name: nonEmpty,
  type: z.enum(CARGO_TYPES),
});
export type Cargo = z.infer<typeof cargoSchema>;

export const targetSchema = z.strictObject({
  symbol: nonEmpty,
  effect: z.enum(TARGET_EFFECTS),
});
export type Target = z.infer<typeof targetSchema>;

export const relationSchema = z.strictObject({
  /** Unique across the atlas, `<fileprefix>-<number>`, e.g. `qian2021-004`. */
  id: z.string().regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*-\d{3,4}$/, 'expected an id like "qian2021-004"'),
  /** Cell-type term of the vesicle donor (the cell that releases the exosomes). */
  donor: nonEmpty,
  /** Named cell line of the donor (cell-line term), when the seed names one. */
  donorLine: nonEmpty.nullable().default(null),
  /** Condition term of the donor: `hypoxia`, `normoxia`, `unspecified`, … */
  donorCondition: nonEmpty.default('unspecified'),
  /** The cargo, or null when the claim is about the vesicles themselves. */
  cargo: cargoSchema.nullable(),
  /** Cell-type term of the recipient; null for claims with no recipient (release, loading, biomarker). */
  recipient: nonEmpty.nullable(),
  recipientLine: nonEmpty.nullable().default(null),
  recipientCondition: nonEmpty.nullable().default(null),
  targets: z.array(targetSchema).default([]),
  /** Phenotype term of the recipient (or of the donor for release/loading claims). */
  phenotype: nonEmpty,
  direction: z.enum(DIRECTIONS),
  /** Cancer-type term. */
  cancerType: nonEmpty,
  evidence: z.array(z.enum(EVIDENCE_CLASSES)).min(1),
  /** Reference numbers exactly as cited in the seed (as strings) and DOIs printed in the seed. */
  refs: z.array(nonEmpty).default([]),
  /** Verbatim from the seed; compared whitespace-normalized. */
  quote: nonEmpty,
  /** Where in the seed: `Abstract`, `Table 2, row "miR-210"`, `Section "Angiogenesis"`, `Fig. 3 title`. */
  location: nonEmpty,
  measures: z.array(measureSchema).default([]),
  flags: z.array(z.enum(RELATION_FLAGS)).default([]),
  /** Ids of relations this one conflicts with or duplicates (e.g. the table row for a text claim). */
  related: z.array(nonEmpty).default([]),
  note: nonEmpty.optional(),
});
export type Relation = z.infer<typeof relationSchema>;
export type RelationInput = z.input<typeof relationSchema>;

export const referenceSchema = z.strictObject({
  /** The reference-list entry, verbatim from the seed (a prefix of it is enough, ≥ 20 characters). */
  text: z.string().trim().min(20),
  doi: nonEmpty.optional(),
});
export type Reference = z.infer<typeof referenceSchema>;

export const atlasFileSchema = z.strictObject({
  version: z.literal(1),
  /** The seed's file name in `data/seeds/`. */
  seed: z.string().regex(/^\d{3}_[0-9a-f]+\.txt$/, 'expected a seed file name like "000_5028e99330f2c17d.txt"'),
  source: z.strictObject({
    citation: nonEmpty,
    doi: nonEmpty.optional(),
    kind: z.enum(['primary', 'review']),
    /**
     * False when the seed text has no reference list (its citations are numbers only): numeric
     * refs are then recorded as cited but cannot be resolved to a reference text.
     */
    referenceListInSeed: z.boolean().default(true),
  }),
  /** Reference-list entries cited by `refs`, keyed by their number as cited in the seed. */
  references: z.record(z.string().regex(/^\d+$/), referenceSchema).default({}),
  relations: z.array(relationSchema).min(1),
});
export type AtlasFile = z.infer<typeof atlasFileSchema>;

const termSchema = z.strictObject({
  id: nonEmpty,
  synonyms: z.array(nonEmpty).default([]),
  /** Broader term of the same vocabulary (e.g. glioblastoma → glioma). */
  parent: nonEmpty.optional(),
  description: nonEmpty.optional(),
});
export type Term = z.infer<typeof termSchema>;

const cellLineSchema = termSchema.extend({
  /** Cell-type term this line belongs to. */
  cellType: nonEmpty,
  species: z.enum(['human', 'mouse', 'rat', 'hamster', 'other']).default('human'),
});
export type CellLineTerm = z.infer<typeof cellLineSchema>;

const geneSchema = termSchema.extend({
  /** HGNC approved name, when known. */
  name: nonEmpty.optional(),
});

export const MOLECULE_KINDS = [
  'lncRNA',
  'circRNA',
  'other-RNA',
  'drug',
  'lipid',
  'metabolite',
  'complex',
  'pathway',
  'protein-family',
] as const;

const moleculeSchema = termSchema.extend({ kind: z.enum(MOLECULE_KINDS) });
export type MoleculeTerm = z.infer<typeof moleculeSchema>;

export const vocabFileSchema = z.strictObject({
  version: z.literal(1),
  cellTypes: z.array(termSchema).default([]),
  cellLines: z.array(cellLineSchema).default([]),
  conditions: z.array(termSchema).default([]),
  phenotypes: z.array(termSchema).default([]),
  cancerTypes: z.array(termSchema).default([]),
  /** HGNC symbols (ids) with common aliases as synonyms. */
  genes: z.array(geneSchema).default([]),
  /** Named non-gene molecules: lncRNAs, circRNAs, drugs, lipids, metabolites, complexes, pathways. */
  molecules: z.array(moleculeSchema).default([]),
});
export type VocabFile = z.infer<typeof vocabFileSchema>;
export type VocabCategory = Exclude<keyof VocabFile, 'version'>;
export const VOCAB_CATEGORIES: readonly VocabCategory[] = [
  'cellTypes',
  'cellLines',
  'conditions',
  'phenotypes',
  'cancerTypes',
  'genes',
  'molecules',
];

/** miRBase-style display name without species prefix: miR-1246, miR-10b-5p, let-7a-5p, miR-181a-2-3p. */
export const MIRNA_NAME = /^(?:miR|let)-\d+[a-z]?(?:-\d+)?(?:-[35]p)?$/;
