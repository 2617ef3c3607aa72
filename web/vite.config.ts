import { fileURLToPath } from 'node:url';
import VueI18nPlugin from '@intlify/unplugin-vue-i18n/vite';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { precompiledTheme } from './build/precompiled-theme.js';
import { usedIconsOnly } from './build/used-icons.js';

/**
 * An installable app that starts without a connection: the service worker keeps the built app (every
 * hashed asset, precached on the first visit) and the last /config.json; data read offline comes from the
 * app's own store on the device (web/src/offline), never from this worker, so signing out can clear it.
 * A new version waits until the next navigation between screens (web/src/pwa.ts).
 */
const installableApp = () =>
  VitePWA({
    injectRegister: false,
    registerType: 'prompt',
    manifest: {
      name: 'Pakt — меморандуми та зобов’язання',
      short_name: 'Pakt',
      description: 'Меморандуми про співпрацю, зобов’язання партнерів і програми допомоги',
      lang: 'uk',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      background_color: '#ffffff',
      theme_color: '#0f4c81',
      icons: [
        { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
        { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml' },
      ],
    },
    workbox: {
      globPatterns: ['**/*.{js,css,html,woff2,svg,png}'],
      // The app's routes open offline; the API, the runtime config and the local stack's pages are never the app shell.
      navigateFallback: '/index.html',
      navigateFallbackDenylist: [/^\/api\//, /^\/config\.json$/, /^\/dev\//],
      cleanupOutdatedCaches: true,
      // The first visit's page is controlled at once, so it works offline without a reload; a new version still waits (pwa.ts).
      clientsClaim: true,
      runtimeCaching: [{ urlPattern: ({ url }) => url.pathname === '/config.json', handler: 'NetworkFirst', options: { cacheName: 'pakt-config', networkTimeoutSeconds: 4 } }],
    },
  });

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
      include: [fileURLToPath(new URL('./src/i18n/uk.ts', import.meta.url)), fileURLToPath(new URL('./src/i18n/en.ts', import.meta.url)), fileURLToPath(new URL('./src/i18n/offline/*.ts', import.meta.url))],
      runtimeOnly: true, compositionOnly: true, fullInstall: false, dropMessageCompiler: true, strictMessage: false, escapeHtml: false,
    }),
    installableApp(),
  ],
  // Hidden source maps: written for error tracing, never referenced from the deployed bundle.
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: 'hidden', chunkSizeWarningLimit: 900 },
  server: { strictPort: true },
});
