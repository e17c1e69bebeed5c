/** Plain-text rendering of assay results for the terminal. */
import type { AssayResult } from './analysis.ts';

/** A number with `digits` significant digits, no exponent for ordinary magnitudes. */
export function num(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e6 || a < 1e-3) return x.toExponential(digits - 1);
  return Number(x.toPrecision(digits)).toString();
}

export function pValue(p: number): string {
  if (p < 1e-4) return p.toExponential(1);
  return p.toPrecision(2);
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((r) => (r[i] ?? '').length)));
  const line = (r: string[]): string => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** One assay: protocol, then per readout a table of arms (mean ± SD, vs control). */
export function formatAssay(a: AssayResult): string {
  const out: string[] = [`${a.title} — ${a.figure}`, `  n = ${a.replicates} replicates per arm; control: ${a.control}`];
  for (const p of a.protocol) out.push(`  · ${p}`);
  for (const ro of a.readouts) {
    const s = a.stats[ro.key];
    out.push('', `${ro.label} (${ro.unit})`);
    if (s === undefined) continue;
    if (!s.ok) {
      out.push(`  not testable: ${s.reason}`);
      continue;
    }
    const r = s.result;
    const rows = r.arms.map((arm) => {
      const c = r.vsControl.find((v) => v.arm === arm.arm);
      return [
        arm.arm,
        String(arm.n),
        `${num(arm.mean)} ± ${num(arm.sd)}`,
        c === undefined ? '(control)' : num(c.difference),
        c?.foldChange == null ? '' : `${num(c.foldChange)}×`,
        c?.hedgesG == null ? '' : num(c.hedgesG),
        c === undefined ? '' : pValue(c.p),
        c === undefined ? '' : c.significant ? '*' : 'ns',
      ];
    });
    out.push(table(['arm', 'n', 'mean ± SD', 'Δ vs control', 'fold', "Hedges' g", 'p', ''], rows).replace(/^/gm, '  '));
    const omni = r.omnibus !== null ? `; ANOVA F(${r.omnibus.df1}, ${r.omnibus.df2}) = ${num(r.omnibus.F)}, p = ${pValue(r.omnibus.p)}` : '';
    out.push(`  ${r.method}${omni}`);
    for (const n of r.notes) out.push(`  note: ${n}`);
  }
  return `${out.join('\n')}\n`;
}
