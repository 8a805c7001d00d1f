import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { Alert } from '../components/ui.tsx';

export interface JobView {
  id: string;
  kind: string;
  state: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
  progress: { done: number; total: number | null; phase: string | null };
  error: string | null;
  errorCount: number;
  errors: { line?: number; column?: string; reason: string }[];
  result: unknown;
}

const FINAL = new Set(['succeeded', 'failed', 'cancelled']);

/**
 * Progress of a background job (polls /jobs/:id): a progress bar with its phase, then the errors
 * (line, column, reason) if it failed. Calls onDone once when the job has finished.
 */
export function JobStatus({
  jobId,
  onDone,
  label,
}: {
  jobId: string;
  onDone: (job: JobView) => void;
  label: string;
}) {
  const { t } = useTranslation();
  const { data: job, error } = useQuery({
    queryKey: ['job', jobId],
    queryFn: () => api<JobView>(`/jobs/${jobId}`),
    refetchInterval: (q) => (q.state.data && FINAL.has(q.state.data.state) ? false : 1000),
  });
  const reported = useRef(false);
  useEffect(() => {
    if (job && FINAL.has(job.state) && !reported.current) {
      reported.current = true;
      onDone(job);
    }
  }, [job, onDone]);
  if (error) return <Alert kind="error">{t('risk.job.gone')}</Alert>;
  if (!job) return null;
  const { done, total, phase } = job.progress;
  const phaseText = phase
    ? t(`risk.job.phase.${phase}`, { defaultValue: phase })
    : t(`risk.job.state.${job.state}`);
  return (
    <div className="risk-job" aria-live="polite">
      {!FINAL.has(job.state) && (
        <>
          <div
            role="progressbar"
            aria-label={label}
            aria-valuemin={0}
            aria-valuemax={total ?? undefined}
            aria-valuenow={total ? done : undefined}
            aria-valuetext={`${phaseText}${total ? ` ${done} / ${total}` : ''}`}
            className="risk-progress"
          >
            <div
              className="risk-progress-bar"
              style={{ width: total ? `${Math.round((100 * done) / total)}%` : '30%' }}
            />
          </div>
          <p className="hint">
            {phaseText}
            {total ? ` — ${done} / ${total}` : ''}
          </p>
        </>
      )}
      {job.state === 'succeeded' && <Alert kind="success">{t('risk.job.state.succeeded')}</Alert>}
      {job.state === 'cancelled' && <Alert kind="warning">{t('risk.job.state.cancelled')}</Alert>}
      {job.state === 'failed' && (
        <Alert kind="error">
          <p>{job.error ?? t('risk.job.state.failed')}</p>
          {job.errors.length > 0 && (
            <div className="table-wrap">
              <table>
                <caption>{t('risk.job.errors', { n: job.errorCount })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('risk.job.line')}</th>
                    <th scope="col">{t('risk.job.column')}</th>
                    <th scope="col">{t('risk.job.reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {job.errors.map((e, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: errors have no id; their order is fixed
                    <tr key={i}>
                      <td>{e.line ?? '—'}</td>
                      <td>{e.column ?? '—'}</td>
                      <td>{e.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {job.errorCount > 0 && (
            <p>
              <a href={`/api/v1/jobs/${job.id}/errors.csv`}>{t('risk.job.errorsCsv')}</a>
            </p>
          )}
        </Alert>
      )}
    </div>
  );
}
