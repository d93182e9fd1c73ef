export interface Bar {
  label: string;
  value: number;
  /** A second, larger value drawn as a whisker past the bar (the p90 past the median). */
  whisker?: number;
  /** What the bar's end says ("1.2 s", "25 %"). */
  text: string;
  tone?: 'neutral' | 'danger';
}

const WIDTH = 760;
const LABELS = 200;
const ROW = 26;

/**
 * Horizontal bars, drawn by hand in SVG (no chart library): a picture for the eye, hidden from screen
 * readers, which read the table next to it instead (the caller shows one).
 */
export function BarChart({ bars, title, testId }: { bars: readonly Bar[]; title: string; testId: string }) {
  const max = Math.max(1e-9, ...bars.map((bar) => Math.max(bar.value, bar.whisker ?? 0)));
  // Room on the right for the value text ("1 min 20 s / 2 min 30 s").
  const room = WIDTH - LABELS - 180;
  const x = (value: number) => LABELS + (value / max) * room;
  return (
    <svg className="bar-chart" viewBox={`0 0 ${WIDTH} ${bars.length * ROW + 8}`} aria-hidden="true" data-testid={testId} data-title={title}>
      {bars.map((bar, row) => {
        const y = row * ROW + 4;
        return (
          <g key={bar.label}>
            <text className="bc-label" x={LABELS - 8} y={y + 14} textAnchor="end">
              {bar.label}
            </text>
            <rect className={`bc-bar bc-${bar.tone ?? 'neutral'}`} x={LABELS} y={y + 3} width={Math.max(bar.value > 0 ? 2 : 0, x(bar.value) - LABELS)} height={ROW - 10} rx="2" />
            {bar.whisker !== undefined && bar.whisker > bar.value && <line className="bc-whisker" x1={x(bar.value)} x2={x(bar.whisker)} y1={y + ROW / 2 - 1} y2={y + ROW / 2 - 1} />}
            {bar.whisker !== undefined && <line className="bc-whisker" x1={x(bar.whisker)} x2={x(bar.whisker)} y1={y + 5} y2={y + ROW - 7} />}
            <text className="bc-value" x={x(Math.max(bar.value, bar.whisker ?? 0)) + 6} y={y + 14}>
              {bar.text}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
