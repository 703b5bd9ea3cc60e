import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { users } from '../../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import { enqueueNotification } from './enqueue.js';

interface LeaveRecordRow {
  id: string;
  organizationId: string;
  data: Record<string, unknown>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Tells the requester how their leave request was decided, in the decision's transaction. Their
 * own cancellation needs no message. Returns the record so the route can use it inline.
 */
export async function notifyLeaveDecision<T extends LeaveRecordRow>(tx: DbOrTx, actor: Actor, record: T, reason?: string): Promise<T> {
  const status = String(record.data.status ?? '');
  const details = (record.data.details ?? {}) as { staffId?: unknown };
  const staffId = typeof details.staffId === 'string' && UUID.test(details.staffId) ? details.staffId : null;
  if (!staffId || staffId === actor.userId) return record;
  const [user] = await tx.select({ id: users.id }).from(users).where(and(eq(users.organizationId, actor.organizationId), eq(users.id, staffId)));
  if (!user) return record;
  const title = typeof record.data.title === 'string' ? record.data.title : 'Leave request';
  await enqueueNotification(tx, {
    organizationId: record.organizationId,
    recipientUserId: staffId,
    type: 'leave_decision',
    dedupeKey: `leave:${record.id}:${status}`,
    payload: { title: `Leave request ${status}: ${title}`, decision: status, message: `Your leave request was ${status} by ${actor.name}.`, ...(reason ? { reason } : {}) },
  });
  return record;
}
