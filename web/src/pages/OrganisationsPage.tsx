import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, api, type OrganisationRow } from '../api.ts';
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
  useNotice,
} from '../components/ui.tsx';

const ORG_TYPES = ['national_administration', 'commission', 'eucab_body', 'eucab_unit'] as const;
const col = createColumnHelper<OrganisationRow>();

function CreateOrganisation() {
  const { t } = useTranslation();
  const notice = useNotice();
  const qc = useQueryClient();
  const [code, setCode] = useState('');
  const [type, setType] = useState<string>('eucab_unit');
  const [name, setName] = useState('');
  const [countryCode, setCountryCode] = useState('');
  const m = useMutation({
    mutationFn: () =>
      api('/organisations', {
        body: { code: code.trim(), type, name: name.trim(), countryCode: countryCode.trim() || null },
      }),
    onSuccess: () => {
      notice('success', t('organisations.created', { name }));
      setCode('');
      setName('');
      setCountryCode('');
      void qc.invalidateQueries({ queryKey: ['organisations'] });
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
          label={t('organisations.code')}
          value={code}
          onChange={(e) => setCode(e.target.value.toUpperCase())}
          required
          error={fe.code}
          hint={t('organisations.codeHint')}
        />
        <SelectField
          label={t('organisations.type')}
          value={type}
          onChange={(e) => setType(e.target.value)}
          error={fe.type}
        >
          {ORG_TYPES.map((x) => (
            <option key={x} value={x}>
              {t(`orgTypes.${x}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="form-row">
        <TextField
          label={t('organisations.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
          error={fe.name}
        />
        <TextField
          label={t('organisations.country')}
          value={countryCode}
          onChange={(e) => setCountryCode(e.target.value.toUpperCase())}
          maxLength={3}
          error={fe.countryCode}
          hint={t('organisations.countryHint')}
        />
      </div>
      <ErrorMessage error={m.error} />
      <div className="actions">
        <button type="submit" className="button" disabled={m.isPending}>
          {t('organisations.create')}
        </button>
      </div>
    </form>
  );
}

export function OrganisationsPage() {
  const { t } = useTranslation();
  const [type, setType] = useState('');
  const q = useQuery({
    queryKey: ['organisations', type],
    queryFn: () =>
      api<{ items: OrganisationRow[]; abilities: { create: boolean } }>(
        `/organisations${type ? `?type=${type}` : ''}`,
      ),
  });
  const columns = [
    col.accessor('code', { header: t('organisations.code') }),
    col.accessor('name', {
      header: t('organisations.name'),
      cell: (c) => <Link to={`/organisations/${c.row.original.id}`}>{c.getValue()}</Link>,
    }),
    col.accessor('type', { header: t('organisations.type'), cell: (c) => t(`orgTypes.${c.getValue()}`) }),
    col.accessor('user_count', { header: t('organisations.users') }),
  ];
  return (
    <>
      <PageTitle>{t('organisations.title')}</PageTitle>
      <p>
        <Link to="/sharing-groups">{t('organisations.sharingGroupsLink')}</Link>
        {q.data?.abilities.create && (
          <>
            {' · '}
            <Link to="/scheduled-tasks">{t('scheduler.nav')}</Link>
          </>
        )}
      </p>
      <div className="filter-row">
        <SelectField
          label={t('organisations.filterType')}
          value={type}
          onChange={(e) => setType(e.target.value)}
        >
          <option value="">{t('organisations.allTypes')}</option>
          {ORG_TYPES.map((x) => (
            <option key={x} value={x}>
              {t(`orgTypes.${x}`)}
            </option>
          ))}
        </SelectField>
      </div>
      {q.isLoading ? (
        <Loading />
      ) : q.error ? (
        <ErrorMessage error={q.error} />
      ) : (
        <>
          <DataTable
            data={q.data!.items}
            columns={columns}
            caption={t('organisations.tableCaption', { count: q.data!.items.length })}
            rowKey={(o) => o.id}
          />
          {q.data!.abilities.create && (
            <Section title={t('organisations.createTitle')}>
              <CreateOrganisation />
            </Section>
          )}
        </>
      )}
    </>
  );
}

interface IdentityProvider {
  id: string;
  name: string;
  issuer: string;
  client_id: string;
  enabled: boolean;
  organisation_id: string;
}

/** OIDC identity providers bound to this organisation (platform administrators). */
function IdentityProviders({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const notice = useNotice();
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ['identity-providers'],
    queryFn: () =>
      api<{ items: IdentityProvider[]; redirectUri?: string; redirectUriPattern?: string }>(
        '/identity-providers',
      ),
  });
  const [form, setForm] = useState({ name: '', issuer: '', clientId: '', clientSecret: '' });
  const create = useMutation({
    mutationFn: () => api('/identity-providers', { body: { organisationId, ...form } }),
    onSuccess: () => {
      notice('success', t('idp.created', { name: form.name }));
      setForm({ name: '', issuer: '', clientId: '', clientSecret: '' });
      void qc.invalidateQueries({ queryKey: ['identity-providers'] });
    },
  });
  const toggle = useMutation({
    mutationFn: (p: IdentityProvider) =>
      api(`/identity-providers/${p.id}`, { method: 'PATCH', body: { enabled: !p.enabled } }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['identity-providers'] }),
  });
  const fe = fieldErrorsOf(create.error);
  const mine = (q.data?.items ?? []).filter((p) => p.organisation_id === organisationId);
  return (
    <div className="stack">
      <p className="hint">{t('idp.intro')}</p>
      {(q.data?.redirectUri ?? q.data?.redirectUriPattern) && (
        <p className="hint">
          {t('idp.redirect')} <code>{q.data.redirectUri ?? q.data.redirectUriPattern}</code>
        </p>
      )}
      {mine.length === 0 ? (
        <p className="muted">{t('idp.none')}</p>
      ) : (
        <ul className="role-list">
          {mine.map((p) => (
            <li key={p.id}>
              <span>
                <strong>{p.name}</strong> <span className="muted">{p.issuer}</span>{' '}
                <StatusPill
                  status={p.enabled ? 'active' : 'disabled'}
                  label={p.enabled ? t('idp.enabled') : t('idp.disabled')}
                />
              </span>
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => toggle.mutate(p)}
              >
                {p.enabled ? t('idp.disable', { name: p.name }) : t('idp.enable', { name: p.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <ErrorMessage error={toggle.error} />
      <form
        className="stack"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <h3>{t('idp.add')}</h3>
        <div className="form-row">
          <TextField
            label={t('idp.name')}
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.target.value })}
            required
            error={fe.name}
          />
          <TextField
            label={t('idp.issuer')}
            type="url"
            value={form.issuer}
            onChange={(e) => setForm({ ...form, issuer: e.target.value })}
            required
            error={fe.issuer}
          />
        </div>
        <div className="form-row">
          <TextField
            label={t('idp.clientId')}
            value={form.clientId}
            onChange={(e) => setForm({ ...form, clientId: e.target.value })}
            required
            error={fe.clientId}
            autoComplete="off"
          />
          <TextField
            label={t('idp.clientSecret')}
            type="password"
            value={form.clientSecret}
            onChange={(e) => setForm({ ...form, clientSecret: e.target.value })}
            required
            error={fe.clientSecret}
            autoComplete="new-password"
          />
        </div>
        <ErrorMessage error={create.error} />
        <div className="actions">
          <button type="submit" className="button" disabled={create.isPending}>
            {t('idp.register')}
          </button>
        </div>
      </form>
    </div>
  );
}

function RenameOrganisation({ o }: { o: { id: string; name: string } }) {
  const { t } = useTranslation();
  const notice = useNotice();
  const qc = useQueryClient();
  const [name, setName] = useState(o.name);
  const m = useMutation({
    mutationFn: () => api(`/organisations/${o.id}`, { method: 'PATCH', body: { name: name.trim() } }),
    onSuccess: () => {
      notice('success', t('organisations.renamed'));
      void qc.invalidateQueries({ queryKey: ['organisation', o.id] });
      void qc.invalidateQueries({ queryKey: ['organisations'] });
    },
  });
  return (
    <form
      className="stack"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        m.mutate();
      }}
    >
      <TextField
        label={t('organisations.name')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        required
        error={fieldErrorsOf(m.error).name}
      />
      <ErrorMessage error={m.error} />
      <div className="actions">
        <button
          type="submit"
          className="button button-secondary"
          disabled={m.isPending || name.trim() === o.name}
        >
          {t('organisations.rename')}
        </button>
      </div>
    </form>
  );
}

/**
 * The administration's IATI organisation identifier, set by its NCP: the reporting organisation of
 * its cooperation projects' IATI export (which refuses without it). Empty clears it.
 */
function IatiIdentifier({ o }: { o: { id: string; iati_org_id?: string | null } }) {
  const { t } = useTranslation();
  const notice = useNotice();
  const qc = useQueryClient();
  const [value, setValue] = useState(o.iati_org_id ?? '');
  const m = useMutation({
    mutationFn: () =>
      api(`/organisations/${o.id}/iati-identifier`, {
        method: 'PUT',
        body: { iatiOrgId: value.trim() === '' ? null : value.trim() },
      }),
    onSuccess: () => {
      notice('success', t('organisations.iatiSaved'));
      void qc.invalidateQueries({ queryKey: ['organisation', o.id] });
    },
  });
  return (
    <form
      className="stack"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        m.mutate();
      }}
    >
      <TextField
        label={t('organisations.iatiId')}
        hint={t('organisations.iatiHint')}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        error={fieldErrorsOf(m.error).iatiOrgId}
      />
      <ErrorMessage error={m.error} />
      <div className="actions">
        <button
          type="submit"
          className="button button-secondary"
          disabled={m.isPending || value.trim() === (o.iati_org_id ?? '')}
        >
          {t('organisations.iatiSave')}
        </button>
      </div>
    </form>
  );
}

interface OrgDetail extends OrganisationRow {
  contacts: { id: string; display_name: string; role: string }[];
}

export function OrganisationPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const q = useQuery({
    queryKey: ['organisation', id],
    queryFn: () => api<OrgDetail>(`/organisations/${id}`),
  });
  if (q.isLoading) return <Loading />;
  if (q.error instanceof ApiError && (q.error.status === 404 || q.error.status === 400))
    return <NotAllowed />;
  if (q.error || !q.data) return <ErrorMessage error={q.error} />;
  const o = q.data;
  const localName = o.names?.[i18n.language];
  return (
    <>
      <nav aria-label={t('nav.breadcrumb')} className="breadcrumb">
        <Link to="/organisations">{t('organisations.title')}</Link>
      </nav>
      <PageTitle>{o.name}</PageTitle>
      {localName && localName !== o.name && <p className="lead">{localName}</p>}
      <div className="grid grid-2">
        <Section title={t('organisations.details')}>
          <dl className="facts">
            <div>
              <dt>{t('organisations.code')}</dt>
              <dd>{o.code}</dd>
            </div>
            <div>
              <dt>{t('organisations.type')}</dt>
              <dd>{t(`orgTypes.${o.type}`)}</dd>
            </div>
            {o.country_code && (
              <div>
                <dt>{t('organisations.country')}</dt>
                <dd>{o.country_code}</dd>
              </div>
            )}
            {o.iati_org_id && (
              <div>
                <dt>{t('organisations.iatiId')}</dt>
                <dd>{o.iati_org_id}</dd>
              </div>
            )}
          </dl>
          {o.abilities.update && <RenameOrganisation o={o} />}
          {o.abilities.setIatiIdentifier && <IatiIdentifier o={o} />}
          {o.abilities.manageUsers && (
            <p>
              <Link className="button button-secondary" to={`/users?organisationId=${o.id}`}>
                {t('organisations.manageUsers')}
              </Link>
            </p>
          )}
        </Section>
        <Section title={t('organisations.contacts')}>
          {o.contacts.length === 0 ? (
            <p className="muted">{t('common.none')}</p>
          ) : (
            <ul className="link-list">
              {o.contacts.map((c) => (
                <li key={`${c.id}-${c.role}`}>
                  {c.display_name} <span className="pill">{t(`roles.${c.role}`)}</span>
                </li>
              ))}
            </ul>
          )}
        </Section>
        {o.abilities.update && (
          <Section title={t('idp.title')}>
            <IdentityProviders organisationId={o.id} />
          </Section>
        )}
        {Object.keys(o.names ?? {}).length > 0 && (
          <Section title={t('organisations.names')}>
            <dl className="facts names">
              {Object.entries(o.names).map(([lang, name]) => (
                <div key={lang}>
                  <dt>
                    <abbr title={lang}>{lang.toUpperCase()}</abbr>
                  </dt>
                  <dd lang={lang}>{name}</dd>
                </div>
              ))}
            </dl>
          </Section>
        )}
      </div>
    </>
  );
}
