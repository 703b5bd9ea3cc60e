import { useCallback, useRef, useState } from 'react';
import type { EventDragStartInfo, EventDropInfo, EventResizeDoneInfo, EventResizeStartInfo } from '@fullcalendar/react';
import { ApiError, messageOf } from '../api';
import { moveEntry } from '../endpoints';
import { eventTimes, type EventTimes } from '../event-times';

export interface Notice {
  kind: 'error' | 'info';
  message: string;
  /** Where the event was on screen, so the message shows next to it. */
  anchor?: { top: number; left: number; bottom: number };
  canUndo?: boolean;
}

interface LastMove {
  entryId: string;
  title: string;
  before: EventTimes;
}

function shownVersion(props: Record<string, unknown>): string | number | undefined {
  const v = props.version;
  return typeof v === 'string' || typeof v === 'number' ? v : undefined;
}

/**
 * Drag-to-move and resize: PATCH with If-Match; a refused change puts the event back and shows
 * the server's reason beside it; the last accepted move can be undone.
 */
export function useEntryMoves(zone: string, refetch: () => void, onExpired: () => void) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const [lastMove, setLastMove] = useState<LastMove | null>(null);
  // Where the event was when the drag began: a refused move returns it there, so the message goes there.
  const origin = useRef<{ id: string; anchor: NonNullable<Notice['anchor']> } | null>(null);

  const onChangeStart = useCallback((info: EventDragStartInfo | EventResizeStartInfo) => {
    const r = info.el.getBoundingClientRect();
    origin.current = { id: info.event.id, anchor: { top: r.top, left: r.left, bottom: r.bottom } };
  }, []);

  const onEventChange = useCallback(async (info: EventDropInfo | EventResizeDoneInfo) => {
    const rect = info.el.getBoundingClientRect();
    const anchor = origin.current?.id === info.event.id ? origin.current.anchor : { top: rect.top, left: rect.left, bottom: rect.bottom };
    const entryId = String(info.event.extendedProps.entryId ?? info.event.id);
    const title = info.event.title;
    const before = eventTimes(info.oldEvent, zone);
    try {
      await moveEntry(entryId, eventTimes(info.event, zone), shownVersion(info.event.extendedProps));
      setLastMove({ entryId, title, before });
      setNotice({ kind: 'info', message: `Moved “${title}”.`, anchor, canUndo: true });
      refetch();
    } catch (err) {
      info.revert();
      if (err instanceof ApiError && err.status === 401) return onExpired();
      const hint = err instanceof ApiError && err.status === 412 ? ' Someone else changed it meanwhile; the calendar now shows their version.' : '';
      setNotice({ kind: 'error', message: `Could not move “${title}”: ${messageOf(err)}${hint}`, anchor });
      if (hint) refetch();
    }
  }, [zone, refetch, onExpired]);

  const undo = useCallback(async () => {
    if (!lastMove) return;
    try {
      await moveEntry(lastMove.entryId, lastMove.before);
      setLastMove(null);
      setNotice({ kind: 'info', message: `Put “${lastMove.title}” back.` });
      refetch();
    } catch (err) {
      setNotice({ kind: 'error', message: `Could not undo: ${messageOf(err)}` });
    }
  }, [lastMove, refetch]);

  return { notice, setNotice, onChangeStart, onEventChange, undo, canUndo: lastMove !== null };
}
