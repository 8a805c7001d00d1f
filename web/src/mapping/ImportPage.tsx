import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, qs } from '../api.ts';
import { FileField } from '../components/FileField.tsx';
import {
  Alert,
  ErrorMessage,
  NotAllowed,
  PageTitle,
  Section,
  SelectField,
  useNotice,
} from '../components/ui.tsx';
import { useSignedIn } from '../session.ts';
import type { ImportIssue, ImportReport } from './types.ts';
import './mapping.css';

/** Import an XLSForm workbook: a dry run reports first, then the author imports (optionally without blocked items). */
export function ImportPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const navigate = useNavigate();
  const notice = useNotice();
  const qc = useQueryClient();
  const networks = (me.networks ?? []).filter((n) => n.role === 'coordinator');
  const admin = !!me.abilities?.platformAdmin;
  const [networkId, setNetworkId] = useState(networks[0]?.id ?? '');
  const [file, setFile] = useState<File | null>(null);
  const [withoutBlocked, setWithoutBlocked] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);

  const send = (dryRun: boolean, without: boolean) => {
    const form = new FormData();
    form.append('file', file!);
    return api<ImportReport>(
      `/mapping/questionnaires/import${qs({
        dryRun: dryRun ? 'true' : undefined,
        withoutBlocked: without ? 'true' : undefined,
        networkId: networkId || undefined,
      })}`,
      { method: 'POST', form },
    );
  };
  const check = useMutation({
    mutationFn: (without: boolean) => send(true, without),
    onSuccess: (r) => setReport(r),
  });
  const commit = useMutation({
    mutationFn: () => send(false, withoutBlocked),
    onSuccess: (r) => {
      notice(
        'success',
        t('mapping.import.done', {
          title: r.questionnaire?.title ?? '',
          version: r.questionnaire?.version ?? '',
        }),
      );
      void qc.invalidateQueries({ queryKey: ['mapping'] });
      navigate(
        `/mapping/questionnaires/${r.questionnaireId}/versions/${encodeURIComponent(r.questionnaire!.version)}`,
      );
    },
  });

  if (networks.length === 0 && !admin) return <NotAllowed />;
  const blocked = (report?.blocking.length ?? 0) > 0;
  const canCommit =
    !!report?.questionnaire && (!blocked || withoutBlocked) && report.keepProblems.length === 0;

  return (
    <>
      <PageTitle>{t('mapping.import.title')}</PageTitle>
      <p className="lead">{t('mapping.import.intro')}</p>
      <Section title={t('mapping.import.file')}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setWithoutBlocked(false);
            if (file) check.mutate(false);
          }}
        >
          <SelectField
            label={t('mapping.import.network')}
            hint={t('mapping.import.networkHint')}
            value={networkId}
            onChange={(e) => setNetworkId(e.target.value)}
          >
            {admin && <option value="">{t('mapping.questionnaire.noNetwork')}</option>}
            {networks.map((n) => (
              <option key={n.id} value={n.id}>
                {n.name}
              </option>
            ))}
          </SelectField>
          <FileField
            label={t('mapping.import.workbook')}
            hint={t('mapping.import.workbookHint')}
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(f) => {
              setFile(f);
              setReport(null);
            }}
          />
          <div className="actions">
            <button type="submit" className="button" disabled={!file || check.isPending}>
              {t('mapping.import.check')}
            </button>
            <Link to="/mapping">{t('common.cancel')}</Link>
          </div>
        </form>
        <ErrorMessage error={check.error} />
      </Section>
      {report && (
        <Section title={t('mapping.import.report')}>
          <ReportView report={report} />
          {blocked && (
            <label className="checkbox">
              <input
                type="checkbox"
                checked={withoutBlocked}
                onChange={(e) => {
                  setWithoutBlocked(e.target.checked);
                  check.mutate(e.target.checked);
                }}
              />
              {t('mapping.import.withoutBlocked')}
            </label>
          )}
          <div className="actions">
            <button
              type="button"
              className="button"
              disabled={!canCommit || commit.isPending}
              onClick={() => commit.mutate()}
            >
              {t('mapping.import.commit')}
            </button>
          </div>
          <ErrorMessage error={commit.error} />
        </Section>
      )}
    </>
  );
}

function IssueTable({ issues, caption }: { issues: ImportIssue[]; caption: string }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('mapping.import.sheet')}</th>
            <th scope="col">{t('mapping.import.row')}</th>
            <th scope="col">{t('mapping.import.column')}</th>
            <th scope="col">{t('mapping.import.name')}</th>
            <th scope="col">{t('mapping.import.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {issues.map((i, n) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: issues have no identity of their own
            <tr key={n}>
              <td>{i.sheet}</td>
              <td>{i.row}</td>
              <td>{i.column ?? ''}</td>
              <td>{i.code ? <code>{i.code}</code> : ''}</td>
              <td>{i.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function CodeList({ label, codes }: { label: string; codes: string[] }) {
  const { t } = useTranslation();
  return (
    <div>
      <dt>{label}</dt>
      <dd>{codes.length ? codes.map((c) => <code key={c}>{c} </code>) : t('common.none')}</dd>
    </div>
  );
}

function ReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const q = report.questionnaire;
  return (
    <>
      {q ? (
        <dl className="facts">
          <div>
            <dt>{t('mapping.questionnaire.title')}</dt>
            <dd>{q.title}</dd>
          </div>
          <div>
            <dt>{t('mapping.questionnaire.code')}</dt>
            <dd>
              <code>{q.code}</code>
            </dd>
          </div>
          <div>
            <dt>{t('mapping.questionnaire.version')}</dt>
            <dd>
              {q.version}{' '}
              {report.newQuestionnaire
                ? t('mapping.import.newQuestionnaire')
                : t('mapping.import.newVersion', { previous: report.comparison?.previousVersion ?? '' })}
            </dd>
          </div>
          <div>
            <dt>{t('mapping.questionnaire.questions')}</dt>
            <dd>{q.questions}</dd>
          </div>
          <div>
            <dt>{t('mapping.questionnaire.languages')}</dt>
            <dd>{q.languages.map((l) => l.name ?? l.code).join(', ')}</dd>
          </div>
        </dl>
      ) : (
        report.blocking.length === 0 && (
          <Alert kind="error">
            <p>{t('mapping.import.cannotRead')}</p>
          </Alert>
        )
      )}
      {report.blocking.length > 0 && (
        <Alert kind="warning">
          <p>{t('mapping.import.blockingIntro', { count: report.blocking.length })}</p>
        </Alert>
      )}
      {report.blocking.length > 0 && (
        <IssueTable issues={report.blocking} caption={t('mapping.import.blocking')} />
      )}
      {report.leftOut.length > 0 && (
        <IssueTable issues={report.leftOut} caption={t('mapping.import.leftOut')} />
      )}
      <IssueTable issues={report.warnings} caption={t('mapping.import.warnings')} />
      {report.codeListProblems.length > 0 && (
        <>
          <Alert kind="warning">
            <p>{t('mapping.import.codeListIntro')}</p>
          </Alert>
          <div className="table-wrap">
            <table>
              <caption>{t('mapping.import.codeListProblems')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('mapping.import.codeList')}</th>
                  <th scope="col">{t('mapping.import.codeListItems')}</th>
                  <th scope="col">{t('mapping.import.codeListReason')}</th>
                </tr>
              </thead>
              <tbody>
                {report.codeListProblems.map((p) => (
                  <tr key={p.list}>
                    <td>
                      <code>{p.list}</code>
                    </td>
                    <td>{p.items.join(', ')}</td>
                    <td>{p.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {report.comparison && (
        <dl className="facts">
          <CodeList label={t('mapping.version.kept')} codes={report.comparison.kept} />
          <CodeList label={t('mapping.version.added')} codes={report.comparison.added} />
          <CodeList label={t('mapping.version.removed')} codes={report.comparison.removed} />
          <CodeList
            label={t('mapping.version.changed')}
            codes={report.comparison.changedType.map((c) => c.code)}
          />
        </dl>
      )}
      {report.keepProblems.length > 0 && (
        <Alert kind="error">
          <p>{t('mapping.import.keepProblems')}</p>
          <ul>
            {report.keepProblems.map((p) => (
              <li key={p.code}>
                <code>{p.code}</code>: {p.reason}
              </li>
            ))}
          </ul>
        </Alert>
      )}
    </>
  );
}
