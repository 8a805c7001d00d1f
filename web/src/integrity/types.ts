/** GET /api/v1/integrity/overview (src/modules/integrity/overview.ts). */
export interface IntegrityOverview {
  coverage: {
    factors: string[];
    administrations: { code: string; counts: number[] }[];
    totals: number[];
    gaps: string[];
  };
  selfAssessment: {
    campaign: { id: string; title: string; version: string; closesAt: string | null };
    previous: { id: string; title: string; version: string } | null;
    view: string;
    factors: {
      code: string;
      value: number | null;
      othersMedian: number | null;
      others: number | null;
      previousValue: number | null;
      change: number | null;
    }[];
  } | null;
  overdueActions: {
    count: number;
    items: { id: string; title: string; dueDate: string; lessonId: string }[];
  };
  latest: { kind: string; id: string; title: string; owner: string; publishedAt: string | null }[];
}
