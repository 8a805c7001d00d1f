import { useQuery } from '@tanstack/react-query';
import { api, qs } from '../api.ts';
import type {
  CampaignDetail,
  CampaignRow,
  QuestionnaireRow,
  RateResult,
  ResponseDetail,
  ResponseRow,
  VersionDetail,
} from './types.ts';

/** Queries of the mapping pages (keys under `mapping`, so a change refreshes them all). */

export const useQuestionnaires = () =>
  useQuery({
    queryKey: ['mapping', 'questionnaires'],
    queryFn: () => api<{ items: QuestionnaireRow[] }>('/mapping/questionnaires'),
  });

export const useVersion = (id: string, version: string, enabled = true) =>
  useQuery({
    queryKey: ['mapping', 'version', id, version],
    queryFn: () =>
      api<VersionDetail>(`/mapping/questionnaires/${id}/versions/${encodeURIComponent(version)}`),
    enabled: enabled && !!id && !!version,
    staleTime: 300_000,
  });

export const useCampaigns = () =>
  useQuery({
    queryKey: ['mapping', 'campaigns'],
    queryFn: () => api<{ items: CampaignRow[] }>('/mapping/campaigns'),
  });

export const useCampaign = (id: string) =>
  useQuery({
    queryKey: ['mapping', 'campaign', id],
    queryFn: () => api<CampaignDetail>(`/mapping/campaigns/${id}`),
  });

export const useCampaignResponses = (id: string) =>
  useQuery({
    queryKey: ['mapping', 'campaign', id, 'responses'],
    queryFn: () => api<{ items: ResponseRow[] }>(`/mapping/campaigns/${id}/responses`),
  });

export const useRate = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: ['mapping', 'campaign', id, 'rate'],
    queryFn: () => api<RateResult>(`/mapping/campaigns/${id}/results/rate`),
    enabled,
  });

export const useResponse = (id: string) =>
  useQuery({
    queryKey: ['mapping', 'response', id],
    queryFn: () => api<ResponseDetail>(`/mapping/responses/${id}`),
  });

/** A result endpoint of a campaign (`summaries`, `crosstab`, `coverage`, `radar`) with its query. */
export function useResult<T>(
  campaignId: string,
  what: string,
  params: Record<string, string | undefined>,
  enabled = true,
) {
  return useQuery({
    queryKey: ['mapping', 'campaign', campaignId, 'results', what, params],
    queryFn: () => api<T>(`/mapping/campaigns/${campaignId}/results/${what}${qs(params)}`),
    enabled,
    retry: false,
  });
}

/** The codes of a platform code list (choices and matrix rows "from a code list"). */
export const useCodeList = (name: string | null) =>
  useQuery({
    queryKey: ['code-list', name],
    queryFn: () => api<{ codes: { code: string; labels: Record<string, string> }[] }>(`/code-lists/${name}`),
    enabled: !!name,
    staleTime: 300_000,
    retry: false,
  });
