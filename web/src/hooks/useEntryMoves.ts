import { useCallback, useRef, useState } from 'react';
import type { EventDragStartInfo, EventDropInfo, EventResizeDoneInfo, EventResizeStartInfo } from '@fullcalendar/react';
import { ApiError, messageOf } from '../api';
import { moveEntry, moveOccurrence, type OccurrenceScope } from '../endpoints';
import { eventTimes, type EventTimes } from '../event-times';
import { useT } from '../i18n/t';

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
type ChangeInfo = EventDropInfo | EventResizeDoneInfo;

/** A drag of a repeating entry's occurrence, waiting for the user to say which occurrences it moves. */
export interface PendingScope {
  title: string;
  choose: (scope: OccurrenceScope | null) => void;
}

export function useEntryMoves(zone: string, refetch: () => void, onExpired: () => void) {
  const t = useT();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [pendingScope, setPendingScope] = useState<PendingScope | null>(null);
  const [lastMove, setLastMove] = useState<LastMove | null>(null);
  // Where the event was when the drag began: a refused move returns it there, so the message goes there.
  const origin = useRef<{ id: string; anchor: NonNullable<Notice['anchor']> } | null>(null);

  const onChangeStart = useCallback((info: EventDragStartInfo | EventResizeStartInfo) => {
    const r = info.el.getBoundingClientRect();
    origin.current = { id: info.event.id, anchor: { top: r.top, left: r.left, bottom: r.bottom } };
  }, []);

  const refuse = useCallback((info: ChangeInfo, title: string, anchor: Notice['anchor'], err: unknown) => {
    info.revert();
    if (err instanceof ApiError && err.status === 401) return onExpired();
    const changed = err instanceof ApiError && err.status === 412;
    setNotice({ kind: 'error', message: t(changed ? 'move.refusedChanged' : 'move.refused', { title, reason: messageOf(err) }), anchor });
    if (changed) refetch();
  }, [onExpired, refetch, t]);

  const onEventChange = useCallback(async (info: ChangeInfo) => {
    const rect = info.el.getBoundingClientRect();
    const anchor = origin.current?.id === info.event.id ? origin.current.anchor : { top: rect.top, left: rect.left, bottom: rect.bottom };
    const props = info.event.extendedProps;
    const entryId = String(props.entryId ?? info.event.id);
    const title = info.event.title;
    const after = eventTimes(info.event, zone);

    if (props.seriesId && props.recurrenceId) {
      const seriesId = String(props.seriesId);
      const recurrenceId = String(props.recurrenceId);
      const scope = await new Promise<OccurrenceScope | null>((resolve) => setPendingScope({ title, choose: resolve }));
      setPendingScope(null);
      if (!scope) return info.revert();
      try {
        await moveOccurrence(seriesId, recurrenceId, scope, after);
        setLastMove(null); // a series split is not undone by moving one entry back
        setNotice({ kind: 'info', message: t(scope === 'this' ? 'move.movedOccurrence' : 'move.movedFollowing', { title }), anchor });
        refetch();
      } catch (err) {
        refuse(info, title, anchor, err);
      }
      return;
    }

    const before = eventTimes(info.oldEvent, zone);
    try {
      await moveEntry(entryId, after, shownVersion(props));
      setLastMove({ entryId, title, before });
      setNotice({ kind: 'info', message: t('move.moved', { title }), anchor, canUndo: true });
      refetch();
    } catch (err) {
      refuse(info, title, anchor, err);
    }
  }, [zone, refetch, refuse, t]);

  const undo = useCallback(async () => {
    if (!lastMove) return;
    try {
      await moveEntry(lastMove.entryId, lastMove.before);
      setLastMove(null);
      setNotice({ kind: 'info', message: t('move.undone', { title: lastMove.title }) });
      refetch();
    } catch (err) {
      setNotice({ kind: 'error', message: t('move.undoFailed', { reason: messageOf(err) }) });
    }
  }, [lastMove, refetch, t]);

  return { notice, setNotice, pendingScope, onChangeStart, onEventChange, undo, canUndo: lastMove !== null };
}
