/** Keyboard shortcuts: which key does what, and when a key press belongs to a text field instead. */
import type { MessageId } from './i18n/t';
import { VIEWS } from './views';

export type ShortcutAction =
  | { type: 'new' }
  | { type: 'today' }
  | { type: 'view'; view: string }
  | { type: 'search' }
  | { type: 'help' }
  | { type: 'prev' }
  | { type: 'next' }
  | { type: 'undo' };

/** What each key does, by message; a view's line names the view (`{view}`). */
export const SHORTCUT_HELP: Array<{ keys: string; does: MessageId; view?: MessageId }> = [
  { keys: 'n', does: 'shortcut.new' },
  { keys: 't', does: 'shortcut.today' },
  ...VIEWS.map((v) => ({ keys: v.key, does: 'shortcut.view' as const, view: v.labelId })),
  { keys: 'j / →', does: 'shortcut.next' },
  { keys: 'k / ←', does: 'shortcut.prev' },
  { keys: 'u', does: 'shortcut.undo' },
  { keys: '/', does: 'shortcut.search' },
  { keys: '?', does: 'shortcut.help' },
  { keys: 'Esc', does: 'shortcut.close' },
];

export interface KeyPress {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  /** The focused element's tag and editability. */
  targetTag?: string;
  targetEditable?: boolean;
}

const TYPING_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

export function shortcutFor(press: KeyPress): ShortcutAction | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  if (press.targetEditable || (press.targetTag && TYPING_TAGS.has(press.targetTag.toUpperCase()))) return null;
  switch (press.key) {
    case 'n': return { type: 'new' };
    case 't': return { type: 'today' };
    case 'u': return { type: 'undo' };
    case '/': return { type: 'search' };
    case '?': return { type: 'help' };
    case 'j': case 'ArrowRight': return { type: 'next' };
    case 'k': case 'ArrowLeft': return { type: 'prev' };
  }
  const view = VIEWS.find((v) => v.key === press.key);
  return view ? { type: 'view', view: view.name } : null;
}
