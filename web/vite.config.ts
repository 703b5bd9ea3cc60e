import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { fieldServiceWorker } from './field-sw';
import { kalendaryoLocales } from './locales-plugin';

const root = fileURLToPath(new URL('.', import.meta.url));
const outDir = path.join(root, 'dist');
/** The message catalogues, at the repository's root so that the server can read them too. */
const localesDir = path.join(root, '..', 'locales');

/**
 * Writes .br and .gz beside each text file of the build, so the server sends compressed files
 * without compressing on every request (field staff are often on slow mobile data).
 */
function precompress(): Plugin {
  return {
    name: 'kalendaryo-precompress',
    apply: 'build',
    closeBundle() {
      const walk = (dir: string): string[] =>
        readdirSync(dir).flatMap((name) => {
          const full = path.join(dir, name);
          return statSync(full).isDirectory() ? walk(full) : [full];
        });
      for (const file of walk(outDir)) {
        if (!/\.(js|css|html|svg|json|webmanifest)$/.test(file)) continue;
        const body = readFileSync(file);
        if (body.length < 1024) continue;
        writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
        writeFileSync(`${file}.br`, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      }
    },
  };
}

// The SPA is served by the Kalendaryo server from web/dist; in `vite dev` the API is proxied to it.
export default defineConfig({
  root,
  base: '/',
  plugins: [react(), kalendaryoLocales(localesDir), fieldServiceWorker(path.join(root, 'src/field/sw.js')), precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    manifest: true,
    chunkSizeWarningLimit: 900,
  },
  server: {
    fs: { allow: [root, localesDir] },
    proxy: { '/api': process.env.KALENDARYO_API ?? 'http://127.0.0.1:3000' },
  },
});
