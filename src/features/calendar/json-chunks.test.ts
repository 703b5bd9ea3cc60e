import { describe, expect, it } from 'vitest';
import { jsonArrayChunks } from './json-chunks.js';

const joined = (parts: Buffer[]) => Buffer.concat([...jsonArrayChunks(parts)]).toString('utf8');

describe('a JSON array sent in chunks', () => {
  it('is the same array, however many chunks it takes', () => {
    for (const count of [0, 1, 2, 95, 96, 97, 500]) {
      const items = Array.from({ length: count }, (_, i) => ({ id: i, title: `Konsultasyon sa barangay ${i} — ñ`, pad: 'x'.repeat(i % 7 === 0 ? 3000 : 400) }));
      expect(JSON.parse(joined(items.map((item) => Buffer.from(JSON.stringify(item)))))).toEqual(items);
    }
  });

  it('keeps chunks near 64 KB', () => {
    const parts = Array.from({ length: 1000 }, () => Buffer.from(JSON.stringify({ pad: 'y'.repeat(700) })));
    const sizes = [...jsonArrayChunks(parts)].map((c) => c.length);
    expect(sizes.length).toBeGreaterThan(5);
    expect(Math.max(...sizes)).toBeLessThan(64 * 1024 + 800);
  });
});
