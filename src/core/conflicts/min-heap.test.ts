import { describe, expect, it } from 'vitest';
import { MinHeap } from './min-heap.js';
import { seededRandom } from './random-spans.js';

describe('MinHeap', () => {
  it('pops indices in key order, like sorting them', () => {
    const rnd = seededRandom(3);
    for (let round = 0; round < 50; round++) {
      const keys = Array.from({ length: 1 + Math.floor(rnd() * 200) }, () => Math.floor(rnd() * 50));
      const heap = new MinHeap(keys);
      keys.forEach((_, i) => heap.push(i));
      const popped: number[] = [];
      while (heap.size > 0) popped.push(keys[heap.pop()!]!);
      expect(popped).toEqual([...keys].sort((a, b) => a - b));
    }
  });
});
