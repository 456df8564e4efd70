import { useState } from 'react';
import type { AttributeDef, LabelSchema } from '../../common/model';
import { RESERVED_KEYS } from '../state/shortcuts';

interface Row {
  orig: string | null;
  name: string;
  color: string;
  key: string;
  description: string;
  attributes: string;
}

interface RelationRow {
  name: string;
  from: string;
  to: string;
}

interface Props {
  schema: LabelSchema;
  countUse: (label: string) => Promise<{ spans: number; files: number }>;
  onSave: (schema: LabelSchema, changes: { renames: Record<string, string>; deletes: string[] }) => Promise<void>;
  onClose: () => void;
}

/** "checkworthy=yes|no|unsure; kind=direct|indirect" <-> attribute definitions. */
function attrsToText(attrs: AttributeDef[] = []): string {
  return attrs.map((a) => `${a.name}=${a.values.join('|')}`).join('; ');
}
function textToAttrs(text: string): AttributeDef[] {
  return text.split(';').map((p) => p.trim()).filter(Boolean).map((p) => {
    const [name, values = ''] = p.split('=');
    return { name: name.trim(), values: values.split('|').map((v) => v.trim()).filter(Boolean) };
  });
}
const list = (text: string) => text.split(',').map((s) => s.trim()).filter(Boolean);

const PALETTE = ['#d97706', '#2563eb', '#059669', '#6b7280', '#db2777', '#7c3aed', '#0891b2', '#65a30d'];

/** Add, rename, recolour labels, set their keys and attributes, and edit relation types. */
export function SchemaEditor({ schema, countUse, onSave, onClose }: Props) {
  const [rows, setRows] = useState<Row[]>(schema.labels.map((l) => ({ orig: l.name, name: l.name, color: l.color, key: l.key, description: l.description ?? '', attributes: attrsToText(l.attributes) })));
  const [relations, setRelations] = useState<RelationRow[]>(schema.relations.map((r) => ({ name: r.name, from: r.from.join(', '), to: r.to.join(', ') })));
  const [error, setError] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<{ label: string; spans: number; files: number }[] | null>(null);
  const [busy, setBusy] = useState(false);

  const set = (i: number, change: Partial<Row>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...change } : r)));

  const build = (): { next: LabelSchema; renames: Record<string, string>; deletes: string[] } => {
    const names = rows.map((r) => r.name);
    for (const r of rows) {
      if (!/^[A-Za-z0-9_-]{1,64}$/.test(r.name)) throw new Error(`Label "${r.name}": use letters, digits, _ and - only`);
      if (names.filter((n) => n === r.name).length > 1) throw new Error(`Label ${r.name} appears twice`);
      if (r.key && RESERVED_KEYS.includes(r.key.toLowerCase())) throw new Error(`Key "${r.key}" of ${r.name} is taken by a command (${RESERVED_KEYS.join(' ')})`);
      if (r.key && rows.filter((o) => o.key && o.key.toLowerCase() === r.key.toLowerCase()).length > 1) throw new Error(`Key "${r.key}" is used by two labels`);
      for (const a of textToAttrs(r.attributes)) if (!a.name || a.values.length === 0) throw new Error(`Attributes of ${r.name}: write name=value1|value2`);
    }
    const renames: Record<string, string> = {};
    for (const r of rows) if (r.orig && r.orig !== r.name) renames[r.orig] = r.name;
    const kept = new Set(rows.map((r) => r.orig).filter(Boolean));
    const deletes = schema.labels.map((l) => l.name).filter((n) => !kept.has(n));
    const rename = (n: string) => renames[n] ?? n;
    const nextRelations = relations.filter((r) => r.name.trim()).map((r) => ({ name: r.name.trim(), from: list(r.from).map(rename), to: list(r.to).map(rename) }));
    for (const r of nextRelations) {
      for (const l of [...r.from, ...r.to]) if (!names.includes(l)) throw new Error(`Relation ${r.name} names unknown label ${l}`);
    }
    return {
      next: {
        labels: rows.map((r) => ({ name: r.name, color: r.color, key: r.key, ...(r.description ? { description: r.description } : {}), ...(r.attributes.trim() ? { attributes: textToAttrs(r.attributes) } : {}) })),
        relations: nextRelations,
      },
      renames,
      deletes,
    };
  };

  const save = async (confirmed: boolean) => {
    setError(null);
    setBusy(true);
    try {
      const { next, renames, deletes } = build();
      if (!confirmed && deletes.length) {
        const uses = await Promise.all(deletes.map(async (label) => ({ label, ...(await countUse(label)) })));
        if (uses.some((u) => u.spans > 0)) {
          setConfirm(uses);
          return;
        }
      }
      await onSave(next, { renames, deletes });
      onClose();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="modal-backdrop" onKeyDown={(e) => { if (e.key === 'Escape') onClose(); }}>
      <form className="modal schema-editor" role="dialog" aria-labelledby="schema-title" onSubmit={(e) => { e.preventDefault(); void save(false); }}>
        <h2 id="schema-title">Label schema</h2>
        <table>
          <thead><tr><th>Name</th><th>Colour</th><th>Key</th><th>Attributes (name=a|b; …)</th><th>Description</th><th /></tr></thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i} data-testid="schema-row">
                <td><input aria-label={`Label ${i + 1} name`} value={r.name} onChange={(e) => set(i, { name: e.target.value.trim() })} /></td>
                <td><input type="color" aria-label={`Label ${i + 1} colour`} value={r.color} onChange={(e) => set(i, { color: e.target.value })} /></td>
                <td><input aria-label={`Label ${i + 1} key`} value={r.key} maxLength={1} size={2} onChange={(e) => set(i, { key: e.target.value })} /></td>
                <td><input aria-label={`Label ${i + 1} attributes`} value={r.attributes} onChange={(e) => set(i, { attributes: e.target.value })} /></td>
                <td><input aria-label={`Label ${i + 1} description`} value={r.description} onChange={(e) => set(i, { description: e.target.value })} /></td>
                <td><button type="button" aria-label={`Delete label ${r.name}`} onClick={() => setRows(rows.filter((_, j) => j !== i))}>Delete</button></td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" onClick={() => setRows([...rows, { orig: null, name: `LABEL${rows.length + 1}`, color: PALETTE[rows.length % PALETTE.length], key: '', description: '', attributes: '' }])}>Add label</button>
        <h3>Relation types</h3>
        {relations.map((r, i) => (
          <div key={i} className="relation-row">
            <input aria-label={`Relation ${i + 1} name`} value={r.name} onChange={(e) => setRelations(relations.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))} />
            from <input aria-label={`Relation ${i + 1} from labels`} value={r.from} onChange={(e) => setRelations(relations.map((x, j) => (j === i ? { ...x, from: e.target.value } : x)))} />
            to <input aria-label={`Relation ${i + 1} to labels`} value={r.to} onChange={(e) => setRelations(relations.map((x, j) => (j === i ? { ...x, to: e.target.value } : x)))} />
            <button type="button" onClick={() => setRelations(relations.filter((_, j) => j !== i))} aria-label={`Delete relation ${r.name}`}>Delete</button>
          </div>
        ))}
        <button type="button" onClick={() => setRelations([...relations, { name: 'RELATED_TO', from: '', to: '' }])}>Add relation type</button>
        {error && <p className="error" role="alert">{error}</p>}
        {confirm && (
          <div className="confirm" role="alertdialog" aria-label="Confirm deleting labels">
            {confirm.map((c) => <p key={c.label}>Deleting {c.label} removes {c.spans} span(s) in {c.files} file(s), in every layer.</p>)}
            <button type="button" onClick={() => void save(true)} disabled={busy}>Delete and save</button>
            <button type="button" onClick={() => setConfirm(null)}>Keep them</button>
          </div>
        )}
        <div className="buttons">
          <button type="button" onClick={onClose}>Cancel</button>
          <button type="submit" disabled={busy}>Save schema</button>
        </div>
      </form>
    </div>
  );
}
