import type { RecordRsvpByEmail } from './itip-reply.js';

/**
 * Attendance owns RSVPs (recordRsvpByEmail, src/features/attendance); until that feature is in
 * the tree an inbound reply finds no participant.
 */
export const recordRsvpForReply: RecordRsvpByEmail = async () => false;
