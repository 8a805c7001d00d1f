import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage, Loading, Section, useFormat } from '../components/ui.tsx';
import { useBatches } from './hooks.ts';

const HitRateChart = lazy(() => import('./RiskCharts.tsx').then((m) => ({ default: m.HitRateChart })));

/** Scored batches and the hit rate of each selection over time (chart + the same figures as a table). */
export function HistorySection() {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const { data, isLoading, error } = useBatches();
  const items = data?.items ?? [];
  const pct = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 });
  const withOutcomes = items.filter((b) => b.hit_rate !== null);
  const description = t('risk.history.chartDescription', {
    list:
      withOutcomes.map((b) => `${b.name}: ${pct.format(b.hit_rate!)}`).join('; ') ||
      t('risk.history.noOutcomes'),
  });
  return (
    <Section title={t('risk.history.title')}>
      {isLoading && <Loading />}
      {error && <ErrorMessage error={error} />}
      {withOutcomes.length > 0 && (
        <Suspense fallback={<Loading />}>
          <HitRateChart
            locale={i18n.language}
            description={description}
            labels={{ hitRate: t('risk.history.hitRate'), frauds: t('risk.history.frauds') }}
            points={items.map((b) => ({ name: b.name, hitRate: b.hit_rate, frauds: b.frauds_found }))}
          />
        </Suspense>
      )}
      <div className="table-wrap">
        <table>
          <caption>{t('risk.history.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('risk.history.batch')}</th>
              <th scope="col">{t('risk.history.scored')}</th>
              <th scope="col">{t('risk.history.model')}</th>
              <th scope="col">{t('risk.history.rows')}</th>
              <th scope="col">{t('risk.history.selected')}</th>
              <th scope="col">{t('risk.history.controlled')}</th>
              <th scope="col">{t('risk.history.frauds')}</th>
              <th scope="col">{t('risk.history.hitRate')}</th>
            </tr>
          </thead>
          <tbody>
            {items.length === 0 && (
              <tr>
                <td colSpan={8} className="empty">
                  {t('risk.history.none')}
                </td>
              </tr>
            )}
            {items.map((b) => (
              <tr key={b.id}>
                <td>
                  <Link to={`/risk/batches/${b.id}`}>{b.name}</Link>
                </td>
                <td>{fmt.date(b.created_at)}</td>
                <td>{t('risk.models.versionN', { version: b.model_version })}</td>
                <td>{fmt.number(b.row_count)}</td>
                <td>{fmt.number(b.selected_count)}</td>
                <td>{fmt.number(b.controlled)}</td>
                <td>{fmt.number(b.frauds_found)}</td>
                <td data-testid="hit-rate">
                  {b.hit_rate === null ? t('risk.history.pending') : pct.format(b.hit_rate)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}
