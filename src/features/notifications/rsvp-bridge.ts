import { recordRsvpByEmail } from '../attendance/record-rsvp.js';
import type { RecordRsvpByEmail } from './itip-reply.js';

/** Attendance owns RSVPs: an inbound iTIP reply is recorded through its contract. */
export const recordRsvpForReply: RecordRsvpByEmail = (tx, input) => recordRsvpByEmail(tx, input);
