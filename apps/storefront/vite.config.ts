import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const storefrontRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

// The reference storefront: built into dist/apps/storefront, which the API serves at /shop/.
// In development (`npm run dev:storefront`) the API runs on :3000 and /api is proxied to it.
export default defineConfig({
  root: storefrontRoot,
  base: '/shop/',
  plugins: [react()],
  resolve: {
    alias: { '@chance/client': `${repoRoot}libs/client/src/index.ts` },
  },
  build: {
    outDir: `${repoRoot}dist/apps/storefront`,
    emptyOutDir: true,
    // no source maps in the production build (docs/api.md#limits)
    sourcemap: false,
    target: 'es2022',
  },
  server: {
    port: 5174,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: true } },
  },
  preview: {
    port: 4174,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: true } },
  },
});
