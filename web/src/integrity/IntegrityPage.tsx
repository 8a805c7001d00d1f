import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api.ts';
import { ErrorMessage, Loading, PageTitle, Section, useFormat } from '../components/ui.tsx';
import { Figure, ScrollRegion } from '../mapping/result-parts.tsx';
import { useCodeList } from '../registry/hooks.ts';
import type { IntegrityOverview } from './types.ts';
import './integrity.css';

const Radar = lazy(() => import('../mapping/MappingCharts.tsx').then((m) => ({ default: m.Radar })));

/** The factor labels of the Arusha code list in the reader's language, numbered as the Declaration numbers them. */
function useFactorLabel() {
  const { i18n } = useTranslation();
  const list = useCodeList('arusha_factor');
  return (code: string) => {
    const entry = list.data?.codes.find((c) => c.code === code);
    if (!entry) return code;
    const label = entry.labels[i18n.language] ?? entry.labels.en ?? code;
    return entry.meta.number ? `${entry.meta.number}. ${label}` : label;
  };
}

/** /integrity — trends and gaps of the integrity area, each figure as the caller may see it. */
export function IntegrityPage() {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['integrity-overview'],
    queryFn: () => api<IntegrityOverview>('/integrity/overview'),
  });
  return (
    <>
      <PageTitle>{t('integrity.title')}</PageTitle>
      <p>{t('integrity.intro')}</p>
      <ul className="integrity-links">
        <li>
          <Link to="/registry/integrity_initiative">{t('integrity.links.initiatives')}</Link>
        </li>
        <li>
          <Link to="/registry/code_of_conduct/views/compare">{t('integrity.links.compareCodes')}</Link>
        </li>
        <li>
          <Link to="/registry/lesson_learned">{t('integrity.links.lessons')}</Link>
        </li>
        <li>
          <Link to="/mapping">{t('integrity.links.selfAssessment')}</Link>
        </li>
      </ul>
      {q.isLoading && <Loading />}
      <ErrorMessage error={q.error} />
      {q.data && (
        <>
          <SelfAssessment data={q.data.selfAssessment} />
          <Coverage data={q.data.coverage} />
          <OverdueActions data={q.data.overdueActions} />
          <Latest data={q.data.latest} />
        </>
      )}
    </>
  );
}

function SelfAssessment({ data }: { data: IntegrityOverview['selfAssessment'] }) {
  const { t } = useTranslation();
  const label = useFactorLabel();
  if (!data)
    return (
      <Section title={t('integrity.self.title')}>
        <p>{t('integrity.self.none')}</p>
      </Section>
    );
  const mine = t('integrity.self.yours');
  const median = t('integrity.self.median');
  return (
    <Section
      title={t('integrity.self.titleOf', { campaign: data.campaign.title })}
      actions={
        <Link to={`/mapping/campaigns/${data.campaign.id}/results`}>{t('integrity.self.allResults')}</Link>
      }
    >
      <p className="hint">{t('integrity.self.privacy')}</p>
      <Suspense fallback={<Loading />}>
        <Radar
          axes={data.factors.map((f) => label(f.code))}
          series={[
            { name: mine, values: data.factors.map((f) => f.value) },
            { name: median, values: data.factors.map((f) => f.othersMedian) },
          ]}
          description={t('integrity.self.chart')}
        />
      </Suspense>
      <ScrollRegion label={t('integrity.self.table')}>
        <table>
          <caption>{t('integrity.self.table')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('integrity.factor')}</th>
              <th scope="col">{mine}</th>
              <th scope="col">{median}</th>
              <th scope="col">{t('integrity.self.others')}</th>
              {data.previous && (
                <>
                  <th scope="col">{t('integrity.self.previous', { version: data.previous.version })}</th>
                  <th scope="col">{t('integrity.self.change', { version: data.previous.version })}</th>
                </>
              )}
            </tr>
          </thead>
          <tbody>
            {data.factors.map((f) => (
              <tr key={f.code}>
                <th scope="row">{label(f.code)}</th>
                <td>{f.value === null ? '—' : <Figure value={f.value} />}</td>
                <td>
                  <Figure value={f.othersMedian} digits={1} />
                </td>
                <td>
                  <Figure value={f.others} />
                </td>
                {data.previous && (
                  <>
                    <td>{f.previousValue === null ? '—' : <Figure value={f.previousValue} />}</td>
                    <td>{f.change === null ? '—' : f.change > 0 ? `+${f.change}` : String(f.change)}</td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </Section>
  );
}

function Coverage({ data }: { data: IntegrityOverview['coverage'] }) {
  const { t } = useTranslation();
  const label = useFactorLabel();
  const f = useFormat();
  return (
    <Section title={t('integrity.coverage.title')}>
      <p className="hint">{t('integrity.coverage.hint')}</p>
      {data.gaps.length > 0 && (
        <p>{t('integrity.coverage.gaps', { factors: data.gaps.map(label).join(', ') })}</p>
      )}
      <ScrollRegion label={t('integrity.coverage.title')}>
        <table className="integrity-coverage">
          <caption>{t('integrity.coverage.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('integrity.administration')}</th>
              {data.factors.map((code) => (
                <th scope="col" key={code}>
                  {label(code)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.administrations.map((a) => (
              <tr key={a.code}>
                <th scope="row">{a.code}</th>
                {a.counts.map((n, i) => (
                  <td key={data.factors[i]} className={n === 0 ? 'gap' : undefined}>
                    {n === 0 ? (
                      <span className="visually-hidden">{t('integrity.coverage.none')}</span>
                    ) : (
                      f.number(n)
                    )}
                    {n === 0 && <span aria-hidden="true">·</span>}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('integrity.total')}</th>
              {data.totals.map((n, i) => (
                <td key={data.factors[i]}>{f.number(n)}</td>
              ))}
            </tr>
          </tfoot>
        </table>
      </ScrollRegion>
    </Section>
  );
}

function OverdueActions({ data }: { data: IntegrityOverview['overdueActions'] }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Section title={t('integrity.overdue.title', { count: data.count })}>
      {data.items.length === 0 ? (
        <p>{t('integrity.overdue.none')}</p>
      ) : (
        <ul className="link-list">
          {data.items.map((x) => (
            <li key={x.id}>
              <Link to={`/registry/action_point/${x.id}`}>{x.title}</Link>{' '}
              <span className="muted">{t('integrity.overdue.due', { date: f.date(x.dueDate) })}</span>{' '}
              <Link to={`/registry/lesson_learned/${x.lessonId}`}>{t('integrity.overdue.lesson')}</Link>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function Latest({ data }: { data: IntegrityOverview['latest'] }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Section title={t('integrity.latest.title')}>
      {data.length === 0 ? (
        <p>{t('integrity.latest.none')}</p>
      ) : (
        <ul className="link-list">
          {data.map((x) => (
            <li key={x.id}>
              <Link to={`/registry/${x.kind}/${x.id}`}>{x.title}</Link>{' '}
              <span className="muted">
                {t(`integrity.kinds.${x.kind}`)} · {x.owner} · {f.date(x.publishedAt)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
