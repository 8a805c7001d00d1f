import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api.ts';
import { ErrorMessage, Loading, PageTitle, Section, useFormat } from '../components/ui.tsx';
import { ScrollRegion } from '../mapping/result-parts.tsx';
import { useCodeList } from '../registry/hooks.ts';
import { JoinRequests } from './JoinRequests.tsx';
import { SimilarInitiatives } from './SimilarInitiatives.tsx';
import type { InnovationOverview } from './types.ts';

const CategoryBars = lazy(() =>
  import('../mapping/MappingCharts.tsx').then((m) => ({ default: m.CategoryBars })),
);

function useCodeLabel(list: string) {
  const { i18n } = useTranslation();
  const codes = useCodeList(list).data?.codes;
  return (code: string) => {
    const entry = codes?.find((c) => c.code === code);
    return entry ? (entry.labels[i18n.language] ?? entry.labels.en ?? code) : code;
  };
}

/** /innovation — initiatives by domain × readiness level and by administration, common initiatives, who else works on this. */
export function InnovationPage() {
  const { t } = useTranslation();
  const overview = useQuery({
    queryKey: ['innovation-overview'],
    queryFn: () => api<InnovationOverview>('/innovation/overview'),
  });
  const initiatives = useQuery({
    queryKey: ['innovation-initiatives-all'],
    queryFn: () =>
      api<{ items: { id: string; title: string; owner_org_code: string }[] }>(
        '/registry/innovation_initiative?limit=500&sort=title',
      ),
  });
  return (
    <>
      <PageTitle>{t('innovation.title')}</PageTitle>
      <p>{t('innovation.intro')}</p>
      <ul className="integrity-links">
        <li>
          <Link to="/registry/innovation_initiative">{t('innovation.links.initiatives')}</Link>
        </li>
        <li>
          <Link to="/registry/innovation_initiative/new">{t('innovation.links.newInitiative')}</Link>
        </li>
        <li>
          <Link to="/registry/common_initiative">{t('innovation.links.common')}</Link>
        </li>
        <li>
          <Link to="/registry/innovation_initiative/views/map">{t('innovation.links.map')}</Link>
        </li>
      </ul>
      {(overview.isLoading || initiatives.isLoading) && <Loading />}
      <ErrorMessage error={overview.error ?? initiatives.error} />
      {initiatives.data && (
        <SimilarInitiatives
          initiatives={initiatives.data.items.map((i) => ({
            id: i.id,
            title: i.title,
            owner: i.owner_org_code,
          }))}
        />
      )}
      {overview.data && (
        <>
          <DomainMatrix data={overview.data} />
          <CommonInitiatives data={overview.data.common} />
          <ByAdministration data={overview.data.byAdministration} />
        </>
      )}
    </>
  );
}

function DomainMatrix({ data }: { data: InnovationOverview }) {
  const { t } = useTranslation();
  const f = useFormat();
  const domain = useCodeLabel('innovation_domain');
  const level = useCodeLabel('technology_readiness_level');
  return (
    <Section title={t('innovation.matrix.title')}>
      {data.total === 0 ? (
        <p>{t('innovation.matrix.empty')}</p>
      ) : (
        <Suspense fallback={<Loading />}>
          <CategoryBars
            items={data.matrix.map((r) => ({
              name: domain(r.domain),
              value: r.counts.reduce((s, n) => s + n, 0),
            }))}
            description={t('innovation.matrix.chart')}
          />
        </Suspense>
      )}
      <ScrollRegion label={t('innovation.matrix.title')}>
        <table>
          <caption>{t('innovation.matrix.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('innovation.matrix.domain')}</th>
              {data.levels.map((l) => (
                <th scope="col" key={l} title={level(l)}>
                  {l.replace('trl_', 'TRL ')}
                </th>
              ))}
              <th scope="col">{t('innovation.matrix.total')}</th>
            </tr>
          </thead>
          <tbody>
            {data.matrix.map((r) => (
              <tr key={r.domain}>
                <th scope="row">{domain(r.domain)}</th>
                {r.counts.map((n, i) => (
                  <td key={data.levels[i]}>
                    {n === 0 ? (
                      ''
                    ) : (
                      <Link to={`/registry/innovation_initiative?domain=${r.domain}&trl=${data.levels[i]}`}>
                        {f.number(n)}
                      </Link>
                    )}
                  </td>
                ))}
                <td>{f.number(r.counts.reduce((s, n) => s + n, 0))}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('innovation.matrix.total')}</th>
              {data.totals.map((n, i) => (
                <td key={data.levels[i]}>{f.number(n)}</td>
              ))}
              <td>{f.number(data.total)}</td>
            </tr>
          </tfoot>
        </table>
      </ScrollRegion>
    </Section>
  );
}

function CommonInitiatives({ data }: { data: InnovationOverview['common'] }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Section title={t('innovation.common.title')}>
      {data.length === 0 ? (
        <p>{t('innovation.common.none')}</p>
      ) : (
        <ScrollRegion label={t('innovation.common.title')}>
          <table>
            <caption className="visually-hidden">{t('innovation.common.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('innovation.common.title')}</th>
                <th scope="col">{t('innovation.common.lead')}</th>
                <th scope="col">{t('innovation.common.participants')}</th>
                <th scope="col">{t('innovation.common.nextMilestone')}</th>
              </tr>
            </thead>
            <tbody>
              {data.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <Link to={`/registry/common_initiative/${c.id}`}>{c.title}</Link>
                  </th>
                  <td>{c.lead}</td>
                  <td>{c.participants.join(', ')}</td>
                  <td>
                    {c.nextMilestone
                      ? `${c.nextMilestone.title} (${f.date(c.nextMilestone.due_date)})`
                      : t('innovation.common.noMilestone')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {data.map((c) => (
        <details key={c.id} className="innovation-join-details">
          <summary>{`${t('innovation.join.title')}: ${c.title}`}</summary>
          <JoinRequests initiativeId={c.id} />
        </details>
      ))}
    </Section>
  );
}

function ByAdministration({ data }: { data: InnovationOverview['byAdministration'] }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Section title={t('innovation.byAdministration.title')}>
      <ScrollRegion label={t('innovation.byAdministration.title')}>
        <table>
          <caption className="visually-hidden">{t('innovation.byAdministration.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('innovation.byAdministration.administration')}</th>
              <th scope="col">{t('innovation.byAdministration.count')}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((a) => (
              <tr key={a.code}>
                <th scope="row">
                  <Link to={`/registry/innovation_initiative?country=${a.code}`}>{a.code}</Link>
                </th>
                <td>{f.number(a.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </Section>
  );
}
