/** The claims table for the terminal, and the JSON shape of `reproduce --json`. */
import type { ClaimResult } from './claims.ts';
import { num, pValue } from './format.ts';

/** One claim as `reproduce --json` writes it: id, statement, holds, effect, pValue, arms, values, then detail fields. */
export function claimRecord(c: ClaimResult) {
  return {
    id: c.id,
    statement: c.statement,
    holds: c.holds,
    effect: c.effect,
    pValue: c.pValue,
    arms: c.arms,
    values: c.values,
    finding: c.finding,
    figure: c.figure,
    criterion: c.criterion,
    foldChange: c.foldChange,
    comparisons: c.comparisons,
    check: c.checkDetail,
    requires: c.requires,
    problem: c.problem,
  };
}

/** `{ claims: [ { id, statement, holds, effect, pValue, arms, values } ] }` plus detail fields. */
export function claimsJson(claims: readonly ClaimResult[]): { claims: ReturnType<typeof claimRecord>[] } {
  return { claims: claims.map(claimRecord) };
}

function wrap(text: string, width: number): string[] {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line !== '' && line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else line = line === '' ? w : `${line} ${w}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** One block per claim: verdict, statement, criterion, values, effect and p. */
export function formatClaims(claims: readonly ClaimResult[]): string {
  const out: string[] = [];
  const held = claims.filter((c) => c.holds).length;
  out.push(`Claims: ${held} of ${claims.length} hold`, '');
  for (const c of claims) {
    const verdict = c.holds ? 'HOLDS' : c.problem !== null ? 'NOT EVALUATED' : 'DOES NOT HOLD';
    out.push(`${c.id.padEnd(4)} ${verdict.padEnd(13)} ${wrap(c.statement, 86).join('\n                   ')}`);
    out.push(`                   test: ${wrap(c.criterion, 80).join('\n                         ')}`);
    const vals = Object.entries(c.values).map(([k, v]) => `${k} ${num(v)}`).join(' · ');
    out.push(`                   means: ${wrap(vals, 79).join('\n                          ')}`);
    const comps = c.comparisons.map((x) => `${x.arm} ${x.direction === 'higher' ? '>' : '<'} ${x.than}: Δ ${num(x.difference)}${x.foldChange !== null ? ` (${num(x.foldChange)}×)` : ''}, g ${x.hedgesG === null ? '–' : num(x.hedgesG)}, p ${pValue(x.p)}${x.ok ? '' : ' ✗'}`);
    for (const s of comps) out.push(`                   ${s}`);
    if (c.checkDetail !== null) out.push(`                   shape: ${wrap(c.checkDetail, 79).join('\n                          ')}`);
    if (c.problem !== null) out.push(`                   problem: ${c.problem}`);
    out.push('');
  }
  return out.join('\n');
}
