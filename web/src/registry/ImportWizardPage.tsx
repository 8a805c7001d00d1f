import { useQueryClient } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { API, api, qs } from '../api.ts';
import { JobProgress, type JobView } from '../components/JobProgress.tsx';
import {
  Alert,
  DataTable,
  ErrorMessage,
  Loading,
  NotAllowed,
  PageTitle,
  Section,
} from '../components/ui.tsx';
import { useKind } from './hooks.ts';
import { useRegistryLabels } from './labels.ts';
import type { Kind, RegistryImportReport } from './types.ts';
import './registry.css';

type Step = 'choose' | 'report' | 'running' | 'done';
type RowError = RegistryImportReport['errors'][number];
const col = createColumnHelper<RowError>();

/** /registry/:kind/import — template, file, dry run with every bad cell, confirm, progress (the job), result. */
export function ImportWizardPage() {
  const { kind: kindName } = useParams();
  const { kind, isLoading, error } = useKind(kindName);
  if (isLoading) return <Loading />;
  if (error) return <ErrorMessage error={error} />;
  if (!kind?.abilities.import) return <NotAllowed />;
  return <ImportWizard kind={kind} />;
}

function ImportWizard({ kind }: { kind: Kind }) {
  const { t } = useTranslation();
  const l = useRegistryLabels();
  const qc = useQueryClient();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [publish, setPublish] = useState(false);
  const [step, setStep] = useState<Step>('choose');
  const [report, setReport] = useState<RegistryImportReport | null>(null);
  // The import runs as a background job (GET /jobs/:id, followed by JobProgress).
  const [jobId, setJobId] = useState<string | null>(null);
  const [finished, setFinished] = useState<JobView | null>(null);
  const [err, setErr] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const base = `/registry/${kind.name}/import`;

  useEffect(() => {
    if (step !== 'choose') headingRef.current?.focus();
  }, [step]);

  const onDone = useCallback(
    (j: JobView) => {
      setFinished(j);
      setStep('done');
      void qc.invalidateQueries({ queryKey: ['registry'] });
    },
    [qc],
  );

  async function send(dryRun: boolean) {
    const form = new FormData();
    form.append('file', file!);
    return api<RegistryImportReport>(
      `${base}${qs({ dryRun: String(dryRun), publish: publish ? 'true' : undefined, language: l.lang })}`,
      { method: 'POST', form, acceptStatus: [422] },
    );
  }
  async function check() {
    if (!file) return;
    setBusy(true);
    setErr(null);
    try {
      setReport(await send(true));
      setStep('report');
    } catch (e) {
      setErr(e);
    } finally {
      setBusy(false);
    }
  }
  async function commit() {
    setBusy(true);
    setErr(null);
    try {
      const r = await send(false);
      setReport(r);
      if (!r.jobId) return; // refused (422): the report shows why
      setJobId(r.jobId);
      setFinished(null);
      setStep('running');
    } catch (e) {
      setErr(e);
    } finally {
      setBusy(false);
    }
  }
  function restart() {
    setStep('choose');
    setReport(null);
    setJobId(null);
    setFinished(null);
    setFile(null);
    setErr(null);
  }

  const steps: { key: Step; label: string }[] = [
    { key: 'choose', label: t('registry.import.stepChoose') },
    { key: 'report', label: t('registry.import.stepCheck') },
    { key: 'running', label: t('registry.import.stepImport') },
    { key: 'done', label: t('registry.import.stepDone') },
  ];
  const current = steps.findIndex((s) => s.key === step);
  const columns = [
    col.accessor('line', { header: t('registry.import.line') }),
    col.accessor('column', { header: t('registry.import.column'), cell: (c) => c.getValue() || '—' }),
    col.accessor('reason', { header: t('registry.import.reason'), enableSorting: false }),
  ];
  const counts = (finished?.result ?? {}) as { inserted?: number; updated?: number };
  const toWrite = report ? report.wouldInsert + report.wouldUpdate : 0;

  return (
    <>
      <nav aria-label={t('nav.breadcrumb')} className="breadcrumb">
        <Link to="/registry">{t('registry.home.title')}</Link> ›{' '}
        <Link to={`/registry/${kind.name}`}>{l.kindPlural(kind)}</Link>
      </nav>
      <PageTitle>{t('registry.import.title', { kind: l.kindPlural(kind) })}</PageTitle>
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
      <ErrorMessage error={err} />

      {step === 'choose' && (
        <Section title={t('registry.import.stepChoose')}>
          <p>{t('registry.import.intro', { key: kind.importKey.join(' + ') })}</p>
          <p>
            <a href={`${API}/registry/${kind.name}/import-template`} download>
              {t('registry.import.template')}
            </a>
          </p>
          <p className="hint">
            {t('registry.import.columns', { columns: kind.fields.map((f) => f.name).join(', ') })}
          </p>
          <form
            className="stack"
            onSubmit={(e) => {
              e.preventDefault();
              void check();
            }}
          >
            <div className="field">
              <label htmlFor={fileId}>{t('registry.import.file')}</label>
              <p className="hint">{t('registry.import.fileHint')}</p>
              <input
                id={fileId}
                type="file"
                accept=".csv,.xlsx,.json,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                required
                onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              />
            </div>
            {!kind.workflow.fourEyes && (
              <label className="checkbox">
                <input type="checkbox" checked={publish} onChange={(e) => setPublish(e.target.checked)} />
                {t('registry.import.publish')}
              </label>
            )}
            <p className="hint">
              {kind.workflow.fourEyes ? t('registry.import.fourEyes') : t('registry.import.markingHint')}
            </p>
            <div className="actions">
              <button type="submit" className="button" disabled={!file || busy}>
                {t('registry.import.check')}
              </button>
              <Link to={`/registry/${kind.name}`} className="button button-secondary">
                {t('common.cancel')}
              </Link>
            </div>
          </form>
        </Section>
      )}

      {step === 'report' && report && (
        <section className="card" aria-labelledby="report-title">
          <h2 id="report-title" ref={headingRef} tabIndex={-1}>
            {t('registry.import.reportTitle', { file: file?.name ?? '' })}
          </h2>
          <dl className="stats">
            <div>
              <dt>{t('registry.import.rows')}</dt>
              <dd data-testid="rows">{report.rows}</dd>
            </div>
            <div>
              <dt>{t('registry.import.wouldInsert')}</dt>
              <dd data-testid="would-insert">{report.wouldInsert}</dd>
            </div>
            <div>
              <dt>{t('registry.import.wouldUpdate')}</dt>
              <dd data-testid="would-update">{report.wouldUpdate}</dd>
            </div>
            <div>
              <dt>{t('registry.import.unchanged')}</dt>
              <dd data-testid="unchanged">{report.unchanged}</dd>
            </div>
            <div>
              <dt>{t('registry.import.problems')}</dt>
              <dd data-testid="problems">{report.errorCount}</dd>
            </div>
          </dl>
          {report.errorCount > 0 ? (
            <>
              <Alert kind="error">
                <p>{report.detail ?? t('registry.import.hasErrors', { count: report.errorCount })}</p>
                {report.errorCount > report.errors.length && (
                  <p>{t('registry.import.firstErrors', { shown: report.errors.length })}</p>
                )}
              </Alert>
              <DataTable
                data={report.errors}
                columns={columns}
                caption={t('registry.import.errorsCaption')}
                rowKey={(e) => `${e.line}-${e.column}-${e.reason}`}
              />
              <div className="actions">
                <button type="button" className="button" onClick={restart}>
                  {t('registry.import.chooseAnother')}
                </button>
              </div>
            </>
          ) : (
            <>
              <Alert kind="success">
                <p>{t('registry.import.ready')}</p>
              </Alert>
              <div className="actions">
                <button
                  type="button"
                  className="button"
                  onClick={() => void commit()}
                  disabled={busy || toWrite === 0}
                >
                  {t('registry.import.commit', { count: toWrite })}
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
            {t('registry.import.running')}
          </h2>
          <JobProgress jobId={jobId} onDone={onDone} />
        </section>
      )}

      {step === 'done' && finished && (
        <section className="card" aria-labelledby="done-title">
          <h2 id="done-title" ref={headingRef} tabIndex={-1}>
            {finished.state === 'succeeded'
              ? t('registry.import.doneTitle')
              : t('registry.import.failedTitle')}
          </h2>
          {finished.state === 'succeeded' ? (
            <Alert kind="success">
              <p data-testid="import-result">
                {t('registry.import.doneText', {
                  inserted: counts.inserted ?? 0,
                  updated: counts.updated ?? 0,
                })}
              </p>
            </Alert>
          ) : (
            <Alert kind="error">
              <p>{finished.error ?? t(`registry.import.status.${finished.state}`)}</p>
            </Alert>
          )}
          <div className="actions">
            <Link to={`/registry/${kind.name}`} className="button">
              {t('registry.import.backToList', { kind: l.kindPlural(kind) })}
            </Link>
            <button type="button" className="button button-secondary" onClick={restart}>
              {t('registry.import.another')}
            </button>
          </div>
        </section>
      )}
    </>
  );
}
