import { useInfiniteQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { type AuditEvent, type AuditPage as AuditPageData, api, qs } from '../api.ts';
import { AuditChanges, recordLink, useEventSentence } from '../components/audit.tsx';
import {
  DataTable,
  ErrorMessage,
  Loading,
  PageTitle,
  SelectField,
  TextField,
  useFormat,
} from '../components/ui.tsx';
import { useKinds } from '../registry/hooks.ts';
import { useRegistryLabels } from '../registry/labels.ts';

const col = createColumnHelper<AuditEvent>();
/** The platform's own record kinds (named in the catalogs); the registry kinds come from the API. */
const KINDS = ['user', 'membership', 'organisation', 'sharing_group', 'identity_provider', 'import'];

export function AuditPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const says = useEventSentence();
  const registry = useRegistryLabels();
  const registryKinds = useKinds().data?.kinds ?? [];
  const kindLabel = (kind: string) => {
    const k = registryKinds.find((x) => x.name === kind);
    return k ? registry.kind(k) : t(`recordKinds.${kind}`, { defaultValue: kind });
  };
  const [params, setParams] = useSearchParams();
  const recordKind = params.get('recordKind') ?? '';
  const recordId = params.get('recordId') ?? '';
  const action = params.get('action') ?? '';
  const [form, setForm] = useState({ recordKind, recordId, action });
  const q = useInfiniteQuery({
    queryKey: ['audit', 'page', recordKind, recordId, action],
    queryFn: ({ pageParam }) =>
      api<AuditPageData>(
        `/audit${qs({ recordKind, recordId, action, limit: 50, before: pageParam ?? undefined })}`,
      ),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextBefore,
  });
  const events = q.data?.pages.flatMap((p) => p.items) ?? [];
  const columns = [
    col.accessor('occurred_at', {
      header: t('audit.when'),
      cell: (c) => <time dateTime={c.getValue()}>{f.dateTime(c.getValue())}</time>,
    }),
    col.accessor('actor_label', { header: t('audit.actor') }),
    col.accessor('action', {
      header: t('audit.action'),
      cell: (c) => (
        <>
          {says(c.row.original)}
          <br />
          <code className="muted small">{c.getValue()}</code>
        </>
      ),
    }),
    col.accessor((e) => `${e.record_kind}:${e.record_id ?? ''}`, {
      id: 'record',
      header: t('audit.record'),
      cell: (c) => {
        const e = c.row.original;
        const link = recordLink(e.record_kind, e.record_id);
        const text = `${kindLabel(e.record_kind)}${e.record_id ? ` ${e.record_id.slice(0, 8)}` : ''}`;
        return link ? <Link to={link}>{text}</Link> : text;
      },
    }),
    col.display({
      id: 'changes',
      header: t('audit.changes'),
      cell: (c) => <AuditChanges event={c.row.original} />,
    }),
  ];
  return (
    <>
      <PageTitle>{t('audit.title')}</PageTitle>
      <p className="lead">{t('audit.intro')}</p>
      <form
        className="filters card filter-row"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          const next: Record<string, string> = {};
          for (const [k, v] of Object.entries(form)) if (v.trim()) next[k] = v.trim();
          setParams(next);
        }}
      >
        <SelectField
          label={t('audit.recordKind')}
          value={form.recordKind}
          onChange={(e) => setForm({ ...form, recordKind: e.target.value })}
        >
          <option value="">{t('audit.anyKind')}</option>
          {[...KINDS, ...registryKinds.map((k) => k.name)].map((k) => (
            <option key={k} value={k}>
              {kindLabel(k)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('audit.recordId')}
          value={form.recordId}
          onChange={(e) => setForm({ ...form, recordId: e.target.value })}
        />
        <TextField
          label={t('audit.actionPrefix')}
          value={form.action}
          onChange={(e) => setForm({ ...form, action: e.target.value })}
          hint={t('audit.actionHint')}
        />
        <div className="filter-buttons">
          <button type="submit" className="button">
            {t('common.filter')}
          </button>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              setForm({ recordKind: '', recordId: '', action: '' });
              setParams({});
            }}
          >
            {t('common.reset')}
          </button>
        </div>
      </form>
      {q.isLoading ? (
        <Loading />
      ) : q.error ? (
        <ErrorMessage error={q.error} />
      ) : (
        <>
          <DataTable
            data={events}
            columns={columns}
            caption={t('audit.tableCaption', { count: events.length })}
            rowKey={(e) => e.id}
            empty={t('audit.empty')}
          />
          {q.hasNextPage && (
            <div className="actions center">
              <button
                type="button"
                className="button button-secondary"
                onClick={() => void q.fetchNextPage()}
                disabled={q.isFetchingNextPage}
              >
                {q.isFetchingNextPage ? t('common.loading') : t('audit.loadMore')}
              </button>
            </div>
          )}
        </>
      )}
    </>
  );
}
