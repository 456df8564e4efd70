import { useEffect, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import type { LayerComparison } from '../../common/agreement';
import type { LabelSchema, LayerDoc } from '../../common/model';
import { describeGoldState, goldState } from '../../common/review/adjudicate';
import { excerpt } from '../components/SpanPanel';
import { KIND_COLORS } from './compareSegments';

interface Props {
  /** The article's disagreements (partial and only groups), with their index among all groups. */
  items: { group: LayerComparison; index: number }[];
  layers: readonly string[];
  docs: Readonly<Record<string, LayerDoc | undefined>>;
  gold: LayerDoc;
  schema: LabelSchema;
  /** Position in `items` of the current disagreement. */
  current: number;
  readOnly: boolean;
  onSelect: (position: number) => void;
  onChoose: (group: LayerComparison, chosen: string[]) => void;
}

const KIND_NAME = { agree: 'agreed', partial: 'overlap', only: 'only' } as const;

/**
 * The article's disagreements in reading order, as a keyboard listbox (arrows, Home, End; J/K
 * anywhere on the review screen). Each shows every layer's version and what gold holds; the
 * current one offers to accept a layer's version, all of them, or none.
 */
export function DisagreementList({ items, layers, docs, gold, schema, current, readOnly, onSelect, onChoose }: Props) {
  const listRef = useRef<HTMLOListElement>(null);
  const color = (label: string) => schema.labels.find((l) => l.name === label)?.color ?? '#999999';

  useEffect(() => {
    const el = listRef.current?.querySelector('[aria-selected="true"]');
    el?.scrollIntoView({ block: 'nearest' });
  }, [current, items.length]);

  const onKeyDown = (e: KeyboardEvent) => {
    const last = items.length - 1;
    let next: number | null = null;
    if (e.key === 'ArrowDown') next = Math.min(last, current + 1);
    else if (e.key === 'ArrowUp') next = Math.max(0, current - 1);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = last;
    if (next === null || last < 0) return;
    e.preventDefault();
    onSelect(next);
  };

  if (items.length === 0) return <p className="hint" data-testid="no-disagreements">The layers agree on everything in this article.</p>;
  return (
    <ol className="disagreements" ref={listRef} role="listbox" aria-label="Disagreements" tabIndex={0} onKeyDown={onKeyDown}
      aria-activedescendant={`disagreement-${current}`}>
      {items.map(({ group }, position) => {
        const selected = position === current;
        const state = describeGoldState(goldState(gold, group, docs, layers));
        const only = group.kind === 'only' ? layers.filter((l) => group.spans[l]?.length) : [];
        return (
          <li key={`${group.start}-${group.end}-${group.labels.join()}`} id={`disagreement-${position}`} role="option" aria-selected={selected}
            className={`disagreement${selected ? ' current' : ''}`} data-testid="disagreement" data-kind={group.kind} onClick={() => onSelect(position)}>
            <div className="dis-head">
              <span className="kind" style={{ borderColor: KIND_COLORS[group.kind], color: KIND_COLORS[group.kind] }}>
                {group.kind === 'only' ? `only ${only.join(', ')}` : KIND_NAME[group.kind]}
              </span>
              <span className="dis-text">{excerpt(group.text, 70)}</span>
            </div>
            <ul className="versions">
              {layers.map((layer) => {
                const ids = new Set(group.spans[layer] ?? []);
                const spans = (docs[layer]?.spans ?? []).filter((s) => ids.has(s.id)).sort((a, b) => a.start - b.start || b.end - a.end);
                return (
                  <li key={layer} data-testid="version" data-layer={layer}>
                    <strong>{layer}:</strong>{' '}
                    {spans.length === 0 ? <span className="hint">nothing</span> : spans.map((s) => (
                      <span key={s.id} className="version-span">
                        <span className="span-label" style={{ color: color(s.label) }}>{s.label}</span> <q>{excerpt(s.text, 50)}</q>
                      </span>
                    ))}
                  </li>
                );
              })}
            </ul>
            <span className="gold-state" data-testid="gold-state">{state}</span>
            {selected && !readOnly && (
              <div className="choose" role="group" aria-label="Resolve in gold" onClick={(e) => e.stopPropagation()}>
                {layers.map((layer, i) => (
                  <button key={layer} data-testid={`accept-${layer}`} title={`Alt+${i + 1}`} onClick={() => onChoose(group, [layer])}>
                    Accept {layer}
                  </button>
                ))}
                <button data-testid="accept-all" title="Alt+B" onClick={() => onChoose(group, [...layers])}>{layers.length === 2 ? 'Accept both' : 'Accept all'}</button>
                <button data-testid="accept-none" title="Alt+0" onClick={() => onChoose(group, [])}>Accept none</button>
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
