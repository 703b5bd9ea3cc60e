import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * Writes /sw.js from web/src/field/sw.js with this build's version and the list of its hashed
 * assets, so a new deploy is a byte-different service worker (the browser sees the update) and
 * the first visit caches everything the app may need offline, lazy chunks included. It runs at
 * writeBundle (after Vite drops the empty JS chunks of CSS-only modules, which generateBundle
 * still lists) and before the precompress plugin's closeBundle.
 */
export function fieldServiceWorker(templatePath: string): Plugin {
  return {
    name: 'kalendaryo-service-worker',
    apply: 'build',
    enforce: 'post',
    writeBundle(options, bundle) {
      const assets = Object.keys(bundle).filter((name) => name.startsWith('assets/')).sort().map((name) => `/${name}`);
      const version = createHash('sha256').update(assets.join('\n')).digest('hex').slice(0, 12);
      const source = `const VERSION = ${JSON.stringify(version)};\nconst PRECACHE = ${JSON.stringify(assets)};\n${readFileSync(templatePath, 'utf8')}`;
      writeFileSync(path.join(options.dir ?? 'dist', 'sw.js'), source);
    },
  };
}
