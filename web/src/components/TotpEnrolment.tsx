import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { ErrorMessage, fieldErrorsOf, TextField } from './ui.tsx';

/** Shows recovery codes once, with a way to copy them. */
export function RecoveryCodes({
  codes,
  onDone,
  doneLabel,
}: {
  codes: string[];
  onDone: () => void;
  doneLabel: string;
}) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <section className="secret-box" aria-labelledby="recovery-title">
      <h3 id="recovery-title">{t('totp.recoveryTitle')}</h3>
      <p>{t('totp.recoveryHelp')}</p>
      <ul className="code-list" data-testid="recovery-codes">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ul>
      <div className="actions">
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            void navigator.clipboard?.writeText(codes.join('\n')).then(
              () => setCopied(true),
              () => undefined,
            );
          }}
        >
          {copied ? t('common.copied') : t('common.copy')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {doneLabel}
        </button>
      </div>
    </section>
  );
}

/** TOTP enrolment: new secret → first code → recovery codes (shown once). */
export function TotpEnrolment({ onFinished, doneLabel }: { onFinished: () => void; doneLabel: string }) {
  const { t } = useTranslation();
  const [setup, setSetup] = useState<{ secret: string; uri: string } | null>(null);
  const [code, setCode] = useState('');
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function start() {
    setBusy(true);
    setError(null);
    try {
      setSetup(await api<{ secret: string; uri: string }>('/account/totp/setup', { method: 'POST' }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  async function confirm(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await api<{ recoveryCodes: string[] }>('/account/totp/confirm', {
        body: { code: code.trim() },
      });
      setCodes(r.recoveryCodes);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  if (codes) return <RecoveryCodes codes={codes} onDone={onFinished} doneLabel={doneLabel} />;
  if (!setup) {
    return (
      <div>
        <ErrorMessage error={error} />
        <p>{t('totp.intro')}</p>
        <button type="button" className="button" onClick={start} disabled={busy}>
          {t('totp.start')}
        </button>
      </div>
    );
  }
  const fe = fieldErrorsOf(error);
  return (
    <form onSubmit={confirm} className="stack">
      <ol className="steps">
        <li>{t('totp.step1')}</li>
        <li>
          {t('totp.secretLabel')}{' '}
          <code className="secret" data-testid="totp-secret">
            {setup.secret}
          </code>
          <details>
            <summary>{t('totp.showUri')}</summary>
            <code className="uri">{setup.uri}</code>
          </details>
        </li>
        <li>{t('totp.step3')}</li>
      </ol>
      <TextField
        label={t('totp.code')}
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9]{6}"
        maxLength={6}
        required
        value={code}
        onChange={(e) => setCode(e.target.value)}
        error={fe.code}
      />
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {t('totp.confirm')}
        </button>
      </div>
    </form>
  );
}
