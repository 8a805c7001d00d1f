import { useQuery } from '@tanstack/react-query';
import { api } from '../api.ts';
import { useMe } from '../session.ts';
import type { AbilitiesResponse } from './types.ts';

/** What the API says the user may do in screening (the nav entry and the sections follow it). */
export function useScreeningAbilities() {
  const { data: me } = useMe();
  return useQuery({
    queryKey: ['screening', 'abilities'],
    queryFn: () => api<AbilitiesResponse>('/screening/abilities'),
    enabled: me?.stage === 'full',
    staleTime: 30_000,
  });
}
