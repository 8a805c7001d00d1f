import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { ErrorMessage, SelectField, TextField } from '../components/ui.tsx';
import { HitList } from './HitList.tsx';
import type { ScreenResponse } from './types.ts';

/** The search box: screens one party; the query is not stored unless a reviewer saves it as a party. */
export function ScreenOne({ canSave }: { canSave: boolean }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [kind, setKind] = useState('');
  const [country, setCountry] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [identifier, setIdentifier] = useState('');
  const qc = useQueryClient();
  const m = useMutation({
    mutationFn: (save: boolean) =>
      api<ScreenResponse>('/screening/screen', {
        body: {
          name,
          ...(kind ? { kind } : {}),
          ...(country ? { country } : {}),
          ...(birthDate ? { birthDate } : {}),
          ...(identifier ? { identifiers: [{ value: identifier }] } : {}),
          save,
        },
      }),
    // A saved party may open a case: the case list shows it without a reload.
    onSuccess: (_r, save) => {
      if (save) void qc.invalidateQueries({ queryKey: ['screening', 'cases'] });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    m.mutate(false);
  };
  return (
    <section aria-labelledby="screen-one">
      <h2 id="screen-one">{t('screening.one.title')}</h2>
      <p className="hint">{t('screening.one.privacy')}</p>
      <form onSubmit={submit} className="screening-form">
        <TextField
          label={t('screening.one.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
        />
        <SelectField label={t('screening.one.kind')} value={kind} onChange={(e) => setKind(e.target.value)}>
          <option value="">{t('screening.one.kindAny')}</option>
          {['person', 'organisation', 'vessel', 'aircraft', 'other'].map((k) => (
            <option key={k} value={k}>
              {t(`screening.kind.${k}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('screening.one.country')}
          value={country}
          onChange={(e) => setCountry(e.target.value)}
        />
        <TextField
          label={t('screening.one.birthDate')}
          hint={t('screening.one.birthDateHint')}
          value={birthDate}
          onChange={(e) => setBirthDate(e.target.value)}
        />
        <TextField
          label={t('screening.one.identifier')}
          value={identifier}
          onChange={(e) => setIdentifier(e.target.value)}
        />
        <div className="actions">
          <button type="submit" className="button" disabled={m.isPending || !name.trim()}>
            {t('screening.one.submit')}
          </button>
          {canSave && (
            <button
              type="button"
              className="button button-secondary"
              disabled={m.isPending || !name.trim()}
              onClick={() => m.mutate(true)}
            >
              {t('screening.one.save')}
            </button>
          )}
        </div>
      </form>
      {m.error && <ErrorMessage error={m.error} />}
      {m.data && (
        <div aria-live="polite">
          <h3>{t('screening.one.results', { count: m.data.hits.length })}</h3>
          {m.data.saved && <p>{t('screening.one.saved')}</p>}
          <HitList hits={m.data.hits} threshold={m.data.threshold} />
        </div>
      )}
    </section>
  );
}
