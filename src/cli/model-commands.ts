/** `exoscape model …`: validate, explain (rules in English with evidence, parameters with sources), rules export/import. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import { parseDocument } from 'yaml';
import { UserError } from '../common/errors.ts';
import { loadAtlas } from '../atlas/load.ts';
import type { Atlas } from '../atlas/atlas.ts';
import { defaultModelPath, loadModel, parseModel } from '../model/load-model.ts';
import { explainModel, resolvedRules } from '../model/explain.ts';
import { rulesFromCsv, rulesToCsv } from '../model/rules/csv.ts';
import { formatTable, printJson, writeFileAtomic, type Io } from './io.ts';

/** `--set name=value` (repeatable) → overrides. */
export function parseSet(value: string, previous: Record<string, number> = {}): Record<string, number> {
  const m = /^([a-z][a-z0-9_]*)=(.+)$/.exec(value);
  const num = m?.[2] !== undefined ? Number(m[2]) : NaN;
  if (!m?.[1] || !Number.isFinite(num)) throw new UserError(`--set expects name=number, e.g. --set ev_uptake_rate=0.02 (found "${value}")`);
  return { ...previous, [m[1]]: num };
}

export function modelCommand(io: Io, dataDir: () => string | undefined): Command {
  const cmd = new Command('model').description('the simulation model: validate, explain with evidence, export/import PhysiCell rules');
  let atlas: Atlas | undefined;
  const getAtlas = (): Atlas => {
    const d = dataDir();
    atlas ??= loadAtlas(d !== undefined ? { dataDir: d } : {});
    return atlas;
  };
  const load = (file: string | undefined, set?: Record<string, number>) =>
    loadModel(file !== undefined ? resolve(io.cwd, file) : defaultModelPath(), { atlas: getAtlas(), overrides: set ?? {}, displayRoot: io.cwd });

  cmd
    .command('validate')
    .description('check a model file: schema, parameter references and provenance, rule signals and behaviours, atlas ids')
    .argument('[file]', 'model file (default: the packaged hypoxic-glioma model)')
    .option('--json', 'print JSON')
    .action((file: string | undefined, opts: { json?: boolean }) => {
      const m = load(file);
      const s = { ok: true, model: m.file.name, parameters: Object.keys(m.file.parameters).length, rules: m.file.rules.length };
      if (opts.json) printJson(io, s);
      else io.out(`model ${s.model} OK: ${s.parameters} parameters with provenance, ${s.rules} rules citing the atlas\n`);
    });

  cmd
    .command('explain')
    .description('every rule in plain English with its evidence, every mechanism, every parameter with its source')
    .argument('[file]', 'model file (default: the packaged hypoxic-glioma model)')
    .option('--set <name=value>', 'override a parameter (repeatable)', parseSet)
    .option('--json', 'print JSON')
    .action((file: string | undefined, opts: { set?: Record<string, number>; json?: boolean }) => {
      const m = load(file, opts.set);
      const x = explainModel(m, getAtlas());
      if (opts.json) {
        printJson(io, x);
        return;
      }
      io.out(`${x.title} (model "${x.name}")\n\nRules\n`);
      x.rules.forEach((r, i) => {
        io.out(`${i + 1}. ${r.english}\n   why: ${r.rationale}\n`);
        if (r.source !== null) io.out(`   source: ${r.source}\n`);
        for (const e of r.evidence) io.out(`   [${e.id}, ${e.evidence.join(', ')}] "${e.quote}"\n`);
      });
      io.out('\nMechanisms\n');
      for (const mech of x.mechanisms) {
        io.out(`- ${mech.english}\n`);
        for (const e of mech.evidence) io.out(`    [${e.id}, ${e.evidence.join(', ')}] "${e.quote.length > 140 ? `${e.quote.slice(0, 137)}...` : e.quote}"\n`);
      }
      io.out('\nParameters\n');
      io.out(formatTable(['name', 'value', 'unit', 'status', 'source'], x.parameters.map((p) => [p.name, `${p.value}${p.overridden ? ' (set)' : ''}`, p.unit, p.status, p.source]), 70));
      const assumed = x.parameters.filter((p) => p.status === 'assumed').length;
      io.out(`\n${x.parameters.length} parameters: ${assumed} assumed (sweep them), ${x.parameters.length - assumed} sourced, software defaults or derived\n`);
    });

  cmd
    .command('rules')
    .description('export the model rules (PhysiCell cell-rules CSV v3, or JSON)')
    .argument('[file]', 'model file (default: the packaged hypoxic-glioma model)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['physicell', 'json']).default('physicell'))
    .option('--set <name=value>', 'override a parameter (repeatable)', parseSet)
    .option('-o, --out <file>', 'write to a file (atomically)')
    .action((file: string | undefined, opts: { format: 'physicell' | 'json'; set?: Record<string, number>; out?: string }) => {
      const rules = resolvedRules(load(file, opts.set));
      const text = opts.format === 'json' ? `${JSON.stringify(rules, null, 2)}\n` : rulesToCsv(rules);
      if (opts.out !== undefined) io.err(`wrote ${writeFileAtomic(io, opts.out, text)}\n`);
      else io.out(text);
    });

  cmd
    .command('import-rules')
    .description('add rules from a PhysiCell cell-rules CSV (v3) to a model; `// atlas: id …` comments cite the atlas')
    .argument('<csv>', 'PhysiCell rules CSV')
    .option('-m, --model <file>', 'model to add them to (default: the packaged hypoxic-glioma model)')
    .option('-o, --out <file>', 'write the new model here (atomically); default: print it')
    .action((csvPath: string, opts: { model?: string; out?: string }) => {
      let csv: string;
      try {
        csv = readFileSync(resolve(io.cwd, csvPath), 'utf8');
      } catch {
        throw new UserError(`cannot read rules file "${csvPath}"`);
      }
      const rules = rulesFromCsv(csvPath, csv);
      const modelPath = opts.model !== undefined ? resolve(io.cwd, opts.model) : defaultModelPath();
      const doc = parseDocument(readFileSync(modelPath, 'utf8'));
      rules.forEach((r, i) => {
        const stem = `${r.cellType}_${r.signal}_${r.behavior}`.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
        const source = `PhysiCell rules file ${csvPath}, rule ${i + 1}`;
        const names = { saturation: `${stem}_saturation`, halfMax: `${stem}_half_max`, hillPower: `${stem}_hill_power` };
        doc.setIn(['parameters', names.saturation], { value: r.saturation, unit: 'behavior units', status: 'default', source, description: `saturation of "${r.signal} ${r.direction} ${r.behavior}"` });
        doc.setIn(['parameters', names.halfMax], { value: r.halfMax, unit: 'signal units', status: 'default', source, description: `half-max of "${r.signal} ${r.direction} ${r.behavior}"` });
        doc.setIn(['parameters', names.hillPower], { value: r.hillPower, unit: '1', status: 'default', source, description: `Hill power of "${r.signal} ${r.direction} ${r.behavior}"` });
        doc.addIn(['rules'], {
          cellType: r.cellType, signal: r.signal, direction: r.direction, behavior: r.behavior, ...names,
          appliesToDead: r.appliesToDead, atlas: r.atlas, rationale: `imported from ${csvPath}`,
        });
      });
      const text = doc.toString();
      // The merged model must validate before anything is written.
      parseModel(opts.out ?? modelPath, text, { atlas: getAtlas() });
      if (opts.out !== undefined) io.err(`wrote ${writeFileAtomic(io, opts.out, text)} (${rules.length} rules added)\n`);
      else io.out(text);
    });

  return cmd;
}
