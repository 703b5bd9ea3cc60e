import { useState } from 'react';
import { isValidZone } from '../times';

const KEY = 'kalendaryo.displayZone';

/** The zone the calendar shows times in: the user's own unless they chose another on this device. */
export function useDisplayZone(userZone: string): [string, (zone: string) => void] {
  const [zone, setZone] = useState(() => {
    const saved = window.localStorage.getItem(KEY);
    return saved && isValidZone(saved) ? saved : userZone;
  });
  const choose = (next: string) => {
    if (next === userZone) window.localStorage.removeItem(KEY);
    else window.localStorage.setItem(KEY, next);
    setZone(next);
  };
  return [zone, choose];
}
