import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, api, type NetworkDetail, type UserRow } from '../api.ts';
import { AnnouncementCards } from '../components/marking.tsx';
import {
  DataTable,
  ErrorMessage,
  fieldErrorsOf,
  Loading,
  NotAllowed,
  PageTitle,
  Section,
  SelectField,
  TextArea,
  useNotice,
} from '../components/ui.tsx';
import type { RecordList } from '../registry/types.ts';
import { NetworkDiscussions } from './NetworkDiscussions.tsx';
import { NetworkPostForm, type NetworkPostSpec } from './NetworkPostForm.tsx';

type Member = NetworkDetail['members'][number];
const col = createColumnHelper<Member>();

/** An announcement posted from the network's page (the registry kind `announcement`). */
const ANNOUNCEMENT_POST: NetworkPostSpec = {
  kind: 'announcement',
  titleField: 'title',
  labels: {
    title: 'announcements.fieldTitle',
    body: 'announcements.fieldBody',
    submit: 'announcements.post',
    done: 'announcements.posted',
  },
  withMarking: true,
};

function JoinForm({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const notice = useNotice();
  const qc = useQueryClient();
  const [role, setRole] = useState('expert');
  const [note, setNote] = useState('');
  const m = useMutation({
    mutationFn: () => api(`/networks/${networkId}/memberships`, { body: { role, note } }),
    onSuccess: () => {
      notice('success', t('networks.requested'));
      void qc.invalidateQueries({ queryKey: ['memberships'] });
    },
  });
  if (m.isSuccess) return <p role="status">{t('networks.requestedLong')}</p>;
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        m.mutate();
      }}
    >
      <p>{t('networks.joinIntro')}</p>
      <SelectField label={t('memberships.role')} value={role} onChange={(e) => setRole(e.target.value)}>
        <option value="expert">{t('networkRoles.expert')}</option>
        <option value="observer">{t('networkRoles.observer')}</option>
      </SelectField>
      <TextArea
        label={t('memberships.note')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        rows={2}
        maxLength={1000}
      />
      <ErrorMessage error={m.error} />
      <div className="actions">
        <button type="submit" className="button" disabled={m.isPending}>
          {t('networks.requestJoin')}
        </button>
      </div>
    </form>
  );
}

function NominateForm({ network }: { network: NetworkDetail }) {
  const { t } = useTranslation();
  const notice = useNotice();
  const qc = useQueryClient();
  const users = useQuery({
    queryKey: ['users', 'nominate'],
    queryFn: () => api<{ items: UserRow[] }>('/users?limit=500'),
  });
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState('expert');
  const [note, setNote] = useState('');
  const m = useMutation({
    mutationFn: () => api(`/networks/${network.id}/memberships`, { body: { userId, role, note } }),
    onSuccess: () => {
      notice('success', network.abilities.appoint ? t('networks.appointed') : t('networks.nominated'));
      setUserId('');
      setNote('');
      void qc.invalidateQueries({ queryKey: ['memberships'] });
      void qc.invalidateQueries({ queryKey: ['network', network.id] });
    },
  });
  const memberIds = new Set(network.members.map((x) => x.user_id));
  const candidates = (users.data?.items ?? []).filter((u) => u.status === 'active' && !memberIds.has(u.id));
  const fe = fieldErrorsOf(m.error);
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        m.mutate();
      }}
    >
      <p>{network.abilities.appoint ? t('networks.appointIntro') : t('networks.nominateIntro')}</p>
      <div className="form-row">
        <SelectField
          label={t('networks.person')}
          value={userId}
          onChange={(e) => setUserId(e.target.value)}
          required
          error={fe.userId}
        >
          <option value="">{t('common.choose')}</option>
          {candidates.map((u) => (
            <option key={u.id} value={u.id}>
              {u.display_name} ({u.organisation_code}, {u.email})
            </option>
          ))}
        </SelectField>
        <SelectField label={t('memberships.role')} value={role} onChange={(e) => setRole(e.target.value)}>
          <option value="expert">{t('networkRoles.expert')}</option>
          <option value="observer">{t('networkRoles.observer')}</option>
          {network.abilities.appoint && <option value="coordinator">{t('networkRoles.coordinator')}</option>}
        </SelectField>
      </div>
      <TextArea
        label={t('memberships.note')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        rows={2}
        maxLength={1000}
      />
      <ErrorMessage error={m.error} />
      <div className="actions">
        <button type="submit" className="button" disabled={m.isPending || !userId}>
          {network.abilities.appoint ? t('networks.appoint') : t('networks.nominate')}
        </button>
      </div>
    </form>
  );
}

export function NetworkPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['network', id], queryFn: () => api<NetworkDetail>(`/networks/${id}`) });
  const code = q.data?.code ?? '';
  const ann = useQuery({
    queryKey: ['registry', 'announcement', 'network', code],
    queryFn: () =>
      api<RecordList>(`/registry/announcement?network=${encodeURIComponent(code)}&sort=-created_at&limit=20`),
    enabled: !!code,
  });
  if (q.isLoading) return <Loading />;
  if (q.error instanceof ApiError && (q.error.status === 404 || q.error.status === 400))
    return <NotAllowed />;
  if (q.error || !q.data) return <ErrorMessage error={q.error} />;
  const n = q.data;
  const side = n.abilities.request || n.abilities.nominate || n.abilities.appoint;
  const columns = [
    col.accessor('display_name', { header: t('users.name') }),
    col.accessor('organisation_code', {
      header: t('users.organisation'),
      cell: (c) => <abbr title={c.row.original.organisation_name}>{c.getValue()}</abbr>,
    }),
    col.accessor('role', {
      header: t('memberships.role'),
      cell: (c) => (
        <span className={`pill pill-role-${c.getValue()}`}>{t(`networkRoles.${c.getValue()}`)}</span>
      ),
    }),
  ];
  return (
    <>
      <nav aria-label={t('nav.breadcrumb')} className="breadcrumb">
        <Link to="/networks">{t('networks.title')}</Link>
      </nav>
      <PageTitle>{n.name}</PageTitle>
      <p className="lead">{n.description}</p>
      <p>
        {n.myRole ? (
          <>
            {t('networks.yourRole')}{' '}
            <span className={`pill pill-role-${n.myRole}`}>{t(`networkRoles.${n.myRole}`)}</span>
          </>
        ) : (
          <span className="muted">{t('networks.notMember')}</span>
        )}
      </p>
      <div className={side ? 'grid grid-main' : 'stack-lg'}>
        <div className="stack-lg">
          <Section
            title={t('networks.announcements')}
            actions={
              <Link
                to={`/registry/announcement?network=${encodeURIComponent(n.code)}`}
                className="button button-secondary button-small"
              >
                {t('networks.allAnnouncements')}
              </Link>
            }
          >
            {ann.isLoading ? (
              <Loading />
            ) : ann.error ? (
              <ErrorMessage error={ann.error} />
            ) : (
              <AnnouncementCards items={ann.data?.items ?? []} networkName={() => n.name} />
            )}
          </Section>
          <NetworkDiscussions network={n.code} mayOpen={n.abilities.post} />
          {n.abilities.post && (
            <div id="post">
              <Section title={t('announcements.newTitle')}>
                <NetworkPostForm network={n.code} spec={ANNOUNCEMENT_POST} />
              </Section>
            </div>
          )}
          <Section title={t('networks.memberList', { count: n.members.length })}>
            <DataTable
              data={n.members}
              columns={columns}
              caption={t('networks.memberList', { count: n.members.length })}
              captionHidden
              rowKey={(m) => m.id}
            />
          </Section>
        </div>
        {side && (
          <div className="stack-lg">
            {n.abilities.request && (
              <Section title={t('networks.join')}>
                <JoinForm networkId={n.id} />
              </Section>
            )}
            {(n.abilities.nominate || n.abilities.appoint) && (
              <Section title={n.abilities.appoint ? t('networks.appointTitle') : t('networks.nominateTitle')}>
                <NominateForm network={n} />
              </Section>
            )}
          </div>
        )}
      </div>
    </>
  );
}
