/** Report building blocks: figure specs, headless rendering, and the self-contained HTML report. */
export * from './specs.ts';
export { renderSvg, svgToPng } from './render.ts';
export { renderReport, formatNumber, type ArmValue, type ClaimRow, type FigureBlock, type ParameterRow, type ReportInput, type ReportMetadata, type RuleRow } from './html.ts';
export { escapeHtml } from './escape.ts';
export { inlineSvg } from './svg-inline.ts';
