import { useEffect, useState } from 'react';

/** The field app's pages, from the path (/field, /field/entry/:id, /field/check-in/:id, /field/self). */
export type FieldRoute =
  | { page: 'agenda' }
  | { page: 'entry'; entryId: string; recurrenceId: string | null }
  | { page: 'check-in'; entryId: string; recurrenceId: string | null }
  | { page: 'self' };

export function parseRoute(pathname: string, search: string): FieldRoute {
  const recurrenceId = new URLSearchParams(search).get('recurrenceId');
  const [, , page, id] = pathname.split('/');
  if (page === 'entry' && id) return { page: 'entry', entryId: id, recurrenceId };
  if (page === 'check-in' && id) return { page: 'check-in', entryId: id, recurrenceId };
  if (page === 'self') return { page: 'self' };
  return { page: 'agenda' };
}

export function go(path: string): void {
  history.pushState(null, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
  window.scrollTo(0, 0);
}

export function useFieldRoute(): FieldRoute {
  const read = () => parseRoute(location.pathname, location.search);
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const onPop = () => setRoute(read());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  return route;
}

export function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, []);
  return online;
}

export function entryPath(kind: 'entry' | 'check-in', entryId: string, recurrenceId?: string | null): string {
  return `/field/${kind}/${encodeURIComponent(entryId)}${recurrenceId ? `?recurrenceId=${encodeURIComponent(recurrenceId)}` : ''}`;
}
