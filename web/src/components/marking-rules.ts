import { useQuery } from '@tanstack/react-query';
import { api, type MarkingRule, type MarkingRules, type Tlp } from '../api.ts';

/**
 * The markings and distributions with their rules, from the API (GET /markings): the web app
 * decides nothing itself (which marking names recipients, which allows public distribution).
 */
export function useMarkingRules(): MarkingRules | undefined {
  const q = useQuery({
    queryKey: ['markings'],
    queryFn: () => api<MarkingRules>('/markings'),
    staleTime: Number.POSITIVE_INFINITY,
  });
  return q.data;
}

/** The rule of one marking (undefined until the rules are loaded). */
export function ruleOf(rules: MarkingRules | undefined, tlp: Tlp): MarkingRule | undefined {
  return rules?.markings.find((m) => m.tlp === tlp);
}

/** The markings from the least to the most strict (empty until the rules are loaded). */
export function useMarkings(): Tlp[] {
  return useMarkingRules()?.markings.map((m) => m.tlp) ?? [];
}
