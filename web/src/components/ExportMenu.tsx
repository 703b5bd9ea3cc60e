import { feedQuery, type Filters } from '../filters';

interface Props {
  range: { start: string; end: string } | null;
  filters: Filters;
  timeZone: string;
}

const FORMATS = [
  { path: 'calendar/brief.html', label: 'Printable brief', newTab: true },
  { path: 'calendar/brief.pdf', label: 'Brief as PDF', newTab: false },
  { path: 'calendar.ics', label: 'iCalendar (.ics)', newTab: false },
  { path: 'calendar.csv', label: 'CSV', newTab: false },
  { path: 'calendar.xlsx', label: 'Excel (.xlsx)', newTab: false },
];

/** Print and export the range and filters in view (the export routes read the same query as the feed). */
export function ExportMenu({ range, filters, timeZone }: Props) {
  if (!range) return null;
  const query = feedQuery(range.start, range.end, filters);
  query.set('timeZone', timeZone);
  return (
    <details className="export-menu">
      <summary>Print / export</summary>
      <ul>
        {FORMATS.map((f) => (
          <li key={f.path}>
            <a href={`/api/v1/${f.path}?${query.toString()}`} {...(f.newTab ? { target: '_blank', rel: 'noopener' } : { download: '' })}>{f.label}</a>
          </li>
        ))}
      </ul>
    </details>
  );
}
