import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In `pnpm dev` the Pinnwand server runs beside Vite; proxy its routes so the
// app talks to one origin, as it does in production.
const server = process.env.PINNWAND_SERVER ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
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
