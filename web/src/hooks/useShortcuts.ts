import { useEffect, useRef } from 'react';
import { shortcutFor, type ShortcutAction } from '../shortcuts';

/**
 * Listens for the calendar's single-key shortcuts while no dialog, drawer or menu is open. One listener for the
 * page's life, reading `enabled` when a key comes: re-attached on each change, a key pressed just
 * after a dialog closed (the dialog gone, the effect not yet run) went unheard.
 */
export function useShortcuts(onAction: (action: ShortcutAction) => void, enabled: boolean): void {
  const current = useRef({ onAction, enabled });
  current.current = { onAction, enabled };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!current.current.enabled || e.defaultPrevented || document.querySelector('[role="dialog"], [role="alertdialog"], [role="menu"]')) return;
      const target = e.target instanceof HTMLElement ? e.target : null;
      const action = shortcutFor({
        key: e.key,
        ctrlKey: e.ctrlKey,
        metaKey: e.metaKey,
        altKey: e.altKey,
        targetTag: target?.tagName,
        targetEditable: target?.isContentEditable,
      });
      if (!action) return;
      e.preventDefault();
      current.current.onAction(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
