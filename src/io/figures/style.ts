/** Shared look of exoscape figures (Vega-Lite config). DejaVu Sans ships with most Linux systems. */
export const FIGURE_FONT = 'DejaVu Sans, Helvetica, Arial, sans-serif';

export const FIGURE_CONFIG = {
  font: FIGURE_FONT,
  background: 'white',
  title: { fontSize: 14, subtitleFontSize: 11, anchor: 'start' },
  axis: { labelFontSize: 10, titleFontSize: 11 },
  legend: { labelFontSize: 10, titleFontSize: 11 },
} as const;

/** Minutes as "90 min" or, from 3 h on, "1440 min (24 h)". */
export function formatTime(timeMin: number): string {
  return timeMin >= 180 ? `${timeMin} min (${Number((timeMin / 60).toFixed(2))} h)` : `${timeMin} min`;
}
