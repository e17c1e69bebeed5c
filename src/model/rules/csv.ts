/**
 * PhysiCell cell-rules CSV, version 3 ("CBHG" ≥ 3.0): eight columns, no header, `//` comments —
 * cell type, signal, direction, behaviour, saturation (max or min response), half-max, Hill
 * power, applies-to-dead. Import reports file:line:column for every malformed field.
 */
import { UserError, type Issue } from '../../common/errors.ts';
import type { Rule } from './rule.ts';

const COLUMNS = ['cell type', 'signal', 'direction', 'behavior', 'saturation value', 'half-max', 'Hill power', 'applies to dead'];

export function rulesToCsv(rules: readonly Rule[]): string {
  const lines = ['// PhysiCell cell rules, CSV version 3 (exported by exoscape)'];
  for (const r of rules) {
    if (r.atlas.length > 0) lines.push(`// atlas: ${r.atlas.join(' ')}`);
    const cells = [r.cellType, r.signal, r.direction, r.behavior, String(r.saturation), String(r.halfMax), String(r.hillPower), r.appliesToDead ? '1' : '0'];
    for (const c of cells) if (c.includes(',')) throw new UserError(`cannot export rule field "${c}": the PhysiCell CSV format does not allow commas in fields`);
    lines.push(cells.join(','));
  }
  return lines.join('\n') + '\n';
}

/** Parse PhysiCell v3 rules. `// atlas: id id …` comments attach atlas ids to the next rule. */
export function rulesFromCsv(file: string, text: string): Rule[] {
  const issues: Issue[] = [];
  const rules: Rule[] = [];
  let pendingAtlas: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    const trimmed = raw.trim();
    if (trimmed === '') return;
    if (trimmed.startsWith('//')) {
      const m = /^\/\/\s*atlas:\s*(.*)$/.exec(trimmed);
      if (m?.[1] !== undefined) pendingAtlas = m[1].split(/\s+/).filter(Boolean);
      return;
    }
    const cells = raw.split(',');
    const col = (k: number): number => cells.slice(0, k).reduce((n, c) => n + c.length + 1, 1);
    const at = (k: number, message: string): void => {
      issues.push({ file, line, column: col(k), path: COLUMNS[k] ?? `column ${k + 1}`, message });
    };
    if (cells.length !== 8) {
      issues.push({ file, line, column: 1, path: '', message: `expected 8 comma-separated fields (${COLUMNS.join(', ')}), found ${cells.length}` });
      return;
    }
    const [cellType, signal, direction, behavior, sat, half, hill, dead] = cells.map((c) => c.trim()) as [string, string, string, string, string, string, string, string];
    const num = (k: number, s: string, positive: boolean): number => {
      const v = Number(s);
      if (s === '' || !Number.isFinite(v) || (positive && v <= 0)) at(k, `expected a ${positive ? 'positive ' : ''}number, found "${s}"`);
      return v;
    };
    if (cellType === '') at(0, 'expected a cell type, found nothing');
    if (signal === '') at(1, 'expected a signal, found nothing');
    if (direction !== 'increases' && direction !== 'decreases') at(2, `expected "increases" or "decreases", found "${direction}"`);
    if (behavior === '') at(3, 'expected a behavior, found nothing');
    const saturation = num(4, sat, false);
    const halfMax = num(5, half, true);
    const hillPower = num(6, hill, true);
    if (dead !== '0' && dead !== '1') at(7, `expected 0 or 1, found "${dead}"`);
    rules.push({
      cellType,
      signal,
      direction: direction === 'decreases' ? 'decreases' : 'increases',
      behavior,
      saturation,
      halfMax,
      hillPower,
      appliesToDead: dead === '1',
      atlas: pendingAtlas,
    });
    pendingAtlas = [];
  });
  if (issues.length > 0) throw new UserError(`${file}: ${issues.length} problem(s) in PhysiCell rules`, issues);
  return rules;
}
