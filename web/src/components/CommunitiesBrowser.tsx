import { useEffect, useState } from 'react';
import { messageOf, request } from '../api';
import { useT } from '../i18n/t';
import { useLabels } from '../labels';

interface Community { id: string; name: string; level: string }

/** One level of the communities directory; a place opens its children on demand. */
function Level({ parent }: { parent: string }) {
  const t = useT();
  const labels = useLabels();
  const [items, setItems] = useState<Community[] | null>(null);
  const [open, setOpen] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    request<{ items: Community[] }>(`/api/v1/communities?${new URLSearchParams({ parent, limit: '200' }).toString()}`)
      .then(({ data }) => setItems(data.items), (err: unknown) => setError(messageOf(err)));
  }, [parent]);

  if (error) return <p className="field-error" role="alert">{error}</p>;
  if (items === null) return <p className="muted small">{t('common.loading')}</p>;
  if (items.length === 0) return parent === 'none' ? <p>{t('communities.none')}</p> : null;
  const toggle = (id: string) => setOpen((s) => { const n = new Set(s); if (n.has(id)) n.delete(id); else n.add(id); return n; });
  return (
    <ul className="community-tree">
      {items.map((c) => (
        <li key={c.id}>
          {c.level !== 'barangay'
            ? <button type="button" className="link-button" aria-expanded={open.has(c.id)} onClick={() => toggle(c.id)}>{c.name}</button>
            : <span>{c.name}</span>}
          <span className="muted small sep-after">{labels.value(c.level)}</span>
          <a href={`/?community=${c.id}`} className="small" aria-label={t('communities.calendarOf', { name: c.name })}>{t('communities.calendar')}</a>
          {open.has(c.id) && <Level parent={c.id} />}
        </li>
      ))}
    </ul>
  );
}

/** The communities directory, region › province › municipality › barangay, each with its calendar view. */
export function CommunitiesBrowser() {
  const t = useT();
  return (
    <section aria-labelledby="communities-title">
      <h2 id="communities-title">{t('communities.title')}</h2>
      <Level parent="none" />
    </section>
  );
}
