import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

const ID = 'virtual:kalendaryo-locales';
const RESOLVED = `\0${ID}`;

/** The catalogues in `dir` (`<code>.json`, flat ICU messages), each with the name it gives itself. */
export function readLocales(dir: string): Array<{ code: string; name: string; file: string }> {
  return readdirSync(dir)
    .filter((f) => /^[a-z]{2,3}(-[A-Za-z0-9]+)*\.json$/.test(f))
    .sort()
    .map((f) => {
      const file = path.join(dir, f);
      const messages = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
      const code = f.slice(0, -'.json'.length);
      return { code, name: messages['language.name'] ?? code, file };
    });
}

/**
 * `virtual:kalendaryo-locales`: the languages found in locales/ (so a language is added by dropping
 * a catalogue there, without code) with their own names for the language switch, and a loader per
 * catalogue: each is a chunk of its own, fetched only when that language is shown.
 */
export function kalendaryoLocales(dir: string): Plugin {
  return {
    name: 'kalendaryo-locales',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      this.addWatchFile(dir);
      const locales = readLocales(dir);
      for (const l of locales) this.addWatchFile(l.file);
      const list = JSON.stringify(locales.map(({ code, name }) => ({ code, name })));
      const loaders = locales.map((l) => `${JSON.stringify(l.code)}: () => import(${JSON.stringify(l.file)}).then((m) => m.default)`).join(',\n  ');
      return `export const LOCALES = ${list};\nexport const loaders = {\n  ${loaders}\n};\n`;
    },
  };
}
