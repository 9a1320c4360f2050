/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { fileURLToPath } from 'node:url';

export default defineConfig(({ mode }) => ({
  plugins: [
    react(),
    // A Workbox service worker precaches the whole build, so after one visit the app, its fonts and
    // every map in IndexedDB open without a network. 'prompt': a new version waits until the user
    // chooses to reload (src/app/UpdateNotice.tsx), never swapping code under an open map.
    VitePWA({
      // The speed benchmark measures the app, not a worker precaching a megabyte beside it.
      disable: mode === 'bench',
      registerType: 'prompt',
      injectRegister: false,
      // The dev server never registers a worker: edits show up at once, nothing is served stale.
      devOptions: { enabled: false },
      manifest: {
        name: 'Powermap',
        short_name: 'Powermap',
        description: 'Map the people, politics and white space of a customer account.',
        theme_color: '#ffffff',
        background_color: '#f8fafc',
        display: 'standalone',
        start_url: '.',
        scope: '.',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // woff2 only: the font CSS also names .woff fallbacks that no browser able to run the app uses.
        // wasm: the line router (libavoid), so lines still go around cards offline.
        globPatterns: ['**/*.{html,js,css,svg,png,woff2,wasm}'],
        navigateFallback: 'index.html',
        // An already open page keeps working with the worker it has; the first one takes over at once.
        clientsClaim: true,
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  resolve: {
    // libavoid-js exports only its JS; its WebAssembly file, for src/io/line-router.ts.
    alias: [{ find: /^libavoid-wasm(?=\?)/, replacement: fileURLToPath(new URL('node_modules/libavoid-js/dist/libavoid.wasm', import.meta.url)) }],
  },
  // The line router's worker (src/io/line-router.worker.ts) is an ES module, as the page is.
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: false,
    rollupOptions: {
      // jsPDF imports these on demand for its HTML and SVG drawing, which the poster never uses;
      // left out, they are neither built nor precached by the service worker.
      external: ['html2canvas', 'dompurify', 'canvg'],
    },
  },
  test: {
    environment: 'jsdom',
    // Two cores shared by jsdom workers: generous timeouts keep component tests from flaking under load.
    testTimeout: 20_000,
    setupFiles: ['tests/setup.ts'],
    include: ['tests/unit/**/*.test.{ts,tsx}'],
  },
}));
