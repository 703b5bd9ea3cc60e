import { describe, expect, it } from 'vitest';
import { shortcutFor } from './shortcuts';

describe('keyboard shortcuts', () => {
  it('maps the documented keys to actions', () => {
    expect(shortcutFor({ key: 'n' })).toEqual({ type: 'new' });
    expect(shortcutFor({ key: 't' })).toEqual({ type: 'today' });
    expect(shortcutFor({ key: 'd' })).toEqual({ type: 'view', view: 'timeGridDay' });
    expect(shortcutFor({ key: 'w' })).toEqual({ type: 'view', view: 'timeGridWeek' });
    expect(shortcutFor({ key: 'm' })).toEqual({ type: 'view', view: 'dayGridMonth' });
    expect(shortcutFor({ key: 'a' })).toEqual({ type: 'view', view: 'listWeek' });
    expect(shortcutFor({ key: '/' })).toEqual({ type: 'search' });
    expect(shortcutFor({ key: '?' })).toEqual({ type: 'help' });
    expect(shortcutFor({ key: 'u' })).toEqual({ type: 'undo' });
  });

  it('leaves keys alone while the user types in a field', () => {
    expect(shortcutFor({ key: 'n', targetTag: 'INPUT' })).toBeNull();
    expect(shortcutFor({ key: 'm', targetTag: 'textarea' })).toBeNull();
    expect(shortcutFor({ key: 't', targetTag: 'DIV', targetEditable: true })).toBeNull();
  });

  it('leaves browser shortcuts with modifiers alone', () => {
    expect(shortcutFor({ key: 't', ctrlKey: true })).toBeNull();
    expect(shortcutFor({ key: 'n', metaKey: true })).toBeNull();
    expect(shortcutFor({ key: 'q' })).toBeNull();
  });
});
