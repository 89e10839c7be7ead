import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const fromRoot = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

// The app is served by the API process (apps/api/src/web-app.ts); `npm run dev:web` proxies
// /api to an API started with `npm start` for live editing.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // The SPEC's rules run in the browser as they do on the server: libs/domain, bundled as is.
  resolve: { alias: { '@app/domain': fromRoot('libs/domain/src') } },
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // .vite/manifest.json: which chunks each page needs (the web benchmark walks it).
    manifest: true,
    sourcemap: process.env.WEB_SOURCEMAP === 'true',
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases.
        advancedChunks: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
            },
            // ECharts (with zrender) is split by use: a heat map's parts stay with its page.
            { name: 'ag-grid', test: /node_modules[\\/]ag-grid-/ },
          ],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
