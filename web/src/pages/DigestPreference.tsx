import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { ErrorMessage, useFormat, useNotice } from '../components/ui.tsx';

type Frequency = 'off' | 'daily' | 'weekly';
interface Preferences {
  digest: Frequency;
  digestSentAt: string | null;
}
const FREQUENCIES: readonly Frequency[] = ['off', 'daily', 'weekly'];

/** How often the e-mail digest of my notifications comes (GET/PUT /notifications/preferences). */
export function DigestPreference() {
  const { t } = useTranslation();
  const f = useFormat();
  const notice = useNotice();
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ['notifications', 'preferences'],
    queryFn: () => api<Preferences>('/notifications/preferences'),
  });
  const save = useMutation({
    mutationFn: (digest: Frequency) =>
      api<Preferences>('/notifications/preferences', { method: 'PUT', body: { digest } }),
    onSuccess: (p) => {
      qc.setQueryData(['notifications', 'preferences'], p);
      notice('success', t('digest.saved'));
    },
  });
  if (!q.data) return <ErrorMessage error={q.error} />;
  // The choice shows at once while it is saved (back to the saved value if saving fails).
  const shown = save.isPending && save.variables ? save.variables : q.data.digest;
  return (
    <fieldset className="fieldset">
      <legend>{t('digest.legend')}</legend>
      <p className="muted">{t('digest.intro')}</p>
      {FREQUENCIES.map((v) => (
        <label key={v} className="checkbox">
          <input
            type="radio"
            name="digest"
            value={v}
            checked={shown === v}
            disabled={save.isPending}
            onChange={() => save.mutate(v)}
          />
          {t(`digest.frequency.${v}`)}
        </label>
      ))}
      <p className="muted">
        {q.data.digestSentAt
          ? t('digest.lastSent', { when: f.dateTime(q.data.digestSentAt) })
          : t('digest.neverSent')}
      </p>
      <ErrorMessage error={save.error} />
    </fieldset>
  );
}
