import { useQuery } from '@tanstack/react-query';
import type { RecommendationResponses } from '../../../src/contract/risk-sharing.ts';
import { api } from '../api.ts';

/** A registry record as the risk-sharing pages read it (GET /registry/:kind/:id). */
export interface SharedRecord {
  id: string;
  status: string;
  title: string;
  data: Record<string, unknown>;
  abilities: { read: boolean; update: boolean };
}

export const useSharedRecord = (kind: 'risk_factor' | 'profile_recommendation', id: string) =>
  useQuery({
    queryKey: ['risk-sharing', kind, id],
    queryFn: () => api<SharedRecord>(`/registry/${kind}/${id}`),
  });

export const useResponses = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: ['risk-sharing', 'responses', id],
    queryFn: () => api<RecommendationResponses>(`/risk-sharing/recommendations/${id}/responses`),
    enabled,
  });
