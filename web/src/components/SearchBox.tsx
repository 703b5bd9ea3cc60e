import { useEffect, useState, type Ref } from 'react';
import { useT } from '../i18n/t';
import { useShell } from '../shell/slots';
import { Icon } from '../ui/Icon';

interface Props {
  value: string;
  onCommit: (q: string) => void;
  inputRef: Ref<HTMLInputElement>;
}

/** Search as you type, sent to the URL and the feed after a short pause; an icon that opens it on phones. */
export function SearchBox({ value, onCommit, inputRef }: Props) {
  const t = useT();
  const { narrow } = useShell();
  const [text, setText] = useState(value);
  const [open, setOpen] = useState(false);
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (text.trim() === value) return;
    const timer = window.setTimeout(() => onCommit(text.trim()), 350);
    return () => window.clearTimeout(timer);
  }, [text, value, onCommit]);

  if (narrow && !open && !value) {
    return <button type="button" className="icon-button" aria-label={t('search.label')} onClick={() => setOpen(true)}><Icon name="search" /></button>;
  }
  return (
    <form className={`search-box ${narrow ? 'search-box--over' : ''}`} role="search" onSubmit={(e) => { e.preventDefault(); onCommit(text.trim()); }}>
      <label htmlFor="calendar-search" className="visually-hidden">{t('search.label')}</label>
      <input id="calendar-search" ref={inputRef} type="search" placeholder={t('search.placeholder')} value={text} autoFocus={narrow && open}
        onChange={(e) => setText(e.target.value)} onBlur={() => { if (!text.trim()) setOpen(false); }}
        onKeyDown={(e) => { if (e.key === 'Escape') (e.target as HTMLInputElement).blur(); }} />
    </form>
  );
}
