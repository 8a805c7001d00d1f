import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, type Membership, type NetworkRow, type UserRow } from '../api.ts';
import {
  DataTable,
  ErrorMessage,
  fieldErrorsOf,
  Loading,
  PageTitle,
  Section,
  SelectField,
  StatusPill,
  TextArea,
  useFormat,
  useNotice,
} from '../components/ui.tsx';
import { useSignedIn } from '../session.ts';

type Verb = 'endorse' | 'approve' | 'reject' | 'withdraw';
const VERBS: Verb[] = ['endorse', 'approve', 'reject', 'withdraw'];
const col = createColumnHelper<Membership>();

function NominateForm() {
  const { t } = useTranslation();
  const notice = useNotice();
  const qc = useQueryClient();
  const networks = useQuery({
    queryKey: ['networks'],
    queryFn: () => api<{ items: NetworkRow[] }>('/networks'),
  });
  const users = useQuery({
    queryKey: ['users', 'nominate'],
    queryFn: () => api<{ items: UserRow[] }>('/users?limit=500'),
  });
  const [networkId, setNetworkId] = useState('');
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState('expert');
  const [note, setNote] = useState('');
  const m = useMutation({
    mutationFn: () => api(`/networks/${networkId}/memberships`, { body: { userId, role, note } }),
    onSuccess: () => {
      notice('success', t('networks.nominated'));
      setUserId('');
      setNote('');
      void qc.invalidateQueries({ queryKey: ['memberships'] });
    },
  });
  const fe = fieldErrorsOf(m.error);
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        m.mutate();
      }}
    >
      <p>{t('networks.nominateIntro')}</p>
      <div className="form-row">
        <SelectField
          label={t('memberships.network')}
          value={networkId}
          onChange={(e) => setNetworkId(e.target.value)}
          required
        >
          <option value="">{t('common.choose')}</option>
          {(networks.data?.items ?? []).map((n) => (
            <option key={n.id} value={n.id}>
              {n.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('networks.person')}
          value={userId}
          onChange={(e) => setUserId(e.target.value)}
          required
          error={fe.userId}
        >
          <option value="">{t('common.choose')}</option>
          {(users.data?.items ?? [])
            .filter((u) => u.status === 'active')
            .map((u) => (
              <option key={u.id} value={u.id}>
                {u.display_name} ({u.email})
              </option>
            ))}
        </SelectField>
        <SelectField label={t('memberships.role')} value={role} onChange={(e) => setRole(e.target.value)}>
          <option value="expert">{t('networkRoles.expert')}</option>
          <option value="observer">{t('networkRoles.observer')}</option>
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
        <button type="submit" className="button" disabled={m.isPending || !userId || !networkId}>
          {t('networks.nominate')}
        </button>
      </div>
    </form>
  );
}

export function MembershipsPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const f = useFormat();
  const notice = useNotice();
  const qc = useQueryClient();
  const [status, setStatus] = useState('');
  const q = useQuery({
    queryKey: ['memberships'],
    queryFn: () => api<{ items: Membership[] }>('/memberships'),
  });
  const act = useMutation({
    mutationFn: ({ m, verb }: { m: Membership; verb: Verb }) =>
      api(`/memberships/${m.id}/${verb}`, { method: 'POST', body: {} }),
    onSuccess: (_r, v) => {
      notice(
        'success',
        t(`memberships.done.${v.verb}`, { name: v.m.display_name, network: v.m.network_name }),
      );
      void qc.invalidateQueries({ queryKey: ['memberships'] });
      void qc.invalidateQueries({ queryKey: ['me'] });
    },
  });

  // Withdrawing one's own membership is "Withdraw"; ending someone else's is "Remove", and asks
  // to confirm first (the button alone removed a person at one click).
  const [confirming, setConfirming] = useState<string | null>(null);
  const verbLabel = (m: Membership, v: Verb) => (v === 'withdraw' && m.user_id !== me.user.id ? 'remove' : v);
  const actions = (m: Membership) =>
    confirming === m.id ? (
      <div className="row-actions">
        <span>{t('memberships.confirmRemove', { name: m.display_name, network: m.network_name })}</span>
        <button
          type="button"
          className="button button-small"
          onClick={() => {
            setConfirming(null);
            act.mutate({ m, verb: 'withdraw' });
          }}
          disabled={act.isPending}
        >
          {t('memberships.verb.remove')}
        </button>
        <button
          type="button"
          className="button button-small button-secondary"
          onClick={() => setConfirming(null)}
        >
          {t('common.cancel')}
        </button>
      </div>
    ) : (
      <div className="row-actions">
        {VERBS.filter((v) => m.abilities[v]).map((v) => (
          <button
            key={v}
            type="button"
            className={`button button-small ${v === 'reject' || v === 'withdraw' ? 'button-secondary' : ''}`}
            onClick={() => (verbLabel(m, v) === 'remove' ? setConfirming(m.id) : act.mutate({ m, verb: v }))}
            disabled={act.isPending}
            aria-label={t(`memberships.verbNamed.${verbLabel(m, v)}`, {
              name: m.display_name,
              network: m.network_name,
            })}
          >
            {t(`memberships.verb.${verbLabel(m, v)}`)}
          </button>
        ))}
      </div>
    );

  const columns = [
    col.accessor('display_name', {
      header: t('memberships.person'),
      cell: (c) => (
        <>
          {c.getValue()} <span className="muted">({c.row.original.organisation_code})</span>
        </>
      ),
    }),
    col.accessor('network_name', {
      header: t('memberships.network'),
      cell: (c) => <Link to={`/networks/${c.row.original.network_id}`}>{c.getValue()}</Link>,
    }),
    col.accessor('role', { header: t('memberships.role'), cell: (c) => t(`networkRoles.${c.getValue()}`) }),
    col.accessor('status', {
      header: t('memberships.status'),
      cell: (c) => <StatusPill status={c.getValue()} label={t(`membershipStatus.${c.getValue()}`)} />,
    }),
    // The note of a request or nomination (why this person, in this role): what the NCP and the
    // coordinator decide on.
    col.accessor('note', {
      header: t('memberships.note'),
      enableSorting: false,
      cell: (c) => c.getValue() || '—',
    }),
    col.accessor('updated_at', { header: t('memberships.updated'), cell: (c) => f.dateTime(c.getValue()) }),
    col.display({ id: 'actions', header: t('common.actions'), cell: (c) => actions(c.row.original) }),
  ];

  if (q.isLoading) return <Loading />;
  if (q.error) return <ErrorMessage error={q.error} />;
  const items = q.data!.items;
  const toEndorse = items.filter((m) => m.abilities.endorse && m.user_id !== me.user.id);
  const toApprove = items.filter((m) => m.abilities.approve && m.user_id !== me.user.id);
  const mine = items.filter((m) => m.user_id === me.user.id);
  // The rest (shown once: pending items and my own are listed above).
  const listed = new Set([...toEndorse, ...toApprove, ...mine].map((m) => m.id));
  const others = items.filter((m) => !listed.has(m.id));
  const all = status ? others.filter((m) => m.status === status) : others;

  return (
    <>
      <PageTitle>{t('memberships.title')}</PageTitle>
      <p className="lead">{t('memberships.intro')}</p>
      <ErrorMessage error={act.error} />
      {toEndorse.length > 0 && (
        <Section title={t('memberships.toEndorse', { count: toEndorse.length })}>
          <DataTable
            data={toEndorse}
            columns={columns}
            caption={t('memberships.toEndorse', { count: toEndorse.length })}
            captionHidden
            rowKey={(m) => m.id}
          />
        </Section>
      )}
      {toApprove.length > 0 && (
        <Section title={t('memberships.toApprove', { count: toApprove.length })}>
          <DataTable
            data={toApprove}
            columns={columns}
            caption={t('memberships.toApprove', { count: toApprove.length })}
            captionHidden
            rowKey={(m) => m.id}
          />
        </Section>
      )}
      <Section title={t('memberships.mine')}>
        <DataTable
          data={mine}
          columns={columns}
          caption={t('memberships.mine')}
          captionHidden
          rowKey={(m) => m.id}
          empty={t('memberships.noneMine')}
        />
        <p>
          <Link to="/networks">{t('memberships.findNetwork')}</Link>
        </p>
      </Section>
      {me.abilities.nominate && (
        <Section title={t('networks.nominateTitle')}>
          <NominateForm />
        </Section>
      )}
      <Section
        title={t('memberships.all')}
        actions={
          <div className="inline-field">
            <SelectField
              label={t('memberships.filterStatus')}
              value={status}
              onChange={(e) => setStatus(e.target.value)}
            >
              <option value="">{t('memberships.anyStatus')}</option>
              {(['requested', 'endorsed', 'active', 'rejected', 'withdrawn'] as const).map((s) => (
                <option key={s} value={s}>
                  {t(`membershipStatus.${s}`)}
                </option>
              ))}
            </SelectField>
          </div>
        }
      >
        <DataTable
          data={all}
          columns={columns}
          caption={t('memberships.all')}
          captionHidden
          rowKey={(m) => m.id}
        />
      </Section>
    </>
  );
}
