import { type RefObject, useEffect, useRef } from 'react';

/**
 * Touch gestures on a list: a horizontal swipe (> 60 px, mostly sideways) changes the period, a
 * pull down of > 80 px while the page is scrolled to the top refreshes.
 */
export function useSwipe(ref: RefObject<HTMLElement | null>, handlers: { onSwipe: (dir: 'left' | 'right') => void; onPull: () => void }): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let start: { x: number; y: number; top: boolean } | null = null;
    const down = (e: TouchEvent) => {
      const t = e.touches[0];
      start = t ? { x: t.clientX, y: t.clientY, top: window.scrollY <= 0 } : null;
    };
    const up = (e: TouchEvent) => {
      const t = e.changedTouches[0];
      if (!start || !t) return;
      const dx = t.clientX - start.x;
      const dy = t.clientY - start.y;
      if (Math.abs(dx) > 60 && Math.abs(dx) > 2 * Math.abs(dy)) latest.current.onSwipe(dx < 0 ? 'left' : 'right');
      else if (start.top && dy > 80 && Math.abs(dy) > 2 * Math.abs(dx)) latest.current.onPull();
      start = null;
    };
    el.addEventListener('touchstart', down, { passive: true });
    el.addEventListener('touchend', up, { passive: true });
    return () => {
      el.removeEventListener('touchstart', down);
      el.removeEventListener('touchend', up);
    };
  }, [ref]);
}
