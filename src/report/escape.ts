/**
 * Escaping for the HTML report. Every string that reaches the page goes through `escapeHtml` —
 * claim statements, arm names, quotes and parameter sources come from files users edit, so a
 * `<script>` in a quote must print as text. Inline SVG is the one exception: it is markup by design
 * and is checked instead (`inlineSvg`).
 */

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text or attribute value → HTML with & < > " ' escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Markup that is already escaped or built from escaped parts. */
export interface Html {
  readonly html: string;
}

/** Tagged template: interpolated strings and numbers are escaped, `Html` values and arrays of them are inserted as they are. */
export function html(strings: TemplateStringsArray, ...values: readonly (string | number | Html | readonly Html[])[]): Html {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += render(v) + strings[i + 1]!;
  });
  return { html: out };
}

function render(v: string | number | Html | readonly Html[]): string {
  if (typeof v === 'string') return escapeHtml(v);
  if (typeof v === 'number') return escapeHtml(String(v));
  if (Array.isArray(v)) return (v as readonly Html[]).map((h) => h.html).join('');
  return (v as Html).html;
}
