import { useEffect, useState, type FormEvent } from 'react';
import { isMissingRoute, messageOf } from '../api';
import type { Filters } from '../filters';
import { Icon } from '../ui/Icon';
import { useT } from '../i18n/t';
import { deletePreset, listPresets, mergePreset, savePreset, type Preset } from '../presets';

interface Props {
  view: string | null;
  filters: Filters;
  onApply: (preset: Preset) => void;
}

/** The user's saved views: apply one, save the current filters under a name, delete. */
export function SavedViews({ view, filters, onApply }: Props) {
  const t = useT();
  const [presets, setPresets] = useState<Preset[]>([]);
  const [name, setName] = useState('');
  const [note, setNote] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [missing, setMissing] = useState(false);

  useEffect(() => {
    const ctl = new AbortController();
    listPresets(ctl.signal).then(setPresets, (err: unknown) => {
      if ((err as Error).name === 'AbortError') return;
      if (isMissingRoute(err)) setMissing(true);
      else setNote({ kind: 'error', text: messageOf(err) });
    });
    return () => ctl.abort();
  }, []);

  async function onSave(e: FormEvent) {
    e.preventDefault();
    try {
      const saved = await savePreset(name.trim(), view, filters);
      setPresets((list) => mergePreset(list, saved));
      setName('');
      setNote({ kind: 'ok', text: t('savedViews.saved', { name: saved.name }) });
    } catch (err) {
      setNote({ kind: 'error', text: messageOf(err) });
    }
  }

  async function onDelete(preset: Preset) {
    try {
      await deletePreset(preset.id);
      setPresets((list) => list.filter((p) => p.id !== preset.id));
      setNote({ kind: 'ok', text: t('savedViews.deleted', { name: preset.name }) });
    } catch (err) {
      setNote({ kind: 'error', text: messageOf(err) });
    }
  }

  if (missing) return null;
  return (
    <section className="saved-views" aria-labelledby="saved-views-title">
      <h2 id="saved-views-title">{t('savedViews.title')}</h2>
      {presets.length > 0 && (
        <ul className="saved-views__list">
          {presets.map((p) => (
            <li key={p.id}>
              <button type="button" className="link-button" onClick={() => onApply(p)}>{p.name}</button>
              <button type="button" className="icon-button" aria-label={t('savedViews.delete', { name: p.name })} onClick={() => void onDelete(p)}><Icon name="close" size={16} /></button>
            </li>
          ))}
        </ul>
      )}
      <form className="saved-views__form" onSubmit={(e) => void onSave(e)}>
        <label htmlFor="preset-name" className="small">{t('savedViews.saveAs')}</label>
        <span className="saved-views__row">
          <input id="preset-name" value={name} maxLength={80} required onChange={(e) => setName(e.target.value)} />
          <button type="submit" disabled={!name.trim()}>{t('common.save')}</button>
        </span>
      </form>
      {note && <p className={note.kind === 'error' ? 'field-error' : 'muted small'} role={note.kind === 'error' ? 'alert' : 'status'}>{note.text}</p>}
    </section>
  );
}
