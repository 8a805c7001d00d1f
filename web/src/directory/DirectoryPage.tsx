import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { DirectoryPerson } from '../../../src/contract/directory.ts';
import { api, type NetworkRow, qs } from '../api.ts';
import { ResultToolbar, SearchField } from '../components/list-controls.tsx';
import { DataTable, ErrorMessage, Loading, PageTitle, SelectField } from '../components/ui.tsx';
import { useOrganisations } from '../registry/hooks.ts';
import { MyDirectoryEntry } from './MyDirectoryEntry.tsx';

interface DirectoryAnswer {
  items: DirectoryPerson[];
  total: number;
  abilities: { read: boolean; export: boolean; editOwn: boolean };
}

const col = createColumnHelper<DirectoryPerson>();

/**
 * Who is who: the people of every administration, body and network with their roles and the
 * contact details each chose to show; filtered per administration, network and role (the URL
 * keeps the view), sorted by any column, exported as CSV. Below: what I show about myself.
 */
export function DirectoryPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = {
    organisation: params.get('organisation') ?? '',
    network: params.get('network') ?? '',
    role: params.get('role') ?? '',
    q: params.get('q') ?? '',
  };
  const [text, setText] = useState(filters.q);
  const query = Object.fromEntries(Object.entries(filters).filter(([, v]) => v));
  const list = useQuery({
    queryKey: ['directory', query],
    queryFn: () => api<DirectoryAnswer>(`/directory${qs({ ...query, limit: 500 })}`),
    placeholderData: keepPreviousData,
  });
  const orgs = useOrganisations();
  const networks = useQuery({
    queryKey: ['networks'],
    queryFn: () => api<{ items: NetworkRow[] }>('/networks'),
  });
  const set = (next: Record<string, string>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next))
      if (v) p.set(k, v);
      else p.delete(k);
    setParams(p);
  };
  const languageName = useMemo(() => {
    const names = new Intl.DisplayNames([i18n.language], { type: 'language' });
    return (code: string) => names.of(code) ?? code;
  }, [i18n.language]);

  const columns = [
    col.accessor('name', { header: t('directory.col.name') }),
    col.accessor((p) => p.organisation.code, {
      id: 'organisation',
      header: t('directory.col.organisation'),
      cell: (c) => <abbr title={c.row.original.organisation.name}>{c.getValue()}</abbr>,
    }),
    col.accessor(
      (p) =>
        p.orgRoles
          .filter((r) => r !== 'platform_admin')
          .map((r) => t(`roles.${r}`))
          .join(', '),
      {
        id: 'roles',
        header: t('directory.col.roles'),
      },
    ),
    col.accessor((p) => p.networks.map((n) => `${n.name} (${t(`networkRoles.${n.role}`)})`).join(', '), {
      id: 'networks',
      header: t('directory.col.networks'),
    }),
    col.accessor((p) => p.jobTitle ?? '', { id: 'jobTitle', header: t('directory.col.jobTitle') }),
    col.accessor((p) => p.email ?? '', {
      id: 'email',
      header: t('directory.col.email'),
      cell: (c) => (c.getValue() ? <a href={`mailto:${c.getValue()}`}>{c.getValue()}</a> : ''),
    }),
    col.accessor((p) => p.phone ?? '', {
      id: 'phone',
      header: t('directory.col.phone'),
      cell: (c) =>
        c.getValue() ? <a href={`tel:${c.getValue().replace(/[^+0-9]/g, '')}`}>{c.getValue()}</a> : '',
    }),
    col.accessor((p) => (p.languages ?? []).map(languageName).join(', '), {
      id: 'languages',
      header: t('directory.col.languages'),
    }),
  ];

  return (
    <>
      <PageTitle>{t('directory.title')}</PageTitle>
      <p className="lead">{t('directory.intro')}</p>
      <form
        className="filters"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          set({ q: text.trim() });
        }}
      >
        <SelectField
          label={t('directory.organisation')}
          value={filters.organisation}
          onChange={(e) => set({ organisation: e.target.value })}
        >
          <option value="">{t('directory.allOrganisations')}</option>
          {(orgs.data?.items ?? []).map((o) => (
            <option key={o.id} value={o.code}>
              {o.code} — {o.names[i18n.language] ?? o.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('directory.network')}
          value={filters.network}
          onChange={(e) => set({ network: e.target.value })}
        >
          <option value="">{t('directory.allNetworks')}</option>
          {(networks.data?.items ?? []).map((n) => (
            <option key={n.id} value={n.code}>
              {n.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('directory.role')}
          value={filters.role}
          onChange={(e) => set({ role: e.target.value })}
        >
          <option value="">{t('directory.allRoles')}</option>
          <option value="ncp">{t('roles.ncp')}</option>
          <option value="ncp_deputy">{t('roles.ncp_deputy')}</option>
          <option value="coordinator">{t('networkRoles.coordinator')}</option>
          <option value="expert">{t('networkRoles.expert')}</option>
          <option value="observer">{t('networkRoles.observer')}</option>
        </SelectField>
        <SearchField
          label={t('directory.search')}
          hint={t('directory.searchHint')}
          value={text}
          onChange={setText}
        />
      </form>
      {list.isLoading ? (
        <Loading />
      ) : list.error ? (
        <ErrorMessage error={list.error} />
      ) : (
        <>
          <ResultToolbar
            status={t('directory.count', { count: list.data?.total ?? 0 })}
            testId="directory-count"
            downloads={[
              { key: 'csv', href: `/api/v1/directory/export${qs(query)}`, label: t('directory.export') },
            ]}
          />
          <DataTable
            data={list.data?.items ?? []}
            columns={columns}
            caption={t('directory.caption')}
            captionHidden
            empty={t('directory.none')}
            rowKey={(p) => p.userId}
          />
        </>
      )}
      {list.data?.abilities.editOwn && <MyDirectoryEntry />}
    </>
  );
}
