/** `exoscape scenario …`: validate a scenario file, print the JSON Schema or the reference page. */
import { resolve } from 'node:path';
import { Command } from 'commander';
import { loadAtlas } from '../atlas/load.ts';
import { loadScenario } from '../scenario/load-scenario.ts';
import { scenarioJsonSchema, scenarioReferenceMarkdown } from '../scenario/json-schema.ts';
import { printJson, writeFileAtomic, type Io } from './io.ts';

export function scenarioCommand(io: Io, dataDir: () => string | undefined): Command {
  const cmd = new Command('scenario').description('scenario files: validate, JSON Schema for editors, reference');

  cmd
    .command('validate')
    .description('check a scenario file against the schema, its model and its domain (errors give file:line:column)')
    .argument('<file...>', 'scenario file(s)')
    .option('--json', 'print JSON')
    .action((files: string[], opts: { json?: boolean }) => {
      const d = dataDir();
      const atlas = loadAtlas(d !== undefined ? { dataDir: d } : {});
      const results = files.map((f) => {
        const s = loadScenario(resolve(io.cwd, f), { atlas, displayRoot: io.cwd });
        return { file: s.path, name: s.scenario.name, dimensions: s.scenario.domain.dimensions, durationMin: s.scenario.time.duration, model: s.model.file.name };
      });
      if (opts.json) printJson(io, { ok: true, scenarios: results });
      else for (const r of results) io.out(`${r.file}: OK (${r.name}, ${r.dimensions}D, ${r.durationMin} min, model ${r.model})\n`);
    });

  cmd
    .command('schema')
    .description('print the scenario JSON Schema (for YAML editors), or the Markdown reference')
    .option('--markdown', 'print docs/scenarios.md instead')
    .option('-o, --out <file>', 'write to a file (atomically)')
    .action((opts: { markdown?: boolean; out?: string }) => {
      const text = opts.markdown ? scenarioReferenceMarkdown() : `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
      if (opts.out !== undefined) io.err(`wrote ${writeFileAtomic(io, opts.out, text)}\n`);
      else io.out(text);
    });
  return cmd;
}
