import { useEffect, useState } from 'react';
import { messageOf } from '../api';
import { assessAvailability, blockedSpan, type Assessment, type Span } from '../availability';
import { availableResources, bookingLabels, resourceAvailability, type Resource } from '../resources';

export type Check =
  | { status: 'checking' }
  | { status: 'done'; assessment: Assessment; alternatives: Resource[] }
  | { status: 'error'; message: string };

const DEBOUNCE_MS = 400;
const iso = (ms: number) => new Date(ms).toISOString();

async function check(r: Resource, want: Span, ownEntryId: string | undefined, exclude: Set<string>, signal: AbortSignal): Promise<Check> {
  const blocked = blockedSpan(want, r);
  const [data, labels] = await Promise.all([
    resourceAvailability(r.id, iso(blocked.startMs), iso(blocked.endMs), signal),
    bookingLabels(r.id, iso(blocked.startMs), iso(blocked.endMs), signal),
  ]);
  const assessment = assessAvailability(want, r, data, labels, ownEntryId);
  if (assessment.state === 'free') return { status: 'done', assessment, alternatives: [] };
  // Free ones of the same type; a window the server will not search (over a month) just offers none.
  const alternatives = await availableResources(r.type, want.start, want.end, signal).catch((err: unknown) => {
    if ((err as Error).name === 'AbortError') throw err;
    return [];
  });
  return { status: 'done', assessment, alternatives: alternatives.filter((a) => !exclude.has(a.id)).slice(0, 3) };
}

/**
 * The availability of each chosen resource for the entry's times, checked again (after a pause in
 * typing) whenever the times or the choice change; an answer for times since changed is dropped.
 */
export function useAvailability(chosen: Resource[], want: Span | null, ownEntryId?: string): Record<string, Check> {
  const [checks, setChecks] = useState<Record<string, Check>>({});
  const ids = chosen.map((r) => r.id).join(',');

  useEffect(() => {
    if (!want || chosen.length === 0) {
      setChecks({});
      return;
    }
    const ctl = new AbortController();
    setChecks(Object.fromEntries(chosen.map((r) => [r.id, { status: 'checking' } as Check])));
    const exclude = new Set(chosen.map((r) => r.id));
    const timer = window.setTimeout(() => {
      for (const r of chosen) {
        check(r, want, ownEntryId, exclude, ctl.signal).then(
          (result) => setChecks((old) => ({ ...old, [r.id]: result })),
          (err: unknown) => (err as Error).name !== 'AbortError' && setChecks((old) => ({ ...old, [r.id]: { status: 'error', message: messageOf(err) } })),
        );
      }
    }, DEBOUNCE_MS);
    return () => { window.clearTimeout(timer); ctl.abort(); };
    // The choice is compared by its ids and the times by value: new arrays of the same ones are no change.
  }, [ids, want?.start, want?.end, ownEntryId]);

  return checks;
}
