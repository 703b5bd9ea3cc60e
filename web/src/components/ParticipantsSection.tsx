import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import type { EntryExtras } from '../entry-extras';
import { organizerLookup, type Option } from '../lookups';
import { answerOf, isListed, parseInvitee, PARTICIPANT_ROLES, RSVP_LABELS, type Participant, type ParticipantRole } from '../participants';
import { humanize } from '../modules';
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
    const parsed = parseInvitee(text, options);
    if ('error' in parsed) return setProblem(parsed.error);
    if (isListed(parsed, [...(listed ?? []), ...extras.invitees])) return setProblem(`${parsed.name} is already on the list.`);
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
      <legend>Participants</legend>
      {rows === 0 ? <p className="muted small">Nobody yet.</p> : (
        <ul className="entry-extra__list">
          {listed?.map((p) => {
            const leaving = extras.removeParticipants.includes(p.id);
            return (
              <li key={p.id} className={leaving ? 'is-leaving' : ''}>
                <span className="entry-extra__name">{p.name}{p.email ? <span className="muted small"> {p.email}</span> : null}</span>
                <span className="small">{humanize(p.role)} · <span className={`rsvp rsvp--${answerOf(p)}`}>{RSVP_LABELS[answerOf(p)]}</span>{leaving ? ' · removed when you save' : ''}</span>
                {!readOnly && <button type="button" className="link-button" onClick={() => toggleRemoval(p.id)}>{leaving ? `Keep ${p.name}` : `Remove ${p.name}`}</button>}
                {errors[p.id] && <p className="field-error" role="alert">{errors[p.id]}</p>}
              </li>
            );
          })}
          {extras.invitees.map((p) => (
            <li key={p.key}>
              <span className="entry-extra__name">{p.name}{p.email ? <span className="muted small"> {p.email}</span> : null}</span>
              <span className="small">{humanize(p.role)} · invited when you save</span>
              <button type="button" className="link-button" onClick={() => onChange({ ...extras, invitees: extras.invitees.filter((x) => x.key !== p.key) })}>Remove {p.name}</button>
              {errors[p.key] && <p className="field-error" role="alert">Not added: {errors[p.key]}</p>}
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <div className="entry-extra__add">
          <label htmlFor={inputId}>Add a person</label>
          <input id={inputId} type="text" list={`${id}-users`} value={text} autoComplete="off" placeholder="Name, or e-mail address"
            aria-describedby={problem ? `${hintId} ${errorId}` : hintId} aria-invalid={problem ? true : undefined}
            onChange={(e) => setText(e.target.value)} onKeyDown={onKey} />
          <datalist id={`${id}-users`}>{options.map((o) => <option key={o.id} value={o.label} />)}</datalist>
          <label htmlFor={`${id}-role`} className="visually-hidden">Role of the person to add</label>
          <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as ParticipantRole)}>
            {PARTICIPANT_ROLES.map((r) => <option key={r} value={r}>{humanize(r)}</option>)}
          </select>
          <button type="button" onClick={add}>Add</button>
          <p id={hintId} className="muted small span-all">
            Pick a colleague from the suggestions, or type anyone’s e-mail address; they are invited when you save.
          </p>
          {problem && <p id={errorId} className="field-error span-all" role="alert">{problem}</p>}
        </div>
      )}
    </fieldset>
  );
}
