import { useState } from 'react';
import type { ExportRequest } from '../../common/api';
import { EXPORT_FORMATS } from '../../common/exchange';
import { ARTICLE_STATUSES } from '../../common/model';
import type { ArticleStatus, OffsetUnit } from '../../common/model';

interface Props {
  layers: string[];
  defaultLayer: string;
  labels: string[];
  onExport: (request: ExportRequest) => Promise<void>;
  onClose: () => void;
}

/** Export choices: format, layer, offsets, status and labels, as on the command line. */
export function ExportDialog({ layers, defaultLayer, labels, onExport, onClose }: Props) {
  const [format, setFormat] = useState<string>('native');
  const [layer, setLayer] = useState(defaultLayer);
  const [offsets, setOffsets] = useState<OffsetUnit>('codepoint');
  const [status, setStatus] = useState<ArticleStatus[]>([]);
  const [chosen, setChosen] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      await onExport({ format, layer, offsets, status: status.length ? status : undefined, labels: chosen.length ? chosen : undefined });
      onClose();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const toggle = <T,>(list: T[], item: T) => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);
  return (
    <div className="modal-backdrop" onKeyDown={(e) => { if (e.key === 'Escape') onClose(); }}>
      <form className="modal" role="dialog" aria-labelledby="export-title" onSubmit={(e) => { e.preventDefault(); void run(); }}>
        <h2 id="export-title">Export</h2>
        <label>Format
          <select value={format} onChange={(e) => setFormat(e.target.value)} aria-label="Format" autoFocus>
            {EXPORT_FORMATS.map((f) => <option key={f} value={f}>{f}</option>)}
          </select>
        </label>
        <label>Layer
          <select value={layer} onChange={(e) => setLayer(e.target.value)} aria-label="Layer">
            {[...new Set([defaultLayer, ...layers, 'gold', 'all'])].map((l) => <option key={l} value={l}>{l}</option>)}
          </select>
        </label>
        <label>Offsets
          <select value={offsets} onChange={(e) => setOffsets(e.target.value as OffsetUnit)} aria-label="Offsets">
            <option value="codepoint">code points (Python, spaCy)</option>
            <option value="utf16">UTF-16 (JavaScript)</option>
          </select>
        </label>
        <fieldset><legend>Only status (none = all)</legend>
          {ARTICLE_STATUSES.map((s) => <label key={s} className="check"><input type="checkbox" checked={status.includes(s)} onChange={() => setStatus(toggle(status, s))} />{s}</label>)}
        </fieldset>
        <fieldset><legend>Only labels (none = all)</legend>
          {labels.map((l) => <label key={l} className="check"><input type="checkbox" checked={chosen.includes(l)} onChange={() => setChosen(toggle(chosen, l))} />{l}</label>)}
        </fieldset>
        {busy && <progress aria-label="Exporting" />}
        {error && <p className="error" role="alert">{error}</p>}
        <div className="buttons">
          <button type="button" onClick={onClose}>Cancel</button>
          <button type="submit" disabled={busy}>Export</button>
        </div>
      </form>
    </div>
  );
}
