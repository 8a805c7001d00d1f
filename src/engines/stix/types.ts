import type { TlpLevel } from './tlp.ts';

/** A STIX object as the mapping writes it (validated against the OASIS schemas in tests). */
export type StixObject = { type: string; id: string } & Record<string, unknown>;

/** An administration (the owner of a record, a recipient giving feedback). */
export interface Administration {
  id: string;
  name: string;
}

/** What the mapping needs of a record besides its fields: its envelope and its version. */
export interface RecordMeta {
  id: string;
  version: number;
  createdAt: Date | string;
  /** When this version was written (a correction's time): the objects' `modified`. */
  modifiedAt: Date | string;
  publishedAt: Date | string | null;
  tlp: TlpLevel;
  /** The record's language (`lang`), e.g. en. */
  language: string;
  /** A retracted record: its objects are `revoked`. */
  retracted: boolean;
  owner: Administration;
}

export interface Goods {
  cn_code: string;
  description?: string;
}

export interface Route {
  countries?: string[];
  places?: string[];
  transport_mode?: string;
  container?: string;
  vessel_imo?: string;
}

export interface Party {
  name: string;
  party_type: 'person' | 'organisation';
  identifiers?: { eori?: string; other?: string };
}

/** The fields of a `risk_information` record (src/registry/kinds/risk/risk-information.kind.ts). */
export interface RiskInformationFields {
  title: string;
  family: string;
  modus_operandi: string;
  concealment?: string;
  goods?: Goods[];
  route?: Route;
  parties?: Party[];
  indicators?: string;
  recommended_action: string;
  valid_from: string;
  valid_to?: string;
  urgency: string;
  crms_reference?: string;
}

/** One condition of a risk factor, written against the risk engine's data roles. */
export interface FactorIndicator {
  role: string;
  operator: string;
  value: string | number | readonly (string | number)[];
}

/** The fields of a `risk_factor` record (issue 17, shared names). */
export interface RiskFactorFields {
  title: string;
  family: string;
  risk_area?: string;
  indicators: FactorIndicator[];
  rationale?: string;
  sources?: (string | { title?: string; url?: string })[];
  valid_from?: string;
  valid_to?: string;
}

/** The fields of a `profile_recommendation` record (issue 17, shared names). */
export interface ProfileRecommendationFields {
  title: string;
  family: string;
  /** Ids of the `risk_factor` records the profile is built from. */
  factors?: string[];
  rules?: unknown[];
  selection_budget?: number;
  valid_from?: string;
  valid_to?: string;
  review_date?: string;
  backtest?: {
    selection_rate?: number;
    hit_rate?: number;
    revenue?: number;
    rows?: number;
    computed_at?: string;
    [baseline: string]: unknown;
  };
}

/** A recipient administration's feedback on a risk information. */
export interface FeedbackFacts {
  organisation: Administration;
  at: Date | string;
  controlPerformed: boolean;
  result: 'no_irregularity' | 'irregularity_found' | 'seizure' | 'ongoing' | null;
  usefulness: 'very_useful' | 'useful' | 'not_useful' | 'not_relevant';
  comment: string;
}
