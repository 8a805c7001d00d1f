import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { API, api } from '../api.ts';
import { TotpEnrolment } from '../components/TotpEnrolment.tsx';
import { Alert, ErrorMessage, fieldErrorsOf, Loading, PageTitle, TextField } from '../components/ui.tsx';
import { useMe, useSessionChanged } from '../session.ts';

const OIDC_ERRORS = [
  'provider_unavailable',
  'unknown_provider',
  'provider_refused',
  'expired',
  'exchange_failed',
  'no_account',
  'wrong_organisation',
  'disabled',
] as const;

/** Only same-site paths are followed after sign-in. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

interface Provider {
  id: string;
  name: string;
  organisation_code: string;
  organisation_name: string;
}

export function SignInPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const sessionChanged = useSessionChanged();
  const { data: me } = useMe();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const providers = useQuery({
    queryKey: ['providers'],
    queryFn: () => api<{ items: Provider[] }>('/auth/providers'),
  });
  const next = safeNext(params.get('next'));
  const oidcError = params.get('error');

  if (me?.stage === 'full') return <Navigate to={next} replace />;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await api<{ stage: 'full' | 'mfa' | 'enrol' }>('/auth/login', {
        body: { email: email.trim(), password },
      });
      await sessionChanged();
      const q = next !== '/' ? `?next=${encodeURIComponent(next)}` : '';
      navigate(r.stage === 'mfa' ? `/signin/totp${q}` : r.stage === 'enrol' ? `/signin/enrol${q}` : next, {
        replace: true,
      });
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }
  const fe = fieldErrorsOf(error);
  return (
    <div className="auth-layout">
      <div className="auth-card">
        <PageTitle>{t('signIn.title')}</PageTitle>
        <p className="lead">{t('signIn.intro')}</p>
        {oidcError && (
          <Alert kind="error">
            <p>
              {(OIDC_ERRORS as readonly string[]).includes(oidcError)
                ? t(`signIn.oidcError.${oidcError}`)
                : t('signIn.oidcError.unknown')}
            </p>
          </Alert>
        )}
        <form onSubmit={submit} className="stack" noValidate>
          <TextField
            label={t('signIn.email')}
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={fe.email}
          />
          <TextField
            label={t('signIn.password')}
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={fe.password}
          />
          <ErrorMessage error={error} />
          <div className="actions spread">
            <button type="submit" className="button" disabled={busy}>
              {busy ? t('signIn.signingIn') : t('signIn.submit')}
            </button>
            <Link to="/forgot-password">{t('signIn.forgot')}</Link>
          </div>
        </form>
        {(providers.data?.items.length ?? 0) > 0 && (
          <section aria-labelledby="oidc-title" className="oidc">
            <h2 id="oidc-title">{t('signIn.oidcTitle')}</h2>
            <ul className="provider-list">
              {providers.data!.items.map((p) => (
                <li key={p.id}>
                  <a className="button button-secondary button-block" href={`${API}/auth/oidc/${p.id}/start`}>
                    {t('signIn.oidcWith', { name: p.name })}
                    <span className="provider-org">{p.organisation_name}</span>
                  </a>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </div>
  );
}

export function TotpPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const sessionChanged = useSessionChanged();
  const { data: me, isLoading } = useMe();
  const [useRecovery, setUseRecovery] = useState(false);
  const [code, setCode] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));
  if (isLoading) return <Loading />;
  if (me?.stage === 'full') return <Navigate to={next} replace />;
  if (me?.stage !== 'mfa') return <Navigate to="/signin" replace />;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api('/auth/totp', { body: useRecovery ? { recoveryCode: code.trim() } : { code: code.trim() } });
      await sessionChanged();
      navigate(next, { replace: true });
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }
  const fe = fieldErrorsOf(error);
  return (
    <div className="auth-layout">
      <div className="auth-card">
        <PageTitle>{t('signIn.totpTitle')}</PageTitle>
        <p className="lead">
          {useRecovery ? t('signIn.recoveryIntro') : t('signIn.totpIntro', { email: me.user?.email })}
        </p>
        <form onSubmit={submit} className="stack" noValidate>
          {useRecovery ? (
            <TextField
              key="recovery"
              label={t('signIn.recoveryCode')}
              name="recoveryCode"
              autoComplete="off"
              required
              value={code}
              onChange={(e) => setCode(e.target.value)}
              error={fe.recoveryCode}
            />
          ) : (
            <TextField
              key="totp"
              label={t('signIn.totpCode')}
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              required
              value={code}
              onChange={(e) => setCode(e.target.value)}
              error={fe.code}
            />
          )}
          <ErrorMessage error={error} />
          <div className="actions spread">
            <button type="submit" className="button" disabled={busy}>
              {t('signIn.verify')}
            </button>
            <button
              type="button"
              className="link-button"
              onClick={() => {
                setUseRecovery(!useRecovery);
                setCode('');
                setError(null);
              }}
            >
              {useRecovery ? t('signIn.useTotp') : t('signIn.useRecovery')}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}

export function EnrolPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const sessionChanged = useSessionChanged();
  const { data: me, isLoading } = useMe();
  const [finished, setFinished] = useState(false);
  const next = safeNext(params.get('next'));
  if (isLoading) return <Loading />;
  if (me?.stage === 'full' && !finished) return <Navigate to={next} replace />;
  if (me?.stage !== 'enrol' && me?.stage !== 'full') return <Navigate to="/signin" replace />;
  return (
    <div className="auth-layout">
      <div className="auth-card auth-card-wide">
        <PageTitle>{t('signIn.enrolTitle')}</PageTitle>
        <p className="lead">{t('signIn.enrolIntro')}</p>
        <TotpEnrolment
          doneLabel={t('signIn.continue')}
          onFinished={() => {
            setFinished(true);
            void sessionChanged().then(() => navigate(next, { replace: true }));
          }}
        />
      </div>
    </div>
  );
}

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      await api('/auth/password-reset/request', { body: { email: email.trim() } });
      setSent(true);
    } catch (err) {
      setError(err);
    }
  }
  return (
    <div className="auth-layout">
      <div className="auth-card">
        <PageTitle>{t('reset.forgotTitle')}</PageTitle>
        {sent ? (
          <Alert kind="success">
            <p role="status">{t('reset.requested')}</p>
          </Alert>
        ) : (
          <form onSubmit={submit} className="stack" noValidate>
            <p>{t('reset.forgotIntro')}</p>
            <TextField
              label={t('signIn.email')}
              type="email"
              name="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              error={fieldErrorsOf(error).email}
            />
            <ErrorMessage error={error} />
            <div className="actions">
              <button type="submit" className="button">
                {t('reset.send')}
              </button>
            </div>
          </form>
        )}
        <p>
          <Link to="/signin">{t('reset.backToSignIn')}</Link>
        </p>
      </div>
    </div>
  );
}

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [mismatch, setMismatch] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (password !== repeat) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    try {
      await api('/auth/password-reset/confirm', { body: { token, password } });
      setDone(true);
    } catch (err) {
      setError(err);
    }
  }
  return (
    <div className="auth-layout">
      <div className="auth-card">
        <PageTitle>{t('reset.title')}</PageTitle>
        {!token ? (
          <Alert kind="error">
            <p>{t('reset.noToken')}</p>
          </Alert>
        ) : done ? (
          <Alert kind="success">
            <p role="status">{t('reset.done')}</p>
          </Alert>
        ) : (
          <form onSubmit={submit} className="stack" noValidate>
            <TextField
              label={t('reset.newPassword')}
              type="password"
              name="password"
              autoComplete="new-password"
              required
              hint={t('account.passwordHint')}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              error={fieldErrorsOf(error).password}
            />
            <TextField
              label={t('reset.repeat')}
              type="password"
              name="repeat"
              autoComplete="new-password"
              required
              value={repeat}
              onChange={(e) => setRepeat(e.target.value)}
              error={mismatch ? t('reset.mismatch') : undefined}
            />
            <ErrorMessage error={error} />
            <div className="actions">
              <button type="submit" className="button">
                {t('reset.submit')}
              </button>
            </div>
          </form>
        )}
        <p>
          <Link to="/signin">{t('reset.backToSignIn')}</Link>
        </p>
      </div>
    </div>
  );
}
