import { describe, expect, it } from 'vitest';
import { dedupeScans, type ScanForDedupe } from './dedupe-scans.js';

const scan = (idempotencyKey: string, subject: string | null, clientTimeMs: number, action: 'check_in' | 'check_out' = 'check_in'): ScanForDedupe =>
  ({ idempotencyKey, subject, clientTimeMs, action });

describe('dedupeScans', () => {
  it('keeps the earliest check-in of one person and marks the others duplicates of it', () => {
    const verdicts = dedupeScans([scan('a', 'p1', 30), scan('b', 'p1', 10), scan('c', 'p2', 20)]);
    expect(verdicts).toEqual([{ kind: 'duplicate', of: 1 }, { kind: 'apply' }, { kind: 'apply' }]);
  });

  it('answers a repeated idempotency key as the first scan with that key', () => {
    expect(dedupeScans([scan('a', 'p1', 10), scan('a', 'p1', 10)])).toEqual([{ kind: 'apply' }, { kind: 'repeat', of: 0 }]);
  });

  it('keeps the latest check-out, and check-in and check-out of one person apart', () => {
    const verdicts = dedupeScans([scan('a', 'p1', 10, 'check_out'), scan('b', 'p1', 50, 'check_out'), scan('c', 'p1', 5)]);
    expect(verdicts).toEqual([{ kind: 'duplicate', of: 1 }, { kind: 'apply' }, { kind: 'apply' }]);
  });

  it('leaves refused scans out of every group', () => {
    expect(dedupeScans([scan('a', null, 1), scan('b', 'p1', 2)])).toEqual([{ kind: 'refused' }, { kind: 'apply' }]);
  });

  it('agrees with a brute-force oracle on random batches', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 300; round++) {
      const scans = Array.from({ length: 1 + random(30) }, () =>
        scan(`k${random(20)}`, random(8) === 0 ? null : `p${random(5)}`, random(10), random(3) === 0 ? 'check_out' : 'check_in'));
      const verdicts = dedupeScans(scans);
      scans.forEach((s, i) => {
        const firstWithKey = scans.findIndex((o) => o.idempotencyKey === s.idempotencyKey);
        if (firstWithKey !== i) return expect(verdicts[i]).toEqual({ kind: 'repeat', of: firstWithKey });
        if (s.subject === null) return expect(verdicts[i]).toEqual({ kind: 'refused' });
        // The counting scan of a group: among first-of-key scans, the best time, then the first sent.
        const group = scans
          .map((o, j) => ({ o, j }))
          .filter(({ o, j }) => scans.findIndex((x) => x.idempotencyKey === o.idempotencyKey) === j && o.subject === s.subject && o.action === s.action);
        const best = s.action === 'check_in' ? Math.min(...group.map((g) => g.o.clientTimeMs)) : Math.max(...group.map((g) => g.o.clientTimeMs));
        const winner = group.find((g) => g.o.clientTimeMs === best)!.j;
        expect(verdicts[i]).toEqual(winner === i ? { kind: 'apply' } : { kind: 'duplicate', of: winner });
      });
      expect(verdicts.filter((v) => v.kind === 'apply').length).toBe(new Set(scans.filter((s, i) => s.subject !== null && scans.findIndex((o) => o.idempotencyKey === s.idempotencyKey) === i).map((s) => `${s.action}/${s.subject}`)).size);
    }
  });
});
