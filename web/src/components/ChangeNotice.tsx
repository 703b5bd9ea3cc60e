import { useEffect } from 'react';
import type { Notice } from '../hooks/useEntryMoves';
import { useT } from '../i18n/t';

interface Props {
  notice: Notice;
  onUndo: () => void;
  onDismiss: () => void;
}

const WIDTH = 320;

/** The result of a move, shown beside the event it concerns (or at the bottom when it has no place). */
export function ChangeNotice({ notice, onUndo, onDismiss }: Props) {
  const t = useT();
  useEffect(() => {
    if (notice.kind === 'error') return; // errors stay until read and dismissed
    const t = window.setTimeout(onDismiss, 8000);
    return () => window.clearTimeout(t);
  }, [notice, onDismiss]);

  const style = notice.anchor
    ? {
        position: 'fixed' as const,
        top: Math.min(notice.anchor.bottom + 6, window.innerHeight - 120),
        left: Math.max(8, Math.min(notice.anchor.left, window.innerWidth - WIDTH - 8)),
        maxWidth: `min(${WIDTH}px, calc(100vw - 16px))`,
      }
    : undefined;

  return (
    <div className={`change-notice change-notice--${notice.kind} ${notice.anchor ? '' : 'change-notice--docked'}`} style={style}
      role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="change-notice">
      <p>{notice.message}</p>
      <div className="change-notice__actions">
        {notice.canUndo && <button type="button" onClick={onUndo}>{t('common.undo')}</button>}
        <button type="button" onClick={onDismiss}>{t('common.dismiss')}</button>
      </div>
    </div>
  );
}
