/**
 * The catalogues in locales/: English and Filipino complete and alike, every message valid ICU,
 * every translation using only the placeholders its English message gives it.
 */
import { TYPE, parse, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../locales');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
const catalogues = Object.fromEntries(files.map((f) => [f.slice(0, -5), JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Record<string, string>]));
const en = catalogues.en!;
const COMPLETE = ['en', 'fil'];

/** The argument names a message uses, nested plural and select branches included. */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    if (el.type === TYPE.literal || el.type === TYPE.pound) continue;
    if (el.type === TYPE.tag) {
      into.add(`<${el.value}>`);
      argumentsOf(el.children, into);
      continue;
    }
    into.add(el.value);
    if (el.type === TYPE.plural || el.type === TYPE.select) for (const option of Object.values(el.options)) argumentsOf(option.value, into);
  }
  return into;
}

describe('message catalogues', () => {
  it('has English and Filipino', () => {
    expect(Object.keys(catalogues)).toEqual(expect.arrayContaining(COMPLETE));
  });

  it.each(COMPLETE)('%s has every key the other complete catalogues have', (code) => {
    const own = new Set(Object.keys(catalogues[code]!));
    const missing = COMPLETE.flatMap((other) => Object.keys(catalogues[other]!)).filter((key) => !own.has(key));
    expect([...new Set(missing)]).toEqual([]);
  });

  it.each(files.map((f) => f.slice(0, -5)))('%s: every message parses and has no key English lacks', (code) => {
    const broken: string[] = [];
    for (const [key, message] of Object.entries(catalogues[code]!)) {
      try {
        parse(message);
      } catch (err) {
        broken.push(`${key}: ${(err as Error).message}`);
      }
    }
    expect(broken).toEqual([]);
    expect(Object.keys(catalogues[code]!).filter((key) => !(key in en))).toEqual([]);
    expect(catalogues[code]!['language.name']).toBeTruthy();
  });

  it.each(files.filter((f) => f !== 'en.json').map((f) => f.slice(0, -5)))('%s uses only the placeholders of the English messages', (code) => {
    const wrong = Object.entries(catalogues[code]!).flatMap(([key, message]) => {
      if (!(key in en)) return [];
      const want = argumentsOf(parse(en[key]!));
      const got = argumentsOf(parse(message));
      const extra = [...got].filter((a) => !want.has(a));
      return extra.length ? [`${key}: ${extra.join(', ')}`] : [];
    });
    expect(wrong).toEqual([]);
  });
});
