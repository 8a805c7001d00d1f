import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorMessage, Loading, useFormat } from '../../components/ui.tsx';
import { useRegistryLabels } from '../labels.ts';
import type { Kind, ViewDef } from '../types.ts';
import {
  filterFields,
  listHref,
  useMeasureLabel,
  useOrgLabels,
  useStats,
  useValueLabels,
} from './common.tsx';
import { ScaleLegend, ViewFilters } from './parts.tsx';
import { classes, colourOf, textOn, toCsv } from './scale.ts';

/** Organisations × the values of one field: counts or sums, a heat scale, totals, CSV. */
export function MatrixView({ kind, view }: { kind: Kind; view: ViewDef }) {
  const { t } = useTranslation();
  const labels = useRegistryLabels();
  const fmt = useFormat();
  const [params] = useSearchParams();
  const field = kind.fields.find((f) => f.name === view.field);
  const groupBy = field?.name ?? kind.filters[0]!;
  const offered = filterFields(kind, [groupBy]);
  const filters = Object.fromEntries(
    offered.map((f) => [f.name, params.get(f.name) ?? '']).filter(([, v]) => v),
  ) as Record<string, string>;
  const stats = useStats(kind.name, view, groupBy, filters);
  const values = useValueLabels(field);
  const orgs = useOrgLabels();
  const measure = useMeasureLabel(kind, view);
  const fieldLabel = field ? labels.field(field) : groupBy;

  const m = useMemo(() => {
    const cells = stats.data?.cells ?? [];
    const byKey = new Map<string, number>();
    const seenOrgs = new Set<string>();
    const seenValues = new Set<string>();
    for (const c of cells) {
      if (c.value === null) continue;
      byKey.set(`${c.organisation}|${c.value}`, (byKey.get(`${c.organisation}|${c.value}`) ?? 0) + c.measure);
      seenOrgs.add(c.organisation);
      seenValues.add(c.value);
    }
    // Every Member State is a row (gaps show), every code of the list a column.
    const rows = [...new Set([...orgs.national, ...seenOrgs])];
    const cols = [...new Set([...values.codes, ...seenValues])];
    const value = (o: string, v: string) => byKey.get(`${o}|${v}`) ?? 0;
    const rowTotal = (o: string) => cols.reduce((n, v) => n + value(o, v), 0);
    const colTotal = (v: string) => rows.reduce((n, o) => n + value(o, v), 0);
    const total = rows.reduce((n, o) => n + rowTotal(o), 0);
    const max = Math.max(0, ...byKey.values());
    return { rows, cols, value, rowTotal, colTotal, total, max };
  }, [stats.data, orgs.national, values.codes]);

  if (stats.error) return <ErrorMessage error={stats.error} />;
  if (stats.isLoading || orgs.loading || values.loading) return <Loading />;

  const scale = classes(m.max);
  const rowsSorted = [...m.rows].sort((a, b) => orgs.label(a).localeCompare(orgs.label(b)));
  const colsSorted = [...m.cols].sort((a, b) => values.label(a).localeCompare(values.label(b)));
  const cellFilters = (o: string, v: string) => ({ ...filters, owner: o, [groupBy]: v });

  function download() {
    const head = [
      t('registryViews.matrix.organisation'),
      ...colsSorted.map(values.label),
      t('registryViews.total'),
    ];
    const body = rowsSorted.map((o) => [
      `${orgs.label(o)} (${o})`,
      ...colsSorted.map((v) => m.value(o, v)),
      m.rowTotal(o),
    ]);
    const foot = [t('registryViews.total'), ...colsSorted.map(m.colTotal), m.total];
    const blob = new Blob([toCsv([head, ...body, foot])], { type: 'text/csv;charset=utf-8' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `${kind.name}-${groupBy}-matrix.csv`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }

  return (
    <>
      <ViewFilters fields={offered} />
      <div className="table-toolbar">
        <p className="result-count">
          {t('registryViews.matrix.summary', { measure: measure.label, total: fmt.number(m.total) })}
        </p>
        <button type="button" className="button button-secondary button-small" onClick={download}>
          {t('registryViews.matrix.exportCsv')}
        </button>
      </div>
      <ScaleLegend scale={scale} title={measure.label} />
      <p className="hint">{t('registryViews.matrix.hint')}</p>
      <div className="table-wrap matrix-wrap">
        <table className="matrix">
          <caption>
            {t('registryViews.matrix.caption', { field: fieldLabel, measure: measure.label })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('registryViews.matrix.organisation')}</th>
              {colsSorted.map((v) => (
                <th key={v} scope="col">
                  {values.label(v)}
                </th>
              ))}
              <th scope="col">{t('registryViews.total')}</th>
            </tr>
          </thead>
          <tbody>
            {rowsSorted.map((o) => (
              <tr key={o}>
                <th scope="row">
                  {orgs.label(o)} <span className="muted">({o})</span>
                </th>
                {colsSorted.map((v) => {
                  const n = m.value(o, v);
                  const fill = colourOf(n, scale);
                  return (
                    <td
                      key={v}
                      className="matrix-cell"
                      style={n ? { background: fill, color: textOn(fill) } : undefined}
                    >
                      {n ? (
                        <Link
                          to={listHref(kind.name, cellFilters(o, v))}
                          style={{ color: textOn(fill) }}
                          aria-label={t('registryViews.matrix.cellLabel', {
                            org: orgs.label(o),
                            value: values.label(v),
                            n: fmt.number(n),
                          })}
                        >
                          {fmt.number(n)}
                        </Link>
                      ) : (
                        <span className="matrix-zero">0</span>
                      )}
                    </td>
                  );
                })}
                <td className="matrix-total">{fmt.number(m.rowTotal(o))}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('registryViews.total')}</th>
              {colsSorted.map((v) => (
                <td key={v} className="matrix-total">
                  {fmt.number(m.colTotal(v))}
                </td>
              ))}
              <td className="matrix-total">{fmt.number(m.total)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
}
