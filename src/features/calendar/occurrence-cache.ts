import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/client.js';
import { readChangesSince } from './change-feed.js';
import { expandRows, isSeriesMaster, meetsWindow, type WindowOccurrence } from './expand-rows.js';
import type { EntryForPolicy } from '../calendars/policy.js';
import { type FeedRow, findFamilyRows, policyFactsOf, findFeedCandidates, findOverriddenOccurrences } from './repository.js';

const WEEK_MS = 7 * 86_400_000;
const ORIGIN_MS = Date.UTC(1970, 0, 5); // a Monday: buckets are ISO weeks in UTC
/** Windows longer than this are answered from the database directly, not cached (a year view). */
const MAX_BUCKETS_PER_WINDOW = 20;

export interface CachedOccurrence extends WindowOccurrence {
  /** Unique among all cached occurrences ever made: identifies this exact content (ETags). */
  readonly uid: number;
  /** The series master's id, or the single entry's: what a change invalidates. */
  readonly family: string;
  /** What the access policy looks at. */
  readonly owner: EntryForPolicy;
  /** Event objects as UTF-8 JSON per presentation (busy, detailed, editable), in `jsonColor`. */
  json?: Buffer[];
  jsonColor?: string;
}

interface Bucket {
  readonly index: number;
  items: CachedOccurrence[];
  sorted: boolean;
  lastUsed: number;
}

class OrganisationCache {
  snapshot: string | null = null;
  /**
   * Changed whenever a refresh finds changes: a bucket built across a change may be stale and is not
   * kept. Drawn from the cache's one counter, never reused (an organisation dropped and made again
   * does not start over), so with the cache's instance id it names the state of the data (ETags).
   */
  epoch: number;
  readonly buckets = new Map<number, Bucket>();
  readonly familyBuckets = new Map<string, Set<number>>();
  refreshing: Promise<void> | null = null;
  nextRefresh: Promise<void> | null = null;
  readonly building = new Map<string, Promise<Map<number, Bucket>>>();

  constructor(epoch: number) {
    this.epoch = epoch;
  }
}

const bucketIndexOf = (ms: number): number => Math.floor((ms - ORIGIN_MS) / WEEK_MS);
const bucketStart = (index: number): number => ORIGIN_MS + index * WEEK_MS;
const spanMeets = (row: FeedRow, startMs: number, endMs: number): boolean =>
  row.span_start_ms! < endMs && (row.span_end_ms === null || row.span_end_ms === undefined || row.span_end_ms >= startMs);

/**
 * Occurrences of an organisation's entries, expanded once per week bucket and kept in process, so
 * that the range query, the overview and the conflict report stop re-reading and re-expanding the
 * same rows for every request. Correct across processes and transactions: before each use, one
 * indexed query asks the database what changed since the snapshot last looked with
 * (change-feed.ts), and only the touched series families are re-read and re-expanded into the
 * buckets held. Holds at most `maxItems` occurrences, least recently used buckets going first.
 *
 * Dangerous to change: the refresh ordering (a refresh's snapshot is taken after the request
 * arrived; a bucket built across a refresh that found changes is used once, never kept) is what
 * makes a reader see every write that committed before it asked.
 */
export class OccurrenceCache {
  private readonly orgs = new Map<string, OrganisationCache>();
  private totalItems = 0;
  private clock = 0;
  private uids = 0;
  private epochs = 0;
  /** This cache's own id: stamps of another process, or of this one before a restart, never match. */
  private readonly instance = randomUUID();

  constructor(private readonly maxItems: number) {}

  private orgOf(organizationId: string): OrganisationCache {
    let org = this.orgs.get(organizationId);
    if (!org) this.orgs.set(organizationId, (org = new OrganisationCache(++this.epochs)));
    return org;
  }

  /**
   * What the organisation's entries are now, as a string that changes whenever any of them changes
   * (after bringing the cache up to date with the database's change stamps, like a read does): what
   * a conditional GET is answered from before anything is read or expanded.
   */
  async changeStamp(database: Database, organizationId: string): Promise<string> {
    const org = this.orgOf(organizationId);
    await this.refresh(database, organizationId, org);
    return `${this.instance}:${org.epoch}`;
  }

  /**
   * Everything of the organisation that meets [startMs, endMs), by start; null when the window is too
   * long to cache. `fresh`: the caller brought the cache up to date after its request arrived (changeStamp).
   */
  async occurrencesIn(database: Database, organizationId: string, startMs: number, endMs: number, options: { fresh?: boolean } = {}): Promise<CachedOccurrence[] | null> {
    const first = bucketIndexOf(startMs);
    const last = bucketIndexOf(Math.max(startMs, endMs - 1));
    if (last - first + 1 > MAX_BUCKETS_PER_WINDOW) return null;
    const org = this.orgOf(organizationId);
    // An organisation never refreshed has no snapshot to read changes from yet: it refreshes first, always.
    if (!options.fresh || org.snapshot === null) await this.refresh(database, organizationId, org);
    const built = await this.build(database, organizationId, org, first, last);
    const tick = ++this.clock;
    const out: CachedOccurrence[] = [];
    for (let k = first; k <= last; k++) {
      const bucket = org.buckets.get(k) ?? built.get(k)!;
      bucket.lastUsed = tick;
      if (!bucket.sorted) {
        bucket.items.sort((a, b) => a.startMs - b.startMs || a.uid - b.uid);
        bucket.sorted = true;
      }
      const from = bucketStart(k);
      for (const item of bucket.items) {
        // Occurrences running over a bucket boundary sit in both buckets: take them from the first.
        if (k !== first && item.startMs < from) continue;
        if (meetsWindow(item.startMs, item.endMs, startMs, endMs)) out.push(item);
      }
    }
    this.evict(tick);
    return out;
  }

  clear(): void {
    this.orgs.clear();
    this.totalItems = 0;
  }

  stats(): { organisations: number; buckets: number; items: number } {
    let buckets = 0;
    for (const org of this.orgs.values()) buckets += org.buckets.size;
    return { organisations: this.orgs.size, buckets, items: this.totalItems };
  }

  /** Brings the held buckets up to date; a request joins a refresh only if it started after the request arrived. */
  private refresh(database: Database, organizationId: string, org: OrganisationCache): Promise<void> {
    if (!org.refreshing) {
      org.refreshing = this.applyChanges(database, organizationId, org).finally(() => {
        org.refreshing = null;
      });
      return org.refreshing;
    }
    org.nextRefresh ??= org.refreshing.catch(() => undefined).then(() => {
      org.nextRefresh = null;
      return this.refresh(database, organizationId, org);
    });
    return org.nextRefresh;
  }

  private async applyChanges(database: Database, organizationId: string, org: OrganisationCache): Promise<void> {
    try {
      const { snapshot, families } = await readChangesSince(database, organizationId, org.snapshot);
      if (families.length > 0) {
        org.epoch = ++this.epochs;
        const rows = org.buckets.size > 0 ? await findFamilyRows(database, organizationId, families) : [];
        const overridden = await findOverriddenOccurrences(database, organizationId, rows.filter(isSeriesMaster).map((r) => r.id));
        // From here on no await: a reader never sees a family taken out but not yet put back.
        this.replaceFamilies(org, families, rows, overridden);
      }
      org.snapshot = snapshot;
    } catch (error) {
      this.dropOrganisation(organizationId);
      throw error;
    }
  }

  private replaceFamilies(org: OrganisationCache, families: string[], rows: FeedRow[], overridden: Map<string, Set<string>>): void {
    const touched = new Set(families);
    for (const family of families) {
      for (const index of org.familyBuckets.get(family) ?? []) {
        const bucket = org.buckets.get(index);
        if (!bucket) continue;
        const kept = bucket.items.filter((item) => !touched.has(item.family));
        this.totalItems -= bucket.items.length - kept.length;
        bucket.items = kept;
      }
      org.familyBuckets.delete(family);
    }
    for (const bucket of org.buckets.values()) {
      const from = bucketStart(bucket.index);
      const meeting = rows.filter((row) => spanMeets(row, from, from + WEEK_MS));
      if (meeting.length > 0) expandRows(meeting, overridden, from, from + WEEK_MS, (o) => this.add(org, bucket, o));
    }
  }

  private dropOrganisation(organizationId: string): void {
    const org = this.orgs.get(organizationId);
    if (!org) return;
    for (const bucket of org.buckets.values()) this.totalItems -= bucket.items.length;
    this.orgs.delete(organizationId);
  }

  /** The buckets first..last that are not held, built (coalescing concurrent requests for the same run). */
  private async build(database: Database, organizationId: string, org: OrganisationCache, first: number, last: number): Promise<Map<number, Bucket>> {
    const result = new Map<number, Bucket>();
    let k = first;
    while (k <= last) {
      if (org.buckets.has(k)) {
        k++;
        continue;
      }
      let end = k;
      while (end + 1 <= last && !org.buckets.has(end + 1)) end++;
      const key = `${k}:${end}`;
      let pending = org.building.get(key);
      if (!pending) {
        pending = this.buildRun(database, organizationId, org, k, end).finally(() => org.building.delete(key));
        org.building.set(key, pending);
      }
      for (const [index, bucket] of await pending) result.set(index, bucket);
      k = end + 1;
    }
    return result;
  }

  private async buildRun(database: Database, organizationId: string, org: OrganisationCache, first: number, last: number): Promise<Map<number, Bucket>> {
    const epoch = org.epoch;
    const startMs = bucketStart(first);
    const endMs = bucketStart(last + 1);
    const rows = await findFeedCandidates(database, { organizationId, startMs, endMs, details: true });
    const overridden = await findOverriddenOccurrences(database, organizationId, rows.filter(isSeriesMaster).map((r) => r.id));
    const run = new Map<number, Bucket>();
    for (let k = first; k <= last; k++) run.set(k, { index: k, items: [], sorted: false, lastUsed: 0 });
    expandRows(rows, overridden, startMs, endMs, (o) => {
      const from = Math.max(first, bucketIndexOf(o.startMs));
      const to = Math.min(last, bucketIndexOf(Math.max(o.startMs, o.endMs - 1)));
      for (let k = from; k <= to; k++) run.get(k)!.items.push(this.item(o));
    });
    if (org.epoch === epoch) {
      for (const bucket of run.values()) {
        if (org.buckets.has(bucket.index)) continue;
        org.buckets.set(bucket.index, bucket);
        this.totalItems += bucket.items.length;
        for (const item of bucket.items) this.noteFamily(org, item.family, bucket.index);
      }
    }
    return run;
  }

  private item(o: WindowOccurrence): CachedOccurrence {
    const { row } = o;
    return {
      row, startMs: o.startMs, endMs: o.endMs, localDate: o.localDate, series: o.series, uid: ++this.uids, family: row.series_id ?? row.id,
      owner: policyFactsOf(row),
    };
  }

  private add(org: OrganisationCache, bucket: Bucket, o: WindowOccurrence): void {
    const item = this.item(o);
    bucket.items.push(item);
    bucket.sorted = false;
    this.totalItems++;
    this.noteFamily(org, item.family, bucket.index);
  }

  private noteFamily(org: OrganisationCache, family: string, index: number): void {
    let set = org.familyBuckets.get(family);
    if (!set) org.familyBuckets.set(family, (set = new Set()));
    set.add(index);
  }

  /** Drops least recently used buckets (never those of the request just served) until under the limit. */
  private evict(current: number): void {
    while (this.totalItems > this.maxItems) {
      let victim: { org: OrganisationCache; bucket: Bucket } | null = null;
      for (const org of this.orgs.values()) {
        for (const bucket of org.buckets.values()) {
          if (bucket.lastUsed !== current && (!victim || bucket.lastUsed < victim.bucket.lastUsed)) victim = { org, bucket };
        }
      }
      if (!victim) return;
      const { org, bucket } = victim;
      org.buckets.delete(bucket.index);
      this.totalItems -= bucket.items.length;
      for (const item of bucket.items) {
        const set = org.familyBuckets.get(item.family);
        set?.delete(bucket.index);
        if (set?.size === 0) org.familyBuckets.delete(item.family);
      }
    }
  }
}
