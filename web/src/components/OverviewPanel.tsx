import { useEffect, useState } from 'react';
import { isMissingRoute, messageOf, request } from '../api';
import { humanize } from '../modules';

interface Props {
  range: { start: string; end: string } | null;
}

type Counts = Array<{ label: string; count: number }>;

/** Read the overview's counts whatever their grouping: [{module|label|name, count}] or {key: count}. */
function toCounts(data: unknown): Counts {
  const items = Array.isArray(data) ? data : (data as { items?: unknown })?.items;
  if (Array.isArray(items)) {
    return items.flatMap((i: Record<string, unknown>) => {
      const label = i.label ?? i.module ?? i.name ?? i.key;
      return typeof label === 'string' && typeof i.count === 'number' ? [{ label: humanize(label), count: i.count }] : [];
    });
  }
  if (data && typeof data === 'object') {
    return Object.entries(data).flatMap(([k, v]) => (typeof v === 'number' ? [{ label: humanize(k), count: v }] : []));
  }
  return [];
}

/** Counts for the visible range from /api/v1/calendar/overview, a later feature: says so on 404. */
export function OverviewPanel({ range }: Props) {
  const [state, setState] = useState<{ counts?: Counts; note?: string }>({});

  useEffect(() => {
    if (!range) return;
    const ctl = new AbortController();
    const q = new URLSearchParams(range);
    request<unknown>(`/api/v1/calendar/overview?${q.toString()}`, { signal: ctl.signal }).then(
      ({ data }) => setState({ counts: toCounts(data) }),
      (err: unknown) => {
        if ((err as Error).name === 'AbortError') return;
        setState({ note: isMissingRoute(err) ? 'The overview is not available on this server yet.' : messageOf(err) });
      },
    );
    return () => ctl.abort();
  }, [range]);

  return (
    <section className="overview" aria-labelledby="overview-title">
      <h2 id="overview-title">Overview</h2>
      {state.note && <p className="muted small">{state.note}</p>}
      {state.counts && state.counts.length === 0 && <p className="muted small">Nothing scheduled in this range.</p>}
      {state.counts && state.counts.length > 0 && (
        <dl className="overview__counts">
          {state.counts.map((c) => (
            <div key={c.label}><dt>{c.label}</dt><dd>{c.count}</dd></div>
          ))}
        </dl>
      )}
    </section>
  );
}
