import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, qs } from '../api.ts';
import type { RecordList } from './types.ts';

/**
 * Choose a record of a kind that I may read: a search box narrows the choices (GET
 * /registry/:kind?q=…), the select holds them; the current value stays listed.
 */
export function RefSelect({
  kind,
  label,
  value,
  onChange,
  id,
  describedBy,
  invalid,
  required,
  emptyLabel,
}: {
  kind: string;
  label: string;
  value: string;
  onChange: (id: string) => void;
  id: string;
  describedBy?: string | undefined;
  invalid?: boolean;
  required?: boolean;
  emptyLabel?: string;
}) {
  const { t, i18n } = useTranslation();
  const searchId = useId();
  const [q, setQ] = useState('');
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const h = setTimeout(() => setDebounced(q.trim()), 250);
    return () => clearTimeout(h);
  }, [q]);
  const list = useQuery({
    queryKey: ['registry', 'ref-options', kind, debounced],
    queryFn: () =>
      api<RecordList>(
        `/registry/${kind}${qs({ q: debounced || undefined, language: i18n.resolvedLanguage, sort: 'title', limit: 100 })}`,
      ),
    staleTime: 30_000,
  });
  const current = useQuery({
    queryKey: ['registry', 'record', kind, value],
    queryFn: () => api<{ id: string; title: string }>(`/registry/${kind}/${value}`),
    enabled: !!value && !(list.data?.items ?? []).some((r) => r.id === value),
    retry: false,
  });
  const options = [...(list.data?.items ?? [])];
  if (value && current.data && !options.some((o) => o.id === value))
    options.unshift({ id: value, title: current.data.title } as (typeof options)[number]);
  return (
    <div className="ref-select">
      <label htmlFor={searchId} className="visually-hidden">
        {t('registry.form.findRecord', { field: label })}
      </label>
      <input
        id={searchId}
        type="search"
        placeholder={t('registry.form.findPlaceholder')}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        autoComplete="off"
      />
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        required={required}
      >
        <option value="">{emptyLabel ?? t('common.choose')}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.title}
          </option>
        ))}
      </select>
    </div>
  );
}
