import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

// The SPA. `npm start` runs this config programmatically with the /api proxy and
// the runtime /config.json; `npm run build` writes web/dist for the web stack.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [vue()],
  // Hidden source maps: written for error tracing, never referenced from the deployed bundle.
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: 'hidden', chunkSizeWarningLimit: 900 },
  server: { strictPort: true },
});
