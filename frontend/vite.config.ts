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

export default defineConfig({
  plugins: [svelte(), keepDistPlaceholder()],
  resolve: {
    alias: {
      $lib: fileURLToPath(new URL('./src/lib', import.meta.url)),
    },
  },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    // Tandem never loads anything remote; keep fonts as files, not inlined data.
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  server: {
    // TANDEM_VITE_PORT lets a second `wails dev` run beside the usual one (e2e on another port).
    port: Number(process.env.TANDEM_VITE_PORT) || 5173,
    strictPort: true,
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
