/**
 * A small live line chart (uPlot): x is simulated time in hours, one line per column. Kept free
 * of the UI framework; `setRows` redraws with the rows so far.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSeries {
  name: string;
  label: string;
}

export interface Chart {
  setRows(rows: readonly Record<string, number>[]): void;
  destroy(): void;
}

const COLOURS = ['#2f6db5', '#c0392b', '#1b8a7a', '#7b3fa0', '#c27c0e', '#555555'];

/** `hours`: the x axis spans [0, hours] (the run's duration), so a live chart fills from the left. */
export function createChart(container: HTMLElement, title: string, unit: string, series: readonly ChartSeries[], hours: number): Chart {
  const size = (): { width: number; height: number } => ({ width: Math.max(200, container.clientWidth), height: Math.max(90, container.clientHeight - 56) });
  const plot = new uPlot(
    {
      title,
      ...size(),
      scales: { x: { time: false, range: [0, hours] } },
      axes: [
        { label: 'time (h)', size: 34, labelSize: 14, space: 40 },
        { label: unit, size: 54, labelSize: 14, space: 16, values: (_u, ticks) => ticks.map((t) => (Math.abs(t) >= 1000 ? t.toExponential(0) : String(Number(t.toPrecision(3))))) },
      ],
      series: [{ label: 'h' }, ...series.map((s, i) => ({ label: s.label, stroke: COLOURS[i % COLOURS.length], width: 2, points: { size: 4 } }))],
      legend: { show: true },
      cursor: { drag: { x: false, y: false } },
    },
    [[], ...series.map(() => [])],
    container,
  );
  const resize = new ResizeObserver(() => { plot.setSize(size()); });
  resize.observe(container);
  return {
    setRows(rows) {
      const x = rows.map((r) => (r.time_min ?? 0) / 60);
      plot.setData([x, ...series.map((s) => rows.map((r) => r[s.name] ?? null))]);
    },
    destroy() {
      resize.disconnect();
      plot.destroy();
    },
  };
}
