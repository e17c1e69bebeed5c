/**
 * Measure the tissue view at 10^4 and 10^5 cells: `npx tsx e2e/measure-tissue.ts` (needs
 * Chromium). Prints one JSON line per size. On this machine WebGL is software (SwiftShader) on
 * 2 shared cores, so frame rates are far below a laptop GPU's.
 */
import { closeApp, openApp } from './harness.ts';
import { measureTissue } from './tissue-measure.ts';

const app = await openApp('measure', [], ['--max-cells', '150000']);
try {
  const { page, server } = app;
  const renderer = await page.evaluate(() => {
    const gl = document.createElement('canvas').getContext('webgl2');
    const ext = gl?.getExtension('WEBGL_debug_renderer_info');
    return gl && ext ? String(gl.getParameter(ext.UNMASKED_RENDERER_WEBGL)) : 'unknown';
  });
  for (const n of [10_000, 100_000]) console.log(JSON.stringify({ ...(await measureTissue(page, server.url, n, `measure-${n}`)), renderer }));
} finally {
  await closeApp(app);
}
