import { useTranslation } from 'react-i18next';
import { SelectField } from '../components/ui.tsx';
import { useCountryName } from './FieldValue.tsx';
import { useCodeList, useNetworks, useOrganisations } from './hooks.ts';
import { useRegistryLabels } from './labels.ts';
import { RefSelect } from './RefSelect.tsx';
import type { DescribedField, Kind } from './types.ts';

const STATUSES = ['draft', 'submitted', 'published', 'retracted'] as const;

function FacetSelect({
  field,
  value,
  counts,
  onChange,
}: {
  field: DescribedField;
  value: string;
  counts: Record<string, number>;
  onChange: (v: string) => void;
}) {
  const { t } = useTranslation();
  const l = useRegistryLabels();
  const country = useCountryName();
  const codeList =
    field.type === 'code'
      ? field.codeList
      : field.type === 'list' && field.of.type === 'code'
        ? field.of.codeList
        : undefined;
  const codes = useCodeList(codeList);
  const networks = useNetworks();
  const label = l.field(field);
  if (field.type === 'ref')
    return (
      <div className="field">
        <label htmlFor={`filter-${field.name}`}>{label}</label>
        <RefSelect
          id={`filter-${field.name}`}
          kind={field.kind}
          label={label}
          value={value}
          onChange={onChange}
          emptyLabel={t('registry.list.any')}
        />
      </div>
    );
  const name = (v: string) =>
    codeList
      ? l.code(
          codes.data?.codes.find((c) => c.code === v),
          v,
        )
      : field.type === 'country'
        ? country(v)
        : field.type === 'network'
          ? (networks.data?.items.find((n) => n.code === v)?.name ?? v)
          : v;
  const values = Object.keys(counts);
  if (value && !values.includes(value)) values.unshift(value);
  return (
    <SelectField label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t('registry.list.any')}</option>
      {values.map((v) => (
        <option key={v} value={v}>
          {name(v)} ({counts[v] ?? 0})
        </option>
      ))}
    </SelectField>
  );
}

/** Filters from the kind's definition with facet counts from the list response; status and owner. */
export function ListFilters({
  kind,
  params,
  facets,
  onChange,
}: {
  kind: Kind;
  params: URLSearchParams;
  facets: Record<string, Record<string, number>>;
  onChange: (patch: Record<string, string>) => void;
}) {
  const { t } = useTranslation();
  const orgs = useOrganisations();
  return (
    <div className="filter-grid">
      {kind.filters.map((name) => {
        const field = kind.fields.find((f) => f.name === name);
        if (!field) return null;
        return (
          <FacetSelect
            key={name}
            field={field}
            value={params.get(name) ?? ''}
            counts={facets[name] ?? {}}
            onChange={(v) => onChange({ [name]: v })}
          />
        );
      })}
      <SelectField
        label={t('registry.list.status')}
        value={params.get('status') ?? ''}
        onChange={(e) => onChange({ status: e.target.value })}
      >
        <option value="">{t('registry.list.anyLive')}</option>
        {STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`registry.status.${s}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('registry.list.owner')}
        value={params.get('owner') ?? ''}
        onChange={(e) => onChange({ owner: e.target.value })}
      >
        <option value="">{t('registry.list.any')}</option>
        {(orgs.data?.items ?? []).map((o) => (
          <option key={o.id} value={o.code}>
            {o.code} — {o.name}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
