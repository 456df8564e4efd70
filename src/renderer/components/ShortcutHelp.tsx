import { SHORTCUTS } from '../state/shortcuts';
import type { LabelSchema } from '../../common/model';

/** The ? overlay: every shortcut, with this project's label keys. */
export function ShortcutHelp({ schema, onClose }: { schema: LabelSchema; onClose: () => void }) {
  return (
    <div className="modal-backdrop" onClick={onClose} onKeyDown={(e) => { if (e.key === 'Escape' || e.key === '?') onClose(); }}>
      <div className="modal help" role="dialog" aria-labelledby="help-title" onClick={(e) => e.stopPropagation()}>
        <h2 id="help-title">Keyboard shortcuts</h2>
        <table>
          <tbody>
            {schema.labels.map((l) => <tr key={l.name}><td><kbd>{l.key || '—'}</kbd></td><td>label as {l.name}</td></tr>)}
            {SHORTCUTS.map((s) => <tr key={s.keys}><td><kbd>{s.keys}</kbd></td><td>{s.action}</td></tr>)}
          </tbody>
        </table>
        <button autoFocus onClick={onClose}>Close</button>
      </div>
    </div>
  );
}
