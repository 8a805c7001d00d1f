import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorMessage, Loading, NotAllowed, PageTitle, Section, useFormat } from '../components/ui.tsx';
import { useModel, useRiskAbilities } from './hooks.ts';
import './risk.css';

const ImportanceChart = lazy(() => import('./RiskCharts.tsx').then((m) => ({ default: m.ImportanceChart })));

/** One model version: metrics on the held-out rows, indicator importance (chart + table), rules. */
export function ModelPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const ab = useRiskAbilities();
  const { data: m, isLoading, error } = useModel(id);
  if (ab.data && !ab.data.use) return <NotAllowed because="role" />;
  if (isLoading) return <Loading />;
  if (error || !m) return <ErrorMessage error={error} />;
  const pct = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 1 });
  const v = m.metrics.validation;
  const top = m.importance.slice(0, 15).map((f) => ({ name: f.feature, share: f.share }));
  return (
    <>
      <p>
        <Link to="/risk">{t('risk.title')}</Link>
      </p>
      <PageTitle>
        {t('risk.models.versionN', { version: m.version })}
        {m.active && <span className="pill pill-published"> {t('risk.models.active')}</span>}
      </PageTitle>
      <p>
        {t('risk.model.summary', {
          rows: fmt.number(m.training_rows),
          frauds: fmt.number(m.positives),
          batches: m.trained_on.batchIds.length,
          date: fmt.date(m.created_at),
        })}
      </p>
      <Section title={t('risk.model.metrics')}>
        {v ? (
          <>
            <p>
              {t('risk.model.holdout', { rows: fmt.number(m.metrics.holdoutRows), auc: v.auc.toFixed(3) })}
            </p>
            <div className="table-wrap">
              <table>
                <caption>{t('risk.model.atN')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('risk.model.share')}</th>
                    <th scope="col">{t('risk.model.selected')}</th>
                    <th scope="col">{t('risk.model.precision')}</th>
                    <th scope="col">{t('risk.model.recall')}</th>
                  </tr>
                </thead>
                <tbody>
                  {v.at.map((a) => (
                    <tr key={a.n}>
                      <th scope="row">{a.n} %</th>
                      <td>{fmt.number(a.k)}</td>
                      <td>{pct.format(a.precision)}</td>
                      <td>{pct.format(a.recall)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ) : (
          <p>{t('risk.model.noHoldout')}</p>
        )}
      </Section>
      <Section title={t('risk.model.importance')}>
        <Suspense fallback={<Loading />}>
          <ImportanceChart
            items={top}
            locale={i18n.language}
            description={t('risk.model.importanceDescription', {
              list: top
                .slice(0, 5)
                .map((f) => `${f.name} ${pct.format(f.share)}`)
                .join('; '),
            })}
          />
        </Suspense>
        <details>
          <summary>{t('risk.model.importanceTable')}</summary>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t('risk.model.importance')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('risk.model.indicator')}</th>
                  <th scope="col">{t('risk.model.gainShare')}</th>
                </tr>
              </thead>
              <tbody>
                {m.importance.map((f) => (
                  <tr key={f.feature}>
                    <th scope="row">{f.feature}</th>
                    <td>{pct.format(f.share)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </Section>
      <Section title={t('risk.model.rules')}>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('risk.model.rules')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('risk.model.rule')}</th>
                <th scope="col">{t('risk.model.weight')}</th>
                <th scope="col">{t('risk.model.hits')}</th>
                <th scope="col">{t('risk.model.precision')}</th>
                <th scope="col">{t('risk.model.recall')}</th>
              </tr>
            </thead>
            <tbody>
              {m.rule_importance.length === 0 && (
                <tr>
                  <td colSpan={5} className="empty">
                    {t('risk.model.noRules')}
                  </td>
                </tr>
              )}
              {m.rule_importance.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    {r.name}{' '}
                    <span className="hint">
                      ({r.id}
                      {r.mandatory ? `, ${t('risk.model.mandatory')}` : ''})
                    </span>
                  </th>
                  <td>{r.weight}</td>
                  <td>{fmt.number(r.hits)}</td>
                  <td>{r.hits ? pct.format(r.precision) : '—'}</td>
                  <td>{pct.format(r.recall)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {(m.trained_on.skippedRules ?? []).length > 0 && (
          <ul>
            {m.trained_on.skippedRules!.map((s) => (
              <li key={s.rule}>{t('risk.model.skipped', { rule: s.rule, reason: s.reason })}</li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}
