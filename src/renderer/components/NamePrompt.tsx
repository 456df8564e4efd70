import { useState } from 'react';
import { LAYER_NAME_PATTERN } from '../../common/model';

/** Asks the annotator's name once; it names their layer. */
export function NamePrompt({ onSubmit }: { onSubmit: (name: string) => Promise<void> }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    if (!LAYER_NAME_PATTERN.test(name)) {
      setError('Use letters, digits, _ - . (no spaces), up to 64 characters.');
      return;
    }
    try {
      await onSubmit(name);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div className="modal-backdrop">
      <form className="modal" role="dialog" aria-labelledby="name-title" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <h2 id="name-title">Welcome to Gloss</h2>
        <p>Your name labels your annotations (your layer). You are asked once.</p>
        <label>
          Annotator name
          <input autoFocus value={name} onChange={(e) => setName(e.target.value.trim())} aria-label="Annotator name" placeholder="e.g. alice" />
        </label>
        {error && <p className="error" role="alert">{error}</p>}
        <button type="submit">Start annotating</button>
      </form>
    </div>
  );
}
