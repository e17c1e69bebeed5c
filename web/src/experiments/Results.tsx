/**
 * A finished experiment: the claims table of a reproduction, then per assay its readouts (mean ± SD
 * of every arm, p against the control) and its figures as in the HTML report. Numbers are written
 * as the CLI writes them (src/experiments/format.ts).
 */
import { num, pValue } from '../../../src/experiments/format.ts';
import { Figure } from './Figure.tsx';
import type { AssayView, ClaimView, ExperimentView, ReadoutView } from './types.ts';

/** A p-value as the CLI writes it; one that underflowed to 0 is below double precision. */
function pText(p: number): string {
  return p === 0 ? '< 1e-16' : pValue(p);
}

function verdict(c: ClaimView): { text: string; cls: string } {
  if (c.problem !== null) return { text: 'not evaluated', cls: 'v-open' };
  return c.holds ? { text: '✓ holds', cls: 'v-holds' } : { text: '✗ does not hold', cls: 'v-fails' };
}

export function ClaimsTable({ claims }: { claims: readonly ClaimView[] }) {
  const held = claims.filter((c) => c.holds).length;
  return (
    <section class="claims" aria-labelledby="claims-title">
      <h2 id="claims-title">
        Claims: {held} of {claims.length} hold
      </h2>
      <div class="table-scroll">
        <table class="data" data-testid="claims-table">
          <thead>
            <tr>
              <th scope="col">Claim</th>
              <th scope="col">Finding of the study</th>
              <th scope="col">In the model</th>
              <th scope="col">Means</th>
              <th scope="col" title="Hedges' g of the first comparison">Effect g</th>
              <th scope="col" title="the largest p of the comparisons the claim names">p</th>
            </tr>
          </thead>
          <tbody>
            {claims.map((c) => {
              const v = verdict(c);
              return (
                <tr key={c.id}>
                  <th scope="row">{c.id}</th>
                  <td>
                    {c.statement}
                    <div class="hint">
                      {c.criterion}. {c.figure}.{c.check !== null ? ` Shape: ${c.check}.` : ''}
                      {c.problem !== null ? ` Not evaluated: ${c.problem}.` : ''}
                    </div>
                  </td>
                  <td class={v.cls}>{v.text}</td>
                  <td class="means">
                    {Object.entries(c.values).map(([arm, x]) => (
                      <div key={arm}>
                        {arm} <strong>{num(x)}</strong>
                      </div>
                    ))}
                  </td>
                  <td class="num">{c.effect === null ? '–' : num(c.effect)}</td>
                  <td class="num">{c.pValue === null ? '–' : pText(c.pValue)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Mean and SD: the server's descriptives when the readout was tested, else from the values (an untestable readout has none). */
function meanSd(ro: ReadoutView, arm: string, xs: readonly number[]): [number, number] {
  const s = ro.stats?.ok === true ? ro.stats.result.arms.find((a) => a.arm === arm) : undefined;
  if (s !== undefined) return [s.mean, s.sd];
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return [m, xs.length > 1 ? Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1)) : 0];
}

function Cell({ ro, arm, control }: { ro: ReadoutView; arm: string; control: string }) {
  const xs = ro.values[arm] ?? [];
  if (xs.length === 0) return <td class="num muted">–</td>;
  const vs = ro.stats?.ok === true ? ro.stats.result.vsControl.find((c) => c.arm === arm) : undefined;
  const [m, s] = meanSd(ro, arm, xs);
  return (
    <td class="num" title={`replicates: ${xs.map((x) => num(x)).join(', ')}`}>
      {num(m)} ± {num(s)}
      {arm !== control && vs !== undefined && <div class={vs.significant ? 'p sig' : 'p'}>p {pText(vs.p)}</div>}
    </td>
  );
}

function ReadoutTable({ assay }: { assay: AssayView }) {
  return (
    <div class="table-scroll">
      <table class="data" data-testid={`values-${assay.assay}`}>
        <caption>
          Mean ± SD of n = {assay.replicates} replicates per arm (hover a cell for the replicate values); p against {assay.control}.
        </caption>
        <thead>
          <tr>
            <th scope="col">Readout</th>
            {assay.arms.map((a) => (
              <th scope="col" key={a}>
                {a}
                {a === assay.control ? ' (control)' : ''}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {assay.readouts.map((ro) => (
            <tr key={ro.key}>
              <th scope="row" title={ro.description}>
                {ro.label} <span class="muted">({ro.unit})</span>
                <div class="hint">{ro.stats === null ? '' : ro.stats.ok ? ro.stats.result.method + (ro.stats.result.omnibus !== null ? `, ANOVA p ${pText(ro.stats.result.omnibus.p)}` : '') : `not testable: ${ro.stats.reason}`}</div>
              </th>
              {assay.arms.map((a) => (
                <Cell key={a} ro={ro} arm={a} control={assay.control} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Results({ view }: { view: ExperimentView }) {
  return (
    <div class="results-body">
      {view.claims !== null && <ClaimsTable claims={view.claims} />}
      {view.assays.map((a) => (
        <section key={a.assay} class="assay-block" aria-labelledby={`assay-${a.assay}`} data-testid={`assay-${a.assay}`}>
          <h2 id={`assay-${a.assay}`}>{a.title}</h2>
          <p class="hint">
            {a.figure} · control {a.control} · n = {a.replicates}
          </p>
          <ReadoutTable assay={a} />
          <div class="figures">
            {view.figures
              .filter((f) => f.assay === a.assay)
              .map((f) => (
                <Figure key={f.id} figure={f} />
              ))}
          </div>
        </section>
      ))}
      <p class="hint">
        Seed {view.run.seed}, {view.run.workers} thread(s), {view.run.wallSeconds.toFixed(1)} s wall, {view.run.cpuSeconds.toFixed(1)} s CPU; code {view.run.codeVersion}
        {Object.keys(view.run.options.parameters).length > 0 ? `; overrides ${Object.entries(view.run.options.parameters).map(([k, v]) => `${k} = ${v}`).join(', ')}` : ''}
        {view.run.options.timeScale !== 1 ? `; assay times scaled by ${view.run.options.timeScale}` : ''}.
      </p>
    </div>
  );
}
