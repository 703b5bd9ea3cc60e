import { useT } from '../i18n/t';
import { SHORTCUT_HELP } from '../shortcuts';
import { Dialog } from '../ui/Dialog';

/** Help: the keyboard shortcuts and how to work the calendar with the mouse or a finger. */
export function HelpDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  return (
    <Dialog title={t('help.title')} onClose={onClose} className="dialog--help">
      <table className="shortcut-table">
        <thead>
          <tr><th scope="col">{t('help.key')}</th><th scope="col">{t('help.does')}</th></tr>
        </thead>
        <tbody>
          {SHORTCUT_HELP.map((s) => (
            <tr key={s.keys}><td><kbd>{s.keys}</kbd></td><td>{t(s.does, s.view ? { view: t(s.view) } : undefined)}</td></tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{t('help.mouse')}</p>
    </Dialog>
  );
}
