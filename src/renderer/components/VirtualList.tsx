import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';

interface Props<T> {
  items: T[];
  rowHeight: number;
  /** Index to keep in view (the selected row). */
  focusIndex?: number;
  className?: string;
  label: string;
  renderRow: (item: T, index: number) => ReactNode;
}

const OVERSCAN = 8;

/**
 * A list that renders only the rows in and near the viewport, so 2,000 spans or 10,000 articles
 * cost what 30 do. Rows have a fixed height.
 */
export function VirtualList<T>({ items, rowHeight, focusIndex, className, label, renderRow }: Props<T>) {
  const box = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 800 });

  useEffect(() => {
    const el = box.current!;
    const measure = () => setView({ top: el.scrollTop, height: el.clientHeight || 800 });
    measure();
    el.addEventListener('scroll', measure, { passive: true });
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => {
      el.removeEventListener('scroll', measure);
      observer.disconnect();
    };
  }, []);

  useEffect(() => {
    const el = box.current;
    if (!el || focusIndex === undefined || focusIndex < 0) return;
    const top = focusIndex * rowHeight;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + rowHeight > el.scrollTop + el.clientHeight) el.scrollTop = top + rowHeight - el.clientHeight;
  }, [focusIndex, rowHeight]);

  const first = Math.max(0, Math.floor(view.top / rowHeight) - OVERSCAN);
  const last = Math.min(items.length, Math.ceil((view.top + view.height) / rowHeight) + OVERSCAN);
  const rows: ReactNode[] = [];
  for (let i = first; i < last; i++) rows.push(renderRow(items[i], i));
  return (
    <div className={`virtual-list ${className ?? ''}`} ref={box} aria-label={label} role="region">
      <ul style={{ height: items.length * rowHeight, position: 'relative' }}>
        <li aria-hidden="true" style={{ height: first * rowHeight, padding: 0, border: 0 }} />
        {rows}
      </ul>
    </div>
  );
}
