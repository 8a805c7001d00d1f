import { useQueries, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, qs } from '../api.ts';
import { SearchField } from '../components/list-controls.tsx';
import { ErrorMessage, Loading, PageTitle, Section, TlpBadge } from '../components/ui.tsx';
import { useKinds } from './hooks.ts';
import { useRegistryLabels } from './labels.ts';
import type { Kind, RecordList, SearchHit } from './types.ts';
import './registry.css';

const GROUP_SIZE = 10;

/** /registry: the kinds grouped by area, each with its count and description, and a search across every kind. */
export function RegistryHomePage() {
  const { t } = useTranslation();
  const l = useRegistryLabels();
  const kinds = useKinds();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const items = kinds.data?.kinds ?? [];
  const counts = useQueries({
    queries: items.map((k) => ({
      queryKey: ['registry', 'count', k.name],
      queryFn: () => api<RecordList>(`/registry/${k.name}?limit=1`),
      staleTime: 60_000,
    })),
  });
  const search = useQuery({
    queryKey: ['search', q, l.lang],
    queryFn: () => api<{ items: SearchHit[] }>(`/search${qs({ q, language: l.lang, limit: 100 })}`),
    enabled: q.length >= 2,
  });
  const areas = [...new Set(items.map((k) => k.area))];
  const byName = new Map(items.map((k) => [k.name, k]));
  const hits = search.data?.items ?? [];
  const groups = [...new Set(hits.map((h) => h.kind))];
  const groupLabel = (name: string) => {
    const k = byName.get(name);
    return k ? l.kindPlural(k) : t('registry.home.otherKind', { kind: name });
  };
  const hitLink = (h: SearchHit) => `/registry/${h.kind}/${h.id}`;

  return (
    <>
      <PageTitle>{t('registry.home.title')}</PageTitle>
      <p className="lead">{t('registry.home.intro')}</p>
      <search className="card registry-search">
        <form
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            setParams(text.trim() ? { q: text.trim() } : {});
          }}
        >
          <SearchField
            label={t('registry.home.search')}
            hint={t('registry.home.searchHint')}
            value={text}
            minLength={2}
            onChange={setText}
          />
        </form>
      </search>
      {q.length >= 2 && (
        <Section title={t('registry.home.results', { q })}>
          {search.isLoading ? (
            <Loading />
          ) : search.error ? (
            <ErrorMessage error={search.error} />
          ) : hits.length === 0 ? (
            <p role="status">{t('registry.home.noResults')}</p>
          ) : (
            <>
              <p role="status" className="result-count">
                {t('registry.home.hitCount', { count: hits.length })}
              </p>
              {groups.map((g) => {
                const inGroup = hits.filter((h) => h.kind === g);
                return (
                  <div key={g} className="search-group">
                    <h3>{groupLabel(g)}</h3>
                    <ul className="search-hits">
                      {inGroup.slice(0, GROUP_SIZE).map((h) => (
                        <li key={h.id}>
                          <TlpBadge tlp={h.tlp} /> <Link to={hitLink(h)}>{h.title}</Link>{' '}
                          <span className="muted">
                            {h.owner} · {t(`registry.status.${h.status}`)}
                          </span>
                        </li>
                      ))}
                    </ul>
                    {inGroup.length > GROUP_SIZE && (
                      <p>
                        <Link to={`/registry/${g}${qs({ q })}`}>
                          {t('registry.home.seeAll', { kind: groupLabel(g) })}
                        </Link>
                      </p>
                    )}
                  </div>
                );
              })}
            </>
          )}
        </Section>
      )}
      {kinds.isLoading ? (
        <Loading />
      ) : kinds.error ? (
        <ErrorMessage error={kinds.error} />
      ) : (
        areas.map((area) => (
          <Section key={area} title={l.area(area)}>
            <ul className="kind-cards">
              {items
                .filter((k) => k.area === area)
                .map((k: Kind) => {
                  const c = counts[items.indexOf(k)]?.data?.total;
                  return (
                    <li key={k.name} className="kind-card">
                      <Link to={`/registry/${k.name}`} className="strong-link">
                        {l.kindPlural(k)}
                      </Link>
                      {c !== undefined && (
                        <span className="muted"> · {t('registry.home.records', { count: c })}</span>
                      )}
                      <p className="kind-description muted">{l.text(k.description)}</p>
                    </li>
                  );
                })}
            </ul>
          </Section>
        ))
      )}
    </>
  );
}
