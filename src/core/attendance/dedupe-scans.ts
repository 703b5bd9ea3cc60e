/**
 * Which scans of one batch do anything. Offline devices send the same scan again (same
 * idempotency key) and two devices may scan the same person: per person, occurrence and action only
 * one scan counts — the earliest check-in, the latest check-out (when someone really left); ties go
 * to the scan sent first. The database applies the same rule across batches (least/greatest on
 * the row), so the order batches arrive in never changes the result.
 */
export interface ScanForDedupe {
  idempotencyKey: string;
  /** participant + occurrence; null when the scan was refused before (it takes part in nothing). */
  subject: string | null;
  action: 'check_in' | 'check_out';
  clientTimeMs: number;
}

export type DedupeVerdict =
  | { kind: 'apply' }
  /** The same idempotency key came earlier in this batch: answer as that scan. */
  | { kind: 'repeat'; of: number }
  /** Another scan of this batch counts for the same person (index of that scan). */
  | { kind: 'duplicate'; of: number }
  | { kind: 'refused' };

export function dedupeScans(scans: readonly ScanForDedupe[]): DedupeVerdict[] {
  const verdicts: DedupeVerdict[] = new Array(scans.length);
  const firstByKey = new Map<string, number>();
  const winnerBySubject = new Map<string, number>();
  scans.forEach((scan, index) => {
    const seen = firstByKey.get(scan.idempotencyKey);
    if (seen !== undefined) {
      verdicts[index] = { kind: 'repeat', of: seen };
      return;
    }
    firstByKey.set(scan.idempotencyKey, index);
    if (scan.subject === null) {
      verdicts[index] = { kind: 'refused' };
      return;
    }
    const group = `${scan.action}\u0000${scan.subject}`;
    const current = winnerBySubject.get(group);
    if (current === undefined || beats(scan, scans[current]!)) winnerBySubject.set(group, index);
  });
  scans.forEach((scan, index) => {
    if (verdicts[index] || scan.subject === null) return;
    const winner = winnerBySubject.get(`${scan.action}\u0000${scan.subject}`)!;
    verdicts[index] = winner === index ? { kind: 'apply' } : { kind: 'duplicate', of: winner };
  });
  return verdicts;
}

/** Earliest check-in, latest check-out; on equal times the earlier scan in the batch stays. */
function beats(candidate: ScanForDedupe, current: ScanForDedupe): boolean {
  return candidate.action === 'check_in' ? candidate.clientTimeMs < current.clientTimeMs : candidate.clientTimeMs > current.clientTimeMs;
}
