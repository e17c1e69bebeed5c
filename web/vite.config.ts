// The web app: preact + signals, built by vite into dist/web, which `exoscape serve` serves.
// `npm run build` runs this after the TypeScript build; e2e tests build into a scratch folder.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [preact()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // cytoscape and deck.gl are large; they load in their own chunks (deck.gl only on the simulation page)
    chunkSizeWarningLimit: 1600,
    sourcemap: true,
    // the build time on a busy 2-core machine is not worth a warning
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8787' } },
});
