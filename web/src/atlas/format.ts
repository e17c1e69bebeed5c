/** Text for relations and chains, as the CLI prints them (→ activates, ⊣ represses, ↑/↓ phenotype). */
import type { CausalPath, Relation } from '../api.ts';

export const INTERACTION_ARROW: Record<string, string> = { induces: '→', represses: '⊣', activates: '→', increases: '→', decreases: '⊣', releases: '→', enters: '→' };

export function chainText(p: CausalPath): string {
  return p.nodes.map((n) => n.label).reduce((acc, label, j) => (j === 0 ? label : `${acc} ${INTERACTION_ARROW[p.steps[j - 1]!.interaction] ?? '→'} ${label}`), '');
}

export function donorText(r: Relation): string {
  return `${r.donorCondition !== 'unspecified' ? `${r.donorCondition} ` : ''}${r.donorLine ?? r.donor}`;
}

export function relationSummary(r: Relation): string {
  const cargo = r.cargo ? r.cargo.name : 'exosomes';
  const targets = r.targets.map((t) => `${t.effect === 'represses' ? '⊣' : '→'} ${t.symbol}`).join(' ');
  return `${donorText(r)} → ${cargo}${r.recipient ? ` → ${r.recipientLine ?? r.recipient}` : ''}${targets ? ` ${targets}` : ''} · ${r.phenotype} ${r.direction === 'increases' ? '↑' : '↓'}`;
}

export function seedLabel(seed: string): string {
  return seed.replace(/_.*$/, '');
}
