import { useT, type MessageId } from '../i18n/t';
import { periodUnit } from '../period';
import { Icon } from '../ui/Icon';

interface Props {
  view: string;
  /** The period in words ("8 – 14 December 2026"). */
  title: string;
  onToday: () => void;
  onPrev: () => void;
  onNext: () => void;
  /** Phones show the title in the app bar and the buttons in the calendar's own row. */
  part?: 'all' | 'buttons' | 'title';
}

const PREV: Record<ReturnType<typeof periodUnit>, MessageId> = { day: 'period.prevDay', week: 'period.prevWeek', month: 'period.prevMonth', year: 'period.prevYear' };
const NEXT: Record<ReturnType<typeof periodUnit>, MessageId> = { day: 'period.nextDay', week: 'period.nextWeek', month: 'period.nextMonth', year: 'period.nextYear' };

/** Today, ‹ ›, and the period shown as the page's heading. */
export function PeriodControls({ view, title, onToday, onPrev, onNext, part = 'all' }: Props) {
  const t = useT();
  const unit = periodUnit(view);
  return (
    <>
      {part !== 'title' && (
        <span className="period__buttons">
          <button type="button" onClick={onToday} aria-keyshortcuts="t">{t('calendar.today')}</button>
          <button type="button" className="icon-button" aria-label={t(PREV[unit])} aria-keyshortcuts="k" onClick={onPrev}><Icon name="prev" /></button>
          <button type="button" className="icon-button" aria-label={t(NEXT[unit])} aria-keyshortcuts="j" onClick={onNext}><Icon name="next" /></button>
        </span>
      )}
      {part !== 'buttons' && <h1 className="period__title" data-testid="period" aria-live="polite">{title}</h1>}
    </>
  );
}
