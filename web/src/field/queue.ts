/**
 * The offline check-in queue. A scan is written to IndexedDB first (with its idempotency key, made
 * on the device) and only then sent: the batch API (POST /api/v1/attendance/check-ins) for an
 * organiser's scans, the self check-in API for one's own event-code scan. The server answers each
 * scan on its own (applied, duplicate, refused with a reason); the answer is kept on the row, so
 * the screen shows it and a resend of the same key is a duplicate, never a second check-in.
 */
import { ApiError, request } from '../api';
import { currentSession } from '../endpoints';
import { getAll, getValue, putAll, setValue } from './idb';

export type ScanState = 'waiting' | 'applied' | 'duplicate' | 'refused';

export interface QueuedScan {
  idempotencyKey: string;
  clientTime: string;
  kind: 'organizer' | 'self';
  entryId?: string;
  recurrenceId?: string;
  method?: 'manual' | 'qr';
  ticket?: string;
  eventCode?: string;
  participantId?: string;
  /** What the screen calls it: the participant's name, or "Ticket …". */
  label: string;
  state: ScanState;
  reason?: string | null;
  message?: string;
  sentAt?: string;
}

interface ScanResult {
  idempotencyKey: string;
  status: 'applied' | 'duplicate' | 'refused';
  reason: string | null;
  message: string;
  participantId: string | null;
}

/** Scans per request: well under the API's 2,000, so one slow link does not hold everything. */
export const BATCH_SIZE = 250;

export function newKey(): string {
  return crypto.randomUUID();
}

export async function deviceId(): Promise<string> {
  const known = await getValue<string>('deviceId');
  if (known) return known;
  const made = `field-${newKey()}`;
  await setValue('deviceId', made);
  return made;
}

export async function enqueue(scans: Array<Omit<QueuedScan, 'idempotencyKey' | 'clientTime' | 'state'>>): Promise<QueuedScan[]> {
  const now = new Date().toISOString();
  const rows = scans.map((s): QueuedScan => ({ ...s, idempotencyKey: newKey(), clientTime: now, state: 'waiting' }));
  await putAll('scans', rows);
  return rows;
}

export async function allScans(): Promise<QueuedScan[]> {
  return (await getAll<QueuedScan>('scans')).sort((a, b) => a.clientTime.localeCompare(b.clientTime));
}

function wire(scan: QueuedScan) {
  return {
    idempotencyKey: scan.idempotencyKey, clientTime: scan.clientTime, entryId: scan.entryId, recurrenceId: scan.recurrenceId,
    method: scan.method, ticket: scan.ticket, eventCode: scan.eventCode, participantId: scan.participantId,
  };
}

function settled(scan: QueuedScan, result: ScanResult): QueuedScan {
  return { ...scan, state: result.status, reason: result.reason, message: result.message, participantId: scan.participantId ?? result.participantId ?? undefined, sentAt: new Date().toISOString() };
}

export interface SyncOutcome {
  sent: number;
  /** Why sending stopped early: offline, signed out… (the rest stays queued). */
  stopped?: string;
}

let running: Promise<SyncOutcome> | null = null;

/** Sends every waiting scan; one run at a time per tab (other tabs are safe through the keys). */
export function syncQueue(): Promise<SyncOutcome> {
  running ??= sendWaiting().finally(() => {
    running = null;
  });
  return running;
}

async function sendWaiting(): Promise<SyncOutcome> {
  const waiting = (await allScans()).filter((s) => s.state === 'waiting');
  if (!waiting.length) return { sent: 0 };
  let sent = 0;
  try {
    await currentSession(); // a fresh CSRF token: the one cached with the page may be from another session
    const device = await deviceId();
    const organizer = waiting.filter((s) => s.kind === 'organizer');
    for (let i = 0; i < organizer.length; i += BATCH_SIZE) {
      const batch = organizer.slice(i, i + BATCH_SIZE);
      // deviceTime: this device's clock now, so the server can tell (and correct) a clock that is wrong.
      const { data } = await request<{ results: ScanResult[] }>('/api/v1/attendance/check-ins', { method: 'POST', body: { deviceId: device, deviceTime: new Date().toISOString(), scans: batch.map(wire) } });
      const byKey = new Map(data.results.map((r) => [r.idempotencyKey, r]));
      await putAll('scans', batch.map((s) => (byKey.has(s.idempotencyKey) ? settled(s, byKey.get(s.idempotencyKey)!) : s)));
      sent += batch.length;
    }
    for (const scan of waiting.filter((s) => s.kind === 'self')) {
      const { data } = await request<ScanResult>('/api/v1/attendance/self-check-in', { method: 'POST', body: { eventCode: scan.eventCode, idempotencyKey: scan.idempotencyKey, clientTime: scan.clientTime, deviceTime: new Date().toISOString() } });
      await putAll('scans', [settled(scan, data)]);
      sent += 1;
    }
    return { sent };
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return { sent, stopped: 'Sign in again to send the queued scans.' };
    if (err instanceof ApiError && err.status === 0) return { sent, stopped: 'Offline: the scans stay on this device until the connection is back.' };
    return { sent, stopped: err instanceof Error ? err.message : String(err) };
  }
}

export interface QueueCounts { waiting: number; applied: number; duplicate: number; refused: number }

export function countScans(scans: QueuedScan[], entryId?: string): QueueCounts {
  const counts: QueueCounts = { waiting: 0, applied: 0, duplicate: 0, refused: 0 };
  for (const s of scans) if (!entryId || s.entryId === entryId) counts[s.state] += 1;
  return counts;
}
