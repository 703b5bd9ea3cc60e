import { useEffect, useState } from 'react';
import { isValidZone } from '../times';

const KEY = 'kalendaryo.displayZone';
const CHANGED = 'kalendaryo-zone';

function read(userZone: string): string {
  const saved = window.localStorage.getItem(KEY);
  return saved && isValidZone(saved) ? saved : userZone;
}

/**
 * The zone the calendar shows times in: the user's own unless they chose another on this device
 * (in the user menu; the calendar page follows the change).
 */
export function useDisplayZone(userZone: string): [string, (zone: string) => void] {
  const [zone, setZone] = useState(() => read(userZone));
  useEffect(() => {
    const sync = () => setZone(read(userZone));
    window.addEventListener(CHANGED, sync);
    return () => window.removeEventListener(CHANGED, sync);
  }, [userZone]);
  const choose = (next: string) => {
    if (next === userZone) window.localStorage.removeItem(KEY);
    else window.localStorage.setItem(KEY, next);
    setZone(next);
    window.dispatchEvent(new Event(CHANGED));
  };
  return [zone, choose];
}
