import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * Offline-first: a generated service worker precaches the app shell (index.html, every JS/CSS chunk including
 * the lazy pages, the icons) and answers navigations with index.html, never /api/* which always goes to the
 * network. `prompt`: a new version waits until the lifter taps "Update" or moves to another page (src/app/pwa),
 * never mid-set.
 */
const pwa = VitePWA({
  registerType: 'prompt',
  injectRegister: null, // registered from src/app/pwa after the first render, off the critical path
  includeAssets: ['apple-touch-icon.png'],
  manifest: {
    name: 'LiftPlan',
    short_name: 'LiftPlan',
    description: 'Percentage-based strength training plans, prescribed to the plate.',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    orientation: 'portrait',
    background_color: '#ffffff',
    theme_color: '#1d4ed8',
    icons: [
      { src: '/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icon-maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
      { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
  workbox: {
    // The icons and the manifest are added by the plugin itself (includeAssets, manifest icons).
    globPatterns: ['**/*.{js,css,html}'],
    // The charts chunk is the largest; the default 2 MiB limit would silently leave a big chunk out.
    maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
    navigateFallback: 'index.html',
    navigateFallbackDenylist: [/^\/api(\/|$)/],
    cleanupOutdatedCaches: true,
    clientsClaim: true,
  },
});

export default defineConfig({
  plugins: [react(), pwa],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
});
