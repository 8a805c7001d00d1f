import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api.ts';
import { ErrorMessage, useNotice } from '../components/ui.tsx';

interface SavedFilter {
  id: string;
  name: string;
  query: string;
}

/** Saved filters of one list, kept on the server per user: save the current query, reapply, delete. */
export function SavedFilters({ kind, query }: { kind: string; query: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const notice = useNotice();
  const nameId = useId();
  const [name, setName] = useState('');
  const key = ['registry', 'saved-filters', kind];
  const list = useQuery({
    queryKey: key,
    queryFn: () => api<{ items: SavedFilter[] }>(`/registry/saved-filters/${kind}`),
  });
  const save = useMutation({
    mutationFn: () =>
      api(`/registry/saved-filters/${kind}`, { method: 'PUT', body: { name: name.trim(), query } }),
    onSuccess: () => {
      notice('success', t('registry.saved.savedNotice', { name: name.trim() }));
      setName('');
      void qc.invalidateQueries({ queryKey: key });
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => api(`/registry/saved-filters/${kind}/${id}`, { method: 'DELETE' }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: key }),
  });
  const items = list.data?.items ?? [];
  return (
    <details className="saved-filters">
      <summary>{t('registry.saved.title', { count: items.length })}</summary>
      {items.length > 0 ? (
        <ul className="link-list">
          {items.map((s) => (
            <li key={s.id}>
              <Link to={`?${s.query}`}>{s.name}</Link>{' '}
              <button
                type="button"
                className="link-button"
                aria-label={t('registry.saved.deleteNamed', { name: s.name })}
                onClick={() => remove.mutate(s.id)}
              >
                {t('registry.saved.delete')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('registry.saved.none')}</p>
      )}
      <form
        className="inline-fields"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          if (name.trim()) save.mutate();
        }}
      >
        <div className="field">
          <label htmlFor={nameId}>{t('registry.saved.name')}</label>
          <input id={nameId} value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />
        </div>
        <button type="submit" className="button button-secondary button-small" disabled={!name.trim()}>
          {t('registry.saved.save')}
        </button>
      </form>
      <ErrorMessage error={save.error ?? remove.error} />
    </details>
  );
}
