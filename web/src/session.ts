import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Me, refreshCsrf } from './api.ts';

export const ME_KEY = ['me'] as const;

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: () => api<Me>('/auth/me'), staleTime: 60_000 });
}

/** The signed-in user's data; only used below the sign-in guard, where it is loaded. */
export function useSignedIn(): Required<Me> {
  const { data } = useMe();
  return data as Required<Me>;
}

/** After sign-in, sign-out or a second factor: new session, new CSRF token, reload everything. */
export function useSessionChanged() {
  const qc = useQueryClient();
  return async () => {
    await refreshCsrf();
    qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    await qc.invalidateQueries({ queryKey: ME_KEY });
    await qc.refetchQueries({ queryKey: ME_KEY });
  };
}
