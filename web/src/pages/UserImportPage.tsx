import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, type ImportReport, type OrganisationRow } from '../api.ts';
import {
  ImportDoneStep,
  ImportFileField,
  ImportReportOutcome,
  ImportRunningStep,
  ImportStats,
  ImportStepCard,
  ImportSteps,
  useImportWizard,
} from '../components/import/ImportWizard.tsx';
import { JobProgress } from '../components/JobProgress.tsx';
import { Alert, ErrorMessage, PageTitle, Section, SelectField } from '../components/ui.tsx';
import { useSignedIn } from '../session.ts';

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
  const [params, setParams] = useSearchParams();
  const admin = me.abilities.platformAdmin;
  const [orgId, setOrgId] = useState(params.get('organisationId') ?? me.organisation.id);
  // The import runs as a background job (GET /jobs/:id). The running import's job id is kept in
  // the URL (?job=…), so a reload follows it again.
  const w = useImportWizard<ImportReport>({
    upload: (file, dryRun) => upload(orgId, file, dryRun),
    initialJobId: params.get('job'),
    onJobStarted: (jobId) =>
      setParams(
        (p) => {
          p.set('job', jobId);
          return p;
        },
        { replace: true },
      ),
    onRestart: () =>
      setParams(
        (p) => {
          p.delete('job');
          return p;
        },
        { replace: true },
      ),
    onFinished: useCallback(() => void qc.invalidateQueries({ queryKey: ['users'] }), [qc]),
  });
  const { report, finished, headingRef } = w;
  const orgs = useQuery({
    queryKey: ['organisations', ''],
    queryFn: () => api<{ items: OrganisationRow[] }>('/organisations'),
    enabled: admin,
  });
  const counts = (finished?.result ?? {}) as { inserted?: number; updated?: number };

  return (
    <>
      <nav aria-label={t('nav.breadcrumb')} className="breadcrumb">
        <Link to="/users">{t('users.title')}</Link>
      </nav>
      <PageTitle>{t('import.title')}</PageTitle>
      <ImportSteps step={w.step} />
      <ErrorMessage error={w.error} />

      {w.step === 'choose' && (
        <Section title={t('importWizard.stepChoose')}>
          <p>{t('import.intro')}</p>
          <p className="hint">{t('import.sample')}</p>
          <pre className="sample">
            {'email,display_name,locale,roles\nanna.example@customs.example,Anna Example,de,risk_analyst\n'}
          </pre>
          <form
            className="stack"
            onSubmit={(e) => {
              e.preventDefault();
              void w.check();
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
            <ImportFileField
              label={t('import.file')}
              hint={t('import.fileHint')}
              accept=".csv,text/csv"
              onChange={w.setFile}
            />
            <div className="actions">
              <button type="submit" className="button" disabled={!w.file || w.busy}>
                {t('importWizard.check')}
              </button>
            </div>
          </form>
        </Section>
      )}

      {w.step === 'report' && report && (
        <ImportStepCard
          id="report-title"
          headingRef={headingRef}
          title={t('importWizard.reportTitle', { file: w.file?.name ?? '' })}
        >
          <ImportStats
            items={[
              { label: t('importWizard.rows'), value: report.rows },
              { label: t('import.wouldInsert'), value: report.wouldInsert, testId: 'would-insert' },
              { label: t('import.wouldUpdate'), value: report.wouldUpdate, testId: 'would-update' },
              { label: t('importWizard.problems'), value: report.errors.length, testId: 'problems' },
            ]}
          />
          <ImportReportOutcome
            errors={report.errors}
            errorCount={report.errors.length}
            errorText={<p>{t('import.hasErrors', { count: report.errors.length })}</p>}
            commitLabel={t('import.commit', { count: report.valid })}
            commitDisabled={w.busy}
            onCommit={() => void w.commit()}
            onRestart={w.restart}
          />
        </ImportStepCard>
      )}

      {w.step === 'running' && w.jobId && (
        <ImportRunningStep
          title={t('import.running')}
          jobId={w.jobId}
          headingRef={headingRef}
          onDone={w.onDone}
        />
      )}

      {w.step === 'done' && finished && (
        <ImportDoneStep
          succeeded={finished.state === 'succeeded'}
          doneTitle={t('import.doneTitle')}
          failedTitle={t('import.failedTitle')}
          headingRef={headingRef}
          back={
            <Link to="/users" className="button">
              {t('import.backToUsers')}
            </Link>
          }
          onRestart={w.restart}
        >
          {finished.state === 'succeeded' ? (
            <Alert kind="success">
              <p role="status">
                {t('import.doneText', { inserted: counts.inserted ?? 0, updated: counts.updated ?? 0 })}
              </p>
            </Alert>
          ) : (
            <JobProgress jobId={finished.id} />
          )}
        </ImportDoneStep>
      )}
    </>
  );
}
