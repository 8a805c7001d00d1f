import { useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { JobListItem } from '../../../src/contract/jobs.ts';
import { api } from '../api.ts';
import { isFinished, JobProgress, type JobView, statePill, useJobWords } from '../components/JobProgress.tsx';
import { DataTable, ErrorMessage, Loading, PageTitle, StatusPill, useFormat } from '../components/ui.tsx';

const col = createColumnHelper<JobListItem>();

/** "My jobs": the caller's background jobs (and their organisation's shared ones), newest first. */
export function JobsPage() {
  const { t } = useTranslation();
  const words = useJobWords();
  const fmt = useFormat();
  const list = useQuery({
    queryKey: ['jobs'],
    queryFn: () => api<{ items: JobListItem[]; total: number }>('/jobs?limit=100'),
    refetchInterval: (q) => (q.state.data?.items.some((j) => !isFinished(j.state)) ? 2000 : false),
  });
  const columns = [
    col.accessor('kind', {
      header: t('jobs.column.kind'),
      cell: (c) => <Link to={`/jobs/${c.row.original.id}`}>{words.kind(c.getValue())}</Link>,
    }),
    col.accessor('fileName', { header: t('jobs.column.file'), cell: (c) => c.getValue() ?? '—' }),
    col.accessor('state', {
      header: t('jobs.column.state'),
      cell: (c) => <StatusPill status={statePill[c.getValue()]} label={words.state(c.getValue())} />,
    }),
    col.display({
      id: 'progress',
      header: t('jobs.column.progress'),
      cell: (c) => {
        const { progress: p, state } = c.row.original;
        const text = words.progress(state, p);
        return isFinished(state) || !p.phase ? text : `${words.phase(p.phase)}: ${text}`;
      },
    }),
    col.accessor('createdAt', { header: t('jobs.column.created'), cell: (c) => fmt.dateTime(c.getValue()) }),
    col.accessor('finishedAt', {
      header: t('jobs.column.finished'),
      cell: (c) => fmt.dateTime(c.getValue()),
    }),
  ];
  return (
    <>
      <PageTitle>{t('jobs.title')}</PageTitle>
      <p>{t('jobs.intro')}</p>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorMessage error={list.error} />
      ) : (
        <DataTable
          data={list.data.items}
          columns={columns}
          caption={t('jobs.caption')}
          captionHidden
          empty={t('jobs.empty')}
          rowKey={(j) => j.id}
        />
      )}
    </>
  );
}

/** One job: what it is, who started it, and its live progress. */
export function JobPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const words = useJobWords();
  const fmt = useFormat();
  const job = useQuery({ queryKey: ['job', id], queryFn: () => api<JobView>(`/jobs/${id}`) });
  return (
    <>
      <nav aria-label={t('nav.breadcrumb')} className="breadcrumb">
        <Link to="/jobs">{t('jobs.backToList')}</Link>
      </nav>
      <PageTitle>{job.data ? words.kind(job.data.kind) : t('jobs.detailTitle')}</PageTitle>
      {job.data && (
        <p className="hint">
          {t('jobs.startedBy', {
            name: job.data.createdBy.name ?? '—',
            date: fmt.dateTime(job.data.createdAt),
          })}
          {job.data.finishedAt
            ? ` · ${t('jobs.finishedOn', { date: fmt.dateTime(job.data.finishedAt) })}`
            : ''}
        </p>
      )}
      {job.isError ? <ErrorMessage error={job.error} /> : <JobProgress jobId={id} showResult />}
    </>
  );
}
