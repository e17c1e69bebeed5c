/** Left panel: pick an example, edit it in the form or as YAML (issues inline, by line), run it. */
import { useRef } from 'preact/hooks';
import type { ApiIssue } from '../api.ts';
import { FORM_FIELDS, readForm, writeField } from './yaml-form.ts';
import type { SimStore } from './store.ts';

function IssueList({ issues, onGo }: { issues: readonly ApiIssue[]; onGo: (i: ApiIssue) => void }) {
  return (
    <ul id="scenario-issues" class="issues">
      {issues.map((i, k) => (
        <li key={k}>
          {i.line !== undefined ? (
            <button type="button" class="link" onClick={() => { onGo(i); }}>
              line {i.line}:{i.column}
            </button>
          ) : null}{' '}
          {i.path !== '' && <code>{i.path}</code>} {i.message}
        </li>
      ))}
    </ul>
  );
}

export function ScenarioPanel({ store }: { store: SimStore }) {
  const area = useRef<HTMLTextAreaElement>(null);
  const gutter = useRef<HTMLPreElement>(null);
  const text = store.text.value;
  const v = store.validation.value;
  const form = readForm(text);
  const badLines = new Set(v.issues.map((i) => i.line).filter((l): l is number => l !== undefined));
  const lineCount = text.split('\n').length;

  const goTo = (i: ApiIssue): void => {
    const ta = area.current;
    if (!ta || i.line === undefined) return;
    const lines = text.split('\n');
    let pos = 0;
    for (let k = 0; k < i.line - 1 && k < lines.length; k++) pos += lines[k]!.length + 1;
    pos += Math.max(0, (i.column ?? 1) - 1);
    ta.focus();
    ta.setSelectionRange(pos, pos);
    const lineHeight = ta.scrollHeight / Math.max(1, lines.length);
    ta.scrollTop = Math.max(0, (i.line - 4) * lineHeight);
  };

  return (
    <section class="scenario" aria-label="Scenario">
      <label>
        <span>Example scenario</span>
        <select
          value={store.example.value}
          onChange={(e) => { void store.pickExample(e.currentTarget.value); }}
        >
          {store.examples.value.map((x) => (
            <option key={x.name} value={x.name}>
              {x.name} — {x.description}
            </option>
          ))}
        </select>
      </label>

      <fieldset class="form" disabled={form === null}>
        <legend>Settings {form === null && <span class="muted">(fix the YAML first)</span>}</legend>
        {FORM_FIELDS.map((f) => (
          <label key={f.key}>
            <span>{f.label}</span>
            {f.kind === 'select' ? (
              <select value={form?.[f.key] ?? ''} onChange={(e) => { store.setText(writeField(text, f.key, e.currentTarget.value)); }}>
                <option value="">default</option>
                {f.options!.map((o) => (
                  <option key={o} value={o}>{o}</option>
                ))}
              </select>
            ) : (
              <input
                type="text"
                inputMode={f.kind === 'number' ? 'decimal' : 'text'}
                value={form?.[f.key] ?? ''}
                onChange={(e) => { store.setText(writeField(text, f.key, e.currentTarget.value)); }}
              />
            )}
          </label>
        ))}
      </fieldset>

      <label for="scenario-yaml" class="block-title">Scenario YAML</label>
      <div class={`editor${badLines.size > 0 ? ' has-issues' : ''}`}>
        <pre class="gutter" ref={gutter} aria-hidden="true">
          {Array.from({ length: lineCount }, (_, k) => (
            <span key={k} class={badLines.has(k + 1) ? 'bad' : undefined}>{k + 1}{'\n'}</span>
          ))}
        </pre>
        <textarea
          id="scenario-yaml"
          ref={area}
          spellcheck={false}
          value={text}
          aria-invalid={v.state === 'invalid' || v.state === 'too-large'}
          aria-describedby="scenario-status"
          onInput={(e) => { store.setText(e.currentTarget.value); }}
          onScroll={(e) => {
            if (gutter.current) gutter.current.scrollTop = e.currentTarget.scrollTop;
          }}
        />
      </div>
      <div id="scenario-status" class={`validation ${v.state}`} aria-live="polite">
        {v.state === 'checking' && 'checking…'}
        {v.state === 'ok' && v.size && `valid · ${v.size.voxels.toLocaleString('en')} voxels · ${v.size.cells.toLocaleString('en')} cells · ${(v.size.durationMin / 60).toLocaleString('en')} h`}
        {(v.state === 'invalid' || v.state === 'too-large') && (v.message ?? 'invalid')}
      </div>
      {v.issues.length > 0 && <IssueList issues={v.issues} onGo={goTo} />}
      <button type="button" class="run" disabled={v.state !== 'ok' || store.submitting.value} onClick={() => { void store.startRun(); }}>
        {store.submitting.value ? 'Starting…' : 'Run this scenario'}
      </button>
    </section>
  );
}
