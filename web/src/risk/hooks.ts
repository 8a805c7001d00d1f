import { useQuery } from '@tanstack/react-query';
import { api } from '../api.ts';
import { useMe } from '../session.ts';
import type { BatchDetail, BatchRow, Dataset, ModelDetail, ModelRow, RiskAbilities } from './types.ts';

/** What the API says the user may do in risk analysis (the nav entry and the pages follow it). */
export function useRiskAbilities() {
  const { data: me } = useMe();
  return useQuery({
    queryKey: ['risk', 'abilities'],
    queryFn: () => api<RiskAbilities>('/risk/abilities'),
    enabled: me?.stage === 'full',
    staleTime: 60_000,
  });
}

export const useDatasets = () =>
  useQuery({ queryKey: ['risk', 'datasets'], queryFn: () => api<{ items: Dataset[] }>('/risk/datasets') });
export const useModels = () =>
  useQuery({ queryKey: ['risk', 'models'], queryFn: () => api<{ items: ModelRow[] }>('/risk/models') });
export const useModel = (id: string) =>
  useQuery({ queryKey: ['risk', 'model', id], queryFn: () => api<ModelDetail>(`/risk/models/${id}`) });
export const useBatches = () =>
  useQuery({ queryKey: ['risk', 'batches'], queryFn: () => api<{ items: BatchRow[] }>('/risk/batches') });
export const useBatch = (id: string) =>
  useQuery({ queryKey: ['risk', 'batch', id], queryFn: () => api<BatchDetail>(`/risk/batches/${id}`) });

/** A running job of a section survives a page reload: its id is kept in this browser until it ends. */
export function rememberJob(slot: string, jobId: string | null) {
  try {
    if (jobId) localStorage.setItem(`eucab.risk.job.${slot}`, jobId);
    else localStorage.removeItem(`eucab.risk.job.${slot}`);
  } catch {
    // storage unavailable: progress is still shown until the page is left
  }
}
export function rememberedJob(slot: string): string | null {
  try {
    return localStorage.getItem(`eucab.risk.job.${slot}`);
  } catch {
    return null;
  }
}
