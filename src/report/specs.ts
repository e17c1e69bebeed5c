/**
 * Vega-Lite spec builders for the report's figures. Each returns a plain JSON object (store it next
 * to the results as the figure's provenance; render it with `renderSvg`).
 */
export { barChartSpec, type BarArm, type BarChartInput, type BarComparison } from './bar-spec.ts';
export { timeCourseSpec, type TimeCourseInput, type TimePoint, type TimeSeries } from './time-course-spec.ts';
export { tornadoSpec, type TornadoBar, type TornadoInput } from './tornado-spec.ts';
export { armPalette, colorScale, formatP, significanceLabel, OKABE_ITO, type ArmPalette, type SignificanceStyle, type VegaLiteSpec } from './spec-style.ts';
