import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import type { EntryExtras } from '../entry-extras';
import { organizerLookup, type Option } from '../lookups';
import { answerOf, isListed, parseInvitee, PARTICIPANT_ROLES, RSVP_LABELS, type Participant, type ParticipantRole } from '../participants';
import { useIntl } from 'react-intl';
import { useT } from '../i18n/t';
import { useLabels } from '../labels';
import '../styles/entry-extras.css';

interface Props {
  /** The entry's participants (null for a new entry). */
  listed: Participant[] | null;
  extras: EntryExtras;
  onChange: (extras: EntryExtras) => void;
  /** The server's refusals, by invitee key or participant id. */
  errors: Record<string, string>;
  readOnly?: boolean;
}

/** Who takes part: those listed with their RSVP, and people to invite (users by name, anyone by e-mail) when the entry is saved. */
export function ParticipantsSection({ listed, extras, onChange, errors, readOnly }: Props) {
  const id = useId();
  const t = useT();
  const intl = useIntl();
  const labels = useLabels();
  const [text, setText] = useState('');
  const [role, setRole] = useState<ParticipantRole>('required');
  const [options, setOptions] = useState<Option[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    const q = text.trim();
    if (q.length < 2 || q.includes('@')) return;
    let live = true;
    // Colleagues come from the people directory; anyone else is invited by e-mail.
    const t = window.setTimeout(() => void organizerLookup.search(q).then((found) => live && setOptions(found)), 250);
    return () => { live = false; window.clearTimeout(t); };
  }, [text]);

  function add() {
    const parsed = parseInvitee(text, options, intl);
    if ('error' in parsed) return setProblem(parsed.error);
    if (isListed(parsed, [...(listed ?? []), ...extras.invitees])) return setProblem(t('participants.already', { name: parsed.name }));
    onChange({ ...extras, invitees: [...extras.invitees, { ...parsed, role, key: crypto.randomUUID() }] });
    setProblem(null);
    setText('');
  }
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Enter') return;
    e.preventDefault(); // Enter adds the person; it does not save the entry
    add();
  };
  const toggleRemoval = (pid: string) => onChange({
    ...extras,
    removeParticipants: extras.removeParticipants.includes(pid) ? extras.removeParticipants.filter((x) => x !== pid) : [...extras.removeParticipants, pid],
  });

  const inputId = `${id}-add`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const rows = (listed?.length ?? 0) + extras.invitees.length;
  return (
    <fieldset className="entry-extra span-2" disabled={readOnly}>
      <legend>{t('participants.title')}</legend>
      {rows === 0 ? <p className="muted small">{t('participants.none')}</p> : (
        <ul className="entry-extra__list">
          {listed?.map((p) => {
            const leaving = extras.removeParticipants.includes(p.id);
            return (
              <li key={p.id} className={leaving ? 'is-leaving' : ''}>
                <span className="entry-extra__name">{p.name}{p.email ? <span className="muted small"> {p.email}</span> : null}</span>
                <span className="small">{[labels.role(p.role), <span key="rsvp" className={`rsvp rsvp--${answerOf(p)}`}>{t(RSVP_LABELS[answerOf(p)])}</span>, leaving ? t('participants.removedOnSave') : null].filter(Boolean).map((part, i) => <span key={i} className="sep-before">{part}</span>)}</span>
                {!readOnly && <button type="button" className="link-button" onClick={() => toggleRemoval(p.id)}>{t(leaving ? 'participants.keep' : 'participants.remove', { name: p.name })}</button>}
                {errors[p.id] && <p className="field-error" role="alert">{errors[p.id]}</p>}
              </li>
            );
          })}
          {extras.invitees.map((p) => (
            <li key={p.key}>
              <span className="entry-extra__name">{p.name}{p.email ? <span className="muted small"> {p.email}</span> : null}</span>
              <span className="small"><span className="sep-before">{labels.role(p.role)}</span><span className="sep-before">{t('participants.invitedOnSave')}</span></span>
              <button type="button" className="link-button" onClick={() => onChange({ ...extras, invitees: extras.invitees.filter((x) => x.key !== p.key) })}>{t('participants.remove', { name: p.name })}</button>
              {errors[p.key] && <p className="field-error" role="alert">{t('participants.notAdded', { reason: errors[p.key] })}</p>}
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <div className="entry-extra__add">
          <label htmlFor={inputId}>{t('participants.add')}</label>
          <input id={inputId} type="text" list={`${id}-users`} value={text} autoComplete="off" placeholder={t('participants.placeholder')}
            aria-describedby={problem ? `${hintId} ${errorId}` : hintId} aria-invalid={problem ? true : undefined}
            onChange={(e) => setText(e.target.value)} onKeyDown={onKey} />
          <datalist id={`${id}-users`}>{options.map((o) => <option key={o.id} value={o.label} />)}</datalist>
          <label htmlFor={`${id}-role`} className="visually-hidden">{t('participants.role')}</label>
          <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as ParticipantRole)}>
            {PARTICIPANT_ROLES.map((r) => <option key={r} value={r}>{labels.role(r)}</option>)}
          </select>
          <button type="button" onClick={add}>{t('common.add')}</button>
          <p id={hintId} className="muted small span-all">
            {t('participants.hint')}
          </p>
          {problem && <p id={errorId} className="field-error span-all" role="alert">{problem}</p>}
        </div>
      )}
    </fieldset>
  );
}
