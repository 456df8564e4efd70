import { useState } from 'react';
import type { ImportSpansReport, ImportSpansRequest } from '../../common/api';
import type { OffsetUnit } from '../../common/model';
import { LAYER_NAME_PATTERN } from '../../common/model';

interface Props {
  defaultLayer: string;
  layers: string[];
  onImport: (request: ImportSpansRequest) => Promise<ImportSpansReport>;
  onDone: () => void;
  onClose: () => void;
}

/**
 * Import spans from a JSONL or JSON file (native, doccano, Prodigy, Label Studio) into a layer,
 * with the same choices as `gloss import`. "Check" runs the import without writing anything.
 */
export function ImportDialog({ defaultLayer, layers, onImport, onDone, onClose }: Props) {
  const [file, setFile] = useState<File | null>(null);
  const [layer, setLayer] = useState(defaultLayer);
  const [offsets, setOffsets] = useState<OffsetUnit>('codepoint');
  const [existing, setExisting] = useState<'refuse' | 'replace' | 'merge'>('refuse');
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ImportSpansReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async (dryRun: boolean) => {
    if (!file) {
      setError('Choose a file first.');
      return;
    }
    if (!LAYER_NAME_PATTERN.test(layer)) {
      setError('The layer name takes letters, digits, _ - . (not starting with a dot).');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const result = await onImport({ fileName: file.name, content: await file.text(), layer, offsets, existing, skipInvalid, dryRun });
      setReport(result);
      if (result.written && !dryRun) onDone();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="modal-backdrop" onKeyDown={(e) => { if (e.key === 'Escape') onClose(); }}>
      <form className="modal" role="dialog" aria-labelledby="import-title" onSubmit={(e) => { e.preventDefault(); void run(false); }}>
        <h2 id="import-title">Import spans</h2>
        <label>File (native, doccano, Prodigy or Label Studio JSONL / JSON)
          <input type="file" accept=".jsonl,.json,.ndjson" aria-label="File to import" onChange={(e) => { setFile(e.target.files?.[0] ?? null); setReport(null); }} />
        </label>
        <label>Into layer
          <input list="import-layers" value={layer} aria-label="Into layer" onChange={(e) => setLayer(e.target.value.trim())} />
          <datalist id="import-layers">{[...new Set([defaultLayer, ...layers, 'gold'])].map((l) => <option key={l} value={l} />)}</datalist>
        </label>
        <label>Offsets in the file (when a record does not say)
          <select value={offsets} onChange={(e) => setOffsets(e.target.value as OffsetUnit)} aria-label="Offsets in the file">
            <option value="codepoint">code points (Python, spaCy, doccano, Prodigy)</option>
            <option value="utf16">UTF-16 (JavaScript, Label Studio)</option>
          </select>
        </label>
        <label>When the layer already has spans for an article
          <select value={existing} onChange={(e) => setExisting(e.target.value as typeof existing)} aria-label="When the layer already has spans">
            <option value="refuse">refuse the import</option>
            <option value="merge">merge (no duplicates)</option>
            <option value="replace">replace them (the old file is kept as a backup)</option>
          </select>
        </label>
        <label className="check"><input type="checkbox" checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)} />Skip invalid lines and spans (each is still reported)</label>
        {busy && <progress aria-label="Importing" />}
        {error && <p className="error" role="alert">{error}</p>}
        {report && (
          <div className="import-report" role="status" data-testid="import-report">
            <p>
              {report.dryRun ? 'Check: ' : ''}
              {report.written || (report.dryRun && report.ok)
                ? `${report.spans} span(s) and ${report.relations} link(s) in ${report.articles.length} article(s) ${report.dryRun ? 'would be imported' : 'imported'} into ${report.layer}.`
                : 'Nothing was imported.'}
              {report.problems.length > 0 && ` ${report.problems.length} problem(s)${skipInvalid ? ' skipped' : ''}:`}
            </p>
            <ul>{report.problems.slice(0, 50).map((p, i) => <li key={i}>{p.line ? `line ${p.line}: ` : ''}{p.message}</li>)}</ul>
            {report.problems.length > 50 && <p>…and {report.problems.length - 50} more.</p>}
          </div>
        )}
        <div className="buttons">
          <button type="button" onClick={onClose}>Close</button>
          <button type="button" disabled={busy} onClick={() => void run(true)}>Check</button>
          <button type="submit" disabled={busy}>Import</button>
        </div>
      </form>
    </div>
  );
}
