import { SHORTCUT_HELP } from '../shortcuts';
import { Dialog } from './Dialog';

export function HelpOverlay({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} className="dialog--help">
      <table className="shortcut-table">
        <thead>
          <tr><th scope="col">Key</th><th scope="col">Does</th></tr>
        </thead>
        <tbody>
          {SHORTCUT_HELP.map((s) => (
            <tr key={s.keys}><td><kbd>{s.keys}</kbd></td><td>{s.does}</td></tr>
          ))}
        </tbody>
      </table>
      <p className="muted">Drag across times to create an entry; drag an entry to move it; drag its edge to change its length.</p>
    </Dialog>
  );
}
