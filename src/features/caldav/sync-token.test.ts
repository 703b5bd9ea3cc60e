import { describe, expect, it } from 'vitest';
import { dayOf, formatSnapshot, formatSyncToken, narrowSnapshot, parseSnapshot, readSyncToken, type Snapshot, TOMBSTONE_DAYS } from './sync-token.js';

const visible = (s: Snapshot, xid: bigint) => xid < s.xmin || (xid < s.xmax && !s.xip.includes(xid));
const NOW = Date.UTC(2026, 11, 8, 12);

describe('sync tokens', () => {
  it('reads back what it writes, and refuses malformed snapshots', () => {
    expect(formatSnapshot(parseSnapshot('100:105:101,103')!)).toBe('100:105:101,103');
    for (const bad of ['', '5:3:', '1:5:7', 'a:b:', '1:2:3,']) expect(parseSnapshot(bad), bad).toBeNull();
  });

  it('narrows a snapshot to a collection\'s last change without changing what it shows of the collection (random oracle)', () => {
    for (let run = 0; run < 2000; run++) {
      const xmin = BigInt(1000 + Math.floor(Math.random() * 20));
      const xmax = xmin + BigInt(Math.floor(Math.random() * 20));
      const xip = [...new Set(Array.from({ length: Math.floor(Math.random() * 5) }, () => xmin + BigInt(Math.floor(Math.random() * Number(xmax - xmin)))))].filter((x) => x < xmax).sort();
      const current = { xmin, xmax, xip };
      // The collection's stamps: some visible now (the newest of them is `last`), some not yet.
      const stamps = Array.from({ length: 6 }, () => BigInt(990 + Math.floor(Math.random() * 60)));
      const seen = stamps.filter((x) => visible(current, x));
      const last = seen.length ? seen.reduce((a, b) => (b > a ? b : a)) : null;
      const narrowed = narrowSnapshot(current, last);
      for (const stamp of stamps) expect(visible(narrowed, stamp), `${formatSnapshot(current)} ${stamp}`).toBe(visible(current, stamp));
      expect(parseSnapshot(formatSnapshot(narrowed))).not.toBeNull();
    }
  });

  it('stays the same while the collection does not change, whatever else runs', () => {
    expect(narrowSnapshot(parseSnapshot('120:130:125')!, 110n)).toEqual(narrowSnapshot(parseSnapshot('140:150:')!, 110n));
  });

  it('is refused once older than the oldest kept tombstone, or made for another access level', () => {
    const snapshot = parseSnapshot('10:12:11')!;
    const fresh = formatSyncToken({ level: 'view', day: dayOf(NOW) - 2, snapshot });
    expect(readSyncToken(fresh, 'view', NOW)?.snapshot).toEqual(snapshot);
    expect(readSyncToken(fresh, 'edit', NOW)).toBeNull();
    expect(readSyncToken(formatSyncToken({ level: 'view', day: dayOf(NOW) - TOMBSTONE_DAYS, snapshot }), 'view', NOW)).toBeNull();
    for (const bad of ['', 'http://x/sync/1', 'urn:kalendaryo:sync:!!!', `urn:kalendaryo:sync:${Buffer.from('view|x|1:2:').toString('base64url')}`]) {
      expect(readSyncToken(bad, 'view', NOW), bad).toBeNull();
    }
  });
});
