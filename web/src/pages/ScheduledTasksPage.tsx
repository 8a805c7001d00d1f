import { useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { DataTable, ErrorMessage, Loading, PageTitle, StatusPill, useFormat } from '../components/ui.tsx';

/** One task as GET /scheduled-tasks answers (dates as ISO strings). */
interface TaskRow {
  name: string;
  description: string;
  everyMinutes: number;
  lastStartedAt: string | null;
  lastFinishedAt: string | null;
  lastStatus: 'running' | 'succeeded' | 'failed' | null;
  lastMessage: string | null;
  nextDueAt: string | null;
}

const pill = { running: 'requested', succeeded: 'active', failed: 'rejected' } as const;
const col = createColumnHelper<TaskRow>();

/** Platform administrators: the modules' scheduled tasks, their last run and when they are next due. */
export function ScheduledTasksPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const list = useQuery({
    queryKey: ['scheduled-tasks'],
    queryFn: () => api<{ items: TaskRow[] }>('/scheduled-tasks'),
    refetchInterval: 30_000,
  });
  const columns = [
    col.accessor('name', {
      header: t('scheduler.column.task'),
      cell: (c) => (
        <>
          {t(`scheduler.task.${c.getValue()}`, { defaultValue: c.row.original.description })}
          <br />
          <code>{c.getValue()}</code>
        </>
      ),
    }),
    col.accessor('everyMinutes', {
      header: t('scheduler.column.every'),
      cell: (c) => t('scheduler.every', { count: c.getValue() }),
    }),
    col.accessor('lastStartedAt', {
      header: t('scheduler.column.lastRun'),
      cell: (c) => (c.getValue() ? fmt.dateTime(c.getValue()) : t('scheduler.never')),
    }),
    col.accessor('lastStatus', {
      header: t('scheduler.column.result'),
      cell: (c) => {
        const s = c.getValue();
        return s ? <StatusPill status={pill[s]} label={t(`scheduler.status.${s}`)} /> : '—';
      },
    }),
    col.accessor('lastMessage', { header: t('scheduler.column.message'), cell: (c) => c.getValue() ?? '—' }),
    col.accessor('nextDueAt', {
      header: t('scheduler.column.nextDue'),
      cell: (c) => (c.getValue() ? fmt.dateTime(c.getValue()) : '—'),
    }),
  ];
  return (
    <>
      <PageTitle>{t('scheduler.title')}</PageTitle>
      <p>{t('scheduler.intro')}</p>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorMessage error={list.error} />
      ) : (
        <DataTable
          data={list.data.items}
          columns={columns}
          caption={t('scheduler.caption')}
          captionHidden
          rowKey={(r) => r.name}
        />
      )}
    </>
  );
}
