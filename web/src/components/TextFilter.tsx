import { useEffect, useState } from 'react';

interface Props {
  id: string;
  label: string;
  value: string;
  onCommit: (value: string) => void;
}

/** A free-text filter applied when the field is left or Enter is pressed, not on every key. */
export function TextFilter({ id, label, value, onCommit }: Props) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const commit = () => {
    if (text.trim() !== value) onCommit(text.trim());
  };
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input id={id} type="text" value={text} onChange={(e) => setText(e.target.value)} onBlur={commit}
        onKeyDown={(e) => { if (e.key === 'Enter') commit(); }} />
    </>
  );
}
