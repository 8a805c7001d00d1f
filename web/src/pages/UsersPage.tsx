import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError, api, type OrganisationRow, qs, type UserDetail, type UserRow } from '../api.ts';
import {
  DataTable,
  ErrorMessage,
  fieldErrorsOf,
  Loading,
  NotAllowed,
  PageTitle,
  Section,
  SelectField,
  StatusPill,
  TextField,
  useFormat,
  useNotice,
} from '../components/ui.tsx';
import { useSignedIn } from '../session.ts';

const col = createColumnHelper<UserRow>();

function useOrganisations(enabled: boolean) {
  return useQuery({
    queryKey: ['organisations', ''],
    queryFn: () => api<{ items: OrganisationRow[]; abilities: { create: boolean } }>('/organisations'),
    enabled,
  });
}

function CreateUser({
  organisationId,
  organisations,
}: {
  organisationId: string;
  organisations?: OrganisationRow[] | undefined;
}) {
  const { t } = useTranslation();
  const notice = useNotice();
  const qc = useQueryClient();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [locale, setLocale] = useState('en');
  const [orgId, setOrgId] = useState(organisationId);
  const m = useMutation({
    mutationFn: () =>
      api<{ id: string; email: string }>('/users', {
        body: { email: email.trim(), displayName: displayName.trim(), organisationId: orgId, locale },
      }),
    onSuccess: (u) => {
      notice('success', t('users.created', { email: u.email }));
      setEmail('');
      setDisplayName('');
      void qc.invalidateQueries({ queryKey: ['users'] });
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
      noValidate
    >
      <div className="form-row">
        <TextField
          label={t('users.email')}
          type="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          required
          error={fe.email}
          autoComplete="off"
        />
        <TextField
          label={t('users.name')}
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          required
          error={fe.displayName}
          autoComplete="off"
        />
      </div>
      <div className="form-row">
        <SelectField label={t('users.language')} value={locale} onChange={(e) => setLocale(e.target.value)}>
          <option value="en">English</option>
          <option value="fr">Français</option>
          <option value="de">Deutsch</option>
        </SelectField>
        {organisations && (
          <SelectField
            label={t('users.organisation')}
            value={orgId}
            onChange={(e) => setOrgId(e.target.value)}
            error={fe.organisationId}
          >
            {organisations
              .filter((o) => o.abilities.manageUsers)
              .map((o) => (
                <option key={o.id} value={o.id}>
                  {o.code} — {o.name}
                </option>
              ))}
          </SelectField>
        )}
      </div>
      <p className="hint">{t('users.createHint')}</p>
      <ErrorMessage error={m.error} />
      <div className="actions">
        <button type="submit" className="button" disabled={m.isPending}>
          {t('users.create')}
        </button>
      </div>
    </form>
  );
}

export function UsersPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const f = useFormat();
  const notice = useNotice();
  const qc = useQueryClient();
  const searchId = useId();
  const [params, setParams] = useSearchParams();
  const admin = me.abilities.platformAdmin;
  const organisationId = params.get('organisationId') ?? (admin ? '' : me.organisation.id);
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const orgs = useOrganisations(admin);
  const list = useQuery({
    queryKey: ['users', organisationId, q],
    queryFn: () => api<{ total: number; items: UserRow[] }>(`/users${qs({ organisationId, q, limit: 500 })}`),
    placeholderData: keepPreviousData,
  });
  const patch = useMutation({
    mutationFn: ({ id, body }: { id: string; body: Record<string, unknown>; label: string }) =>
      api(`/users/${id}`, { method: 'PATCH', body }),
    onSuccess: (_r, v) => {
      notice('success', v.label);
      void qc.invalidateQueries({ queryKey: ['users'] });
    },
  });
  const columns = [
    col.accessor('display_name', {
      header: t('users.name'),
      cell: (c) => <Link to={`/users/${c.row.original.id}`}>{c.getValue()}</Link>,
    }),
    col.accessor('email', { header: t('users.email') }),
    col.accessor('organisation_code', { header: t('users.organisation') }),
    col.accessor((u) => u.roles.map((r) => t(`roles.${r}`)).join(', '), {
      id: 'roles',
      header: t('users.roles'),
    }),
    col.accessor('status', {
      header: t('users.status'),
      cell: (c) => {
        const u = c.row.original;
        const locked = u.locked_until && new Date(u.locked_until).getTime() > Date.now();
        return (
          <>
            <StatusPill status={u.status} label={t(`userStatus.${u.status}`)} />
            {locked && <StatusPill status="locked" label={t('users.locked')} />}
            {u.totp_enabled && <span className="pill pill-info">TOTP</span>}
          </>
        );
      },
    }),
    col.accessor('created_at', { header: t('users.created_at'), cell: (c) => f.date(c.getValue()) }),
    col.display({
      id: 'actions',
      header: t('common.actions'),
      cell: (c) => {
        const u = c.row.original;
        if (!u.abilities.update) return null;
        const locked = u.locked_until && new Date(u.locked_until).getTime() > Date.now();
        return (
          <div className="row-actions">
            {u.status === 'active' ? (
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() =>
                  patch.mutate({
                    id: u.id,
                    body: { status: 'disabled' },
                    label: t('users.disabledMsg', { name: u.display_name }),
                  })
                }
                aria-label={t('users.disableNamed', { name: u.display_name })}
              >
                {t('users.disable')}
              </button>
            ) : (
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() =>
                  patch.mutate({
                    id: u.id,
                    body: { status: 'active' },
                    label: t('users.enabledMsg', { name: u.display_name }),
                  })
                }
                aria-label={t('users.enableNamed', { name: u.display_name })}
              >
                {t('users.enable')}
              </button>
            )}
            {locked && (
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() =>
                  patch.mutate({
                    id: u.id,
                    body: { unlock: true },
                    label: t('users.unlockedMsg', { name: u.display_name }),
                  })
                }
                aria-label={t('users.unlockNamed', { name: u.display_name })}
              >
                {t('users.unlock')}
              </button>
            )}
          </div>
        );
      },
    }),
  ];
  const orgName = admin ? orgs.data?.items.find((o) => o.id === organisationId)?.name : me.organisation.name;
  return (
    <>
      <PageTitle>{t('users.title')}</PageTitle>
      <p className="lead">{orgName ? t('users.introOrg', { org: orgName }) : t('users.introAll')}</p>
      <div className="table-toolbar">
        <form
          className="filter-row"
          onSubmit={(e) => {
            e.preventDefault();
            setQ(text.trim());
          }}
        >
          <div className="field">
            <label htmlFor={searchId}>{t('users.search')}</label>
            <div className="input-with-button">
              <input id={searchId} type="search" value={text} onChange={(e) => setText(e.target.value)} />
              <button type="submit" className="button">
                {t('common.search')}
              </button>
            </div>
          </div>
          {admin && (
            <SelectField
              label={t('users.organisation')}
              value={organisationId}
              onChange={(e) => setParams(e.target.value ? { organisationId: e.target.value } : {})}
            >
              <option value="">{t('users.allOrganisations')}</option>
              {(orgs.data?.items ?? []).map((o) => (
                <option key={o.id} value={o.id}>
                  {o.code} — {o.name}
                </option>
              ))}
            </SelectField>
          )}
        </form>
        <Link
          className="button button-secondary"
          to={`/users/import${organisationId ? `?organisationId=${organisationId}` : ''}`}
        >
          {t('users.import')}
        </Link>
      </div>
      <ErrorMessage error={patch.error} />
      {list.isLoading ? (
        <Loading />
      ) : list.error ? (
        <ErrorMessage error={list.error} />
      ) : (
        <DataTable
          data={list.data!.items}
          columns={columns}
          caption={t('users.tableCaption', { count: list.data!.total })}
          rowKey={(u) => u.id}
        />
      )}
      <Section title={t('users.createTitle')}>
        <CreateUser
          organisationId={organisationId || me.organisation.id}
          organisations={admin ? orgs.data?.items : undefined}
        />
      </Section>
    </>
  );
}

function EditUser({ u }: { u: UserDetail }) {
  const { t } = useTranslation();
  const notice = useNotice();
  const qc = useQueryClient();
  const [displayName, setDisplayName] = useState(u.display_name);
  const [locale, setLocale] = useState<string>(u.locale);
  const m = useMutation({
    mutationFn: () =>
      api(`/users/${u.id}`, { method: 'PATCH', body: { displayName: displayName.trim(), locale } }),
    onSuccess: () => {
      notice('success', t('users.saved'));
      void qc.invalidateQueries({ queryKey: ['user', u.id] });
      void qc.invalidateQueries({ queryKey: ['users'] });
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
      <div className="form-row">
        <TextField
          label={t('users.name')}
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          required
          error={fe.displayName}
        />
        <SelectField
          label={t('users.language')}
          value={locale}
          onChange={(e) => setLocale(e.target.value)}
          error={fe.locale}
        >
          <option value="en">English</option>
          <option value="fr">Français</option>
          <option value="de">Deutsch</option>
        </SelectField>
      </div>
      <ErrorMessage error={m.error} />
      <div className="actions">
        <button type="submit" className="button button-secondary" disabled={m.isPending}>
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}

export function UserPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const f = useFormat();
  const notice = useNotice();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['user', id], queryFn: () => api<UserDetail>(`/users/${id}`) });
  const role = useMutation({
    mutationFn: ({ r, grant }: { r: string; grant: boolean }) =>
      api(`/users/${id}/roles/${r}`, { method: grant ? 'PUT' : 'DELETE' }),
    onSuccess: (_x, v) => {
      notice(
        'success',
        v.grant
          ? t('users.granted', { role: t(`roles.${v.r}`) })
          : t('users.revoked', { role: t(`roles.${v.r}`) }),
      );
      void qc.invalidateQueries({ queryKey: ['user', id] });
      void qc.invalidateQueries({ queryKey: ['users'] });
    },
  });
  const status = useMutation({
    mutationFn: (s: 'active' | 'disabled') => api(`/users/${id}`, { method: 'PATCH', body: { status: s } }),
    onSuccess: () => {
      notice('success', t('users.saved'));
      void qc.invalidateQueries({ queryKey: ['user', id] });
      void qc.invalidateQueries({ queryKey: ['users'] });
    },
  });
  if (q.isLoading) return <Loading />;
  if (q.error instanceof ApiError && (q.error.status === 404 || q.error.status === 400))
    return <NotAllowed />;
  if (q.error || !q.data) return <ErrorMessage error={q.error} />;
  const u = q.data;
  const held = new Set(u.roles.map((r) => r.role));
  const manageable = u.abilities.grantableRoles;
  return (
    <>
      <nav aria-label={t('nav.breadcrumb')} className="breadcrumb">
        <Link to="/users">{t('users.title')}</Link>
      </nav>
      <PageTitle>{u.display_name}</PageTitle>
      <p className="lead">
        {u.email} · {u.organisation_code} <StatusPill status={u.status} label={t(`userStatus.${u.status}`)} />
      </p>
      <div className="grid grid-2">
        <Section title={t('users.roles')}>
          {held.size === 0 && manageable.length === 0 && <p className="muted">{t('home.noRoles')}</p>}
          <ul className="role-list">
            {[...new Set([...held, ...manageable])].map((r) => {
              const has = held.has(r);
              const can = manageable.includes(r);
              return (
                <li key={r}>
                  <span>
                    {t(`roles.${r}`)}
                    {has ? (
                      <StatusPill status="active" label={t('users.held')} />
                    ) : (
                      <span className="muted"> — {t('users.notHeld')}</span>
                    )}
                  </span>
                  {can && (
                    <button
                      type="button"
                      className={`button button-small ${has ? 'button-secondary' : ''}`}
                      onClick={() => role.mutate({ r, grant: !has })}
                      disabled={role.isPending}
                    >
                      {has
                        ? t('users.revokeRole', { role: t(`roles.${r}`) })
                        : t('users.grantRole', { role: t(`roles.${r}`) })}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
          <ErrorMessage error={role.error} />
        </Section>
        <Section title={t('users.account')}>
          <dl className="facts">
            {!u.abilities.update && (
              <div>
                <dt>{t('users.language')}</dt>
                <dd>{u.locale}</dd>
              </div>
            )}
            <div>
              <dt>{t('users.secondFactor')}</dt>
              <dd>{u.totp_enabled ? t('users.totpOn') : t('users.totpOff')}</dd>
            </div>
            <div>
              <dt>{t('users.created_at')}</dt>
              <dd>{f.dateTime(u.created_at)}</dd>
            </div>
          </dl>
          {u.abilities.update && <EditUser u={u} />}
          {u.abilities.update && (
            <div className="actions separated">
              {u.status === 'active' ? (
                <button
                  type="button"
                  className="button button-danger-outline"
                  onClick={() => status.mutate('disabled')}
                >
                  {t('users.disable')}
                </button>
              ) : (
                <button type="button" className="button" onClick={() => status.mutate('active')}>
                  {t('users.enable')}
                </button>
              )}
            </div>
          )}
          <ErrorMessage error={status.error} />
          {u.abilities.erase && <ErasePersonalData id={u.id} />}
        </Section>
        <Section title={t('users.memberships')}>
          {u.memberships.length === 0 ? (
            <p className="muted">{t('common.none')}</p>
          ) : (
            <ul className="link-list">
              {u.memberships.map((m) => (
                <li key={m.id}>
                  <Link to={`/networks/${m.network_id}`}>{m.network_name}</Link>
                  <span className={`pill pill-role-${m.role}`}>{t(`networkRoles.${m.role}`)}</span>
                  <StatusPill status={m.status} label={t(`membershipStatus.${m.status}`)} />
                </li>
              ))}
            </ul>
          )}
        </Section>
      </div>
    </>
  );
}

/** A platform administrator erases the personal data of a disabled account (POST …/erase-personal-data). */
function ErasePersonalData({ id }: { id: string }) {
  const { t } = useTranslation();
  const notice = useNotice();
  const qc = useQueryClient();
  const erase = useMutation({
    mutationFn: () => api(`/users/${id}/erase-personal-data`, { method: 'POST' }),
    onSuccess: () => {
      notice('success', t('privacy.erased'));
      void qc.invalidateQueries({ queryKey: ['user', id] });
      void qc.invalidateQueries({ queryKey: ['users'] });
    },
  });
  return (
    <div className="separated">
      <p className="muted">{t('privacy.eraseHint')}</p>
      <button
        type="button"
        className="button button-danger-outline"
        disabled={erase.isPending}
        onClick={() => {
          if (window.confirm(t('privacy.eraseConfirm'))) erase.mutate();
        }}
      >
        {t('privacy.erase')}
      </button>
      <ErrorMessage error={erase.error} />
    </div>
  );
}
