import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, type ImportReport, type OrganisationRow } from '../api.ts';
import { JobProgress, type JobView } from '../components/JobProgress.tsx';
import { Alert, DataTable, ErrorMessage, PageTitle, Section, SelectField } from '../components/ui.tsx';
import { useSignedIn } from '../session.ts';

type Step = 'choose' | 'report' | 'running' | 'done';
type RowError = ImportReport['errors'][number];
const col = createColumnHelper<RowError>();

function upload(orgId: string, file: File, dryRun: boolean) {
  const form = new FormData();
  form.append('file', file);
  return api<ImportReport>(`/users/import?organisationId=${orgId}&dryRun=${dryRun}`, {
    method: 'POST',
    form,
    acceptStatus: [422],
  });
}

export function UserImportPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const qc = useQueryClient();
  const fileId = useId();
  const [params, setParams] = useSearchParams();
  // The running import's job id is kept in the URL (?job=…), so a reload follows it again.
  const jobParam = params.get('job');
  const admin = me.abilities.platformAdmin;
  const [orgId, setOrgId] = useState(params.get('organisationId') ?? me.organisation.id);
  const [file, setFile] = useState<File | null>(null);
  const [step, setStep] = useState<Step>(jobParam ? 'running' : 'choose');
  const [report, setReport] = useState<ImportReport | null>(null);
  // The import runs as a background job (GET /jobs/:id); `finished` is the job once it has ended.
  const [jobId, setJobId] = useState<string | null>(jobParam);
  const [finished, setFinished] = useState<JobView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const orgs = useQuery({
    queryKey: ['organisations', ''],
    queryFn: () => api<{ items: OrganisationRow[] }>('/organisations'),
    enabled: admin,
  });

  // Moves focus to the new step's heading so screen reader users hear the result.
  useEffect(() => {
    if (step !== 'choose') headingRef.current?.focus();
  }, [step]);

  async function dryRun() {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      setReport(await upload(orgId, file, true));
      setStep('report');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  async function commit() {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const r = await upload(orgId, file, false);
      if (!r.jobId) {
        setReport(r);
        return;
      }
      setJobId(r.jobId);
      setFinished(null);
      setStep('running');
      const jobId = r.jobId;
      setParams(
        (p) => {
          p.set('job', jobId);
          return p;
        },
        { replace: true },
      );
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  function restart() {
    setParams(
      (p) => {
        p.delete('job');
        return p;
      },
      { replace: true },
    );
    setStep('choose');
    setReport(null);
    setJobId(null);
    setFinished(null);
    setFile(null);
    setError(null);
  }

  const steps: { key: Step; label: string }[] = [
    { key: 'choose', label: t('import.stepChoose') },
    { key: 'report', label: t('import.stepCheck') },
    { key: 'running', label: t('import.stepImport') },
    { key: 'done', label: t('import.stepDone') },
  ];
  const current = steps.findIndex((s) => s.key === step);
  const columns = [
    col.accessor('line', { header: t('import.line') }),
    col.accessor('column', { header: t('import.column'), cell: (c) => c.getValue() || '—' }),
    col.accessor('reason', { header: t('import.reason'), enableSorting: false }),
  ];
  const onDone = useCallback(
    (j: JobView) => {
      setFinished(j);
      setStep('done');
      void qc.invalidateQueries({ queryKey: ['users'] });
    },
    [qc],
  );
  const counts = (finished?.result ?? {}) as { inserted?: number; updated?: number };

  return (
    <>
      <nav aria-label={t('nav.breadcrumb')} className="breadcrumb">
        <Link to="/users">{t('users.title')}</Link>
      </nav>
      <PageTitle>{t('import.title')}</PageTitle>
      <ol className="wizard-steps">
        {steps.map((s, i) => (
          <li
            key={s.key}
            aria-current={i === current ? 'step' : undefined}
            className={
              i < current || step === 'done'
                ? `done${i === current ? ' current' : ''}`
                : i === current
                  ? 'current'
                  : ''
            }
          >
            <span className="step-number" aria-hidden="true">
              {i + 1}
            </span>
            {s.label}
          </li>
        ))}
      </ol>
      <ErrorMessage error={error} />

      {step === 'choose' && (
        <Section title={t('import.stepChoose')}>
          <p>{t('import.intro')}</p>
          <p className="hint">{t('import.sample')}</p>
          <pre className="sample">
            {'email,display_name,locale,roles\nanna.example@customs.example,Anna Example,de,risk_analyst\n'}
          </pre>
          <form
            className="stack"
            onSubmit={(e) => {
              e.preventDefault();
              void dryRun();
            }}
          >
            {admin && (
              <SelectField
                label={t('users.organisation')}
                value={orgId}
                onChange={(e) => setOrgId(e.target.value)}
              >
                {(orgs.data?.items ?? []).map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.code} — {o.name}
                  </option>
                ))}
              </SelectField>
            )}
            <div className="field">
              <label htmlFor={fileId}>{t('import.file')}</label>
              <p className="hint">{t('import.fileHint')}</p>
              <input
                id={fileId}
                type="file"
                accept=".csv,text/csv"
                required
                onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              />
            </div>
            <div className="actions">
              <button type="submit" className="button" disabled={!file || busy}>
                {t('import.check')}
              </button>
            </div>
          </form>
        </Section>
      )}

      {step === 'report' && report && (
        <section className="card" aria-labelledby="report-title">
          <h2 id="report-title" ref={headingRef} tabIndex={-1}>
            {t('import.reportTitle', { file: file?.name ?? '' })}
          </h2>
          <dl className="stats">
            <div>
              <dt>{t('import.rows')}</dt>
              <dd>{report.rows}</dd>
            </div>
            <div>
              <dt>{t('import.wouldInsert')}</dt>
              <dd data-testid="would-insert">{report.wouldInsert}</dd>
            </div>
            <div>
              <dt>{t('import.wouldUpdate')}</dt>
              <dd data-testid="would-update">{report.wouldUpdate}</dd>
            </div>
            <div>
              <dt>{t('import.problems')}</dt>
              <dd data-testid="problems">{report.errors.length}</dd>
            </div>
          </dl>
          {report.errors.length > 0 ? (
            <>
              <Alert kind="error">
                <p>{t('import.hasErrors', { count: report.errors.length })}</p>
              </Alert>
              <DataTable
                data={report.errors}
                columns={columns}
                caption={t('import.errorsCaption')}
                rowKey={(e) => `${e.line}-${e.column}-${e.reason}`}
              />
              <div className="actions">
                <button type="button" className="button" onClick={restart}>
                  {t('import.chooseAnother')}
                </button>
              </div>
            </>
          ) : (
            <>
              <Alert kind="success">
                <p>{t('import.ready')}</p>
              </Alert>
              <div className="actions">
                <button type="button" className="button" onClick={() => void commit()} disabled={busy}>
                  {t('import.commit', { count: report.valid })}
                </button>
                <button type="button" className="button button-secondary" onClick={restart}>
                  {t('common.cancel')}
                </button>
              </div>
            </>
          )}
        </section>
      )}

      {step === 'running' && jobId && (
        <section className="card" aria-labelledby="running-title">
          <h2 id="running-title" ref={headingRef} tabIndex={-1}>
            {t('import.running')}
          </h2>
          <JobProgress jobId={jobId} onDone={onDone} />
        </section>
      )}

      {step === 'done' && finished && (
        <section className="card" aria-labelledby="done-title">
          <h2 id="done-title" ref={headingRef} tabIndex={-1}>
            {finished.state === 'succeeded' ? t('import.doneTitle') : t('import.failedTitle')}
          </h2>
          {finished.state === 'succeeded' ? (
            <Alert kind="success">
              <p role="status">
                {t('import.doneText', { inserted: counts.inserted ?? 0, updated: counts.updated ?? 0 })}
              </p>
            </Alert>
          ) : (
            <JobProgress jobId={finished.id} />
          )}
          <div className="actions">
            <Link to="/users" className="button">
              {t('import.backToUsers')}
            </Link>
            <button type="button" className="button button-secondary" onClick={restart}>
              {t('import.another')}
            </button>
          </div>
        </section>
      )}
    </>
  );
}
