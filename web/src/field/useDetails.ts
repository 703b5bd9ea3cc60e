import { useCallback, useEffect, useState } from 'react';
import { messageOf } from '../api';
import { type EntryDetails, readDetails, refreshDetails, type Stored } from './offline-data';

/** An event's details: the device's copy at once, then the server's when online. */
export function useDetails(entryId: string, recurrenceId: string | null, online: boolean) {
  const [details, setDetails] = useState<Stored<EntryDetails> | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(async () => {
    if (!navigator.onLine) return;
    try {
      setDetails(await refreshDetails(entryId, recurrenceId));
      setError(null);
    } catch (err) {
      setError(`Could not refresh: ${messageOf(err)}`);
    }
  }, [entryId, recurrenceId]);
  useEffect(() => {
    let live = true;
    void readDetails(entryId).then((saved) => live && setDetails((d) => d ?? saved ?? null));
    return () => {
      live = false;
    };
  }, [entryId]);
  useEffect(() => {
    if (online) void refresh();
  }, [online, refresh]);
  return { details, error, refresh };
}
