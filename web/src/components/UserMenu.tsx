import { useEffect, useId, useRef, useState } from 'react';
import { knownZones } from '../times';
import type { User } from '../types';

interface Props {
  user: User;
  displayZone: string;
  onDisplayZoneChange: (zone: string) => void;
  onSignOut: () => void;
}

/** Who is signed in, which zone the calendar shows times in, and sign-out. */
export function UserMenu({ user, displayZone, onDisplayZoneChange, onSignOut }: Props) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  return (
    <div className="user-menu" ref={root}>
      <button type="button" className="user-menu__button" aria-expanded={open} aria-controls={menuId} onClick={() => setOpen(!open)}>
        <span aria-hidden="true" className="avatar">{(user.name || user.email).slice(0, 1).toUpperCase()}</span>
        <span className="user-menu__name">{user.name || user.email}</span>
      </button>
      {open && (
        <div className="user-menu__panel" id={menuId}>
          <p className="user-menu__who"><strong>{user.name}</strong><br /><span className="muted">{user.email}</span></p>
          <label htmlFor={`${menuId}-zone`}>Show times in</label>
          <select id={`${menuId}-zone`} value={displayZone} onChange={(e) => onDisplayZoneChange(e.target.value)}>
            {!knownZones().includes(displayZone) && <option value={displayZone}>{displayZone}</option>}
            {knownZones().map((z) => <option key={z} value={z}>{z === user.timeZone ? `${z} (yours)` : z}</option>)}
          </select>
          <p className="muted small">Your time zone: {user.timeZone}</p>
          <button type="button" onClick={onSignOut}>Sign out</button>
        </div>
      )}
    </div>
  );
}
