import { useEffect, useRef } from 'react';

interface Props {
  query: string;
  hits: number;
  current: number;
  onQuery: (q: string) => void;
  onStep: (delta: number) => void;
  onClose: () => void;
}

/** Ctrl/Cmd+F: finds text in the article; Enter / Shift+Enter step through the hits. */
export function FindBar({ query, hits, current, onQuery, onStep, onClose }: Props) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  return (
    <div className="find-bar" role="search">
      <input
        ref={input}
        type="search"
        aria-label="Find in article"
        placeholder="Find in article"
        value={query}
        onChange={(e) => onQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') { e.preventDefault(); onStep(e.shiftKey ? -1 : 1); }
          if (e.key === 'Escape') { e.preventDefault(); onClose(); }
        }}
      />
      <span className="hint" data-testid="find-count" aria-live="polite">{query ? (hits ? `${current + 1} of ${hits}` : 'no hits') : ''}</span>
      <button onClick={() => onStep(-1)} aria-label="Previous hit">↑</button>
      <button onClick={() => onStep(1)} aria-label="Next hit">↓</button>
      <button onClick={onClose} aria-label="Close find">×</button>
    </div>
  );
}
