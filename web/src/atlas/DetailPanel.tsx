/** Right panel: the selected relation (quote, references), edge, node or path — or the list of matching relations. */
import type { GraphEdge, Relation } from '../api.ts';
import { chainText, donorText, relationSummary, seedLabel } from './format.ts';
import type { AtlasStore } from './store.ts';

function RelationButton({ id, store, text }: { id: string; store: AtlasStore; text?: string }) {
  return (
    <button type="button" class="rel-link" onClick={() => { void store.openRelation(id); }}>
      <span class="rel-id">{id}</span>
      {text !== undefined && <span class="rel-text">{text}</span>}
    </button>
  );
}

function Evidence({ classes }: { classes: readonly string[] }) {
  return (
    <span class="badges">
      {classes.map((e) => (
        <span key={e} class={`badge ev-${e}`}>{e}</span>
      ))}
    </span>
  );
}

export function RelationView({ r, store }: { r: Relation; store: AtlasStore }) {
  return (
    <article class="relation" aria-labelledby="relation-title">
      <h2 id="relation-title">{r.id}</h2>
      <p class="chain">{relationSummary(r)}</p>
      <dl class="facts">
        <dt>Donor</dt>
        <dd>{donorText(r)}{r.donorLine ? ` (${r.donor})` : ''}</dd>
        <dt>Cargo</dt>
        <dd>{r.cargo ? `${r.cargo.name} (${r.cargo.type})` : 'the vesicles themselves'}</dd>
        <dt>Recipient</dt>
        <dd>{r.recipient ? `${r.recipientLine ?? r.recipient}${r.recipientCondition ? `, ${r.recipientCondition}` : ''}` : '—'}</dd>
        <dt>Targets</dt>
        <dd>{r.targets.length > 0 ? r.targets.map((t) => `${t.symbol} (${t.effect})`).join(', ') : '—'}</dd>
        <dt>Phenotype</dt>
        <dd>{r.phenotype} {r.direction}</dd>
        <dt>Cancer</dt>
        <dd>{r.cancerType}</dd>
        <dt>Evidence</dt>
        <dd><Evidence classes={r.evidence} /></dd>
        {r.measures.length > 0 && (
          <>
            <dt>Measures</dt>
            <dd>{r.measures.map((m) => `${m.name} = ${m.value}${m.unit ? ` ${m.unit}` : ''}${m.context ? ` (${m.context})` : ''}`).join('; ')}</dd>
          </>
        )}
        {r.flags.length > 0 && (
          <>
            <dt>Flags</dt>
            <dd>{r.flags.join(', ')}</dd>
          </>
        )}
      </dl>
      <blockquote class="quote">
        <p>“{r.quote}”</p>
        <footer>
          {r.source} — {r.location} (seed {seedLabel(r.seed)})
        </footer>
      </blockquote>
      {r.refs.length > 0 && (
        <section aria-label="References">
          <h3>References</h3>
          <ol class="refs">
            {r.refs.map((ref) => (
              <li key={ref}>
                <span class="ref-no">[{ref}]</span> {r.referenceTexts[ref] ?? (ref.startsWith('10.') ? `doi:${ref}` : '(the seed prints no reference list)')}
              </li>
            ))}
          </ol>
        </section>
      )}
      {r.note !== null && <p class="note">Note: {r.note}</p>}
      {r.related.length > 0 && (
        <section aria-label="Related relations">
          <h3>Related</h3>
          <div class="related">
            {r.related.map((id) => (
              <RelationButton key={id} id={id} store={store} />
            ))}
          </div>
        </section>
      )}
    </article>
  );
}

function EdgeView({ edge, from, to, store }: { edge: GraphEdge; from: string; to: string; store: AtlasStore }) {
  const byId = new Map((store.results.value?.relations ?? []).map((r) => [r.id, r]));
  return (
    <article class="edge">
      <h2>
        {from} <span class={edge.sign === 'inhibition' ? 'inh' : 'act'}>{edge.sign === 'inhibition' ? '⊣' : '→'}</span> {to}
      </h2>
      <p class="muted">
        {edge.interaction}; {edge.relations.length} supporting relation{edge.relations.length === 1 ? '' : 's'} · <Evidence classes={edge.evidence} />
      </p>
      <ul class="plain">
        {edge.relations.map((id) => {
          const r = byId.get(id);
          return (
            <li key={id}>
              <RelationButton id={id} store={store} {...(r ? { text: relationSummary(r) } : {})} />
            </li>
          );
        })}
      </ul>
    </article>
  );
}

function PathView({ index, store }: { index: number; store: AtlasStore }) {
  const p = store.paths.value?.paths[index];
  if (!p) return null;
  return (
    <article class="path-detail">
      <h2>{chainText(p)}</h2>
      <ol class="steps">
        {p.steps.map((s, i) => (
          <li key={i}>
            <div class="step-head">
              {s.from} <span class={s.sign === 'inhibition' ? 'inh' : 'act'}>{s.interaction}</span> {s.to}
            </div>
            <blockquote class="quote small">
              <p>“{s.relations[0]!.quote}”</p>
            </blockquote>
            <div class="related">
              {s.relations.slice(0, 8).map((r) => (
                <RelationButton key={r.id} id={r.id} store={store} />
              ))}
              {s.relations.length > 8 && <span class="muted">+{s.relations.length - 8} more</span>}
            </div>
          </li>
        ))}
      </ol>
    </article>
  );
}

function ResultsList({ store }: { store: AtlasStore }) {
  const r = store.results.value;
  if (r === null) return <p class="muted">Loading…</p>;
  return (
    <section aria-label="Matching relations">
      <h2 class="list-title">
        {r.total} relation{r.total === 1 ? '' : 's'}
        {r.total > r.relations.length ? ` (first ${r.relations.length})` : ''}
      </h2>
      {r.total === 0 && <p class="muted">No relation matches the search and filters.</p>}
      <ul class="plain results">
        {r.relations.map((rel) => (
          <li key={rel.id}>
            <RelationButton id={rel.id} store={store} text={relationSummary(rel)} />
          </li>
        ))}
      </ul>
    </section>
  );
}

export function DetailPanel({ store }: { store: AtlasStore }) {
  const sel = store.selection.value;
  return (
    <aside class="panel right" aria-label="Details">
      {sel !== null && (
        <button type="button" class="link back" onClick={() => { store.selection.value = null; }}>
          ← All matching relations
        </button>
      )}
      {sel === null && <ResultsList store={store} />}
      {sel?.kind === 'relation' && <RelationView r={sel.relation} store={store} />}
      {sel?.kind === 'edge' && <EdgeView edge={sel.edge} from={sel.from} to={sel.to} store={store} />}
      {sel?.kind === 'path' && <PathView index={sel.index} store={store} />}
      {sel?.kind === 'node' && (
        <article>
          <h2>{sel.node.label}</h2>
          <p class="muted">
            {sel.node.role} · {sel.node.degree} link{sel.node.degree === 1 ? '' : 's'} in this view
          </p>
          <div class="row">
            <button
              type="button"
              onClick={() => {
                store.query.value = sel.node.label;
                store.selection.value = null;
                void store.refresh();
              }}
            >
              Search relations about {sel.node.label}
            </button>
          </div>
          <div class="row">
            <button type="button" onClick={() => { store.pathQuery.value = { ...store.pathQuery.value, from: sel.node.label }; }}>Start a path here</button>
            <button type="button" onClick={() => { store.pathQuery.value = { ...store.pathQuery.value, to: sel.node.label }; }}>End a path here</button>
          </div>
        </article>
      )}
    </aside>
  );
}
