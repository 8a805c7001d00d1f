import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MentionablePerson } from '../../../src/contract/thread-posts.ts';
import { api, qs } from '../api.ts';

/**
 * The `@` picker of a post: people who may read the record (the API lists them through the
 * record's policy), searched by name. A chosen person is mentioned: their name is added to the
 * text as "@Name" and they are notified when the post is sent.
 */
export function MentionPicker({
  kind,
  recordId,
  value,
  onChange,
}: {
  kind: string;
  recordId: string;
  value: MentionablePerson[];
  onChange: (people: MentionablePerson[], added?: MentionablePerson) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [q, setQ] = useState('');
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const h = setTimeout(() => setDebounced(q.trim()), 250);
    return () => clearTimeout(h);
  }, [q]);
  const results = useQuery({
    queryKey: ['registry', 'mentionable', kind, recordId, debounced],
    queryFn: () =>
      api<{ items: MentionablePerson[] }>(`/registry/${kind}/${recordId}/mentionable${qs({ q: debounced })}`),
    enabled: debounced.length >= 2,
  });
  const found = (results.data?.items ?? []).filter((p) => !value.some((v) => v.id === p.id));
  return (
    <fieldset className="fieldset">
      <legend>{t('registry.thread.mention')}</legend>
      <p className="hint">{t('registry.thread.mentionHelp')}</p>
      {value.length > 0 && (
        <ul className="chips" aria-label={t('registry.thread.mentioned')}>
          {value.map((p) => (
            <li key={p.id} className="chip">
              @{p.name} ({p.organisation})
              <button
                type="button"
                className="chip-remove"
                aria-label={t('registry.thread.removeMention', { name: p.name })}
                onClick={() => onChange(value.filter((v) => v.id !== p.id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="field">
        <label htmlFor={id}>{t('registry.thread.mentionSearch')}</label>
        <input id={id} type="search" value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" />
      </div>
      <p className="visually-hidden" aria-live="polite">
        {debounced.length >= 2 && results.data ? t('marking.resultsCount', { count: found.length }) : ''}
      </p>
      {debounced.length >= 2 && results.data && found.length === 0 && (
        <p className="muted">{t('registry.thread.mentionNone')}</p>
      )}
      {debounced.length >= 2 && found.length > 0 && (
        <ul className="picker-results">
          {found.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => {
                  onChange([...value, p], p);
                  setQ('');
                }}
              >
                {t('registry.thread.mentionAdd', { name: `${p.name} (${p.organisation})` })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
