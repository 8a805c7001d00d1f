import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DIRECTORY_DETAILS, type DirectoryDetail } from '../../../src/contract/directory.ts';
import { EU_LANGUAGES } from '../../../src/contract/languages.ts';
import { api } from '../api.ts';
import { ErrorMessage, fieldErrorsOf, Section, TextField, useNotice } from '../components/ui.tsx';

interface MyEntry {
  name: string;
  email: string;
  jobTitle: string;
  phone: string;
  languages: string[];
  shown: DirectoryDetail[];
  abilities: { update: boolean };
}

/** What I keep about myself in the directory, and which of it the members see (each detail chosen). */
export function MyDirectoryEntry() {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const notice = useNotice();
  const me = useQuery({ queryKey: ['directory', 'me'], queryFn: () => api<MyEntry>('/directory/me') });
  const [form, setForm] = useState<Omit<MyEntry, 'name' | 'email' | 'abilities'> | null>(null);
  useEffect(() => {
    if (me.data && !form)
      setForm({
        jobTitle: me.data.jobTitle,
        phone: me.data.phone,
        languages: me.data.languages,
        shown: me.data.shown,
      });
  }, [me.data, form]);
  const save = useMutation({
    mutationFn: () => api<MyEntry>('/directory/me', { method: 'PUT', body: form }),
    onSuccess: () => {
      notice('success', t('directory.mine.saved'));
      void qc.invalidateQueries({ queryKey: ['directory'] });
    },
  });
  const languageName = useMemo(() => {
    const names = new Intl.DisplayNames([i18n.language], { type: 'language' });
    return (code: string) => names.of(code) ?? code;
  }, [i18n.language]);
  if (!me.data || !form) return null;
  const errors = fieldErrorsOf(save.error);
  const toggle = <T extends string>(list: T[], v: T) =>
    list.includes(v) ? list.filter((x) => x !== v) : [...list, v];
  return (
    <Section title={t('directory.mine.title')}>
      <p>{t('directory.mine.intro', { email: me.data.email })}</p>
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <TextField
          label={t('directory.col.jobTitle')}
          value={form.jobTitle}
          maxLength={200}
          error={errors.jobTitle}
          onChange={(e) => setForm({ ...form, jobTitle: e.target.value })}
        />
        <TextField
          label={t('directory.col.phone')}
          type="tel"
          value={form.phone}
          maxLength={40}
          error={errors.phone}
          hint={t('directory.mine.phoneHint')}
          onChange={(e) => setForm({ ...form, phone: e.target.value })}
        />
        <fieldset className="field checkbox-grid">
          <legend>{t('directory.mine.languages')}</legend>
          {EU_LANGUAGES.map((l) => (
            <label key={l}>
              <input
                type="checkbox"
                checked={form.languages.includes(l)}
                onChange={() => setForm({ ...form, languages: toggle(form.languages, l) })}
              />{' '}
              {languageName(l)}
            </label>
          ))}
        </fieldset>
        <fieldset className="field">
          <legend>{t('directory.mine.shown')}</legend>
          <p className="hint">{t('directory.mine.shownHint')}</p>
          {DIRECTORY_DETAILS.map((d) => (
            <label key={d} className="checkbox">
              <input
                type="checkbox"
                checked={form.shown.includes(d)}
                onChange={() => setForm({ ...form, shown: toggle(form.shown, d) })}
              />{' '}
              {t(`directory.mine.show.${d}`)}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button" disabled={save.isPending || !me.data.abilities.update}>
          {t('directory.mine.save')}
        </button>
        <ErrorMessage error={save.error} />
      </form>
    </Section>
  );
}
