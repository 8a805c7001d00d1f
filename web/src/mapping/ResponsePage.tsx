import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import {
  type Answers,
  FormState,
  indexItems,
  type Questionnaire,
  validateResponse,
} from '../../../src/engines/questionnaire/index.ts';
import { ApiError, api } from '../api.ts';
import {
  Alert,
  ErrorMessage,
  Loading,
  PageTitle,
  Section,
  StatusPill,
  TextArea,
  useFormat,
  useNotice,
} from '../components/ui.tsx';
import { type FormContext, FormItems } from './FormItems.tsx';
import { formLanguage, problemsByPath, setAnswer, textOf, withDefaults } from './form-model.ts';
import { useCampaign, useResponse, useVersion } from './hooks.ts';
import type { ResponseDetail } from './types.ts';
import './mapping.css';

const localToday = () => {
  const d = new Date();
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
};

/** Paths the API names in a 400 or 409 (`answers.<path>`), with its messages. */
function apiProblems(err: unknown): Map<string, string> {
  const map = new Map<string, string>();
  if (!(err instanceof ApiError)) return map;
  for (const e of err.problem.errors ?? [])
    if (e.field.startsWith('answers.')) map.set(e.field.slice('answers.'.length), e.message);
  return map;
}

/** An administration's response: the form rendered from the questionnaire, save, validate, reopen. */
export function ResponsePage() {
  const { id = '' } = useParams();
  const response = useResponse(id);
  const campaign = useCampaign(response.data?.campaignId ?? '');
  const version = useVersion(
    campaign.data?.questionnaireId ?? '',
    campaign.data?.version ?? '',
    !!campaign.data,
  );
  if (response.isLoading || (response.data && (campaign.isLoading || version.isLoading))) return <Loading />;
  const error = response.error ?? campaign.error ?? version.error;
  if (error || !response.data || !version.data) return <ErrorMessage error={error} />;
  return (
    <ResponseForm
      key={`${response.data.id}-${response.data.version}-${response.data.status}`}
      r={response.data}
      q={version.data.questionnaire}
      campaignTitle={campaign.data?.title ?? ''}
    />
  );
}

function ResponseForm({
  r,
  q,
  campaignTitle,
}: {
  r: ResponseDetail;
  q: Questionnaire;
  campaignTitle: string;
}) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const notice = useNotice();
  const qc = useQueryClient();
  // A response never saved starts with the form's defaults (XLSForm `default`).
  const [answers, setAnswers] = useState<Answers>(() =>
    r.version === 0 && r.abilities.update ? withDefaults(q.items, r.answers) : r.answers,
  );
  const [tried, setTried] = useState(false);
  const [serverProblems, setServerProblems] = useState<Map<string, string>>(new Map());
  const lang = formLanguage(q, i18n.language);
  const apiLanguage = /^[a-z]{2}(-[A-Za-z]{2})?$/.test(lang) ? lang : undefined;
  const today = localToday();
  const state = useMemo(() => new FormState(q, answers, today), [q, answers, today]);
  const checked = useMemo(
    () => validateResponse(q, answers, { today, language: lang }),
    [q, answers, today, lang],
  );
  const live = useMemo(
    () =>
      problemsByPath(
        checked.problems.filter((p) => p.kind !== 'not_relevant' && (tried || p.kind !== 'required')),
      ),
    [checked, tried],
  );
  const disabled = !r.abilities.update;
  const index = useMemo(() => indexItems(q), [q]);
  const f: FormContext = {
    responseId: r.id,
    q,
    state,
    lang,
    disabled,
    set: (scope, code, value) => setAnswers((a) => setAnswer(a, scope, code, value)),
    problem: (path) => live.get(path) ?? serverProblems.get(path),
  };
  const refresh = () => qc.invalidateQueries({ queryKey: ['mapping'] });

  const save = useMutation({
    mutationFn: () =>
      api<ResponseDetail>(`/mapping/responses/${r.id}/answers`, {
        method: 'PUT',
        body: {
          version: r.version,
          answers: checked.answers,
          ...(apiLanguage ? { language: apiLanguage } : {}),
        },
      }),
    onSuccess: (saved) => {
      notice(
        'success',
        saved.pending?.length
          ? t('mapping.form.savedPending', { version: saved.version, count: saved.pending.length })
          : t('mapping.form.saved', { version: saved.version }),
      );
      setServerProblems(new Map());
      void refresh();
    },
    onError: (e) => setServerProblems(apiProblems(e)),
  });
  const validate = useMutation({
    mutationFn: () =>
      api<ResponseDetail>(`/mapping/responses/${r.id}/validate`, {
        body: { version: r.version, ...(apiLanguage ? { language: apiLanguage } : {}) },
      }),
    onSuccess: () => {
      notice('success', t('mapping.form.validated'));
      void refresh();
    },
    onError: (e) => setServerProblems(apiProblems(e)),
  });
  const stale = save.error instanceof ApiError && save.error.status === 409 ? save.error : null;
  const dirty = JSON.stringify(answers) !== JSON.stringify(r.answers);

  return (
    <>
      <PageTitle>
        {t('mapping.response.heading', { administration: r.organisation.code, campaign: campaignTitle })}
      </PageTitle>
      <p>
        <Link to={`/mapping/campaigns/${r.campaignId}`}>{t('mapping.response.backToCampaign')}</Link>
      </p>
      <dl className="facts">
        <div>
          <dt>{t('mapping.response.status')}</dt>
          <dd>
            <StatusPill status={r.status} label={t(`mapping.status.${r.status}`)} />
          </dd>
        </div>
        <div>
          <dt>{t('mapping.response.version')}</dt>
          <dd>{r.version}</dd>
        </div>
        <div>
          <dt>{t('mapping.response.lastEdited')}</dt>
          <dd>
            {r.lastEditor
              ? t('mapping.response.by', {
                  who: r.lastEditor.displayName,
                  when: fmt.dateTime(r.lastEditedAt),
                })
              : '—'}
          </dd>
        </div>
        <div>
          <dt>{t('mapping.response.validatedAt')}</dt>
          <dd>
            {r.validatedBy
              ? t('mapping.response.by', {
                  who: r.validatedBy.displayName,
                  when: fmt.dateTime(r.validatedAt),
                })
              : '—'}
          </dd>
        </div>
        <div>
          <dt>{t('mapping.campaign.closesAt')}</dt>
          <dd>{fmt.dateTime(r.closesAt)}</dd>
        </div>
      </dl>
      {r.reopenReason && r.status === 'reopened' && (
        <Alert kind="info">
          <p>{t('mapping.response.reopenedBecause', { reason: r.reopenReason })}</p>
        </Alert>
      )}
      {lang !== i18n.language.slice(0, 2) && (
        <p className="hint">
          {t('mapping.form.languageNote', {
            language: q.languages.find((l) => l.code === lang)?.name ?? lang,
          })}
        </p>
      )}
      {stale && (
        <Alert kind="error">
          <p>{t('mapping.form.stale')}</p>
          <ul>
            {(stale.problem.errors ?? []).map((e) => {
              const path = e.field.replace(/^answers\./, '');
              const label = textOf(index.get(path.split(/[.[]/)[0] ?? '')?.item.label, q, lang);
              return (
                <li key={e.field}>
                  {label && `${label} `}
                  <code>{path}</code>
                </li>
              );
            })}
          </ul>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              save.reset();
              void refresh();
            }}
          >
            {t('mapping.form.reload')}
          </button>
        </Alert>
      )}
      <form
        className="q-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setTried(true);
          save.mutate();
        }}
      >
        <FormItems items={q.items} scope={[]} f={f} level={0} />
        {!stale && <ErrorMessage error={save.error} />}
        <ErrorMessage error={validate.error} />
        {r.abilities.update && (
          <div className="actions">
            <button type="submit" className="button" disabled={save.isPending}>
              {t('mapping.form.save')}
            </button>
            {checked.problems.some((p) => p.kind !== 'not_relevant') && (
              <span className="hint">
                {t('mapping.form.problemsLeft', {
                  count: checked.problems.filter((p) => p.kind !== 'not_relevant').length,
                })}
              </span>
            )}
          </div>
        )}
      </form>
      {r.abilities.validate && (
        <Section title={t('mapping.form.validateTitle')}>
          <p>{t('mapping.form.validateIntro')}</p>
          {dirty && <p className="hint">{t('mapping.form.validateUnsaved')}</p>}
          <button
            type="button"
            className="button"
            disabled={validate.isPending || dirty}
            onClick={() => {
              setTried(true);
              validate.mutate();
            }}
          >
            {t('mapping.form.validate')}
          </button>
        </Section>
      )}
      {r.abilities.update && !r.abilities.validate && r.lastEditor && (
        <p className="hint">{t('mapping.form.validateByOther')}</p>
      )}
      {r.abilities.reopen && <ReopenSection r={r} />}
    </>
  );
}

function ReopenSection({ r }: { r: ResponseDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const notice = useNotice();
  const qc = useQueryClient();
  const [reason, setReason] = useState('');
  const reopen = useMutation({
    mutationFn: () => api(`/mapping/responses/${r.id}/reopen`, { body: { reason: reason.trim() } }),
    onSuccess: () => {
      notice('success', t('mapping.reopen.done'));
      // The response is back with its administration (a draft the coordinator does not read).
      navigate(`/mapping/campaigns/${r.campaignId}`);
      void qc.invalidateQueries({ queryKey: ['mapping'] });
    },
  });
  return (
    <Section title={t('mapping.reopen.title')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          reopen.mutate();
        }}
      >
        <TextArea
          label={t('mapping.reopen.reason')}
          hint={t('mapping.reopen.hint')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          required
          minLength={3}
        />
        <div className="actions">
          <button
            type="submit"
            className="button button-secondary"
            disabled={reason.trim().length < 3 || reopen.isPending}
          >
            {t('mapping.reopen.submit')}
          </button>
        </div>
        <ErrorMessage error={reopen.error} />
      </form>
    </Section>
  );
}
