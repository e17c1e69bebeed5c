/**
 * One figure of the HTML report, drawn in the page by vega-embed from the Vega-Lite spec the server
 * built (src/experiments/report/figures.ts). vega-embed loads with this page only; `ast: true`
 * evaluates Vega expressions with an interpreter, so the strict Content-Security-Policy (no eval)
 * holds.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { FigureView } from './types.ts';

export function Figure({ figure }: { figure: FigureView }) {
  const box = useRef<HTMLDivElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    // read after awaits, when the effect may have been cleaned up
    const state: { mounted: boolean; finalize?: () => void } = { mounted: true };
    const mounted = (): boolean => state.mounted;
    const el = box.current;
    if (!el) return;
    void import('vega-embed')
      .then(async ({ default: embed }) => {
        if (!mounted()) return;
        const r = await embed(el, figure.spec, { ast: true, renderer: 'svg', actions: { export: true, source: false, compiled: false, editor: false }, downloadFileName: figure.id });
        if (mounted()) state.finalize = () => { r.finalize(); };
        else r.finalize();
      })
      .catch((e: unknown) => {
        if (mounted()) setProblem(`this figure could not be drawn: ${e instanceof Error ? e.message : String(e)}`);
      });
    return () => {
      state.mounted = false;
      state.finalize?.();
    };
  }, [figure]);
  return (
    <figure class="exp-figure" data-testid={`figure-${figure.id}`}>
      <div ref={box} class="vega-box" />
      {problem !== null && <p class="error">{problem}</p>}
      <figcaption>
        <strong>{figure.title}.</strong> {figure.caption}
      </figcaption>
    </figure>
  );
}
