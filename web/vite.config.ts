import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// @NOTE The console is served by `vigil serve` at /console from dist/web, next to the server's
// own build in dist/, so `npm run build` leaves one folder that holds everything to run.
const root = new URL('.', import.meta.url).pathname

export default defineConfig({
  root,
  base: '/console/',
  plugins: [react()],
  build: {
    outDir: new URL('../dist/web', import.meta.url).pathname,
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: true,
  },
  server: {
    // `npm run dev` serves the API on :8080 (VIGIL_PORT); `npm run dev:web` proxies to it.
    proxy: {
      '/v1': 'http://127.0.0.1:8080',
      '/console/api': 'http://127.0.0.1:8080',
    },
  },
})
