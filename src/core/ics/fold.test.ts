import { describe, expect, it } from 'vitest';
import { escapeText, foldLine } from './fold.js';
import { unfoldAll } from './unfold.js';
import { unescapeText } from './values.js';

const ALPHABET = ['a', 'Z', ' ', ',', ';', ':', '\\', '\n', 'ñ', '–', 'ع', 'ي', '😀', 'ü', '"'];

function randomText(length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += ALPHABET[Math.floor(Math.random() * ALPHABET.length)];
  return s;
}

describe('folding and escaping (random round trips)', () => {
  it('escape → fold → unfold → unescape gives back any text, with no physical line over 75 octets', () => {
    for (let trial = 0; trial < 300; trial++) {
      const text = randomText(Math.floor(Math.random() * 400));
      const written = foldLine(`DESCRIPTION:${escapeText(text)}`);
      for (const physical of written.split('\r\n').slice(0, -1)) expect(Buffer.byteLength(physical, 'utf8')).toBeLessThanOrEqual(75);
      const [line] = unfoldAll(Buffer.from(written, 'utf8'));
      expect(unescapeText(line!.text.slice('DESCRIPTION:'.length))).toBe(text);
    }
  });
});
