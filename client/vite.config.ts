import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

// The board page is loaded lazily (the landing page does not need Konva), so
// index.html no longer names every script an offline reload of a board needs.
// This writes the list of built scripts and styles to /precache.json for the
// service worker; the export-only PDF code and fonts are left out (large, and
// only used online for downloads).
function precacheList(): Plugin {
  return {
    name: 'pinnwand-precache-list',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle)
        .filter((name) => /\.(js|css)$/.test(name))
        .filter((name) => !/(^|\/)(pdf|pdfWorker)-[^/]*\.js$/.test(name))
        .map((name) => `/${name}`)
        .sort();
      this.emitFile({ type: 'asset', fileName: 'precache.json', source: JSON.stringify(files) });
    },
  };
}

// In `pnpm dev` the Pinnwand server runs beside Vite; proxy its routes so the
// app talks to one origin, as it does in production.
const server = process.env.PINNWAND_SERVER ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react(), precacheList()],
  build: {
    target: 'es2022',
    sourcemap: true,
  },
  server: {
    proxy: {
      '/api': server,
      '/healthz': server,
      '/metrics': server,
      '/ws': { target: server, ws: true },
    },
  },
});
