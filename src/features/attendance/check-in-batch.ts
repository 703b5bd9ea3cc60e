import { sql } from 'drizzle-orm';
import { dedupeScans } from '../../core/attendance/dedupe-scans.js';
import { deviceClockSkewSeconds } from '../../core/attendance/clock-skew.js';
import { isSameRequest, requestHash } from '../../core/idempotency/request-hash.js';
import { textArray, timestampArray, uuidArray } from '../../db/array-literals.js';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../auth/actor.js';
import { refreshOccurrenceCounts, selectRows } from './repository.js';
import { type ResolvedScan, resolveScans, type ScanInput } from './resolve-scans.js';

export type ScanStatus = 'applied' | 'duplicate' | 'refused';

export interface ScanResult {
  index: number;
  idempotencyKey: string;
  status: ScanStatus;
  /** The key was seen before (an earlier batch, or earlier in this one): this is that scan's result. */
  resent: boolean;
  reason: string | null;
  message: string;
  entryId: string | null;
  recurrenceId: string | null;
  participantId: string | null;
  attendance: { status: string; checkedInAt: string | null; checkedOutAt: string | null; method: string } | null;
  /** The sending device's clock was off by this much (seconds, ahead > 0) and the scan's time was corrected by it. */
  clockSkewSeconds: number | null;
}

interface StoredScan {
  idempotency_key: string; actor_id: string; entry_id: string | null; occurrence_key: string | null; participant_id: string | null;
  outcome: string; reason: string | null; request_hash: string | null; clock_skew_seconds: number | null;
}
interface RecordRow { participant_id: string; occurrence_key: string; status: string; checked_in_at: Date | string | null; checked_out_at: Date | string | null; method: string; inserted?: boolean; prior?: string | null }

const MESSAGES: Record<string, string> = {
  applied_check_in: 'Checked in.',
  applied_check_out: 'Checked out.',
  duplicate_check_in: 'Already checked in: the earliest check-in is kept.',
  duplicate_check_out: 'Already checked out: the latest check-out is kept.',
  key_in_use: 'This idempotency key was used by someone else; send a new one.',
  key_reused: 'This idempotency key was sent before with another scan; a new scan needs a new key.',
};

/** What a scan's key is stored with: the scan as sent (the self check-in route hashes its own body). */
const hashOf = (input: ScanInput): string => {
  const { requestHash: given, ...scan } = input;
  return given ?? requestHash(scan);
};

const compareSubjects = (a: ResolvedScan, b: ResolvedScan): number => {
  const x = `${a.participantId}|${a.occurrence!.key}`;
  const y = `${b.participantId}|${b.occurrence!.key}`;
  return x < y ? -1 : x > y ? 1 : 0;
};
const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());
const subjectOf = (participantId: string | null, key: string | null) => `${participantId}|${key}`;

/**
 * The offline-safe check-in (docs/attendance.md): every scan is recorded under its idempotency key
 * (a key sent again is answered from the record, changing nothing), and per person and occurrence
 * one check-in exists (primary key), keeping the earliest time whatever order scans arrive in. Under
 * concurrency the keys decide: the loser of a race sees the winner's row and reports a duplicate.
 */
export async function checkInBatch(
  deps: { db: Db; signingKey: Uint8Array; now: () => Date }, actor: Actor, deviceId: string | null, scans: readonly ScanInput[], deviceTime: string | null = null,
) {
  const now = deps.now();
  const hashes = scans.map(hashOf);
  const skew = deviceClockSkewSeconds(deviceTime ? Date.parse(deviceTime) : null, now.getTime());
  return deps.db.transaction(async (tx) => {
    const resolved = await resolveScans(tx, actor, deps.signingKey, scans, now, skew);
    const verdicts = dedupeScans(resolved.map((r) => ({
      idempotencyKey: r.input.idempotencyKey, action: r.action, clientTimeMs: r.clientTime.getTime(),
      subject: r.refusal ? null : subjectOf(r.participantId, r.occurrence!.key),
    })));
    const firsts = resolved.map((r, i) => ({ r, i })).filter(({ i }) => verdicts[i]!.kind !== 'repeat');
    const inserted = new Set((await selectRows<{ k: string }>(tx, sql`
      insert into attendance_scans (organization_id, idempotency_key, actor_id, device_id, entry_id, occurrence_key, participant_id, action, method, client_time, received_at, outcome, reason, request_hash, clock_skew_seconds)
      select ${actor.organizationId}::uuid, s.k, ${actor.userId}::uuid, ${deviceId}, s.e::uuid, s.o, s.p::uuid, s.a, s.m, s.t::timestamptz, ${now.toISOString()}::timestamptz, s.out, s.reason, s.h, ${skew}::int
      from jsonb_to_recordset(${JSON.stringify(firsts.map(({ r, i }) => ({
        k: r.input.idempotencyKey, e: r.entry?.id ?? null, o: r.occurrence?.key ?? null, p: r.participantId, a: r.action, m: r.method.slice(0, 10),
        t: r.reportedTime.toISOString(), out: verdicts[i]!.kind === 'refused' ? 'refused' : verdicts[i]!.kind === 'duplicate' ? 'duplicate' : 'pending', reason: r.refusal?.reason ?? null,
        h: hashes[i],
      })))}::jsonb) as s(k text, e text, o text, p text, a text, m text, t text, out text, reason text, h text)
      on conflict (organization_id, idempotency_key) do nothing
      returning idempotency_key as k`)).map((row) => row.k));
    const resentKeys = firsts.filter(({ r }) => !inserted.has(r.input.idempotencyKey)).map(({ r }) => r.input.idempotencyKey);
    const stored = new Map((resentKeys.length ? await selectRows<StoredScan>(tx, sql`
      select idempotency_key, actor_id, entry_id, occurrence_key, participant_id, outcome, reason, request_hash, clock_skew_seconds from attendance_scans
      where organization_id = ${actor.organizationId}::uuid and idempotency_key = any(${textArray(resentKeys)}::text[])`) : []).map((s) => [s.idempotency_key, s]));

    const winners = firsts.filter(({ r, i }) => inserted.has(r.input.idempotencyKey) && verdicts[i]!.kind === 'apply');
    const applied = await applyWinners(tx, actor, winners.map(({ r }) => r), skew);
    const outcomes = new Map(winners.map(({ r }) => {
      const row = applied.get(`${r.action}|${subjectOf(r.participantId, r.occurrence!.key)}`)!;
      // prior is null when a concurrent batch inserted the row after this statement's snapshot: that one counted.
      const isNew = row.inserted || (r.action === 'check_in' ? row.prior === 'absent' : row.prior != null && row.prior !== 'checked_out');
      return [r.input.idempotencyKey, isNew ? 'applied' : 'duplicate'] as const;
    }));
    if (outcomes.size) {
      await tx.execute(sql`
        update attendance_scans s set outcome = v.out from unnest(${textArray([...outcomes.keys()])}::text[], ${textArray([...outcomes.values()])}::text[]) as v(k, out)
        where s.organization_id = ${actor.organizationId}::uuid and s.idempotency_key = v.k`);
    }
    // Counts move by what this batch changed (the row lock of the update serialises batches); an
    // occurrence without a counts row yet is counted in full instead.
    const deltas = new Map<string, { entryId: string; occurrence: { key: string; at: Date }; attended: number; walkIns: number }>();
    for (const { r } of winners) {
      const id = `${r.entry!.id}|${r.occurrence!.key}`;
      const d = deltas.get(id) ?? { entryId: r.entry!.id, occurrence: r.occurrence!, attended: 0, walkIns: 0 };
      const row = applied.get(`${r.action}|${subjectOf(r.participantId, r.occurrence!.key)}`)!;
      if (row.inserted || row.prior === 'absent') {
        d.attended++;
        if (r.isWalkIn) d.walkIns++;
      }
      deltas.set(id, d);
    }
    for (const d of [...deltas.values()].sort((a, b) => (a.entryId + a.occurrence.key < b.entryId + b.occurrence.key ? -1 : 1))) {
      const bumped = await selectRows(tx, sql`
        update attendance_occurrences set attended = attended + ${d.attended}, walk_ins = walk_ins + ${d.walkIns}, updated_at = now()
        where organization_id = ${actor.organizationId}::uuid and entry_id = ${d.entryId}::uuid and occurrence_key = ${d.occurrence.key} returning 1`);
      if (bumped.length === 0) await refreshOccurrenceCounts(tx, actor.organizationId, d.entryId, d.occurrence);
    }

    // The upsert returned the rows of the winners; only duplicates and resends need a read.
    const needsRead = firsts.some(({ r, i }) => !r.refusal && verdicts[i]!.kind === 'duplicate') || stored.size > 0;
    const records = !needsRead ? recordsOf(applied) : await currentRecords(tx, actor.organizationId, [
      ...firsts.filter(({ r }) => !r.refusal).map(({ r }) => ({ p: r.participantId!, o: r.occurrence!.key })),
      ...[...stored.values()].filter((s) => s.participant_id && s.occurrence_key !== null).map((s) => ({ p: s.participant_id!, o: s.occurrence_key! })),
    ]);
    const results: ScanResult[] = [];
    resolved.forEach((r, index) => {
      const verdict = verdicts[index]!;
      const original = stored.get(r.input.idempotencyKey);
      if (verdict.kind === 'repeat') {
        results.push(hashes[index] === hashes[verdict.of] ? { ...results[verdict.of]!, index, resent: true } : keyReused(index, r));
      } else if (original) results.push(isSameRequest(original.request_hash, hashes[index]!) || original.actor_id !== actor.userId ? describeStored(index, r, original, records, actor) : keyReused(index, r));
      else {
        const status: ScanStatus = r.refusal ? 'refused' : verdict.kind === 'duplicate' ? 'duplicate' : outcomes.get(r.input.idempotencyKey)!;
        results.push(describe(index, r, status, records, skew));
      }
    });
    const count = (status: ScanStatus) => results.filter((x) => !x.resent && x.status === status).length;
    return { results, summary: { received: results.length, applied: count('applied'), duplicates: count('duplicate'), resent: results.filter((x) => x.resent).length, refused: count('refused') } };
  });
}

function describe(index: number, r: ResolvedScan, status: ScanStatus, records: Map<string, RecordRow>, clockSkewSeconds: number | null): ScanResult {
  const record = status === 'refused' ? undefined : records.get(subjectOf(r.participantId, r.occurrence!.key));
  return {
    index,
    idempotencyKey: r.input.idempotencyKey,
    status,
    resent: false,
    reason: r.refusal?.reason ?? null,
    message: r.refusal ? r.refusal.message : MESSAGES[`${status}_${r.action}`]!,
    entryId: r.entry?.id ?? null,
    recurrenceId: r.occurrence?.key || null,
    participantId: r.participantId,
    attendance: record ? presentRecord(record) : null,
    clockSkewSeconds,
  };
}

/** The key came before with another scan: this one is refused and the first is left as it was. */
const keyReused = (index: number, r: ResolvedScan): ScanResult => ({
  index, idempotencyKey: r.input.idempotencyKey, status: 'refused', resent: false, reason: 'key_reused', message: MESSAGES.key_reused!,
  entryId: null, recurrenceId: null, participantId: null, attendance: null, clockSkewSeconds: null,
});

/** A key seen in an earlier batch: its first result again, with the attendance as it is now. */
function describeStored(index: number, r: ResolvedScan, original: StoredScan, records: Map<string, RecordRow>, actor: Actor): ScanResult {
  const base = { index, idempotencyKey: r.input.idempotencyKey, resent: true };
  if (original.actor_id !== actor.userId) {
    return { ...base, status: 'refused', reason: 'key_in_use', message: MESSAGES.key_in_use!, entryId: null, recurrenceId: null, participantId: null, attendance: null, clockSkewSeconds: null };
  }
  const status = original.outcome as ScanStatus;
  const record = status === 'refused' ? undefined : records.get(subjectOf(original.participant_id, original.occurrence_key));
  return {
    ...base,
    status,
    reason: original.reason,
    message: status === 'refused' ? `Refused when first sent (${original.reason}).` : MESSAGES[`${status}_${r.action}`]!,
    entryId: original.entry_id,
    recurrenceId: original.occurrence_key || null,
    participantId: original.participant_id,
    attendance: record ? presentRecord(record) : null,
    clockSkewSeconds: original.clock_skew_seconds,
  };
}

const presentRecord = (record: RecordRow) => ({ status: record.status, checkedInAt: iso(record.checked_in_at), checkedOutAt: iso(record.checked_out_at), method: record.method });

/** One upsert per action for the whole batch; earliest check-in and latest check-out win (least/greatest). */
async function applyWinners(tx: DbOrTx, actor: Actor, winners: ResolvedScan[], skew: number | null): Promise<Map<string, RecordRow>> {
  const result = new Map<string, RecordRow>();
  for (const action of ['check_in', 'check_out'] as const) {
    // Rows are locked in one order by every batch, so two batches never wait on each other in a circle.
    const group = winners.filter((w) => w.action === action).sort((a, b) => compareSubjects(a, b));
    if (group.length === 0) continue;
    // Arrays unnested, not JSON: the planner then knows how many rows there are and probes the
    // primary key for each, where a guess of 100 had it read every record of the organisation.
    const v = sql`unnest(${uuidArray(group.map((w) => w.participantId!))}::uuid[], ${textArray(group.map((w) => w.occurrence!.key))}::text[],
      ${uuidArray(group.map((w) => w.entry!.id))}::uuid[], ${timestampArray(group.map((w) => w.clientTime.getTime()))}::timestamptz[],
      ${textArray(group.map((w) => w.method))}::text[]) as v(p, o, e, t, m)`;
    const isIn = action === 'check_in';
    const upserted = await selectRows<RecordRow>(tx, sql`
      -- prior reads the statement's snapshot: the rows as they were before this upsert (no FOR UPDATE:
      -- a row this same statement changes would be skipped by the lock).
      with v as (select * from ${v}),
      prior as (
        select a.participant_id, a.occurrence_key, a.status from attendance_records a join v on a.participant_id = v.p and a.occurrence_key = v.o
        where a.organization_id = ${actor.organizationId}::uuid
      ),
      up as (
        insert into attendance_records as a (organization_id, participant_id, occurrence_key, entry_id, status, checked_in_at, checked_out_at, method, recorded_by, clock_skew_seconds, updated_at)
        select ${actor.organizationId}::uuid, v.p, v.o, v.e, ${isIn ? 'checked_in' : 'checked_out'}, ${isIn ? sql`v.t` : sql`null`}, ${isIn ? sql`null` : sql`v.t`}, v.m, ${actor.userId}::uuid, ${skew}::int, now() from v
        on conflict (organization_id, participant_id, occurrence_key) do update set
          ${isIn
            ? sql.raw(`checked_in_at = least(coalesce(a.checked_in_at, excluded.checked_in_at), excluded.checked_in_at),
               status = case when a.status = 'absent' then 'checked_in' else a.status end,
               method = case when a.checked_in_at is null or excluded.checked_in_at < a.checked_in_at then excluded.method else a.method end,
               clock_skew_seconds = case when a.checked_in_at is null or excluded.checked_in_at < a.checked_in_at then coalesce(excluded.clock_skew_seconds, a.clock_skew_seconds) else a.clock_skew_seconds end`)
            : sql.raw(`checked_out_at = greatest(coalesce(a.checked_out_at, excluded.checked_out_at), excluded.checked_out_at), status = 'checked_out',
               clock_skew_seconds = case when a.checked_out_at is null or excluded.checked_out_at > a.checked_out_at then coalesce(excluded.clock_skew_seconds, a.clock_skew_seconds) else a.clock_skew_seconds end`)},
          updated_at = now()
        returning a.participant_id, a.occurrence_key, a.status, a.checked_in_at, a.checked_out_at, a.method, (xmax = 0) as inserted
      )
      select up.*, prior.status as prior from up left join prior on prior.participant_id = up.participant_id and prior.occurrence_key = up.occurrence_key`);
    for (const row of upserted) result.set(`${action}|${subjectOf(row.participant_id, row.occurrence_key)}`, row);
  }
  return result;
}

function recordsOf(applied: Map<string, RecordRow>): Map<string, RecordRow> {
  return new Map([...applied.values()].map((row) => [subjectOf(row.participant_id, row.occurrence_key), row]));
}

async function currentRecords(tx: DbOrTx, organizationId: string, subjects: { p: string; o: string }[]): Promise<Map<string, RecordRow>> {
  if (subjects.length === 0) return new Map();
  const rows = await selectRows<RecordRow>(tx, sql`
    select a.participant_id, a.occurrence_key, a.status, a.checked_in_at, a.checked_out_at, a.method
    from unnest(${uuidArray(subjects.map((x) => x.p))}::uuid[], ${textArray(subjects.map((x) => x.o))}::text[]) as v(p, o)
      join attendance_records a on a.participant_id = v.p and a.occurrence_key = v.o
    where a.organization_id = ${organizationId}::uuid`);
  return new Map(rows.map((r) => [subjectOf(r.participant_id, r.occurrence_key), r]));
}
