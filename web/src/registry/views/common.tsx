import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, qs } from '../../api.ts';
import { useCodeList, useOrganisations } from '../hooks.ts';
import { useRegistryLabels } from '../labels.ts';
import type { DescribedField, Kind, ViewDef } from '../types.ts';
import { countryName } from './scale.ts';

export interface StatsCell {
  organisation: string;
  value: string | null;
  measure: number;
}
export interface Stats {
  groupBy: string;
  measure: string;
  cells: StatsCell[];
}

/** The list page of a kind, filtered (the list reads the same parameters as the API). */
export function listHref(kind: string, params: Record<string, string | undefined>) {
  return `/registry/${kind}${qs(params)}`;
}

export function useStats(kind: string, view: ViewDef, groupBy: string, filters: Record<string, string>) {
  const params = {
    groupBy,
    sumField: view.measure === 'sum' ? view.sumField : undefined,
    ...filters,
  };
  return useQuery({
    queryKey: ['registry', kind, 'stats', params],
    queryFn: () => api<Stats>(`/registry/${kind}/stats${qs(params)}`),
  });
}

/** Labels of one field's values: code-list labels in the user's language, country names, or the raw value. */
export function useValueLabels(field: DescribedField | undefined) {
  const { i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? i18n.language;
  const codeListName =
    field?.type === 'code'
      ? field.codeList
      : field?.type === 'list' && field.of.type === 'code'
        ? field.of.codeList
        : undefined;
  const list = useCodeList(codeListName);
  const codes = list.data?.codes.filter((c) => c.active) ?? [];
  const label = (value: string) => {
    if (field?.type === 'country') return countryName(value, lang);
    const entry = list.data?.codes.find((c) => c.code === value);
    return entry ? (entry.labels[lang] ?? entry.labels.en ?? value) : value;
  };
  return { label, codes: codes.map((c) => c.code), loading: !!codeListName && list.isLoading };
}

/** Names of the owning organisations: the country for a national administration, else the organisation's name. */
export function useOrgLabels() {
  const { i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? i18n.language;
  const orgs = useOrganisations();
  const items = orgs.data?.items ?? [];
  const national = items.filter((o) => o.type === 'national_administration').map((o) => o.code);
  const label = (code: string) => {
    const o = items.find((x) => x.code === code);
    if (!o) return code;
    if (o.type === 'national_administration') return countryName(code, lang);
    return o.names?.[lang] ?? o.name;
  };
  return { label, national, loading: orgs.isLoading };
}

/** What a view measures, in words: "Quantity" (a sum) or "Records" (a count). */
export function useMeasureLabel(kind: Kind, view: ViewDef) {
  const { t } = useTranslation();
  const labels = useRegistryLabels();
  const sumField = view.measure === 'sum' ? kind.fields.find((f) => f.name === view.sumField) : undefined;
  return {
    sum: !!sumField,
    label: sumField
      ? t('registryViews.measure.sum', { field: labels.field(sumField) })
      : t('registryViews.measure.count'),
  };
}

/** Filters a view can offer: the kind's code and country filters other than the grouped field. */
export function filterFields(kind: Kind, except: string[]): DescribedField[] {
  return kind.filters
    .filter((f) => !except.includes(f))
    .map((f) => kind.fields.find((x) => x.name === f))
    .filter(
      (f): f is DescribedField =>
        !!f && (f.type === 'code' || f.type === 'country' || (f.type === 'list' && f.of.type === 'code')),
    );
}

/** The title of a referenced record (cached; "—" when it cannot be read). */
export function useRecordTitle(kind: string | undefined, id: string | undefined) {
  return useQuery({
    queryKey: ['registry', kind, 'record', id],
    queryFn: () => api<{ title: string }>(`/registry/${kind}/${id}`),
    enabled: !!kind && !!id,
    retry: false,
    staleTime: 60_000,
  });
}
