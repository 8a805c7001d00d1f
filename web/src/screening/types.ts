import type { HitJson } from '../../../src/contract/screening-hits.ts';

export interface ScreeningAbilities {
  readLists: boolean;
  screen: boolean;
  review: boolean;
  loadLists: boolean;
}

export interface ListInUse {
  id: string;
  listId: string;
  label: string;
  isDemo: boolean;
  entryCount: number;
  loadedAt: string;
}

export interface AbilitiesResponse {
  abilities: ScreeningAbilities;
  threshold?: number;
  reviewThreshold?: number;
  lists?: ListInUse[];
}

/** A hit as the API answers it: the server's own type (a type-only import, erased from the bundle). */
export type Hit = HitJson;

export interface ScreenResponse {
  threshold: number;
  reviewThreshold: number;
  hits: Hit[];
  saved: string | null;
}

export interface BatchRow {
  line: number;
  reference: string | null;
  name: string;
  country: string | null;
  birth_date: string | null;
  hits: Hit[];
}

export interface DeclarationResult {
  declaration_ref: string;
  line: number;
  parties: Array<{ role: string; name: string; hits: Hit[] }>;
  goods: Array<{ measureId: string; explanation: string[]; legalBasis: string }>;
  selected: boolean;
  reasons: string[];
}

export interface Batch {
  id: string;
  kind: 'parties' | 'declarations';
  filename: string;
  state: 'queued' | 'running' | 'succeeded' | 'failed';
  done: number;
  total: number | null;
  summary: Record<string, number>;
  errors: Array<{ line?: number; column?: string; reason: string }>;
  rows: BatchRow[];
  declarations: DeclarationResult[];
  threshold: number;
  reviewThreshold: number;
}

export interface CaseRow {
  id: string;
  party_name: string;
  party_country: string | null;
  list_id: string;
  entity_id: string;
  entity_name: string;
  score: number;
  band: 'match' | 'review';
  explanation: string[];
  state: 'open' | 'review' | 'confirmed' | 'dismissed';
  reason: string | null;
  reviewer: string | null;
  decided_at: string | null;
  raised_count: number;
  version_label: string | null;
  is_demo: boolean | null;
  updated_at: string;
  abilities: { read: boolean; decide: boolean };
}

export interface Version {
  id: string;
  listId: string;
  format: string;
  label: string;
  source: string;
  entryCount: number;
  isDemo: boolean;
  previousId: string | null;
  loadedAt: string;
}

export interface VersionDiff {
  added: Array<{ id: string; name: string; kind: string }>;
  removed: Array<{ id: string; name: string; kind: string }>;
  amended: Array<{
    id: string;
    name: string;
    changes: Array<{ field: string; before: unknown; after: unknown }>;
  }>;
  unchanged: number;
}
