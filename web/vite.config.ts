import { fileURLToPath } from 'node:url';
import VueI18nPlugin from '@intlify/unplugin-vue-i18n/vite';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';
import { precompiledTheme } from './build/precompiled-theme.js';
import { usedIconsOnly } from './build/used-icons.js';

// The SPA. `npm start` runs this config programmatically with the /api proxy and
// the runtime /config.json; `npm run build` writes web/dist for the web stack.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [
    vue(),
    precompiledTheme(),
    usedIconsOnly(fileURLToPath(new URL('./src', import.meta.url))),
    // Messages compiled at build time: the runtime-only vue-i18n, without its message compiler, ships to browsers.
    VueI18nPlugin({
      include: [fileURLToPath(new URL('./src/i18n/uk.ts', import.meta.url)), fileURLToPath(new URL('./src/i18n/en.ts', import.meta.url))],
      runtimeOnly: true, compositionOnly: true, fullInstall: false, dropMessageCompiler: true, strictMessage: false, escapeHtml: false,
    }),
  ],
  // Hidden source maps: written for error tracing, never referenced from the deployed bundle.
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: 'hidden', chunkSizeWarningLimit: 900 },
  server: { strictPort: true },
});
