import type { OccurrenceScope } from '../endpoints';
import { Dialog } from './Dialog';

interface Props {
  title: string;
  action: string;
  /** Scopes offered; "all" is left out where it would be ambiguous (a drag of one occurrence). */
  scopes: OccurrenceScope[];
  onChoose: (scope: OccurrenceScope | null) => void;
}

const LABELS: Record<OccurrenceScope, string> = {
  this: 'Only this occurrence',
  following: 'This and the following ones',
  all: 'All occurrences',
};

/** Asks which occurrences of a repeating entry a change or deletion applies to. */
export function ScopeDialog({ title, action, scopes, onChoose }: Props) {
  return (
    <Dialog title={title} onClose={() => onChoose(null)}>
      <p>This entry repeats. {action} which occurrences?</p>
      <div className="scope-choices">
        {scopes.map((scope) => (
          <button key={scope} type="button" className={scope === 'this' ? 'primary' : ''} onClick={() => onChoose(scope)}>{LABELS[scope]}</button>
        ))}
        <button type="button" onClick={() => onChoose(null)}>Cancel</button>
      </div>
    </Dialog>
  );
}
