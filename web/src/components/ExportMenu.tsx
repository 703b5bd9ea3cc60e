import { feedQuery, type Filters } from '../filters';
import { useT, type MessageId } from '../i18n/t';
import { MenuButton, MenuItem } from '../ui/Menu';

interface Props {
  range: { start: string; end: string } | null;
  filters: Filters;
  timeZone: string;
}

const FORMATS: Array<{ path: string; labelId: MessageId; newTab: boolean }> = [
  { path: 'calendar/brief.html', labelId: 'export.brief', newTab: true },
  { path: 'calendar/brief.pdf', labelId: 'export.briefPdf', newTab: false },
  { path: 'calendar.ics', labelId: 'export.ics', newTab: false },
  { path: 'calendar.csv', labelId: 'export.csv', newTab: false },
  { path: 'calendar.xlsx', labelId: 'export.xlsx', newTab: false },
];

/** Print and export the range and filters in view (the export routes read the same query as the feed). */
export function ExportMenu({ range, filters, timeZone }: Props) {
  const t = useT();
  if (!range) return null;
  const query = feedQuery(range.start, range.end, filters);
  query.set('timeZone', timeZone);
  return (
    <MenuButton label={t('export.menu')} menuLabel={t('export.menu')}>
      {FORMATS.map((f) => (
        <MenuItem key={f.path} id={f.path} href={`/api/v1/${f.path}?${query.toString()}`} {...(f.newTab ? { target: '_blank', rel: 'noopener' } : { download: '' })}>{t(f.labelId)}</MenuItem>
      ))}
    </MenuButton>
  );
}
