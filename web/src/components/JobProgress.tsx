import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobError, JobState, JobView } from '../../../src/contract/jobs.ts';
import { API, api } from '../api.ts';
import { Alert, DataTable, ErrorMessage, Loading, StatusPill, useFormat } from './ui.tsx';

/**
 * A background job as GET /api/v1/jobs/:id returns it, its state and its problem rows: the
 * contract's types (src/contract/jobs.ts; type-only imports, erased from the bundle).
 */
export type { JobState, JobView };
export type JobErrorRow = JobError;

export const isFinished = (s: JobState) => s === 'succeeded' || s === 'failed' || s === 'cancelled';

/** The pill class of a job state (existing pill colours). */
export const statePill: Record<JobState, string> = {
  queued: 'requested',
  running: 'requested',
  succeeded: 'active',
  failed: 'rejected',
  cancelled: 'withdrawn',
};

/** Translated job kind / phase, falling back to the raw word for ones the catalog does not know. */
export function useJobWords() {
  const { t } = useTranslation();
  const fmt = useFormat();
  return {
    kind: (k: string) => t(`jobs.kind.${k}`, { defaultValue: k }),
    phase: (p: string) => t(`jobs.phase.${p}`, { defaultValue: p }),
    state: (s: JobState) => t(`jobs.state.${s}`),
    /**
     * How far a job got: "N of M", "N done" while the total is unknown, "waiting" in the queue;
     * a finished job that counted nothing shows a dash, never "0 done".
     */
    progress: (state: JobState, p: JobView['progress']) =>
      state === 'queued'
        ? t('jobs.waiting')
        : isFinished(state) && p.done === 0 && p.total === null
          ? '—'
          : p.total !== null
            ? t('jobs.progressOf', { done: fmt.number(p.done), total: fmt.number(p.total) })
            : t('jobs.progressUnknown', { done: fmt.number(p.done) }),
  };
}

export function jobQueryKey(id: string) {
  return ['job', id] as const;
}

const col = createColumnHelper<JobErrorRow>();

/**
 * The progress of one background job: polls GET /jobs/:id about every second while it runs (and
 * stops when it has finished), shows a progress bar (indeterminate while the total is unknown),
 * the phase, a Cancel button when the API says the caller may cancel, the final state, and the
 * problems as line / column / reason with a link to all of them as CSV. `onDone` is called once,
 * with the finished job.
 */
export function JobProgress({
  jobId,
  onDone,
  showResult = false,
}: {
  jobId: string;
  onDone?: (job: JobView) => void;
  /** Show the job's result as JSON when it succeeded (for kinds without a page of their own). */
  showResult?: boolean;
}) {
  const { t } = useTranslation();
  const words = useJobWords();
  const qc = useQueryClient();
  const labelId = useId();
  const job = useQuery({
    queryKey: jobQueryKey(jobId),
    queryFn: () => api<JobView>(`/jobs/${jobId}`),
    refetchInterval: (q) => (q.state.data && isFinished(q.state.data.state) ? false : 1000),
  });
  const cancel = useMutation({
    mutationFn: () => api<JobView>(`/jobs/${jobId}/cancel`, { method: 'POST' }),
    onSuccess: (j) => qc.setQueryData(jobQueryKey(jobId), j),
  });
  const done = useRef<string | null>(null);
  const data = job.data;
  useEffect(() => {
    if (data && isFinished(data.state) && done.current !== data.id) {
      done.current = data.id;
      onDone?.(data);
    }
  }, [data, onDone]);

  if (job.isPending) return <Loading />;
  if (job.isError) return <ErrorMessage error={job.error} />;
  const j = job.data;
  const { done: n, total, phase } = j.progress;
  const finished = isFinished(j.state);
  const valueText = words.progress(j.state, j.progress);
  const columns = [
    col.accessor('line', { header: t('jobs.line'), cell: (c) => c.getValue() ?? '—' }),
    col.accessor('column', { header: t('jobs.columnName'), cell: (c) => c.getValue() || '—' }),
    col.accessor('reason', { header: t('jobs.reason'), enableSorting: false }),
  ];

  return (
    <div className="stack job-progress" data-testid="job-progress" data-state={j.state}>
      <p>
        <StatusPill status={statePill[j.state]} label={words.state(j.state)} />{' '}
        {j.file && <span>{t('jobs.file', { name: j.file.name })}</span>}
      </p>
      {!finished && (
        <div className="field">
          <span id={labelId}>
            {t('jobs.progressLabel')}
            {phase ? ` — ${words.phase(phase)}` : ''}
          </span>
          {/* A native progress element is role=progressbar; without a value it is indeterminate. */}
          {total !== null && total > 0 ? (
            <progress
              aria-labelledby={labelId}
              max={total}
              value={Math.min(n, total)}
              aria-valuemin={0}
              aria-valuemax={total}
              aria-valuenow={Math.min(n, total)}
              aria-valuetext={valueText}
            />
          ) : (
            <progress aria-labelledby={labelId} aria-valuetext={valueText} />
          )}
          <p className="hint">{valueText}</p>
        </div>
      )}
      <p role="status" className="visually-hidden">
        {words.state(j.state)}
      </p>
      {j.attempt > 1 && <p className="hint">{t('jobs.attempt', { attempt: j.attempt })}</p>}
      {j.abilities.cancel && (
        <div className="actions">
          <button
            type="button"
            className="button button-secondary"
            disabled={cancel.isPending}
            onClick={() => cancel.mutate()}
          >
            {cancel.isPending ? t('jobs.cancelling') : t('jobs.cancel')}
          </button>
        </div>
      )}
      <ErrorMessage error={cancel.error} />
      {j.state === 'succeeded' && (
        <Alert kind="success">
          <p>{t('jobs.succeededText')}</p>
        </Alert>
      )}
      {j.state === 'cancelled' && (
        <Alert kind="info">
          <p>{t('jobs.cancelledText')}</p>
        </Alert>
      )}
      {j.state === 'failed' && (
        <Alert kind="error">
          <p>{j.error}</p>
        </Alert>
      )}
      {j.errorCount > 0 && (
        <>
          <DataTable
            data={j.errors}
            columns={columns}
            caption={t('jobs.errorsCaption')}
            rowKey={(e) => `${e.line ?? ''}-${e.column ?? ''}-${e.reason}`}
          />
          {j.errorCount > j.errors.length && (
            <p className="hint">{t('jobs.errorsShown', { shown: j.errors.length, count: j.errorCount })}</p>
          )}
          <p>
            <a href={`${API}/jobs/${j.id}/errors.csv`} download>
              {t('jobs.downloadErrors')}
            </a>
          </p>
        </>
      )}
      {showResult && j.state === 'succeeded' && j.result !== null && (
        <details>
          <summary>{t('jobs.result')}</summary>
          <pre className="sample">{JSON.stringify(j.result, null, 2)}</pre>
        </details>
      )}
    </div>
  );
}
