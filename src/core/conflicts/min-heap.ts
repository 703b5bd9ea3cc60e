/**
 * A binary min-heap of claim indices keyed by `keys[index]`: the conflict sweep's active set,
 * ordered by end time. Numbers only, so pushing and popping allocate nothing.
 */
export class MinHeap {
  private readonly heap: number[] = [];

  constructor(private readonly keys: ArrayLike<number>) {}

  get size(): number {
    return this.heap.length;
  }

  clear(): void {
    this.heap.length = 0;
  }

  /** The smallest-key index; only valid when size > 0. */
  peek(): number {
    return this.heap[0]!;
  }

  /** The i-th element in heap order (not sorted). */
  at(i: number): number {
    return this.heap[i]!;
  }

  push(index: number): void {
    const h = this.heap;
    const key = this.keys[index]!;
    let i = h.length;
    h.push(index);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = h[parent]!;
      if (this.keys[p]! <= key) break;
      h[i] = p;
      i = parent;
    }
    h[i] = index;
  }

  pop(): number | undefined {
    const h = this.heap;
    if (h.length === 0) return undefined;
    const top = h[0]!;
    const last = h.pop()!;
    const n = h.length;
    if (n > 0) {
      const key = this.keys[last]!;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const m = r < n && this.keys[h[r]!]! < this.keys[h[l]!]! ? r : l;
        if (this.keys[h[m]!]! >= key) break;
        h[i] = h[m]!;
        i = m;
      }
      h[i] = last;
    }
    return top;
  }
}
