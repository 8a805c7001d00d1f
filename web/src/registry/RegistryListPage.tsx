import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { createColumnHelper, type SortingState } from '@tanstack/react-table';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { API, api, qs } from '../api.ts';
import { Pager, ResultToolbar, SearchField } from '../components/list-controls.tsx';
import {
  DataTable,
  ErrorMessage,
  Loading,
  NotAllowed,
  PageTitle,
  StatusPill,
  TlpBadge,
} from '../components/ui.tsx';
import { ColumnChooser } from './ColumnChooser.tsx';
import { FieldValue } from './FieldValue.tsx';
import { useKind } from './hooks.ts';
import { ListFilters } from './ListFilters.tsx';
import { useRegistryLabels } from './labels.ts';
import { filterParams, loadColumns, PAGE_SIZE, saveColumns } from './list-query.ts';
import { SavedFilters } from './SavedFilters.tsx';
import type { RecordList, RegistryRecord } from './types.ts';
import './registry.css';

const col = createColumnHelper<RegistryRecord>();

/** /registry/:kind — the list of one kind: server-side paging, sorting, search, filters and facets. */
export function RegistryListPage() {
  const { kind: kindName } = useParams();
  const { t } = useTranslation();
  const l = useRegistryLabels();
  const { kind, isLoading, error } = useKind(kindName);
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const [columns, setColumns] = useState<string[]>([]);
  useEffect(() => {
    if (kind) setColumns(loadColumns(kind));
  }, [kind]);
  useEffect(() => setText(params.get('q') ?? ''), [params]);

  const sort = params.get('sort') ?? '-updated_at';
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const filters = kind ? filterParams(kind, params) : {};
  const list = useQuery({
    queryKey: ['registry', 'list', kindName, filters, sort, page, l.lang],
    queryFn: () =>
      api<RecordList>(
        `/registry/${kindName}${qs({ ...filters, language: l.lang, sort, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE })}`,
      ),
    enabled: !!kind,
    placeholderData: keepPreviousData,
  });

  if (isLoading) return <Loading />;
  if (error) return <ErrorMessage error={error} />;
  if (!kind) return <NotAllowed />;

  const update = (patch: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in patch)) next.delete('page');
    setParams(next);
  };
  const sortable = new Set(['title', 'updated_at', 'status', ...kind.listColumns]);
  const sorting: SortingState = [{ id: sort.replace(/^-/, ''), desc: sort.startsWith('-') }];
  const onSortingChange = (updater: SortingState | ((s: SortingState) => SortingState)) => {
    const next = typeof updater === 'function' ? updater(sorting) : updater;
    const s = next[0];
    if (s) update({ sort: `${s.desc ? '-' : ''}${s.id}` });
  };
  const fieldColumns = columns
    .map((name) => kind.fields.find((f) => f.name === name))
    .filter((f) => !!f)
    .filter((f) => f.name !== kind.titleField);
  const tableColumns = [
    col.accessor('title', {
      id: 'title',
      header: l.field(kind.fields.find((f) => f.name === kind.titleField)!),
      cell: (c) => <Link to={`/registry/${kind.name}/${c.row.original.id}`}>{c.getValue()}</Link>,
    }),
    ...fieldColumns.map((f) =>
      col.accessor((r) => r.data[f.name], {
        id: f.name,
        header: l.field(f),
        enableSorting: sortable.has(f.name),
        cell: (c) => <FieldValue kind={kind.name} name={f.name} spec={f} value={c.getValue()} />,
      }),
    ),
    col.accessor('owner_org_code', { id: 'owner', header: t('registry.list.owner'), enableSorting: false }),
    col.accessor('status', {
      id: 'status',
      header: t('registry.list.status'),
      cell: (c) => <StatusPill status={c.getValue()} label={t(`registry.status.${c.getValue()}`)} />,
    }),
    col.accessor('tlp', {
      id: 'tlp',
      header: t('registry.list.marking'),
      enableSorting: false,
      cell: (c) => <TlpBadge tlp={c.getValue()} />,
    }),
  ];
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const exportHref = (format: 'csv' | 'xlsx' | 'json') =>
    `${API}/registry/${kind.name}/export${qs({ ...filters, language: filters.q ? l.lang : undefined, format })}`;
  const views = kind.views.filter((v) => v.type !== 'list' && v.type !== 'detail');
  const savedQuery = new URLSearchParams({
    ...filters,
    ...(sort !== '-updated_at' ? { sort } : {}),
  }).toString();

  return (
    <>
      <nav aria-label={t('nav.breadcrumb')} className="breadcrumb">
        <Link to="/registry">{t('registry.home.title')}</Link>
      </nav>
      <PageTitle>{l.kindPlural(kind)}</PageTitle>
      <div className="registry-toolbar">
        {kind.abilities.create && (
          <Link to={`/registry/${kind.name}/new`} className="button">
            {t('registry.list.new', { kind: l.kind(kind) })}
          </Link>
        )}
        {kind.abilities.import && (
          <Link to={`/registry/${kind.name}/import`} className="button button-secondary">
            {t('registry.list.import')}
          </Link>
        )}
        {views.map((v) => (
          <Link
            key={v.type}
            to={`/registry/${kind.name}/views/${v.type}`}
            className="button button-secondary"
          >
            {l.text(v.label)}
          </Link>
        ))}
      </div>
      <div className="filters card">
        <search>
          <form
            onSubmit={(e: FormEvent) => {
              e.preventDefault();
              update({ q: text.trim() });
            }}
          >
            <SearchField label={t('registry.list.search')} value={text} onChange={setText} />
          </form>
        </search>
        <ListFilters kind={kind} params={params} facets={list.data?.facets ?? {}} onChange={update} />
        {Object.keys(filters).length > 0 && (
          <button type="button" className="link-button" onClick={() => setParams(new URLSearchParams())}>
            {t('registry.list.clearFilters')}
          </button>
        )}
        <SavedFilters kind={kind.name} query={savedQuery} />
        <ColumnChooser
          kind={kind}
          columns={columns}
          onChange={(c) => {
            setColumns(c);
            saveColumns(kind.name, c);
          }}
        />
      </div>
      <ResultToolbar
        status={
          list.isFetching
            ? t('common.loading')
            : t(list.data?.totalIsEstimate ? 'registry.list.countAbout' : 'registry.list.count', {
                count: total,
              })
        }
        testId="result-count"
        downloads={(['csv', 'xlsx', 'json'] as const).map((f) => ({
          key: f,
          href: exportHref(f),
          label: t(`registry.list.export.${f}`),
        }))}
      />
      <p className="hint">{t('registry.list.exportHint')}</p>
      {list.error ? (
        <ErrorMessage error={list.error} />
      ) : list.isLoading ? (
        <Loading />
      ) : (
        <DataTable
          data={list.data?.items ?? []}
          columns={tableColumns}
          caption={l.kindPlural(kind)}
          captionHidden
          sorting={sorting}
          onSortingChange={onSortingChange}
          manualSorting
          rowKey={(r) => r.id}
          empty={t('registry.list.none')}
        />
      )}
      <Pager page={page} pages={pages} onPage={(p) => update({ page: String(p) })} />
    </>
  );
}
