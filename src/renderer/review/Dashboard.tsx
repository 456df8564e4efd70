import { useState } from 'react';
import type { AgreementReport } from '../../common/agreement';
import { OVERALL_KEYS, SCORE_KEYS, SCORE_TITLES, formatScore, kappaName } from '../../common/review/formatAgreement';
import type { OverallKey, ScoreKey } from '../../common/review/formatAgreement';
import { BarChart } from './BarChart';
import type { BarRow } from './BarChart';

interface Props {
  report: AgreementReport;
  warnings: string[];
  /** Article titles by id, for the ranking. */
  titles: ReadonlyMap<string, string>;
  onOpenArticle: (id: string) => void;
}

/** Colours of the series (layer pairs; "all layers" first). */
const SERIES_COLORS = ['#2563eb', '#d97706', '#059669', '#7c3aed', '#db2777', '#0891b2', '#65a30d', '#6b7280'];

/** Where a measure's axis starts: kappa and alpha_u can be negative. */
function axisMin(key: OverallKey, values: (number | null)[]): number {
  if (key === 'kappa' || key === 'alpha_u') return Math.min(0, Math.floor(Math.min(0, ...values.filter((v): v is number => v !== null)) * 4) / 4);
  return 0;
}

/** A figure as shown: three decimals or n/a, with the exact value kept for anyone to check. */
function Figure({ value, testId, format = formatScore }: { value: number | null; testId: string; format?: (v: number | null) => string }) {
  return <span className="figure" data-testid={testId} data-value={value === null ? 'null' : String(value)}>{format(value)}</span>;
}

/**
 * The agreement dashboard: the figures of `gloss agreement` for the chosen layers (overall, per
 * label, per pair, per article with articles ranked by disagreement), with bar charts.
 */
export function Dashboard({ report, warnings, titles, onOpenArticle }: Props) {
  const [measure, setMeasure] = useState<ScoreKey>('f1_overlap');
  const labels = Object.keys(report.by_label);
  const many = report.layers.length > 2;
  const series = [...(many ? [{ name: 'all layers', color: SERIES_COLORS[0] }] : []), ...report.pairs.map((p, i) => ({ name: `${p.a} / ${p.b}`, color: SERIES_COLORS[(i + (many ? 1 : 0)) % SERIES_COLORS.length] }))];

  const labelRows: BarRow[] = labels.map((label) => ({
    key: label,
    name: label,
    bars: [
      ...(many ? [{ series: 'all layers', value: report.by_label[label][measure], color: SERIES_COLORS[0] }] : []),
      ...report.pairs.map((p, i) => ({ series: `${p.a} / ${p.b}`, value: p.by_label[label]?.[measure] ?? null, color: SERIES_COLORS[(i + (many ? 1 : 0)) % SERIES_COLORS.length] })),
    ],
  }));
  const pairRows: BarRow[] = report.pairs.map((p, i) => ({
    key: `${p.a}/${p.b}`,
    name: `${p.a} / ${p.b}`,
    bars: [{ series: SCORE_TITLES[measure], value: p.overall[measure], color: SERIES_COLORS[(i + (many ? 1 : 0)) % SERIES_COLORS.length] }],
  }));
  const maxDisagreements = Math.max(1, ...report.by_article.map((a) => a.disagreements));
  const ranked = report.by_article.slice(0, 50);
  const articleRows: BarRow[] = ranked.map((a) => ({
    key: a.id,
    name: titles.get(a.id) || a.id,
    bars: [{ series: 'disagreements', value: a.disagreements, color: '#cf222e' }],
    onClick: () => onOpenArticle(a.id),
  }));
  const articleMeasureRows: BarRow[] = ranked.map((a) => ({
    key: a.id,
    name: titles.get(a.id) || a.id,
    bars: [{ series: SCORE_TITLES[measure], value: a[measure], color: '#2563eb' }],
    onClick: () => onOpenArticle(a.id),
  }));
  const all = (key: OverallKey) => [
    ...labels.map((l) => (key === 'attribution' ? null : report.by_label[l][key])),
    ...report.pairs.map((p) => p.overall[key]),
    ...report.by_article.map((a) => (key === 'attribution' ? null : a[key])),
  ];
  const min = axisMin(measure, all(measure));

  return (
    <div className="dashboard" data-testid="dashboard">
      <p className="hint">
        Layers {report.layers.join(', ')} over {report.by_article.length} article{report.by_article.length === 1 ? '' : 's'}.
        Kappa is {kappaName(report.layers.length)}{many ? '; F1 and attribution are means over pairs' : ''}. n/a: undefined
        (e.g. no span of the label in any layer). The same figures as <code>gloss agreement</code>; docs/agreement.md defines them.
      </p>
      {warnings.length > 0 && <div className="problems" role="alert">{warnings.map((w) => <p key={w}>{w}</p>)}</div>}

      <section aria-label="Overall agreement">
        <h2>Overall</h2>
        <dl className="overall">
          {OVERALL_KEYS.map((key) => (
            <div key={key}>
              <dt>{SCORE_TITLES[key]}</dt>
              <dd><Figure value={report.overall[key]} testId={`overall-${key}`} /></dd>
            </div>
          ))}
        </dl>
      </section>

      <label className="measure-pick">Plot{' '}
        <select aria-label="Measure plotted" value={measure} onChange={(e) => setMeasure(e.target.value as ScoreKey)}>
          {SCORE_KEYS.map((k) => <option key={k} value={k}>{SCORE_TITLES[k]}</option>)}
        </select>
      </label>

      <section aria-label="Agreement per label">
        <h2>Per label</h2>
        <table className="figures">
          <thead><tr><th>label</th>{SCORE_KEYS.map((k) => <th key={k}>{SCORE_TITLES[k]}</th>)}</tr></thead>
          <tbody>
            {labels.map((label) => (
              <tr key={label} data-testid="label-row" data-label={label}>
                <th scope="row">{label}</th>
                {SCORE_KEYS.map((k) => <td key={k}><Figure value={report.by_label[label][k]} testId={`label-${label}-${k}`} /></td>)}
              </tr>
            ))}
          </tbody>
        </table>
        {labels.length > 0 && (
          <>
            {series.length > 1 && <Legend series={series} />}
            <BarChart title={`${SCORE_TITLES[measure]} per label${series.length > 1 ? ' and pair' : ''}`} rows={labelRows} min={min} max={1} format={formatScore} testId="chart-labels" />
          </>
        )}
      </section>

      <section aria-label="Agreement per pair">
        <h2>Per pair of layers</h2>
        <table className="figures">
          <thead><tr><th>pair</th>{OVERALL_KEYS.map((k) => <th key={k}>{SCORE_TITLES[k]}</th>)}</tr></thead>
          <tbody>
            {report.pairs.map((p) => (
              <tr key={`${p.a}/${p.b}`} data-testid="pair-row">
                <th scope="row">{p.a} / {p.b}</th>
                {OVERALL_KEYS.map((k) => <td key={k}><Figure value={p.overall[k]} testId={`pair-${p.a}-${p.b}-${k}`} /></td>)}
              </tr>
            ))}
          </tbody>
        </table>
        {pairRows.length > 1 && <BarChart title={`${SCORE_TITLES[measure]} per pair of layers`} rows={pairRows} min={min} max={1} format={formatScore} testId="chart-pairs" />}
      </section>

      <section aria-label="Articles ranked by disagreement">
        <h2>Articles by disagreement{report.by_article.length > ranked.length ? ` (top ${ranked.length} of ${report.by_article.length})` : ''}</h2>
        <div className="charts">
          <BarChart title="Disagreements per article" rows={articleRows} min={0} max={maxDisagreements} format={(v) => (v === null ? 'n/a' : String(Math.round(v)))} testId="chart-articles" />
          <BarChart title={`${SCORE_TITLES[measure]} per article`} rows={articleMeasureRows} min={min} max={1} format={formatScore} testId="chart-article-measure" />
        </div>
        <table className="figures">
          <thead><tr><th>article</th><th>disagreements</th>{SCORE_KEYS.map((k) => <th key={k}>{SCORE_TITLES[k]}</th>)}</tr></thead>
          <tbody>
            {ranked.map((a) => (
              <tr key={a.id} data-testid="article-row" data-article-id={a.id}>
                <th scope="row"><button className="link" onClick={() => onOpenArticle(a.id)} title={a.id}>{titles.get(a.id) || a.id}</button></th>
                <td><Figure value={a.disagreements} testId={`article-${a.id}-disagreements`} format={String} /></td>
                {SCORE_KEYS.map((k) => <td key={k}><Figure value={a[k]} testId={`article-${a.id}-${k}`} /></td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

function Legend({ series }: { series: { name: string; color: string }[] }) {
  return (
    <p className="legend">
      {series.map((s) => <span key={s.name}><span className="legend-swatch" style={{ background: s.color }} /> {s.name}</span>)}
    </p>
  );
}
