import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, qs } from '../api.ts';

interface Person {
  id: string;
  display_name: string;
  organisation_code: string;
}

function usePerson(id: string) {
  return useQuery({
    queryKey: ['directory', 'person', id],
    queryFn: () => api<Person>(`/users/directory/${id}`),
    enabled: /^[0-9a-f-]{36}$/i.test(id),
    staleTime: 300_000,
    retry: false,
  });
}

/** A person's name and administration (`user` fields), from the directory. */
export function PersonName({ id }: { id: string }) {
  const { t } = useTranslation();
  const q = usePerson(id);
  if (q.error) return <span className="muted">{t('registry.value.unknownPerson')}</span>;
  return <>{q.data ? `${q.data.display_name} (${q.data.organisation_code})` : '…'}</>;
}

/** Chooses one person on the platform (a `user` field): the chosen one, and a directory search. */
export function PersonPicker({
  id,
  value,
  onChange,
  describedBy,
  invalid,
}: {
  id: string;
  value: string;
  onChange: (v: string) => void;
  describedBy?: string | undefined;
  invalid: boolean;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const h = setTimeout(() => setDebounced(q.trim()), 250);
    return () => clearTimeout(h);
  }, [q]);
  const results = useQuery({
    queryKey: ['directory', debounced],
    queryFn: () => api<{ items: Person[] }>(`/users/directory${qs({ q: debounced })}`),
    enabled: debounced.length >= 2,
  });
  const found = (results.data?.items ?? []).filter((p) => p.id !== value);
  return (
    <div className="person-picker">
      <p aria-live="polite">
        {value ? (
          <>
            {t('registry.form.personChosen')} <strong>{<PersonName id={value} />}</strong>{' '}
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => onChange('')}
            >
              {t('registry.form.personClear')}
            </button>
          </>
        ) : (
          <span className="muted">{t('registry.form.personNone')}</span>
        )}
      </p>
      <input
        id={id}
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        autoComplete="off"
        placeholder={t('registry.form.personSearch')}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
      />
      <p className="visually-hidden" aria-live="polite">
        {debounced.length >= 2 && results.data ? t('marking.resultsCount', { count: found.length }) : ''}
      </p>
      {debounced.length >= 2 && found.length > 0 && (
        <ul className="picker-results">
          {found.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => {
                  onChange(p.id);
                  setQ('');
                }}
              >
                {t('registry.form.personChoose', { name: `${p.display_name} (${p.organisation_code})` })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
