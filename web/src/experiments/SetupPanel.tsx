/** Left panel: choose an assay (tick its arms) or the reproduction, set replicates and seed, run. */
import { REPRODUCE, type ExperimentStore } from './store.ts';

export function SetupPanel({ store }: { store: ExperimentStore }) {
  const cat = store.catalog.value;
  if (!cat) return <p class="muted">Loading the assays…</p>;
  const choice = store.choice.value;
  const assay = store.assayOf(choice);
  const study = cat.studies[0];
  const armsRun = assay !== undefined ? store.arms.value.length : new Set(study?.plans.flatMap((p) => p.arms) ?? []).size;
  const reps = store.replicates.value;
  const repsOk = Number.isInteger(reps) && reps >= cat.replicates.min && reps <= cat.replicates.max;
  const seedOk = Number.isInteger(store.seed.value) && store.seed.value >= 0;
  const armsOk = assay === undefined || store.arms.value.length >= 2;
  const ready = armsOk && repsOk && seedOk && !store.submitting.value;
  return (
    <section class="setup" aria-label="Set up an experiment">
      <label>
        <span>Experiment</span>
        <select id="experiment-choice" value={choice} onChange={(e) => { store.pick(e.currentTarget.value); }}>
          <optgroup label="Virtual assays">
            {cat.assays.map((a) => (
              <option key={a.name} value={a.name}>
                {a.title} ({a.name})
              </option>
            ))}
          </optgroup>
          <optgroup label="Reproduce a study">
            <option value={REPRODUCE}>Reproduce Qian et al. 2021 (all assays, {study?.claims.length ?? 0} claims)</option>
          </optgroup>
        </select>
      </label>
      {assay !== undefined ? (
        <>
          <details class="protocol">
            <summary>
              Protocol · {assay.figure}
            </summary>
            <ul>
              {assay.protocol.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          </details>
          <fieldset class="arms">
            <legend>
              Arms ({store.arms.value.length} of {assay.arms.length}; control {assay.control})
            </legend>
            {assay.arms.map((a) => {
              const id = `arm-${a.name.replace(/[^a-z0-9]+/gi, '-')}`;
              return (
                <div class="arm" key={a.name}>
                  <input type="checkbox" id={id} checked={store.arms.value.includes(a.name)} onChange={(e) => { store.toggleArm(a.name, e.currentTarget.checked); }} aria-describedby={`${id}-d`} />
                  <label for={id}>{a.name}</label>
                  <div class="hint" id={`${id}-d`}>
                    {a.description}
                  </div>
                </div>
              );
            })}
          </fieldset>
          {!armsOk && <p class="error">Tick at least two arms: a comparison needs a control.</p>}
        </>
      ) : (
        study !== undefined && (
          <div class="study">
            <p class="hint">{study.title}. The assays behind figures 1–5, each claim a planned comparison between arms:</p>
            <ul class="hint">
              {study.plans.map((p) => (
                <li key={p.assay}>
                  <strong>{p.assay}</strong>: {p.arms.join(', ')}
                </li>
              ))}
            </ul>
          </div>
        )
      )}
      <div class="row2">
        <label>
          <span>Replicates per arm</span>
          <input type="number" min={cat.replicates.min} max={cat.replicates.max} step={1} value={reps} onInput={(e) => { store.replicates.value = e.currentTarget.valueAsNumber; }} aria-invalid={!repsOk} />
        </label>
        <label>
          <span>Seed</span>
          <input type="number" min={0} step={1} value={store.seed.value} onInput={(e) => { store.seed.value = e.currentTarget.valueAsNumber; }} aria-invalid={!seedOk} />
        </label>
      </div>
      {!repsOk && (
        <p class="error">
          Replicates: a whole number from {cat.replicates.min} to {cat.replicates.max} (this server's limit).
        </p>
      )}
      <p class="hint" data-testid="job-count">
        {armsRun} arms × {repsOk ? reps : '?'} replicates = {repsOk ? armsRun * reps : '?'} arm × replicate jobs
      </p>
      <button type="button" class="run" disabled={!ready} onClick={() => { void store.start(); }}>
        {store.submitting.value ? 'Submitting…' : assay !== undefined ? 'Run this assay' : 'Run the reproduction'}
      </button>
    </section>
  );
}
