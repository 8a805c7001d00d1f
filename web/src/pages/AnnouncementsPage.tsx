import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { createColumnHelper, type SortingState } from '@tanstack/react-table';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import {
  type AnnouncementList,
  type AnnouncementRow,
  API,
  api,
  type NetworkRow,
  qs,
  type Tlp,
} from '../api.ts';
import { Pager, ResultToolbar, SearchField } from '../components/list-controls.tsx';
import { useMarkings } from '../components/marking-rules.ts';
import {
  DataTable,
  ErrorMessage,
  Loading,
  PageTitle,
  SelectField,
  TlpBadge,
  useFormat,
  useSharingRule,
} from '../components/ui.tsx';
import { useSignedIn } from '../session.ts';

const PAGE_SIZE = 25;
const col = createColumnHelper<AnnouncementRow>();

export function AnnouncementsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const rule = useSharingRule();
  const markings = useMarkings();
  const [params, setParams] = useSearchParams();
  const tlp = (params.get('tlp') ?? '') as Tlp | '';
  const networkId = params.get('networkId') ?? '';
  const q = params.get('q') ?? '';
  const sort = params.get('sort') ?? '-created_at';
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const [text, setText] = useState(q);
  const me = useSignedIn();
  const postable = me.networks.filter((n) => n.canPost);

  const update = (patch: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in patch)) next.delete('page');
    setParams(next);
  };

  const filters = { tlp, networkId, q };
  const list = useQuery({
    queryKey: ['announcements', 'list', filters, sort, page],
    queryFn: () =>
      api<AnnouncementList>(
        `/announcements${qs({ ...filters, sort, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })}`,
      ),
    placeholderData: keepPreviousData,
  });
  // Facets: counts per marking for the other filters (without the TLP filter itself).
  const facets = useQuery({
    queryKey: ['announcements', 'facets', networkId, q],
    queryFn: () => api<AnnouncementList>(`/announcements${qs({ networkId, q, limit: 1 })}`),
  });
  const networks = useQuery({
    queryKey: ['networks'],
    queryFn: () => api<{ items: NetworkRow[] }>('/networks'),
  });

  const sorting: SortingState = [{ id: sort.replace('-', ''), desc: sort.startsWith('-') }];
  const onSortingChange = (updater: SortingState | ((s: SortingState) => SortingState)) => {
    const s = typeof updater === 'function' ? updater(sorting) : updater;
    const first = s[0];
    if (first) update({ sort: `${first.desc ? '-' : ''}${first.id}` });
  };

  const columns = [
    col.accessor('tlp', {
      header: t('marking.tlp'),
      enableSorting: false,
      cell: (c) => <TlpBadge tlp={c.getValue()} />,
    }),
    col.accessor('title', {
      id: 'title',
      header: t('announcements.fieldTitle'),
      cell: (c) => (
        <div>
          <Link to={`/announcements/${c.row.original.id}`} className="strong-link">
            {c.getValue()}
          </Link>
          <p className="row-rule">{rule(c.row.original)}</p>
        </div>
      ),
    }),
    col.accessor('network_name', { header: t('announcements.network'), enableSorting: false }),
    col.accessor('owner_org_code', {
      header: t('announcements.author'),
      enableSorting: false,
      cell: (c) => `${c.row.original.author_name} (${c.getValue()})`,
    }),
    col.accessor('created_at', {
      id: 'created_at',
      header: t('announcements.date'),
      cell: (c) => <time dateTime={c.getValue()}>{f.dateTime(c.getValue())}</time>,
    }),
  ];

  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const facetCounts = facets.data?.facets.tlp ?? {};
  const exportQs = (format: 'csv' | 'json') =>
    `${API}/announcements/export${qs({ format, ...filters, sort })}`;

  return (
    <>
      <PageTitle>{t('announcements.title')}</PageTitle>
      {postable.length > 0 && (
        <p className="post-in">
          {t('announcements.postIn')}{' '}
          {postable.map((n, i) => (
            <span key={n.id}>
              {i > 0 && ', '}
              <Link to={`/networks/${n.id}#post`}>{n.name}</Link>
            </span>
          ))}
        </p>
      )}
      <div className="filters card">
        <form
          className="filter-row"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            update({ q: text.trim() });
          }}
        >
          <SearchField label={t('announcements.search')} value={text} onChange={setText} />
          <SelectField
            label={t('announcements.network')}
            value={networkId}
            onChange={(e) => update({ networkId: e.target.value })}
          >
            <option value="">{t('announcements.allNetworks')}</option>
            {(networks.data?.items ?? []).map((n) => (
              <option key={n.id} value={n.id}>
                {n.name}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('marking.tlp')} value={tlp} onChange={(e) => update({ tlp: e.target.value })}>
            <option value="">{t('announcements.allMarkings')}</option>
            {markings.map((x) => (
              <option key={x} value={x}>
                {t(`tlp.${x}.label`)} ({facetCounts[x] ?? 0})
              </option>
            ))}
          </SelectField>
        </form>
        <fieldset className="facets">
          <legend>{t('announcements.facets')}</legend>
          <ul>
            {markings.map((x) => (
              <li key={x}>
                <button
                  type="button"
                  className={`facet${tlp === x ? ' facet-active' : ''}`}
                  aria-pressed={tlp === x}
                  onClick={() => update({ tlp: tlp === x ? '' : x })}
                >
                  <TlpBadge tlp={x} /> <span className="facet-count">{facetCounts[x] ?? 0}</span>
                </button>
              </li>
            ))}
          </ul>
          {(tlp || networkId || q) && (
            <button
              type="button"
              className="link-button"
              onClick={() => {
                setText('');
                setParams(new URLSearchParams());
              }}
            >
              {t('announcements.clearFilters')}
            </button>
          )}
        </fieldset>
      </div>
      <ResultToolbar
        status={list.isFetching ? t('common.loading') : t('announcements.count', { count: total })}
        downloads={[
          { key: 'csv', href: exportQs('csv'), label: t('announcements.exportCsv') },
          { key: 'json', href: exportQs('json'), label: t('announcements.exportJson') },
        ]}
      />
      <p className="hint">{t('announcements.exportHint')}</p>
      {list.error ? (
        <ErrorMessage error={list.error} />
      ) : list.isLoading ? (
        <Loading />
      ) : (
        <DataTable
          data={list.data?.items ?? []}
          columns={columns}
          caption={t('announcements.tableCaption')}
          captionHidden
          sorting={sorting}
          onSortingChange={onSortingChange}
          manualSorting
          rowKey={(r) => r.id}
          empty={t('announcements.none')}
        />
      )}
      <Pager page={page} pages={pages} onPage={(p) => update({ page: String(p) })} />
    </>
  );
}
