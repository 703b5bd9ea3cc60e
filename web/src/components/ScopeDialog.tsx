import type { OccurrenceScope } from '../endpoints';
import { useT, type MessageId } from '../i18n/t';
import { Dialog } from '../ui/Dialog';

interface Props {
  title: string;
  /** "Move which occurrences?" */
  question: string;
  /** Scopes offered; "all" is left out where it would be ambiguous (a drag of one occurrence). */
  scopes: OccurrenceScope[];
  onChoose: (scope: OccurrenceScope | null) => void;
}

const LABELS: Record<OccurrenceScope, MessageId> = { this: 'scope.this', following: 'scope.following', all: 'scope.all' };

/** Asks which occurrences of a repeating entry a change or deletion applies to. */
export function ScopeDialog({ title, question, scopes, onChoose }: Props) {
  const t = useT();
  return (
    <Dialog title={title} onClose={() => onChoose(null)}>
      <p>{question}</p>
      <div className="scope-choices">
        {scopes.map((scope) => (
          <button key={scope} type="button" className={scope === 'this' ? 'primary' : ''} onClick={() => onChoose(scope)}>{t(LABELS[scope])}</button>
        ))}
        <button type="button" onClick={() => onChoose(null)}>{t('common.cancel')}</button>
      </div>
    </Dialog>
  );
}
