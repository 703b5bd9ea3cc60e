/**
 * The conflict sweep's data: spans ("rows") in parallel typed arrays, and which subjects (people
 * or resources) claim each row. `groupBySubject` lays every subject's rows out contiguously in
 * start order using one native numeric sort and two counting passes — no per-subject arrays, no
 * comparator callbacks, almost no garbage. That is what keeps 50k entries fast.
 */
export class ClaimTable {
  readonly entryIds: string[] = [];
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  readonly leave: Uint8Array;
  readonly subjectNames: string[] = [];
  private readonly subjectIds = new Map<string, number>();
  private rows = 0;
  /** Claims in row order: claimSubjects[rowClaimStart[r] .. rowClaimStart[r + 1]) are row r's subjects. */
  private readonly claimSubjects: number[] = [];
  private readonly rowClaimStart: number[] = [0];

  constructor(capacity: number) {
    this.starts = new Float64Array(capacity);
    this.ends = new Float64Array(capacity);
    this.leave = new Uint8Array(capacity);
  }

  /** Records a span claimed by each distinct subject of `subjects`. */
  add(subjects: readonly string[], entryId: string, startMs: number, endMs: number, isLeave: boolean): void {
    const r = this.rows++;
    this.entryIds.push(entryId);
    this.starts[r] = startMs;
    this.ends[r] = endMs;
    this.leave[r] = isLeave ? 1 : 0;
    for (let k = 0; k < subjects.length; k++) {
      const name = subjects[k]!;
      if (subjects.indexOf(name) !== k) continue; // listed twice on one entry
      let id = this.subjectIds.get(name);
      if (id === undefined) {
        id = this.subjectNames.length;
        this.subjectIds.set(name, id);
        this.subjectNames.push(name);
      }
      this.claimSubjects.push(id);
    }
    this.rowClaimStart.push(this.claimSubjects.length);
  }

  /**
   * Rows grouped by subject, each group in start order: subject s owns
   * rows[groupStart[s] .. groupStart[s + 1]).
   */
  groupBySubject(): { rows: Int32Array; groupStart: Int32Array } {
    const n = this.rows;
    const starts = this.starts.subarray(0, n);
    // Rank each row by start: sort the start values natively, then binary-search each row's rank.
    const sorted = Float64Array.from(starts).sort();
    const rankCount = new Int32Array(n + 1);
    const rank = new Int32Array(n);
    for (let r = 0; r < n; r++) {
      let lo = 0;
      let hi = n;
      const v = starts[r]!;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (sorted[mid]! < v) lo = mid + 1;
        else hi = mid;
      }
      rank[r] = lo;
      rankCount[lo + 1]!++;
    }
    for (let i = 0; i < n; i++) rankCount[i + 1]! += rankCount[i]!;
    const byStart = new Int32Array(n);
    for (let r = 0; r < n; r++) byStart[rankCount[rank[r]!]!++] = r;

    // Counting sort of claims by subject, visiting rows in start order so each group stays sorted.
    const subjects = this.subjectNames.length;
    const groupStart = new Int32Array(subjects + 1);
    for (const s of this.claimSubjects) groupStart[s + 1]!++;
    for (let s = 0; s < subjects; s++) groupStart[s + 1]! += groupStart[s]!;
    const next = groupStart.slice(0, subjects);
    const rows = new Int32Array(this.claimSubjects.length);
    for (let i = 0; i < n; i++) {
      const r = byStart[i]!;
      for (let k = this.rowClaimStart[r]!; k < this.rowClaimStart[r + 1]!; k++) rows[next[this.claimSubjects[k]!]!++] = r;
    }
    return { rows, groupStart };
  }
}
