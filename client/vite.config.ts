import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { compression } from 'vite-plugin-compression2';

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

// On a workshop link the page needs the gate (session/workshopGate.ts), the
// connection and the board's chunk right away, but they are lazy chunks: the
// browser learnt of them only once the main bundle had run (0.2–0.4 s after
// the page opened). A small script of its own (the CSP allows no inline
// script), run as soon as it arrives, asks for them at once on `/w/…` paths
// (modulepreload: fetched and compiled, run when imported); other pages load
// nothing more.
const WORKSHOP_CHUNKS = [
  'src/session/workshopGate.ts',
  'src/sync/connection.ts',
  'src/board/WorkshopPage.tsx',
];

/** Outside /assets/ (cached for a year): revalidated like index.html, whose build it belongs to. */
const PRELOAD_FILE = 'workshop-preload.js';

// The board's first picture (src/sync/boardPreview.ts) and its cards are asked for here too,
// before the main bundle has even loaded: on a busy machine that bundle ran
// a second after the page opened, and the server needs that time to read the
// preview of a room it has just loaded. So are the gate's session and, for a
// device without an identity for this workshop, its new participant identity
// (src/session/workshopGate.ts, earlyRequests.ts): the board cannot open
// before both are answered, and a cold room's identity is written into its
// stored document first. The answers wait in `window.__pinnwandBoardPreview`
// and `window.__pinnwandGate` for the code that takes them when its workshop
// and token match. The token as src/routing/route.ts reads it (`#token=`),
// else as src/session/remembered.ts keeps it; the identity as
// src/facilitation/participantKey.ts keeps it; in a header, as every API
// request of the app (src/api/httpApi.ts). The board's cards are read there
// as they arrive (their body, parsed: small), so the page draws them as soon
// as its code runs rather than after its own first tasks. They are asked
// before the chunks are preloaded: a browser opens 6 connections per host,
// and asked after, they waited for the chunks' connections (0.2–0.3 s on a
// freshly started server).
const askEarly = `try{const m=/^\\/w\\/([A-Za-z0-9_-]{1,128})\\/?$/.exec(location.pathname);const t=m&&(new URLSearchParams(location.hash.slice(1)).get('token')||JSON.parse(localStorage.getItem('pinnwand.token.'+m[1])||'null'));if(m&&typeof t==='string'&&t){const a='/api/workshops/'+m[1]+'/',h={Authorization:'Bearer '+t},o={cache:'no-store',headers:h};window.__pinnwandBoardPreview={workshopId:m[1],token:t,cards:fetch(a+'board-cards',o).then(r=>r.status===200?r.json():null).catch(()=>null),response:fetch(a+'board-preview',o)};window.__pinnwandGate={workshopId:m[1],token:t,session:fetch(a+'session',o),identity:localStorage.getItem('pinnwand.identity.'+m[1])?null:fetch(a+'identities',{method:'POST',cache:'no-store',headers:h})}}}catch(e){}`;

function workshopPreload(): Plugin {
  return {
    name: 'pinnwand-workshop-preload',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'script',
        attrs: { type: 'module', async: true, src: `/${PRELOAD_FILE}` },
        injectTo: 'head-prepend',
      },
    ],
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
      const entry = chunks.find((c) => c.isEntry && c.facadeModuleId?.endsWith('index.html'));
      if (!entry) this.error('no entry chunk for index.html');
      // A chunk and everything it imports statically.
      const closure = (names: string[], into = new Set<string>()) => {
        for (const name of names) {
          const chunk = bundle[name];
          if (into.has(name) || !chunk || chunk.type !== 'chunk') continue;
          into.add(name);
          closure(chunk.imports, into);
        }
        return into;
      };
      const loaded = closure([entry.fileName]);
      const wanted = chunks.filter((c) =>
        WORKSHOP_CHUNKS.some((m) => c.facadeModuleId?.endsWith(m)),
      );
      const files = [...closure(wanted.map((c) => c.fileName))].filter((f) => !loaded.has(f));
      const list = JSON.stringify(files.sort().map((f) => `/${f}`));
      // Their stylesheets are fetched now too (preload, not applied): Vite's
      // loader imports a chunk only once its CSS has loaded, and asked only
      // then, a 2 KB file waited behind the page's other requests (6 per host)
      // for 0.3 s on a busy machine. The loader still adds the stylesheet and
      // awaits it, now from the cache, so the board is never drawn unstyled.
      // `crossOrigin` as the loader's own link has it: a preload is only reused
      // by a request of the same credentials mode, otherwise fetched twice.
      const css = new Set<string>();
      for (const f of files) {
        const chunk = bundle[f];
        if (chunk?.type === 'chunk')
          for (const c of chunk.viteMetadata?.importedCss ?? []) css.add(c);
      }
      const styles = JSON.stringify([...css].sort().map((f) => `/${f}`));
      this.emitFile({
        type: 'asset',
        fileName: PRELOAD_FILE,
        source: `if(location.pathname.startsWith('/w/')){${askEarly}for(const f of ${list}){const l=document.createElement('link');l.rel='modulepreload';l.crossOrigin='';l.href=f;document.head.append(l)}for(const f of ${styles}){const l=document.createElement('link');l.rel='preload';l.as='style';l.crossOrigin='';l.href=f;document.head.append(l)}}\n`,
      });
    },
  };
}

// In `pnpm dev` the Pinnwand server runs beside Vite; proxy its routes so the
// app talks to one origin, as it does in production.
const server = process.env.PINNWAND_SERVER ?? 'http://127.0.0.1:8080';

export default defineConfig({
  resolve: {
    // Short strings of a Yjs document read without TextDecoder (src/sync/fastDecoding.ts).
    alias: [
      {
        find: /^lib0\/decoding$/,
        replacement: fileURLToPath(new URL('./src/sync/fastDecoding.ts', import.meta.url)),
      },
    ],
  },
  // The preload script first: the precache list must name it. Compressed
  // copies (.br, .gz) beside every text file and font: the server sends them
  // to browsers that accept them (server/src/http/staticFiles.ts) without
  // compressing anything per request; a board's scripts are about 1 MB as
  // built and a quarter of that as brotli. Source maps stay as they are: only
  // a developer's tools ask for them.
  plugins: [
    react(),
    workshopPreload(),
    precacheList(),
    compression({
      include: /\.(html|css|js|json|svg|ttf|webmanifest|txt)$/,
      algorithms: ['brotliCompress', 'gzip'],
      threshold: 1024,
      logLevel: 'silent',
    }),
  ],
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
