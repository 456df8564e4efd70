import { useEffect, useState } from 'react';
import type { GlossClient } from '../api/client';

/**
 * The project's guidelines.md beside the article, as plain text (white space kept). Never
 * rendered as HTML or Markdown: the file is shown exactly as written.
 */
export function GuidelinesPanel({ client, onClose }: { client: GlossClient; onClose: () => void }) {
  const [state, setState] = useState<{ text: string | null; error?: string } | undefined>(undefined);
  useEffect(() => {
    let stale = false;
    client.getGuidelines().then(
      (text) => !stale && setState({ text }),
      (e: Error) => !stale && setState({ text: null, error: e.message }),
    );
    return () => {
      stale = true;
    };
  }, [client]);
  return (
    <aside className="guidelines-panel" aria-label="Guidelines" data-testid="guidelines">
      <header>
        <h2>Guidelines</h2>
        <button onClick={onClose} aria-label="Close the guidelines">×</button>
      </header>
      {state === undefined && <p className="hint">Loading…</p>}
      {state?.error && <p className="error">{state.error}</p>}
      {state && !state.error && state.text === null && <p className="hint">This project has no guidelines.md. Write one in the project folder to show it here.</p>}
      {state?.text && <pre className="guidelines-text">{state.text}</pre>}
    </aside>
  );
}
