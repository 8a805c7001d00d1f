import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { type AnnouncementDetail, API, ApiError, type AuditPage, api } from '../api.ts';
import { ActivityList } from '../components/audit.tsx';
import { CoEditors } from '../components/CoEditors.tsx';
import {
  MarkingFields,
  type MarkingValue,
  markingBody,
  NamedOrganisations,
  ruleOf,
  useMarkingRules,
} from '../components/marking.tsx';
import {
  ErrorMessage,
  fieldErrorsOf,
  Loading,
  Marking,
  NotAllowed,
  PageTitle,
  Section,
  TextArea,
  TextField,
  useFormat,
  useNotice,
} from '../components/ui.tsx';

function formatSize(n: number) {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

function ShareDialog({ a, onClose }: { a: AnnouncementDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const notice = useNotice();
  const qc = useQueryClient();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [marking, setMarking] = useState<MarkingValue>({
    distribution: a.distribution,
    sharingGroupId: a.sharing_group_id ?? '',
    tlp: a.tlp,
    recipients: a.recipients,
    organisationIds: a.named_org_ids,
  });
  const rules = useMarkingRules();
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  const m = useMutation({
    mutationFn: () => api(`/announcements/${a.id}/share`, { body: markingBody(marking, rules) }),
    onSuccess: () => {
      notice('success', t('announcement.shared'));
      void qc.invalidateQueries({ queryKey: ['announcement', a.id] });
      void qc.invalidateQueries({ queryKey: ['audit'] });
      onClose();
    },
  });
  return (
    <dialog ref={ref} aria-labelledby={titleId} onClose={onClose} className="dialog">
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          m.mutate();
        }}
      >
        <h2 id={titleId}>{t('announcement.shareTitle')}</h2>
        <p className="hint">{t('announcement.shareIntro')}</p>
        <MarkingFields value={marking} onChange={setMarking} errors={fieldErrorsOf(m.error)} />
        <ErrorMessage error={m.error} />
        <div className="actions">
          <button type="submit" className="button" disabled={m.isPending}>
            {t('announcement.saveSharing')}
          </button>
          <button type="button" className="button button-secondary" onClick={() => ref.current?.close()}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

function CorrectForm({ a, onDone }: { a: AnnouncementDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const notice = useNotice();
  const qc = useQueryClient();
  const [title, setTitle] = useState(a.title);
  const [body, setBody] = useState(a.body);
  const m = useMutation({
    mutationFn: () => api(`/announcements/${a.id}`, { method: 'PATCH', body: { title, body } }),
    onSuccess: () => {
      notice('success', t('announcement.corrected'));
      void qc.invalidateQueries({ queryKey: ['announcement', a.id] });
      void qc.invalidateQueries({ queryKey: ['audit'] });
      onDone();
    },
  });
  const fe = fieldErrorsOf(m.error);
  return (
    <form
      className="stack"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        m.mutate();
      }}
    >
      <TextField
        label={t('announcements.fieldTitle')}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        error={fe.title}
        required
      />
      <TextArea
        label={t('announcements.fieldBody')}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        rows={8}
        error={fe.body}
        required
      />
      <ErrorMessage error={m.error} />
      <div className="actions">
        <button type="submit" className="button" disabled={m.isPending}>
          {t('common.save')}
        </button>
        <button type="button" className="button button-secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function UploadForm({ id }: { id: string }) {
  const { t } = useTranslation();
  const notice = useNotice();
  const qc = useQueryClient();
  const inputId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const m = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api(`/announcements/${id}/attachments`, { method: 'POST', form });
    },
    onSuccess: () => {
      notice('success', t('announcement.uploaded'));
      if (fileRef.current) fileRef.current.value = '';
      void qc.invalidateQueries({ queryKey: ['announcement', id] });
      void qc.invalidateQueries({ queryKey: ['audit'] });
    },
  });
  return (
    <form
      className="upload-form"
      onSubmit={(e) => {
        e.preventDefault();
        const f = fileRef.current?.files?.[0];
        if (f) m.mutate(f);
      }}
    >
      <div className="field">
        <label htmlFor={inputId}>{t('announcement.attachFile')}</label>
        <p className="hint">{t('announcement.attachHint')}</p>
        <input id={inputId} ref={fileRef} type="file" name="file" required />
      </div>
      <ErrorMessage error={m.error} />
      <button type="submit" className="button button-secondary" disabled={m.isPending}>
        {t('announcement.upload')}
      </button>
    </form>
  );
}

export function AnnouncementPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const f = useFormat();
  const notice = useNotice();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const rules = useMarkingRules();
  const [editing, setEditing] = useState(false);
  const [sharing, setSharing] = useState(false);
  const [confirmRetract, setConfirmRetract] = useState(false);
  const q = useQuery({
    queryKey: ['announcement', id],
    queryFn: () => api<AnnouncementDetail>(`/announcements/${id}`),
  });
  const history = useQuery({
    queryKey: ['audit', 'announcement', id],
    queryFn: () =>
      api<AuditPage>(`/audit?recordKind=announcement&recordId=${encodeURIComponent(id)}&limit=50`),
    enabled: !!q.data,
  });
  const retract = useMutation({
    mutationFn: () => api(`/announcements/${id}`, { method: 'DELETE' }),
    onSuccess: () => {
      notice('success', t('announcement.retracted'));
      void qc.invalidateQueries({ queryKey: ['announcements'] });
      navigate('/announcements');
    },
  });
  if (q.isLoading) return <Loading />;
  if (q.error instanceof ApiError && (q.error.status === 404 || q.error.status === 400))
    return <NotAllowed />;
  if (q.error || !q.data) return <ErrorMessage error={q.error} />;
  const a = q.data;
  const can = a.abilities;
  return (
    <>
      <nav aria-label={t('nav.breadcrumb')} className="breadcrumb">
        <Link to="/announcements">{t('announcements.title')}</Link>
        <span aria-hidden="true"> / </span>
        <Link to={`/networks/${a.network_id}`}>{a.network_name}</Link>
      </nav>
      <Marking tlp={a.tlp} distribution={a.distribution} marking={a.marking} banner />
      <PageTitle>{a.title}</PageTitle>
      <p className="muted">
        {t('announcements.meta', { author: a.author_name, org: a.owner_org_code, network: a.network_name })} ·{' '}
        <time dateTime={a.created_at}>{f.dateTime(a.created_at)}</time>
        {a.updated_at !== a.created_at && (
          <> · {t('announcement.updatedAt', { when: f.dateTime(a.updated_at) })}</>
        )}
        {a.is_demo && <span className="pill pill-demo">{t('common.demo')}</span>}
      </p>
      {(can.update || can.share || can.retract) && (
        <div className="toolbar">
          {can.update && !editing && (
            <button type="button" className="button button-secondary" onClick={() => setEditing(true)}>
              {t('announcement.correct')}
            </button>
          )}
          {can.share && (
            <button type="button" className="button button-secondary" onClick={() => setSharing(true)}>
              {t('announcement.share')}
            </button>
          )}
          {can.retract &&
            (confirmRetract ? (
              <span className="confirm-inline">
                <span>{t('announcement.confirmRetract')}</span>
                <button
                  type="button"
                  className="button button-danger"
                  onClick={() => retract.mutate()}
                  disabled={retract.isPending}
                >
                  {t('announcement.retractYes')}
                </button>
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => setConfirmRetract(false)}
                >
                  {t('common.cancel')}
                </button>
              </span>
            ) : (
              <button
                type="button"
                className="button button-danger-outline"
                onClick={() => setConfirmRetract(true)}
              >
                {t('announcement.retract')}
              </button>
            ))}
        </div>
      )}
      <ErrorMessage error={retract.error} />
      {sharing && <ShareDialog a={a} onClose={() => setSharing(false)} />}
      <div className="grid grid-main">
        <div className="stack-lg">
          <Section title={editing ? t('announcement.correctTitle') : t('announcement.text')}>
            {editing ? (
              <CorrectForm a={a} onDone={() => setEditing(false)} />
            ) : (
              <div className="prose">{a.body}</div>
            )}
          </Section>
          <Section title={t('announcement.history')}>
            {history.isLoading ? (
              <Loading />
            ) : history.error ? (
              <ErrorMessage error={history.error} />
            ) : (
              <ActivityList events={history.data?.items ?? []} showChanges />
            )}
          </Section>
        </div>
        <div className="stack-lg">
          <Section title={t('announcement.sharing')}>
            <dl className="facts">
              <div>
                <dt>{t('marking.tlp')}</dt>
                <dd>{t(`tlp.${a.tlp}.rule`)}</dd>
              </div>
              <div>
                <dt>{t('marking.distribution')}</dt>
                <dd>
                  {ruleOf(rules, a.tlp)?.namedRecipientsOnly
                    ? t('distribution.recipientsOnly')
                    : t(`distribution.${a.distribution}.rule`)}
                </dd>
              </div>
              {a.named_org_ids.length > 0 && (
                <div>
                  <dt>{t('marking.organisations')}</dt>
                  <dd>
                    <NamedOrganisations ids={a.named_org_ids} />
                  </dd>
                </div>
              )}
              {a.recipients.length > 0 && (
                <div>
                  <dt>{t('marking.recipients')}</dt>
                  <dd>
                    <ul className="plain">
                      {a.recipients.map((r) => (
                        <li key={r.id}>
                          {r.display_name} ({r.organisation_code})
                        </li>
                      ))}
                    </ul>
                  </dd>
                </div>
              )}
              <div>
                <dt>{t('announcement.export')}</dt>
                <dd>{can.export ? t('announcement.exportable') : t('announcement.notExportable')}</dd>
              </div>
            </dl>
          </Section>
          <Section title={t('editors.title')}>
            <CoEditors
              url={`/announcements/${a.id}/editors`}
              onChanged={() => void qc.invalidateQueries({ queryKey: ['announcement', a.id] })}
            />
          </Section>
          <Section title={t('announcement.attachments')}>
            {a.attachments.length === 0 ? (
              <p className="muted">{t('announcement.noAttachments')}</p>
            ) : (
              <ul className="link-list">
                {a.attachments.map((x) => (
                  <li key={x.id}>
                    <a href={`${API}/announcements/${a.id}/attachments/${x.id}`} download={x.filename}>
                      {x.filename}
                    </a>
                    <span className="muted">
                      {formatSize(x.size)} · {f.date(x.created_at)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            {can.update && <UploadForm id={a.id} />}
          </Section>
        </div>
      </div>
    </>
  );
}
