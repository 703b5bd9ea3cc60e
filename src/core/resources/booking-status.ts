/** The life of a booking: which actions move it from which status, and which statuses hold the resource. */
export type BookingStatus = 'pending' | 'approved' | 'rejected' | 'cancelled';
export type BookingAction = 'approve' | 'reject' | 'cancel' | 'reopen';

export const holdsResource = (status: BookingStatus): boolean => status === 'pending' || status === 'approved';

/** The status a booking starts in (or returns to when re-opened): approved at once when no approval is needed. */
export const initialStatus = (needsApproval: boolean): BookingStatus => (needsApproval ? 'pending' : 'approved');

/** The next status, or null when the action does not apply to the current one. */
export function nextStatus(current: BookingStatus, action: BookingAction, needsApproval: boolean): BookingStatus | null {
  switch (action) {
    case 'approve':
      return current === 'pending' ? 'approved' : null;
    case 'reject':
      return current === 'pending' || current === 'approved' ? 'rejected' : null;
    case 'cancel':
      return holdsResource(current) ? 'cancelled' : null;
    case 'reopen':
      return current === 'cancelled' || current === 'rejected' ? initialStatus(needsApproval) : null;
  }
}
