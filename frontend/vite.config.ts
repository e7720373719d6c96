/// <reference types="node" />
import { fileURLToPath, URL } from 'node:url';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig, type Plugin } from 'vitest/config';

const outDir = fileURLToPath(new URL('./dist', import.meta.url));

// Go embeds frontend/dist, so the folder (and its .gitkeep) must survive every build.
function keepDistPlaceholder(): Plugin {
  return {
    name: 'tandem-keep-dist-gitkeep',
    apply: 'build',
    closeBundle() {
      mkdirSync(outDir, { recursive: true });
      writeFileSync(join(outDir, '.gitkeep'), '');
    },
  };
}

// The first screen's text is set in the bundled font's Latin subset: fetch it with the page
// rather than once the text is laid out, so that the first paint is in the right font.
function preloadFirstFont(): Plugin {
  return {
    name: 'tandem-preload-first-font',
    apply: 'build',
    transformIndexHtml(_html, ctx) {
      const font = Object.keys(ctx.bundle ?? {}).find((file) =>
        /atkinson-hyperlegible-next-latin-wght-normal-[^/]*\.woff2$/.test(file),
      );
      if (!font) throw new Error('the Latin subset of the bundled font is missing from the build');
      return [
        {
          tag: 'link',
          attrs: { rel: 'preload', href: `/${font}`, as: 'font', type: 'font/woff2', crossorigin: '' },
          injectTo: 'head',
        },
      ];
    },
  };
}

export default defineConfig({
  plugins: [svelte(), keepDistPlaceholder(), preloadFirstFont()],
  resolve: {
    alias: {
      $lib: fileURLToPath(new URL('./src/lib', import.meta.url)),
    },
  },
  // The English catalogue (about 70 KB) reaches the page as one JSON.parse of a string rather than
  // as a large object literal, which the web engine reads faster: the first screen paints about
  // 10-15 ms sooner.
  json: { stringify: true },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    // Tandem never loads anything remote; keep fonts as files, not inlined data.
    assetsInlineLimit: 0,
    sourcemap: false,
    // The web view preloads modules itself; the polyfill would sit in the entry on its own and
    // make the entry a second file to wait for.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // Everything the first screen needs in the entry file, so that the page waits for one
        // script, not for one script to be read before asking for the next (each request to the
        // app's assets costs a round trip between WebKit's processes and Go). The screens of the
        // open vault stay apart and load after the first paint.
        codeSplitting: {
          groups: [{ name: 'index', test: /src[\\/]main\.ts$/, includeDependenciesRecursively: true }],
        },
      },
    },
  },
  server: {
    // TANDEM_VITE_PORT lets a second `wails dev` run beside the usual one (e2e on another port).
    port: Number(process.env.TANDEM_VITE_PORT) || 5173,
    strictPort: true,
  },
  test: {
    include: ['src/**/*.test.ts', 'offline/**/*.test.ts'],
    environment: 'node',
    // One clock: every test runs at a pinned moment (src/test/setup.ts).
    setupFiles: ['src/test/setup.ts'],
  },
});
