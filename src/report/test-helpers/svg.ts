/** Test helpers for reading vega's SVG output: marks by type and the text they print. */

/** The children of each `<g class="mark-<type> role-mark …">` group (layer marks, not axes). */
export function markGroups(svg: string, type: string): string[] {
  const re = new RegExp(`<g class="mark-${type} role-mark[^"]*"[^>]*>(.*?)</g>`, 'gs');
  return [...svg.matchAll(re)].map((m) => m[1]!);
}

/** How many items (a bar, a dot, a rule, a whole line) the layer marks of `type` drew, over all layers. */
export function countMarks(svg: string, type: string): number {
  return markGroups(svg, type).reduce((n, g) => n + g.split('role="graphics-symbol"').length - 1, 0);
}

/** Every text node's content, unescaped. */
export function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) =>
    m[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&'),
  );
}
