/** One bar: a series name, its value (null where undefined) and colour. */
export interface Bar {
  series: string;
  value: number | null;
  color: string;
}

/** One row of the chart: a name and its bars, one per series. */
export interface BarRow {
  key: string;
  name: string;
  bars: Bar[];
  onClick?: () => void;
}

interface Props {
  title: string;
  rows: BarRow[];
  /** Value range of the axis; values outside are clipped. */
  min: number;
  max: number;
  format: (value: number | null) => string;
  testId?: string;
}

const WIDTH = 560;
const NAME_WIDTH = 170;
const VALUE_WIDTH = 56;
const BAR_HEIGHT = 12;
const GAP = 10;

/**
 * A horizontal bar chart in plain SVG: a row per name, one bar per series, the value printed at
 * the bar's end (`n/a` for undefined measures, with no bar). The axis runs from `min` (below
 * zero for kappa and alpha_u, which can be negative) to `max`, with a line at zero.
 */
export function BarChart({ title, rows, min, max, format, testId }: Props) {
  const plot = WIDTH - NAME_WIDTH - VALUE_WIDTH;
  const x = (v: number) => NAME_WIDTH + ((Math.min(max, Math.max(min, v)) - min) / (max - min || 1)) * plot;
  const zero = x(0);
  let y = 18;
  const items = rows.map((row) => {
    const top = y;
    y += row.bars.length * BAR_HEIGHT + GAP;
    return { row, top };
  });
  const height = y + 4;
  return (
    <svg className="bar-chart" width={WIDTH} height={height} viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={title} data-testid={testId}>
      <title>{title}</title>
      <text x={NAME_WIDTH} y={11} className="axis">{format(min)}</text>
      <text x={NAME_WIDTH + plot} y={11} className="axis" textAnchor="end">{format(max)}</text>
      {min < 0 && <line x1={zero} x2={zero} y1={14} y2={height - 4} className="zero" />}
      {items.map(({ row, top }) => (
        <g key={row.key} className={row.onClick ? 'clickable' : undefined} onClick={row.onClick} data-row={row.key}>
          <text x={NAME_WIDTH - 6} y={top + (row.bars.length * BAR_HEIGHT) / 2 + 4} textAnchor="end" className="name">
            {row.name.length > 24 ? `${row.name.slice(0, 23)}…` : row.name}<title>{row.name}</title>
          </text>
          {row.bars.map((bar, i) => {
            const by = top + i * BAR_HEIGHT;
            const label = `${row.name}${row.bars.length > 1 ? `, ${bar.series}` : ''}: ${format(bar.value)}`;
            if (bar.value === null) {
              return <text key={bar.series} x={zero + 4} y={by + BAR_HEIGHT - 2} className="na"><title>{label}</title>{format(null)}</text>;
            }
            const a = Math.min(zero, x(bar.value));
            const b = Math.max(zero, x(bar.value));
            return (
              <g key={bar.series}>
                <rect x={a} y={by + 1} width={Math.max(1, b - a)} height={BAR_HEIGHT - 2} fill={bar.color}><title>{label}</title></rect>
                <text x={NAME_WIDTH + plot + 4} y={by + BAR_HEIGHT - 2} className="value">{format(bar.value)}</text>
              </g>
            );
          })}
        </g>
      ))}
    </svg>
  );
}
