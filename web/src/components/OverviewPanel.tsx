import { useEffect, useState } from 'react';
import { isMissingRoute, messageOf, request } from '../api';
import type { GetResult } from '../api-types';
import { feedQuery, type Filters } from '../filters';
import { useT } from '../i18n/t';
import { useLabels } from '../labels';
import type { ModuleInfo } from '../modules';

interface Props {
  range: { start: string; end: string } | null;
  filters: Filters;
  modules: ModuleInfo[];
}

export type Overview = GetResult<'/api/v1/calendar/overview'>;

/**
 * The sidebar's view of the visible range and filters (GET /api/v1/calendar/overview): counts per
 * module, the conflicts the server found, workflow alerts, follow-ups and what comes next. Typed from
 * the generated API types, so a change of the answer's shape fails the typecheck.
 */
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
  const rows = (data?.modules ?? []).filter((m) => m.total > 0);
  const label = (id: string) => labels.module(id, modules.find((m) => m.id === id)?.label ?? id);
  const workflow = data ? data.workflow.approvals.length + data.workflow.escalations.length + data.workflow.overdue.length : 0;
  return (
    <section className="overview" aria-labelledby="overview-title">
      <h2 id="overview-title">{t('overview.title')}</h2>
      {(state.note || state.missing) && <p className="muted small">{state.note ?? t('overview.missing')}</p>}
      {data && (
        <>
          <dl className="overview__counts">
            <div><dt>{t('overview.all')}</dt><dd>{data.totals.total}</dd></div>
            {rows.map((m) => <div key={m.module}><dt>{label(m.module)}</dt><dd>{m.total}</dd></div>)}
            <div><dt>{t('overview.conflicts')}</dt><dd>{data.conflicts.total}</dd></div>
            <div><dt>{t('overview.alerts')}</dt><dd>{workflow}</dd></div>
            <div><dt>{t('overview.followUps')}</dt><dd>{data.followUps.length}</dd></div>
          </dl>
          {data.upcoming.length > 0 && (
            <>
              <h3 className="overview__subtitle">{t('overview.upcoming')}</h3>
              <ul className="overview__list">
                {data.upcoming.slice(0, 3).map((item) => <li key={`${item.entryId}-${item.startMs}`}>{item.title}</li>)}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
