import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { ErrorMessage, SelectField, TextField, useNotice } from '../components/ui.tsx';
import { useRegistryLabels } from './labels.ts';
import type { Kind, Subscription } from './types.ts';

/**
 * Alerts: in-app notifications when a record of this kind is published or corrected — all of them,
 * or those whose filter field starts with a prefix (e.g. tenders by category or CPV prefix).
 */
export function SubscribePanel({ kind, suggest }: { kind: Kind; suggest?: Record<string, string> }) {
  const { t } = useTranslation();
  const l = useRegistryLabels();
  const qc = useQueryClient();
  const notice = useNotice();
  const firstField = suggest ? Object.keys(suggest)[0] : undefined;
  const [field, setField] = useState(firstField ?? '');
  const [prefix, setPrefix] = useState(firstField ? (suggest?.[firstField] ?? '') : '');
  const key = ['registry', 'subscriptions'];
  const subs = useQuery({
    queryKey: key,
    queryFn: () => api<{ items: Subscription[] }>('/registry/subscriptions'),
  });
  const mine = (subs.data?.items ?? []).filter((s) => s.kind === kind.name);
  const add = useMutation({
    mutationFn: () =>
      api('/registry/subscriptions', {
        method: 'POST',
        body: { kind: kind.name, ...(field && prefix.trim() ? { field, prefix: prefix.trim() } : {}) },
      }),
    onSuccess: () => {
      notice('success', t('registry.alerts.subscribed'));
      void qc.invalidateQueries({ queryKey: key });
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => api(`/registry/subscriptions/${id}`, { method: 'DELETE' }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: key }),
  });
  const fieldLabel = (name: string) => {
    const f = kind.fields.find((x) => x.name === name);
    return f ? l.field(f) : name;
  };
  return (
    <>
      {mine.length > 0 && (
        <ul className="link-list">
          {mine.map((s) => (
            <li key={s.id}>
              {s.field
                ? t('registry.alerts.matching', { field: fieldLabel(s.field), prefix: s.prefix })
                : t('registry.alerts.all', { kind: l.kindPlural(kind) })}{' '}
              <button type="button" className="link-button" onClick={() => remove.mutate(s.id)}>
                {t('registry.alerts.stop')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="inline-fields"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          add.mutate();
        }}
      >
        <SelectField
          label={t('registry.alerts.field')}
          value={field}
          onChange={(e) => setField(e.target.value)}
        >
          <option value="">{t('registry.alerts.everyRecord')}</option>
          {kind.filters.map((f) => (
            <option key={f} value={f}>
              {fieldLabel(f)}
            </option>
          ))}
        </SelectField>
        {field && (
          <TextField
            label={t('registry.alerts.prefix')}
            hint={t('registry.alerts.prefixHint')}
            value={prefix}
            maxLength={60}
            onChange={(e) => setPrefix(e.target.value)}
          />
        )}
        <button
          type="submit"
          className="button button-secondary"
          disabled={add.isPending || (!!field && !prefix.trim())}
        >
          {t('registry.alerts.subscribe')}
        </button>
      </form>
      <ErrorMessage error={add.error ?? remove.error} />
    </>
  );
}
