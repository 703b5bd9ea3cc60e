import { useEffect, useState } from 'react';
import { isMissingRoute, messageOf, request } from '../api';
import { feedQuery, type Filters } from '../filters';
import { useT } from '../i18n/t';
import { useLabels } from '../labels';
import type { ModuleInfo } from '../modules';

interface Props {
  range: { start: string; end: string } | null;
  filters: Filters;
  modules: ModuleInfo[];
}

interface Overview {
  totals?: { total?: number };
  modules?: Array<{ module?: string; total?: number }>;
  conflicts?: unknown[];
  alerts?: unknown[];
}

/** Counts for the visible range and filters from /api/v1/calendar/overview; says so when absent (404). */
export function OverviewPanel({ range, filters, modules }: Props) {
  const t = useT();
  const labels = useLabels();
  const [state, setState] = useState<{ data?: Overview; missing?: boolean; note?: string }>({});

  useEffect(() => {
    if (!range) return;
    const ctl = new AbortController();
    const q = feedQuery(range.start, range.end, filters);
    request<Overview>(`/api/v1/calendar/overview?${q.toString()}`, { signal: ctl.signal }).then(
      ({ data }) => setState({ data }),
      (err: unknown) => {
        if ((err as Error).name === 'AbortError') return;
        setState(isMissingRoute(err) ? { missing: true } : { note: messageOf(err) });
      },
    );
    return () => ctl.abort();
  }, [range, filters]);

  const data = state.data;
  const rows = (data?.modules ?? []).filter((m) => m.module && (m.total ?? 0) > 0);
  const label = (id: string) => labels.module(id, modules.find((m) => m.id === id)?.label ?? id);
  return (
    <section className="overview" aria-labelledby="overview-title">
      <h2 id="overview-title">{t('overview.title')}</h2>
      {(state.note || state.missing) && <p className="muted small">{state.note ?? t('overview.missing')}</p>}
      {data && (
        <dl className="overview__counts">
          <div><dt>{t('overview.all')}</dt><dd>{data.totals?.total ?? 0}</dd></div>
          {rows.map((m) => <div key={m.module}><dt>{label(m.module!)}</dt><dd>{m.total}</dd></div>)}
          {Array.isArray(data.conflicts) && <div><dt>{t('overview.conflicts')}</dt><dd>{data.conflicts.length}</dd></div>}
          {Array.isArray(data.alerts) && <div><dt>{t('overview.alerts')}</dt><dd>{data.alerts.length}</dd></div>}
        </dl>
      )}
    </section>
  );
}
