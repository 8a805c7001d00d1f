import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, api } from '../api.ts';
import { CoEditors } from '../components/CoEditors.tsx';
import { NamedOrganisations } from '../components/marking.tsx';
import {
  ErrorMessage,
  Loading,
  Marking,
  NotAllowed,
  PageTitle,
  Section,
  StatusPill,
  useFormat,
} from '../components/ui.tsx';
import { RsvpPanel } from '../meetings/RsvpPanel.tsx';
import { VersionsPanel } from '../messages/VersionsPanel.tsx';
import { FeedbackPanel } from '../risk-information/FeedbackPanel.tsx';
import { ApprovalPanel } from './ApprovalPanel.tsx';
import { AttachmentsPanel } from './AttachmentsPanel.tsx';
import { CommentsPanel } from './CommentsPanel.tsx';
import { CorrectionPanel } from './CorrectionPanel.tsx';
import { FieldValue } from './FieldValue.tsx';
import { HistoryPanel } from './HistoryPanel.tsx';
import { useKind } from './hooks.ts';
import { useRegistryLabels } from './labels.ts';
import { ShareEditor } from './ShareEditor.tsx';
import { SubscribePanel } from './SubscribePanel.tsx';
import type { RecordDetail } from './types.ts';
import { ReferencedBy } from './views/ReferencedBy.tsx';
import { WorkflowActions } from './WorkflowActions.tsx';
import './registry.css';

/** Kinds with a page of their area beside the record (its actions beyond the registry's). */
const AREA_PAGES: Readonly<Record<string, string>> = {
  risk_factor: '/risk/factors/:id',
  profile_recommendation: '/risk/recommendations/:id',
};

/** /registry/:kind/:id — one record: marking, fields by type, workflow, sharing, history, comments, files. */
export function RecordPage() {
  const { kind: kindName, id } = useParams();
  const { t } = useTranslation();
  const l = useRegistryLabels();
  const f = useFormat();
  const { kind, isLoading, error } = useKind(kindName);
  const rec = useQuery({
    queryKey: ['registry', 'detail', kindName, id],
    queryFn: () => api<RecordDetail>(`/registry/${kindName}/${id}`),
    enabled: !!kind,
    retry: false,
  });
  if (isLoading || rec.isLoading) return <Loading />;
  if (error) return <ErrorMessage error={error} />;
  if (!kind || (rec.error instanceof ApiError && rec.error.status === 404)) return <NotAllowed />;
  if (rec.error || !rec.data) return <ErrorMessage error={rec.error} />;
  const r = rec.data;
  const suggest = Object.fromEntries(
    kind.filters
      .filter((name) => typeof r.data[name] === 'string')
      .slice(0, 1)
      .map((name) => [name, String(r.data[name])]),
  );

  return (
    <>
      <nav aria-label={t('nav.breadcrumb')} className="breadcrumb">
        <Link to="/registry">{t('registry.home.title')}</Link> ›{' '}
        <Link to={`/registry/${kind.name}`}>{l.kindPlural(kind)}</Link>
      </nav>
      <Marking tlp={r.tlp} distribution={r.distribution} marking={r.marking} banner />
      <PageTitle title={r.title}>{r.title}</PageTitle>
      <p className="muted">
        {l.kind(kind)} · <StatusPill status={r.status} label={t(`registry.status.${r.status}`)} /> ·{' '}
        {t('registry.detail.owner', { org: r.owner_org_code })} ·{' '}
        {t('registry.history.version', { version: r.version })} · {t('registry.detail.updated')}{' '}
        <time dateTime={r.updated_at}>{f.dateTime(r.updated_at)}</time>
        {r.is_demo && <span className="pill"> {t('common.demo')}</span>}
      </p>
      {r.recipients.length > 0 && (
        <p>
          {t('registry.detail.recipients')}{' '}
          {r.recipients.map((u) => `${u.display_name} (${u.organisation_code})`).join(', ')}
        </p>
      )}
      {r.named_org_ids.length > 0 && (
        <p className="muted">
          {t('marking.organisations')}: <NamedOrganisations ids={r.named_org_ids} />
        </p>
      )}
      {AREA_PAGES[kind.name] && (
        <p>
          <Link to={AREA_PAGES[kind.name]!.replace(':id', r.id)}>{t(`registry.areaPage.${kind.name}`)}</Link>
        </p>
      )}
      <WorkflowActions kind={kind} record={r} />
      {r.abilities.share && <ShareEditor kind={kind} record={r} />}
      {(kind.workflow.approval ?? []).length > 0 && (
        <Section title={t('registry.approval.title')}>
          <CorrectionPanel kind={kind} record={r} />
          <ApprovalPanel kind={kind} record={r} />
        </Section>
      )}
      <Section title={t('editors.title')}>
        <CoEditors url={`/registry/${kind.name}/${r.id}/editors`} />
      </Section>

      <Section title={t('registry.detail.data')}>
        <dl className="record-fields">
          {kind.fields
            .filter((fd) => !fd.visibleTo || fd.name in r.data || r.abilities.restrictedFields)
            .map((fd) => (
              <div key={fd.name} className="contents">
                <dt>
                  {l.field(fd)}
                  {fd.visibleTo === 'owner' && (
                    <span className="pill owner-only">{t('registry.detail.ownerOnly')}</span>
                  )}
                </dt>
                <dd>
                  <FieldValue kind={kind.name} name={fd.name} spec={fd} value={r.data[fd.name]} />
                </dd>
              </div>
            ))}
        </dl>
      </Section>

      {/* A meeting's invitation: answers per person (src/modules/meetings). */}
      {kind.name === 'meeting' && r.status === 'published' && <RsvpPanel meetingId={r.id} />}
      {kind.name === 'risk_information' && r.status !== 'draft' && (
        <FeedbackPanel recordId={r.id} canExport={r.abilities.export} />
      )}

      {/* A coordinated message's language versions and its embargo (src/modules/messages). */}
      {kind.name === 'message' && <VersionsPanel messageId={r.id} embargoAt={String(r.data.embargo_at)} />}

      {/* Other kinds referring to this record ("who else uses this model"), from the views module. */}
      <ReferencedBy kind={kind.name} id={r.id} />

      <Section title={t('registry.detail.comments')}>
        <CommentsPanel kind={kind} record={r} />
      </Section>
      <Section title={t('registry.detail.attachments')}>
        <AttachmentsPanel kind={kind} record={r} />
      </Section>
      <Section title={t('registry.detail.history')}>
        <HistoryPanel kind={kind} history={r.history} />
      </Section>
      <Section title={t('registry.detail.alerts')}>
        <SubscribePanel kind={kind} suggest={suggest} />
      </Section>
    </>
  );
}
