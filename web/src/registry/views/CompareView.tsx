import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { type FormEvent, lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { UnitInfo } from '../../../../src/contract/units.ts';
import { api, qs } from '../../api.ts';
import { ErrorMessage, Loading, useFormat } from '../../components/ui.tsx';
import { FieldValue } from '../FieldValue.tsx';
import { useCodeList } from '../hooks.ts';
import { useRegistryLabels } from '../labels.ts';
import type { DescribedField, Kind, RecordDetail, RecordList, ViewDef } from '../types.ts';
import type { ChartMetric } from './CompareChart.tsx';
import { filterFields } from './common.tsx';
import { metricRows, metricShape } from './compare-data.ts';
import { ViewFilters } from './parts.tsx';

const CompareChart = lazy(() => import('./CompareChart.tsx'));
export const MAX_COMPARED = 6;

/** Fields worth a row side by side: short values (long texts, lists of objects and places stay on the record). */
function comparable(kind: Kind, view: ViewDef): DescribedField[] {
  return kind.fields.filter(
    (f) =>
      f.name !== view.field &&
      f.name !== kind.titleField &&
      !f.visibleTo &&
      !(f.type === 'text' && f.multiline) &&
      f.type !== 'mltext' &&
      f.type !== 'location' &&
      f.type !== 'object' &&
      !(f.type === 'list' && (f.of.type === 'object' || f.of.type === 'location')),
  );
}

/** Pick 2–6 records of a kind and see them side by side: a table and a chart of the measured values. */
export function CompareView({ kind, view }: { kind: Kind; view: ViewDef }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const ids = (params.get('ids') ?? '')
    .split(',')
    .filter((x) => /^[0-9a-f-]{36}$/i.test(x))
    .slice(0, MAX_COMPARED);
  const setIds = (next: string[]) => {
    const p = new URLSearchParams(params);
    if (next.length) p.set('ids', next.join(','));
    else p.delete('ids');
    setParams(p, { replace: true });
  };
  return (
    <>
      <Picker kind={kind} ids={ids} setIds={setIds} />
      {ids.length >= 2 ? (
        <Comparison kind={kind} view={view} ids={ids} setIds={setIds} />
      ) : (
        <p className="hint">{t('registryViews.compare.pickTwo', { max: MAX_COMPARED })}</p>
      )}
    </>
  );
}

function Picker({ kind, ids, setIds }: { kind: Kind; ids: string[]; setIds: (ids: string[]) => void }) {
  const { t } = useTranslation();
  const labels = useRegistryLabels();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const offered = filterFields(kind, []);
  const filters = Object.fromEntries(
    offered.map((f) => [f.name, params.get(f.name) ?? '']).filter(([, v]) => v),
  ) as Record<string, string>;
  const search = params.get('q') ?? '';
  const results = useQuery({
    queryKey: ['registry', kind.name, 'list', 'compare-picker', search, filters],
    // The list stays in place while a new search loads (no jump under the pointer).
    placeholderData: keepPreviousData,
    queryFn: () =>
      api<RecordList>(
        `/registry/${kind.name}${qs({ q: search, ...filters, limit: 20, sort: '-updated_at' })}`,
      ),
  });
  const full = ids.length >= MAX_COMPARED;
  function submit(e: FormEvent) {
    e.preventDefault();
    const p = new URLSearchParams(params);
    if (q.trim()) p.set('q', q.trim());
    else p.delete('q');
    setParams(p, { replace: true });
  }
  const toggle = (id: string, on: boolean) => setIds(on ? [...ids, id] : ids.filter((x) => x !== id));
  return (
    <section className="card compare-picker" aria-labelledby="compare-picker-title">
      <h2 id="compare-picker-title">
        {t('registryViews.compare.pickTitle', { kind: labels.kindPlural(kind) })}
      </h2>
      <form className="filter-row" onSubmit={submit}>
        <div className="field">
          <label htmlFor="compare-q">{t('registryViews.compare.search')}</label>
          <input id="compare-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </div>
        <div className="filter-buttons">
          <button type="submit" className="button button-secondary">
            {t('registryViews.compare.searchButton')}
          </button>
        </div>
      </form>
      <ViewFilters fields={offered} />
      {results.error ? (
        <ErrorMessage error={results.error} />
      ) : results.isLoading ? (
        <Loading />
      ) : (
        <fieldset className="fieldset">
          <legend>
            {t('registryViews.compare.results', {
              count: results.data?.total ?? 0,
              selected: ids.length,
              max: MAX_COMPARED,
            })}
          </legend>
          {full && <p className="hint">{t('registryViews.compare.full', { max: MAX_COMPARED })}</p>}
          <ul className="compare-results">
            {(results.data?.items ?? []).map((r) => {
              const on = ids.includes(r.id);
              return (
                <li key={r.id}>
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      checked={on}
                      disabled={!on && full}
                      onChange={(e) => toggle(r.id, e.target.checked)}
                    />
                    <span>
                      {r.title} <span className="muted">({r.owner_org_code})</span>
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
        </fieldset>
      )}
      {ids.length > 0 && (
        <p>
          <button type="button" className="link-button" onClick={() => setIds([])}>
            {t('registryViews.compare.clear')}
          </button>
        </p>
      )}
    </section>
  );
}

function Comparison({
  kind,
  view,
  ids,
  setIds,
}: {
  kind: Kind;
  view: ViewDef;
  ids: string[];
  setIds: (ids: string[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? i18n.language;
  const labels = useRegistryLabels();
  const fmt = useFormat();
  const records = useQueries({
    queries: ids.map((id) => ({
      queryKey: ['registry', 'record', kind.name, id],
      queryFn: () => api<RecordDetail>(`/registry/${kind.name}/${id}`),
      staleTime: 30_000,
    })),
  });
  const field = kind.fields.find((f) => f.name === view.field);
  const shape = metricShape(field);
  const unitList = useCodeList(shape ? 'unit' : undefined);
  const metricList = useCodeList(shape?.metricList);
  const codeLabel = (list: typeof unitList, code: string) =>
    labels.code(
      list.data?.codes.find((c) => c.code === code),
      code,
    );
  const loaded = records.every((r) => r.data);
  const data = records.map((r) => r.data).filter((r): r is RecordDetail => !!r);
  const units = Object.fromEntries(
    (unitList.data?.codes ?? []).map((c) => [c.code, c.meta as unknown as UnitInfo]),
  );
  const rows =
    shape && loaded && unitList.data
      ? metricRows(
          shape,
          data.map((d) => d.data),
          field!.name,
          units,
        )
      : [];
  const chart: ChartMetric[] = rows.map((r) => {
    const title = `${codeLabel(metricList, r.metric)} (${codeLabel(unitList, r.unit)})`;
    const bars = r.cells.map((c, i) => ({ name: data[i]!.title, value: c?.value ?? null }));
    return {
      key: r.metric,
      title,
      unit: codeLabel(unitList, r.unit),
      bars,
      description: t('registryViews.compare.chartText', {
        metric: title,
        values: bars
          .map(
            (b) =>
              `${b.name}: ${b.value === null ? t('registryViews.compare.noValue') : fmt.number(b.value)}`,
          )
          .join('; '),
      }),
    };
  });
  const failed = records.find((r) => r.error);
  if (failed) return <ErrorMessage error={failed.error} />;
  if (!loaded) return <Loading />;
  const fields = comparable(kind, view);
  return (
    <section className="compare" aria-labelledby="compare-title">
      <h2 id="compare-title">{t('registryViews.compare.sideBySide')}</h2>
      <div className="table-wrap">
        <table className="compare-table">
          <caption>{t('registryViews.compare.caption', { count: data.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('registryViews.compare.field')}</th>
              {data.map((r) => (
                <th scope="col" key={r.id}>
                  <Link to={`/registry/${kind.name}/${r.id}`}>{r.title}</Link>{' '}
                  <span className="muted">({r.owner_org_code})</span>
                  <br />
                  <button
                    type="button"
                    className="link-button compare-remove"
                    onClick={() => setIds(ids.filter((x) => x !== r.id))}
                  >
                    {t('registryViews.compare.remove', { title: r.title })}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {fields.map((f) => (
              <tr key={f.name}>
                <th scope="row">{labels.field(f)}</th>
                {data.map((r) => (
                  <td key={r.id}>
                    <FieldValue kind={kind.name} name={f.name} spec={f} value={r.data[f.name]} />
                  </td>
                ))}
              </tr>
            ))}
            {shape && rows.length > 0 && (
              <tr className="compare-group">
                <th scope="colgroup" colSpan={data.length + 1}>
                  {labels.field(field!)}{' '}
                  <span className="muted">{t('registryViews.compare.commonUnit')}</span>
                </th>
              </tr>
            )}
            {rows.map((row) => (
              <tr key={row.metric}>
                <th scope="row">
                  {codeLabel(metricList, row.metric)} ({codeLabel(unitList, row.unit)})
                </th>
                {row.cells.map((c, i) => (
                  <td key={data[i]!.id} className="num">
                    {c ? (
                      <>
                        {fmt.number(c.value)} {codeLabel(unitList, row.unit)}
                        {c.originalUnit !== row.unit && (
                          <span className="muted">
                            {' '}
                            {t('registryViews.compare.recordedAs', {
                              value: `${fmt.number(c.original)} ${codeLabel(unitList, c.originalUnit)}`,
                            })}
                          </span>
                        )}
                      </>
                    ) : (
                      <span className="muted">{t('registryViews.compare.noValue')}</span>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {chart.length > 0 && (
        <>
          <h3>{t('registryViews.compare.chartTitle')}</h3>
          <p className="hint">{t('registryViews.compare.chartHint')}</p>
          <Suspense fallback={<Loading />}>
            <CompareChart metrics={chart} locale={lang} />
          </Suspense>
        </>
      )}
    </section>
  );
}
