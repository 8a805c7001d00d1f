/** GET /api/v1/innovation/overview (src/modules/innovation/operations/overview.ts). */
export interface InnovationOverview {
  levels: string[];
  matrix: { domain: string; counts: number[] }[];
  totals: number[];
  total: number;
  byAdministration: { code: string; count: number }[];
  common: {
    id: string;
    title: string;
    lead: string;
    participants: string[];
    nextMilestone: { title: string; due_date: string; status: string } | null;
  }[];
}

/** A reason of GET /api/v1/innovation/initiatives/:id/similar (src/modules/innovation/similarity). */
export type SimilarReason =
  | { type: 'domain'; code: string }
  | { type: 'trl_band'; band: 'research' | 'development' | 'deployment' }
  | { type: 'technologies'; codes: string[] }
  | { type: 'concepts'; concepts: { id: string; labels: { en: string; fr: string; de: string } }[] }
  | { type: 'text'; language: string; similarity: number };

export interface SimilarInitiative {
  id: string;
  title: string;
  owner: string;
  language: string;
  domain: string;
  trl: string;
  score: number;
  reasons: SimilarReason[];
}
