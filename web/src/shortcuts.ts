/** Keyboard shortcuts: which key does what, and when a key press belongs to a text field instead. */
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

export const SHORTCUT_HELP: Array<{ keys: string; does: string }> = [
  { keys: 'n', does: 'New entry' },
  { keys: 't', does: 'Go to today' },
  ...VIEWS.map((v) => ({ keys: v.key, does: `${v.label} view` })),
  { keys: 'j / →', does: 'Next period' },
  { keys: 'k / ←', does: 'Previous period' },
  { keys: 'u', does: 'Undo the last move' },
  { keys: '/', does: 'Search' },
  { keys: '?', does: 'Show this help' },
  { keys: 'Esc', does: 'Close a dialog' },
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
