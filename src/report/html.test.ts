import { describe, expect, it } from 'vitest';
import { escapeHtml, html } from './escape.ts';
import { formatNumber, renderReport, type ReportInput } from './html.ts';
import { inlineSvg } from './svg-inline.ts';

const HOSTILE = `<script>alert("x")</script><img src=x onerror=alert(1)> & 'quoted' "double"`;
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><defs><clipPath id="clip0"><rect width="5" height="5"/></clipPath></defs><g clip-path="url(#clip0)"><rect width="10" height="10" fill="red"/></g></svg>';

function input(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    metadata: { title: 'Run A', codeVersion: '0.1.0+abc', seed: 7, date: '2026-11-21T00:00:00Z', extra: [{ label: 'Scenario', value: 'transwell.yaml' }] },
    summary: 'What was run.',
    methods: 'Welch t-test.',
    claims: [
      { id: 'F4', statement: 'H-GDE raises migration', arms: ['PBS', 'H-GDE'], values: [{ arm: 'PBS', mean: 54.6, sd: 4.93, n: 5 }, { arm: 'H-GDE', mean: 124.4, sd: 11.9, n: 5 }], effect: { name: "Hedges' g", value: 6.9 }, p: 0.00001, holds: true },
      { id: 'F5', statement: 'FRK falls', arms: ['PBS', 'H-GDE'], values: [], p: 0.3, holds: false, note: 'no difference' },
      { id: 'F7', statement: 'not run', arms: [], values: [], holds: null },
    ],
    figures: [
      { id: 'a', title: 'Bars', svg: SVG, caption: 'Caption A.' },
      { id: 'b', title: 'Lines', svg: SVG, caption: 'Caption B.' },
    ],
    rules: [{ rule: 'miR-1246 decreases FRK', atlasIds: ['qian2021-015', 'qian2021-040'], quote: 'by directly targeting FRK', reference: 'Qian et al. 2021' }],
    parameters: [
      { name: 'ev_uptake_rate', value: 0.01, unit: '1/min', status: 'assumed' },
      { name: 'mir_decay', value: 0.000525106, unit: '1/min', status: 'derived', source: 'Kingston & Bartel 2019', derivation: 'ln2 / 22 h' },
      { name: 'cell_volume', value: 2494, unit: 'µm³', status: 'default', source: 'PhysiCell' },
      { name: 'mir_basal_loading', value: 0.00825, unit: 'copies/vesicle', status: 'sourced', source: 'Chevillet 2014' },
    ],
    ...overrides,
  };
}

describe('escapeHtml and html``', () => {
  it('escapes the five HTML metacharacters and leaves other text alone', () => {
    expect(escapeHtml(`<a href="x">'&'</a> µm³ α`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt; µm³ α');
  });

  it('escapes interpolations but not nested Html', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p>${inner}${[html`<br>`, html`<br>`]}${3}</p>`.html).toBe('<p><b>&lt;i&gt;</b><br><br>3</p>');
  });
});

describe('renderReport', () => {
  it('contains every section in order, with the run metadata', () => {
    const page = renderReport(input());
    const order = ['<h1>Run A</h1>', 'Code version', '0.1.0+abc', 'Seed', 'Date', 'Scenario', 'id="claims"', 'id="figures"', 'id="rules"', 'id="parameters"', '<footer>'];
    let at = -1;
    for (const marker of order) {
      const i = page.indexOf(marker, at + 1);
      expect(i, marker).toBeGreaterThan(at);
      at = i;
    }
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).toContain('<title>Run A</title>');
  });

  it('writes the claims table with values, effect, p and a coloured verdict', () => {
    const page = renderReport(input());
    expect(page).toContain('54.6 ± 4.93');
    expect(page).toContain('(n = 5)');
    expect(page).toContain('Hedges&#39; g = 6.90');
    expect(page).toContain('p &lt; 0.001');
    expect(page).toContain('p = 0.30');
    expect(page).toMatch(/class="verdict holds"[^>]*>✓ holds/);
    expect(page).toMatch(/class="verdict fails"[^>]*>✗ does not hold/);
    expect(page).toMatch(/class="verdict untested"[^>]*>— not evaluated/);
    expect(page).toContain('1 of 3 hold · 1 do not hold · 1 not evaluated');
    expect(page).toMatch(/\.verdict\.holds \{ color: var\(--holds\)/);
  });

  it('numbers figures, inlines their SVG with scoped ids and keeps captions', () => {
    const page = renderReport(input());
    expect(page).toContain('<strong>Figure 1. Bars.</strong> Caption A.');
    expect(page).toContain('<strong>Figure 2. Lines.</strong> Caption B.');
    expect(page).toContain('id="fig-a-clip0"');
    expect(page).toContain('url(#fig-b-clip0)');
    expect(page).not.toContain('"clip0"');
  });

  it('lists rules with atlas ids and quotes, parameters with status badges and a tally', () => {
    const page = renderReport(input());
    expect(page).toContain('<code>qian2021-015</code>');
    expect(page).toContain('<blockquote>by directly targeting FRK</blockquote>');
    expect(page).toContain('<span class="status status-assumed">assumed</span>');
    expect(page).toContain('(assumed: no source)');
    expect(page).toContain('1 sourced · 1 derived · 1 default · 1 assumed');
    expect(page).toContain('5.25e-4');
    expect(page).toContain('ln2 / 22 h');
  });

  it('escapes a hostile string in every text field', () => {
    const h = HOSTILE;
    const page = renderReport(
      input({
        metadata: { title: h, codeVersion: h, seed: h, date: h, extra: [{ label: h, value: h }] },
        summary: h,
        methods: h,
        claims: [{ id: h, statement: h, arms: [h], values: [{ arm: h, mean: 1, sd: 0, n: 2 }], effect: { name: h, value: 1 }, p: 0.5, holds: true, note: h }],
        figures: [{ id: 'x', title: h, svg: SVG, caption: h }],
        rules: [{ rule: h, atlasIds: [h], quote: h, reference: h }],
        parameters: [{ name: h, value: 1, unit: h, status: 'derived', source: h, derivation: h }],
      }),
    );
    expect(page).not.toContain('<script');
    expect(page).not.toContain('<img');
    expect(page).not.toContain('"double"');
    const escaped = escapeHtml(h);
    // title tag, h1, meta table (label and value ×4), summary, methods, claim fields, figure, rule, parameter, footer
    expect(page.split(escaped).length - 1).toBeGreaterThanOrEqual(20);
  });

  it('makes no external requests: no scripts, links, stylesheets or remote URLs', () => {
    const page = renderReport(input());
    expect(page).not.toMatch(/<script|<link|<iframe|<img|@import/i);
    expect(page).not.toMatch(/(src|href)\s*=\s*["']?(https?:|\/\/)/i);
    expect(page).not.toMatch(/url\(\s*['"]?(https?:|\/\/)/i);
  });

  it('rejects duplicate figure ids and unsafe SVG', () => {
    expect(() => renderReport(input({ figures: [{ id: 'a', title: 't', svg: SVG, caption: '' }, { id: 'a', title: 't', svg: SVG, caption: '' }] }))).toThrow(/used twice/);
    expect(() => renderReport(input({ figures: [{ id: 'a', title: 't', svg: '<svg><script>1</script></svg>', caption: '' }] }))).toThrow(/<script>/);
  });

  it('is a pure function of its input', () => {
    expect(renderReport(input())).toBe(renderReport(input()));
  });
});

describe('inlineSvg', () => {
  it('accepts vega-style SVG and an XML declaration', () => {
    expect(inlineSvg(`<?xml version="1.0"?>\n${SVG}`, 's').startsWith('<svg')).toBe(true);
  });

  it.each([
    ['<svg><script>alert(1)</script></svg>', /script/],
    ['<svg><rect onload="x()"/></svg>', /event-handler/],
    ['<svg><image href="https://example.org/a.png"/></svg>', /load or restyle/],
    ['<svg><a href="https://example.org">x</a></svg>', /link/],
    ['<svg><rect fill="url(https://example.org/p#g)"/></svg>', /url\(\)/],
    ['<svg><foreignObject><div/></foreignObject></svg>', /foreignObject/],
    ['<div>not svg</div>', /must be an SVG/],
    ['<p>x</p><svg></svg>', /must be an SVG/],
  ])('rejects %s', (svg, message) => {
    expect(() => inlineSvg(svg, 's')).toThrow(message);
  });

  it('accepts same-figure references and text that merely mentions "on=" or "url("', () => {
    expect(() => inlineSvg('<svg><a href="#a"><text>dose on=1</text></a></svg>', 's')).not.toThrow();
    expect(inlineSvg('<svg><g id="a"/><path fill="url(#a)"/></svg>', 'k')).toBe('<svg><g id="k-a"/><path fill="url(#k-a)"/></svg>');
  });
});

describe('formatNumber', () => {
  it('uses three significant digits, whole numbers from 100 up, exponents only below 1e-3 or from 1e5', () => {
    expect([0, 54.6, -3.14159, 124.44, 0.0120064, 2494, 99999.4, 0.000525, 123456].map(formatNumber)).toEqual(['0', '54.6', '-3.14', '124', '0.0120', '2494', '99999', '5.25e-4', '1.23e+5']);
  });
});
