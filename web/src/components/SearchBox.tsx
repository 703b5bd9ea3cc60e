import { useEffect, useState, type Ref } from 'react';

interface Props {
  value: string;
  onCommit: (q: string) => void;
  inputRef: Ref<HTMLInputElement>;
}

/** Search as you type, sent to the URL and the feed after a short pause. */
export function SearchBox({ value, onCommit, inputRef }: Props) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (text.trim() === value) return;
    const t = window.setTimeout(() => onCommit(text.trim()), 350);
    return () => window.clearTimeout(t);
  }, [text, value, onCommit]);

  return (
    <form className="search-box" role="search" onSubmit={(e) => { e.preventDefault(); onCommit(text.trim()); }}>
      <label htmlFor="calendar-search" className="visually-hidden">Search entries</label>
      <input id="calendar-search" ref={inputRef} type="search" placeholder="Search (/)" value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => { if (e.key === 'Escape') (e.target as HTMLInputElement).blur(); }} />
    </form>
  );
}
