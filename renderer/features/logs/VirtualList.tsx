import { type ReactNode, useEffect, useLayoutEffect, useRef, useState } from 'react';

interface VirtualListProps {
  count: number;
  /** Every row is this tall (px): positions are computed, never measured. */
  rowHeight: number;
  /** Keep the last row in view as rows are added (live tail). */
  follow: boolean;
  /** The user scrolled away from the end (false) or back to it (true). */
  onFollowChange(follow: boolean): void;
  /** The rows on screen, [first, last). */
  onRange(first: number, last: number): void;
  renderRow(index: number): ReactNode;
  label: string;
  overscan?: number;
  testId?: string;
}

/**
 * A windowed list: a spacer as tall as all rows, and only the rows in view (plus a few) in the DOM,
 * placed absolutely. 100,000 rows cost the same as 30. Browsers cap an element's height near 33.5
 * million px, so at 32 px a row this holds about a million rows.
 */
export function VirtualList({ count, rowHeight, follow, onFollowChange, onRange, renderRow, label, overscan = 8, testId }: VirtualListProps) {
  const ref = useRef<HTMLDivElement>(null);
  const frame = useRef(0);
  const [top, setTop] = useState(0);
  const [height, setHeight] = useState(0);

  useLayoutEffect(() => {
    const element = ref.current!;
    const observer = new ResizeObserver(() => setHeight(element.clientHeight));
    observer.observe(element);
    setHeight(element.clientHeight);
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame.current);
    };
  }, []);

  useLayoutEffect(() => {
    if (!follow) return;
    const element = ref.current!;
    element.scrollTop = element.scrollHeight;
    setTop(element.scrollTop);
  }, [follow, count, height]);

  const onScroll = () => {
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      const element = ref.current;
      if (!element) return;
      setTop(element.scrollTop);
      const atEnd = element.scrollTop + element.clientHeight >= element.scrollHeight - rowHeight / 2;
      if (atEnd !== follow) onFollowChange(atEnd);
    });
  };

  const first = Math.min(count, Math.floor(top / rowHeight));
  const last = Math.min(count, Math.ceil((top + height) / rowHeight));
  useEffect(() => onRange(first, last), [first, last, onRange]);

  const rows: ReactNode[] = [];
  for (let index = Math.max(0, first - overscan); index < Math.min(count, last + overscan); index++) {
    rows.push(
      <div key={index} role="listitem" aria-setsize={count} aria-posinset={index + 1} className="virtual-row" style={{ top: index * rowHeight, height: rowHeight }}>
        {renderRow(index)}
      </div>,
    );
  }
  return (
    <div ref={ref} className="virtual-viewport" onScroll={onScroll} tabIndex={0} role="region" aria-label={`${label} (scroll with the arrow and Page keys)`} data-testid={testId}>
      <div role="list" aria-label={label} className="virtual-spacer" style={{ height: count * rowHeight }}>
        {rows}
      </div>
    </div>
  );
}
