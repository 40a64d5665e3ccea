/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const adminRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

// The admin SPA: built into dist/apps/admin, which the API serves at `/`.
// In development (`npm run dev:admin`) the API runs on :3000 and /api is proxied to it.
// Its logic tests (src/**/*.test.ts, beside the code) run in Node under Vitest with this same
// resolution: `npm run test:spa`. The browser tests are apps/admin-e2e.
export default defineConfig({
  root: adminRoot,
  base: '/',
  plugins: [react()],
  // "paths" of apps/admin/tsconfig.json: the pure modules of libs/core (@chance/core/money, ...).
  resolve: { tsconfigPaths: true },
  build: {
    outDir: `${repoRoot}dist/apps/admin`,
    emptyOutDir: true,
    // never in a production build: the maps would publish the SPA's whole source (docs/api.md#limits);
    // `npm run dev:admin` serves its own for debugging
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: true },
      '/media': { target: 'http://localhost:3000', changeOrigin: true },
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
  preview: {
    port: 4173,
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: true },
      '/media': { target: 'http://localhost:3000', changeOrigin: true },
    },
  },
});
