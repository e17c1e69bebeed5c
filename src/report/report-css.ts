/** The report's only stylesheet, inlined: system fonts, readable tables, figures two per row on wide screens, print-friendly. */
export const REPORT_CSS = `
:root { --fg: #1d1d1f; --muted: #5f6368; --line: #d9dce1; --holds: #1a7f37; --fails: #c62828; --untested: #6e7781; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1080px; padding: 24px; color: var(--fg); font: 14px/1.45 "DejaVu Sans", Helvetica, Arial, sans-serif; }
h1 { font-size: 22px; margin: 0 0 12px; }
h2 { font-size: 18px; margin: 32px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); }
thead th { background: #f4f5f7; font-weight: 600; }
table.meta { width: auto; }
table.meta th { font-weight: 600; padding-right: 16px; color: var(--muted); }
code { font: 12px "DejaVu Sans Mono", Menlo, Consolas, monospace; background: #f4f5f7; padding: 0 3px; border-radius: 3px; }
.summary, .methods { max-width: 80ch; }
.tally { color: var(--muted); margin: 4px 0 8px; }
.note { color: var(--muted); font-size: 12px; margin-top: 2px; }
.value { white-space: nowrap; }
.value .arm { font-weight: 600; }
.value .n, td.p { color: var(--muted); white-space: nowrap; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.verdict { font-weight: 700; white-space: nowrap; }
.verdict.holds { color: var(--holds); }
.verdict.fails { color: var(--fails); }
.verdict.untested { color: var(--untested); font-weight: 400; }
tr.row-holds td:first-child { border-left: 4px solid var(--holds); }
tr.row-fails td:first-child { border-left: 4px solid var(--fails); }
tr.row-untested td:first-child { border-left: 4px solid var(--untested); }
.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(460px, 1fr)); gap: 24px; }
figure { margin: 0; }
figure svg { max-width: 100%; height: auto; }
figcaption { font-size: 13px; margin-top: 6px; }
blockquote { margin: 0; font-style: italic; color: #3c4043; }
.status { display: inline-block; padding: 0 6px; border-radius: 8px; font-size: 12px; font-weight: 600; }
.status-sourced { background: #dafbe1; color: #1a7f37; }
.status-derived { background: #ede7f6; color: #5e35b1; }
.status-default { background: #e3f2fd; color: #1565c0; }
.status-assumed { background: #fff3e0; color: #b45309; }
footer { margin-top: 40px; color: var(--muted); font-size: 12px; }
@media print { body { max-width: none; padding: 0; } .figures { grid-template-columns: 1fr 1fr; } figure, tr { break-inside: avoid; } }
`;
