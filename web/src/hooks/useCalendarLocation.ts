import { useCallback, useEffect, useState } from 'react';
import { formatLocation, parseLocation, type CalendarLocation } from '../filters';

/**
 * The calendar's view, date and filters, kept in the address bar. Filter and view changes push a
 * history entry (Back undoes them); typing in the search box and paging dates replace it.
 */
export function useCalendarLocation(): [CalendarLocation, (next: CalendarLocation, mode?: 'push' | 'replace') => void] {
  const [loc, setLoc] = useState<CalendarLocation>(() => parseLocation(window.location.search));

  useEffect(() => {
    const onPop = () => setLoc(parseLocation(window.location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const update = useCallback((next: CalendarLocation, mode: 'push' | 'replace' = 'push') => {
    const search = formatLocation(next);
    if (search !== window.location.search) {
      const url = `${window.location.pathname}${search}${window.location.hash}`;
      if (mode === 'push') window.history.pushState(null, '', url);
      else window.history.replaceState(null, '', url);
    }
    setLoc(next);
  }, []);

  return [loc, update];
}
