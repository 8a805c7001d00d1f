import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { API, api } from '../api.ts';
import { JobProgress } from '../components/JobProgress.tsx';
import { Alert, ErrorMessage, SelectField } from '../components/ui.tsx';
import { HitList } from './HitList.tsx';
import type { Batch } from './types.ts';

function BatchResult({ id, jobId }: { id: string; jobId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { data: b, error } = useQuery({
    queryKey: ['screening', 'batch', id],
    queryFn: () => api<Batch>(`/screening/batches/${id}`),
    refetchInterval: (q) =>
      q.state.data && ['succeeded', 'failed'].includes(q.state.data.state) ? false : 1000,
  });
  const onJobDone = useCallback(() => {
    void qc.invalidateQueries({ queryKey: ['screening', 'batch', id] });
  }, [qc, id]);
  const state = b?.state;
  useEffect(() => {
    if (state === 'succeeded') void qc.invalidateQueries({ queryKey: ['screening', 'cases'] });
  }, [state, qc]);
  if (error) return <ErrorMessage error={error} />;
  if (!b) return null;
  return (
    <div aria-live="polite" className="screening-batch">
      <h3>{t('screening.batch.resultTitle', { file: b.filename })}</h3>
      <JobProgress jobId={jobId} onDone={onJobDone} />
      {b.state === 'failed' && (
        <Alert kind="error">
          <p>{t('screening.batch.failed')}</p>
          <ul>
            {b.errors.map((e) => (
              <li key={`${e.line}-${e.column}-${e.reason}`}>
                {e.line ? t('screening.batch.errorAt', { line: e.line, column: e.column ?? '' }) : ''}{' '}
                {e.reason}
              </li>
            ))}
          </ul>
        </Alert>
      )}
      {b.state === 'succeeded' && b.kind === 'parties' && (
        <>
          <p>
            {t('screening.batch.summary', {
              parties: b.summary.parties ?? 0,
              matches: b.summary.matches ?? 0,
              review: b.summary.review ?? 0,
              suppressed: b.summary.suppressed ?? 0,
            })}
          </p>
          <p className="actions">
            <a href={`${API}/screening/batches/${b.id}/report?format=csv`} download>
              {t('screening.batch.reportCsv')}
            </a>{' '}
            <a href={`${API}/screening/batches/${b.id}/report?format=xlsx`} download>
              {t('screening.batch.reportXlsx')}
            </a>
          </p>
          <ul className="screening-rows">
            {b.rows.map((r) => (
              <li key={r.line}>
                <h4>
                  {t('screening.batch.row', { line: r.line, name: r.name })}
                  {r.reference ? ` (${r.reference})` : ''}
                </h4>
                <HitList hits={r.hits} threshold={b.threshold} />
              </li>
            ))}
          </ul>
        </>
      )}
      {b.state === 'succeeded' && b.kind === 'declarations' && (
        <table>
          <caption>{t('screening.decl.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('screening.decl.ref')}</th>
              <th scope="col">{t('screening.decl.selected')}</th>
              <th scope="col">{t('screening.decl.reasons')}</th>
            </tr>
          </thead>
          <tbody>
            {b.declarations.map((d) => (
              <tr key={d.line}>
                <td>{d.declaration_ref}</td>
                <td>{d.selected ? t('screening.decl.yes') : t('screening.decl.no')}</td>
                <td>{d.reasons.join('; ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** Upload a party file or a declaration file; progress; explained results; report download. */
export function BatchSection() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<'parties' | 'declarations'>('parties');
  const [batch, setBatch] = useState<{ batchId: string; jobId: string } | null>(null);
  const m = useMutation({
    mutationFn: () => {
      const form = new FormData();
      form.append('file', file!);
      return api<{ batchId: string; jobId: string }>(`/screening/batches?kind=${kind}`, { form });
    },
    onSuccess: (r) => setBatch(r),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (file) m.mutate();
  };
  return (
    <section aria-labelledby="screen-file">
      <h2 id="screen-file">{t('screening.batch.title')}</h2>
      <p className="hint">{t('screening.batch.hint')}</p>
      <form onSubmit={submit} className="screening-form">
        <SelectField
          label={t('screening.batch.kind')}
          value={kind}
          onChange={(e) => setKind(e.target.value as 'parties' | 'declarations')}
        >
          <option value="parties">{t('screening.batch.kindParties')}</option>
          <option value="declarations">{t('screening.batch.kindDeclarations')}</option>
        </SelectField>
        <div className="field">
          <label htmlFor="screening-file">{t('screening.batch.file')}</label>
          <input
            id="screening-file"
            type="file"
            accept=".csv,.xlsx"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <div className="actions">
          <button type="submit" className="button" disabled={!file || m.isPending}>
            {t('screening.batch.submit')}
          </button>
        </div>
      </form>
      {m.error && <ErrorMessage error={m.error} />}
      {batch && <BatchResult key={batch.batchId} id={batch.batchId} jobId={batch.jobId} />}
    </section>
  );
}
