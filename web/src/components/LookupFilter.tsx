import { useEffect, useState } from 'react';
import { useT } from '../i18n/t';
import { UUID_RE, type Lookup, type Option } from '../lookups';

interface Props {
  id: string;
  label: string;
  /** The filter value: an id, or empty. */
  value: string;
  lookup: Lookup;
  onCommit: (id: string) => void;
}

/** A filter by id that people fill in by name: suggestions come from the server as they type. */
export function LookupFilter({ id, label, value, lookup, onCommit }: Props) {
  const t = useT();
  const [text, setText] = useState('');
  const [options, setOptions] = useState<Option[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    if (!value) setText('');
    else void lookup.label(value).then((name) => live && setText(name ?? value));
    return () => { live = false; };
  }, [value, lookup]);

  useEffect(() => {
    const q = text.trim();
    if (q.length < 2 || UUID_RE.test(q)) return;
    let live = true;
    const t = window.setTimeout(() => void lookup.search(q).then((found) => live && setOptions(found)), 250);
    return () => { live = false; window.clearTimeout(t); };
  }, [text, lookup]);

  function commit() {
    const q = text.trim();
    setError(null);
    if (!q) return value && onCommit('');
    if (UUID_RE.test(q)) return q !== value && onCommit(q);
    const match = options.find((o) => o.label === q) ?? (options.length === 1 ? options[0] : undefined);
    if (match) {
      if (match.id !== value) onCommit(match.id);
      setText(match.label);
    } else setError(t('filters.chooseSuggestion', { what: label }));
  }

  const listId = `${id}-options`;
  const errorId = `${id}-error`;
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <div>
        <input id={id} type="text" list={listId} value={text} autoComplete="off" placeholder={t('filters.typeName')}
          aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined}
          onChange={(e) => setText(e.target.value)} onBlur={commit}
          onKeyDown={(e) => { if (e.key === 'Enter') commit(); }} />
        <datalist id={listId}>
          {options.map((o) => <option key={o.id} value={o.label} />)}
        </datalist>
        {error && <p className="field-error" id={errorId}>{error}</p>}
      </div>
    </>
  );
}
