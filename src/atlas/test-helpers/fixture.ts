/** A tiny, self-contained data directory (seed, vocabulary, atlas) for atlas tests. */
import { mkdtempSync, mkdirSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const FIXTURE_SEED = `Exosomes from hypoxic glioma cells carry miR-1246.
Hypoxia increases exosome release through HIF-1α in glioma cells [1].
H-GDEs deliver miR-1246 to normoxic glioma cells, where it represses FRK and increases invasion.
Serum exosomal miR-21 distinguished glioma patients with an AUC of 0.91 [2].

References
1. Smith A, Jones B. Hypoxia drives exosome release in glioma through HIF-1alpha. J Test. 2020;1:1-2.
2. Doe C. Exosomal miR-21 as a biomarker of glioma in serum samples. J Test. 2021;2:3-4.
`;

export const FIXTURE_VOCAB = `version: 1
cellTypes:
  - { id: tumor cell }
  - { id: glioma cell, parent: tumor cell, synonyms: [GBM cell] }
cellLines:
  - { id: U87, cellType: glioma cell, synonyms: [U87MG] }
conditions:
  - { id: unspecified }
  - { id: hypoxia, synonyms: [hypoxic] }
  - { id: normoxia }
phenotypes:
  - { id: exosome release }
  - { id: cargo loading }
  - { id: invasion, synonyms: [invasiveness] }
  - { id: biomarker level }
cancerTypes:
  - { id: cancer }
  - { id: glioma, parent: cancer }
  - { id: glioblastoma, parent: glioma, synonyms: [GBM] }
genes:
  - { id: FRK }
  - { id: HIF1A, synonyms: [HIF-1α] }
`;

export const FIXTURE_ATLAS = `version: 1
seed: 900_abc.txt
source:
  citation: "Fixture paper"
  kind: review
references:
  "1": { text: "Smith A, Jones B. Hypoxia drives exosome release in glioma" }
  "2": { text: "Doe C. Exosomal miR-21 as a biomarker of glioma" }
relations:
  - id: fix-001
    donor: glioma cell
    donorCondition: hypoxia
    cargo: null
    recipient: null
    targets: [{ symbol: HIF1A, effect: activates }]
    phenotype: exosome release
    direction: increases
    cancerType: glioma
    evidence: [in-vitro]
    refs: ["1"]
    quote: "Hypoxia increases exosome release through HIF-1α in glioma cells"
    location: Text
  - id: fix-002
    donor: glioma cell
    donorLine: U87
    donorCondition: hypoxia
    cargo: { name: miR-1246, type: miRNA }
    recipient: glioma cell
    recipientCondition: normoxia
    targets: [{ symbol: FRK, effect: represses }]
    phenotype: invasion
    direction: increases
    cancerType: glioblastoma
    evidence: [in-vitro, in-vivo]
    quote: "H-GDEs deliver miR-1246 to normoxic glioma cells, where it represses FRK and increases invasion."
    location: Text
  - id: fix-003
    donor: glioma cell
    donorCondition: hypoxia
    cargo: { name: miR-1246, type: miRNA }
    recipient: null
    phenotype: cargo loading
    direction: increases
    cancerType: glioma
    evidence: [in-vitro]
    quote: "Exosomes from hypoxic glioma cells
      carry miR-1246."
    location: Text
  - id: fix-004
    donor: tumor cell
    cargo: { name: miR-21, type: miRNA }
    recipient: null
    phenotype: biomarker level
    direction: increases
    cancerType: glioma
    evidence: [clinical]
    refs: ["2"]
    measures: [{ name: AUC, value: 0.91 }]
    quote: "Serum exosomal miR-21 distinguished glioma patients with an AUC of 0.91"
    location: Text
`;

/** Write a fixture data dir; `atlas` replaces the atlas file's text (to inject mistakes). */
export function makeFixture(atlas: string = FIXTURE_ATLAS, vocab: string = FIXTURE_VOCAB): string {
  const dir = mkdtempSync(join(tmpdir(), 'exoscape-atlas-'));
  for (const d of ['seeds', 'vocab', 'atlas']) mkdirSync(join(dir, d));
  writeFileSync(join(dir, 'seeds', '900_abc.txt'), FIXTURE_SEED);
  writeFileSync(join(dir, 'vocab', 'core.yaml'), vocab);
  writeFileSync(join(dir, 'atlas', 'fixture.yaml'), atlas);
  return dir;
}

/** Copy a real data directory to a temporary place (for tampering tests). */
export function copyData(from: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'exoscape-data-'));
  cpSync(from, dir, { recursive: true });
  return dir;
}
