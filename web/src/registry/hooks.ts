import { useQuery } from '@tanstack/react-query';
import { api, type NetworkRow, type OrganisationRow } from '../api.ts';
import type { CodeList, Kind } from './types.ts';

/** Every kind with its described fields, list columns, filters, views and my abilities. */
export function useKinds() {
  return useQuery({
    queryKey: ['registry', 'kinds'],
    queryFn: () => api<{ kinds: Kind[] }>('/registry'),
    staleTime: 5 * 60_000,
  });
}

export function useKind(name: string | undefined) {
  const q = useKinds();
  return { ...q, kind: q.data?.kinds.find((k) => k.name === name) };
}

export function useCodeList(name: string | undefined) {
  return useQuery({
    queryKey: ['code-list', name],
    queryFn: () => api<CodeList>(`/code-lists/${encodeURIComponent(name!)}`),
    enabled: !!name,
    staleTime: 10 * 60_000,
  });
}

export function useOrganisations() {
  return useQuery({
    queryKey: ['organisations', ''],
    queryFn: () => api<{ items: OrganisationRow[] }>('/organisations'),
    staleTime: 10 * 60_000,
  });
}

/** The networks (a `network` field holds one's code); `abilities.post` says where I may post. */
export function useNetworks() {
  return useQuery({
    queryKey: ['networks'],
    queryFn: () => api<{ items: NetworkRow[] }>('/networks'),
    staleTime: 5 * 60_000,
  });
}

/** The Member States' codes (those a `country` field accepts: AT … EL …): the codes of the national administrations. */
export function useCountryCodes(): string[] {
  const orgs = useOrganisations();
  return [
    ...new Set(
      (orgs.data?.items ?? []).filter((o) => o.type === 'national_administration').map((o) => o.code),
    ),
  ].sort();
}
