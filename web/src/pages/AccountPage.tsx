import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiKey, api } from '../api.ts';
import { RecoveryCodes, TotpEnrolment } from '../components/TotpEnrolment.tsx';
import {
  Alert,
  DataTable,
  ErrorMessage,
  fieldErrorsOf,
  Loading,
  PageTitle,
  Section,
  SelectField,
  StatusPill,
  TextField,
  useFormat,
  useNotice,
} from '../components/ui.tsx';
import { isLang, setLanguage } from '../i18n/index.ts';
import { ME_KEY, useSignedIn } from '../session.ts';

const col = createColumnHelper<ApiKey>();

function ProfileForm() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const notice = useNotice();
  const qc = useQueryClient();
  const [displayName, setDisplayName] = useState(me.user.displayName);
  const [locale, setLocale] = useState<string>(me.user.locale);
  const m = useMutation({
    mutationFn: () =>
      api('/account/profile', { method: 'PATCH', body: { displayName: displayName.trim(), locale } }),
    onSuccess: () => {
      if (isLang(locale)) void setLanguage(locale);
      notice('success', t('account.profileSaved'));
      void qc.invalidateQueries({ queryKey: ME_KEY });
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
        label={t('account.displayName')}
        value={displayName}
        onChange={(e) => setDisplayName(e.target.value)}
        required
        error={fe.displayName}
        autoComplete="name"
      />
      <SelectField label={t('users.language')} value={locale} onChange={(e) => setLocale(e.target.value)}>
        <option value="en">English</option>
        <option value="fr">Français</option>
        <option value="de">Deutsch</option>
      </SelectField>
      <p className="muted">
        {t('users.email')}: {me.user.email}
      </p>
      <ErrorMessage error={m.error} />
      <div className="actions">
        <button type="submit" className="button" disabled={m.isPending}>
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}

function PasswordForm() {
  const { t } = useTranslation();
  const notice = useNotice();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const m = useMutation({
    mutationFn: () => api('/account/password', { body: { currentPassword, newPassword } }),
    onSuccess: () => {
      setCurrent('');
      setNew('');
      notice('success', t('account.passwordChanged'));
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
      <input type="text" name="username" autoComplete="username" hidden readOnly value="" />
      <TextField
        label={t('account.currentPassword')}
        type="password"
        autoComplete="current-password"
        value={currentPassword}
        onChange={(e) => setCurrent(e.target.value)}
        required
        error={fe.currentPassword}
      />
      <TextField
        label={t('account.newPassword')}
        type="password"
        autoComplete="new-password"
        value={newPassword}
        onChange={(e) => setNew(e.target.value)}
        required
        hint={t('account.passwordHint')}
        error={fe.newPassword}
      />
      <ErrorMessage error={m.error} />
      <div className="actions">
        <button type="submit" className="button" disabled={m.isPending}>
          {t('account.changePassword')}
        </button>
      </div>
    </form>
  );
}

function SecondFactor() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const qc = useQueryClient();
  const notice = useNotice();
  const [enrolling, setEnrolling] = useState(false);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [password, setPassword] = useState('');
  const [disabling, setDisabling] = useState(false);
  const refresh = () => qc.invalidateQueries({ queryKey: ME_KEY });
  const replace = useMutation({
    mutationFn: () => api<{ recoveryCodes: string[] }>('/account/recovery-codes', { method: 'POST' }),
    onSuccess: (r) => setCodes(r.recoveryCodes),
  });
  const disable = useMutation({
    mutationFn: () => api('/account/totp/disable', { body: { password } }),
    onSuccess: () => {
      setPassword('');
      setDisabling(false);
      notice('success', t('totp.disabled'));
      void refresh();
    },
  });
  if (codes)
    return <RecoveryCodes codes={codes} onDone={() => setCodes(null)} doneLabel={t('common.done')} />;
  if (!me.user.totpEnabled) {
    return enrolling ? (
      <TotpEnrolment
        doneLabel={t('common.done')}
        onFinished={() => {
          setEnrolling(false);
          notice('success', t('totp.enabled'));
          void refresh();
        }}
      />
    ) : (
      <div className="stack">
        <p>
          <StatusPill status="disabled" label={t('totp.off')} /> {t('totp.offText')}
        </p>
        <div className="actions">
          <button type="button" className="button" onClick={() => setEnrolling(true)}>
            {t('totp.enrol')}
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="stack">
      <p>
        <StatusPill status="active" label={t('totp.on')} /> {t('totp.onText')}
      </p>
      <ErrorMessage error={replace.error ?? disable.error} />
      <div className="actions">
        <button
          type="button"
          className="button button-secondary"
          onClick={() => replace.mutate()}
          disabled={replace.isPending}
        >
          {t('totp.newRecoveryCodes')}
        </button>
        {!disabling && !me.abilities?.totpRequired && (
          <button type="button" className="button button-danger-outline" onClick={() => setDisabling(true)}>
            {t('totp.disable')}
          </button>
        )}
      </div>
      {disabling && (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            disable.mutate();
          }}
        >
          <input type="text" name="username" autoComplete="username" hidden readOnly value="" />
          <TextField
            label={t('totp.confirmPassword')}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
          <div className="actions">
            <button type="submit" className="button button-danger">
              {t('totp.disableConfirm')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setDisabling(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

function ApiKeys() {
  const { t } = useTranslation();
  const f = useFormat();
  const notice = useNotice();
  const qc = useQueryClient();
  const [name, setName] = useState('');
  const [read, setRead] = useState(true);
  const [write, setWrite] = useState(false);
  const [days, setDays] = useState('90');
  const [created, setCreated] = useState<{ key: string; name: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const q = useQuery({
    queryKey: ['api-keys'],
    queryFn: () => api<{ items: ApiKey[] }>('/account/api-keys'),
  });
  const create = useMutation({
    mutationFn: () =>
      api<{ key: string; name: string }>('/account/api-keys', {
        body: {
          name: name.trim(),
          scopes: [...(read ? ['read'] : []), ...(write ? ['write'] : [])],
          expiresInDays: Number(days),
        },
      }),
    onSuccess: (r) => {
      setCreated(r);
      setCopied(false);
      setName('');
      void qc.invalidateQueries({ queryKey: ['api-keys'] });
    },
  });
  const revoke = useMutation({
    mutationFn: (k: ApiKey) => api(`/account/api-keys/${k.id}`, { method: 'DELETE' }),
    onSuccess: (_r, k) => {
      notice('success', t('apiKeys.revoked', { name: k.name }));
      void qc.invalidateQueries({ queryKey: ['api-keys'] });
    },
  });
  const fe = fieldErrorsOf(create.error);
  const columns = [
    col.accessor('name', { header: t('apiKeys.name') }),
    col.accessor('prefix', { header: t('apiKeys.prefix'), cell: (c) => <code>eucab_{c.getValue()}_…</code> }),
    col.accessor((k) => k.scopes.join(', '), { id: 'scopes', header: t('apiKeys.scopes') }),
    col.accessor('expires_at', { header: t('apiKeys.expires'), cell: (c) => f.date(c.getValue()) }),
    col.accessor('last_used_at', { header: t('apiKeys.lastUsed'), cell: (c) => f.dateTime(c.getValue()) }),
    col.accessor('active', {
      header: t('apiKeys.state'),
      cell: (c) =>
        c.getValue() ? (
          <StatusPill status="active" label={t('apiKeys.active')} />
        ) : (
          <StatusPill
            status="disabled"
            label={c.row.original.revoked_at ? t('apiKeys.revokedState') : t('apiKeys.expired')}
          />
        ),
    }),
    col.display({
      id: 'actions',
      header: t('common.actions'),
      cell: (c) =>
        c.row.original.active ? (
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => revoke.mutate(c.row.original)}
            aria-label={t('apiKeys.revokeNamed', { name: c.row.original.name })}
          >
            {t('apiKeys.revoke')}
          </button>
        ) : null,
    }),
  ];
  return (
    <div className="stack">
      {created && (
        <div className="secret-box" role="status">
          <h3>{t('apiKeys.createdTitle', { name: created.name })}</h3>
          <p>{t('apiKeys.createdHelp')}</p>
          <code className="secret" data-testid="api-key">
            {created.key}
          </code>
          <div className="actions">
            <button
              type="button"
              className="button button-secondary"
              onClick={() =>
                void navigator.clipboard?.writeText(created.key).then(
                  () => setCopied(true),
                  () => undefined,
                )
              }
            >
              {copied ? t('common.copied') : t('common.copy')}
            </button>
            <button type="button" className="button" onClick={() => setCreated(null)}>
              {t('apiKeys.stored')}
            </button>
          </div>
        </div>
      )}
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <div className="form-row">
          <TextField
            label={t('apiKeys.name')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            maxLength={100}
            error={fe.name}
          />
          <SelectField
            label={t('apiKeys.expiresIn')}
            value={days}
            onChange={(e) => setDays(e.target.value)}
            error={fe.expiresInDays}
          >
            {['7', '30', '90', '180', '365'].map((d) => (
              <option key={d} value={d}>
                {t('apiKeys.days', { count: Number(d) })}
              </option>
            ))}
          </SelectField>
        </div>
        <fieldset className="fieldset">
          <legend>{t('apiKeys.scopes')}</legend>
          <label className="checkbox">
            <input type="checkbox" checked={read} onChange={(e) => setRead(e.target.checked)} />
            {t('apiKeys.scopeRead')}
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={write} onChange={(e) => setWrite(e.target.checked)} />
            {t('apiKeys.scopeWrite')}
          </label>
          {fe.scopes && <p className="field-error">{fe.scopes}</p>}
        </fieldset>
        <ErrorMessage error={create.error} />
        <div className="actions">
          <button type="submit" className="button" disabled={create.isPending || (!read && !write)}>
            {t('apiKeys.create')}
          </button>
        </div>
      </form>
      <ErrorMessage error={revoke.error} />
      {q.isLoading ? (
        <Loading />
      ) : q.error ? (
        <ErrorMessage error={q.error} />
      ) : (
        <DataTable
          data={q.data!.items}
          columns={columns}
          caption={t('apiKeys.tableCaption')}
          rowKey={(k) => k.id}
          empty={t('apiKeys.none')}
        />
      )}
    </div>
  );
}

export function AccountPage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  return (
    <>
      <PageTitle>{t('account.title')}</PageTitle>
      {me.abilities.readOnly && (
        <Alert kind="info">
          <p>{t('account.readOnlyNote')}</p>
        </Alert>
      )}
      <div className="grid grid-2">
        <Section title={t('account.profile')}>
          <ProfileForm />
        </Section>
        <Section title={t('account.password')}>
          <PasswordForm />
        </Section>
      </div>
      <Section title={t('totp.title')}>
        <SecondFactor />
      </Section>
      <Section title={t('apiKeys.title')}>
        <p>{t('apiKeys.intro')}</p>
        <ApiKeys />
      </Section>
      <Section title={t('privacy.title')}>
        <p>{t('privacy.intro')}</p>
        <a className="button button-secondary" href="/api/v1/account/personal-data" download>
          {t('privacy.download')}
        </a>
      </Section>
    </>
  );
}
