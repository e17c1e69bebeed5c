/**
 * Inline SVG for the self-contained report: the figure strings come from vega's `toSVG()`, but the
 * report module does not trust that blindly. `inlineSvg` rejects anything that could run code or
 * fetch a resource (the report must open offline and make no requests), and prefixes element ids so
 * that two figures on one page cannot capture each other's `url(#clip0)` references.
 */

const FORBIDDEN: readonly [RegExp, string][] = [
  [/<script/i, 'a <script> element'],
  [/<foreignObject/i, 'a <foreignObject> element'],
  [/<(iframe|object|embed|image|img|use|link|style)\b/i, 'an element that can load or restyle content'],
  // inside tags only (text content has its '<' escaped, so `<[^>]*` cannot reach into it)
  [/<[^>]*\son[a-z]+\s*=/i, 'an event-handler attribute'],
  [/<[^>]*\b(href|src)\s*=(?![\s'"]*#)/i, 'a link to anything but an element of the same figure'],
  [/url\((?![\s'"]*#)/i, 'a url() to anything but an element of the same figure'],
  [/@import/i, 'a CSS @import'],
  [/javascript:/i, 'a javascript: URL'],
];

/** Checks `svg` and returns it with its ids prefixed by `scope` (letters, digits, '-'). */
export function inlineSvg(svg: string, scope: string): string {
  if (!/^[A-Za-z][\w-]*$/.test(scope)) throw new RangeError(`an SVG scope must be a simple identifier, got '${scope}'`);
  const start = svg.search(/<svg[\s>]/);
  if (start < 0 || svg.slice(0, start).trim().replace(/^<\?xml[^>]*\?>/, '').trim() !== '') {
    throw new RangeError('a figure must be an SVG document: expected it to start with <svg');
  }
  for (const [pattern, what] of FORBIDDEN) {
    if (pattern.test(svg)) throw new RangeError(`figure SVG rejected: it contains ${what}; the report must be inert and self-contained`);
  }
  return svg
    .slice(start)
    .replace(/\sid="([^"]+)"/g, (_m, id: string) => ` id="${scope}-${id}"`)
    .replace(/url\(#([^)]+)\)/g, (_m, id: string) => `url(#${scope}-${id})`)
    .replace(/href="#([^"]+)"/g, (_m, id: string) => `href="#${scope}-${id}"`);
}
