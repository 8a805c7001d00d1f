import type { LocalizedText, Questionnaire, Summary } from '../../../src/engines/questionnaire/index.ts';

/** Shapes of the mapping API's answers (src/modules/mapping/README.md), only what the pages use. */

export interface QuestionnaireAbilities {
  read: boolean;
  export: boolean;
  importVersion: boolean;
  sendCampaign: boolean;
}

export interface VersionRow {
  id: string;
  version: string;
  title: string;
  createdAt: string;
}

export interface QuestionnaireRow {
  id: string;
  code: string;
  title: string;
  networkId: string | null;
  networkCode: string | null;
  createdAt: string;
  versions: VersionRow[];
  abilities: QuestionnaireAbilities;
}

export interface ImportIssue {
  sheet: string;
  row: number;
  column?: string;
  code?: string;
  reason: string;
}

export interface Comparison {
  kept: string[];
  added: string[];
  removed: string[];
  changedType: { code: string; before: string; after: string }[];
}

export interface ImportReport {
  dryRun: boolean;
  questionnaire: {
    code: string;
    title: string;
    version: string;
    languages: { code: string; name?: string }[];
    questions: number;
    previous: { version: string; keeps: string[] } | null;
  } | null;
  newQuestionnaire: boolean;
  warnings: ImportIssue[];
  blocking: ImportIssue[];
  leftOut: ImportIssue[];
  comparison: (Comparison & { previousVersion: string }) | null;
  keepProblems: { code: string; reason: string }[];
  /** platform code lists or codes the form names that do not exist (a campaign is refused on them) */
  codeListProblems: { list: string; missingCodes: string[]; items: string[]; reason: string }[];
  questionnaireId?: string;
  versionId?: string;
}

export interface VersionDetail {
  id: string;
  questionnaireId: string;
  code: string;
  version: string;
  title: string;
  networkId: string | null;
  previousVersion: string | null;
  comparison: Comparison | null;
  warnings: ImportIssue[];
  leftOut: ImportIssue[];
  fileName: string | null;
  createdAt: string;
  questionnaire: Questionnaire;
  abilities: QuestionnaireAbilities & { coordinator: boolean };
}

export type Sharing = 'named' | 'aggregate_only' | 'coordinator_only';
export type ResultView = 'full' | 'aggregate' | 'none';

export interface CampaignAbilities {
  read: boolean;
  extend: boolean;
  assign: boolean;
  results: ResultView;
  rate: 'all' | 'own' | 'none';
  export: boolean;
  mapRecords: boolean;
}

export interface CampaignRow {
  id: string;
  title: string;
  networkId: string;
  opensAt: string;
  closesAt: string;
  sharing: Sharing;
  respondentUnit: 'administration' | 'person';
  questionnaireId: string;
  questionnaireCode: string;
  version: string;
  abilities: CampaignAbilities;
}

export interface CampaignDetail extends CampaignRow {
  networkCode: string;
  target: { kind: string };
  reminderDays: number[];
  participants: { id: string; code: string; name: string; names: Record<string, string> | null }[];
  myRoles: string[];
  assignments: {
    id: string;
    userId: string;
    displayName: string;
    role: 'respondent' | 'validator';
    abilities: { remove: boolean };
  }[];
  recordMappings: RecordMapping[];
  myResponses: { id: string; respondentUserId: string | null; status: ResponseStatus }[];
}

export type ResponseStatus = 'draft' | 'validated' | 'reopened';

export interface ResponseAbilities {
  read: boolean;
  update: boolean;
  validate: boolean;
  reopen: boolean;
}

export interface ResponseRow {
  id: string;
  organisation: { id: string; code: string };
  respondentUserId: string | null;
  status: ResponseStatus;
  version: number;
  validatedAt: string | null;
  abilities: ResponseAbilities;
}

export interface ResponseDetail {
  id: string;
  campaignId: string;
  questionnaireVersionId: string;
  organisation: { id: string; code: string; name: string };
  respondentUserId: string | null;
  status: ResponseStatus;
  answers: Record<string, unknown>;
  version: number;
  lastEditor: { id: string; displayName: string } | null;
  lastEditedAt: string | null;
  validatedBy: { id: string; displayName: string } | null;
  validatedAt: string | null;
  reopenReason: string | null;
  closesAt: string;
  abilities: ResponseAbilities;
  pending?: { field: string; kind: string; message: string }[];
}

export interface RateResult {
  participants: number;
  validated: number;
  rate: number;
  administrations: {
    id: string;
    code: string;
    name: string;
    status: 'not_started' | 'draft' | 'reopened' | 'validated';
    lastEditedAt: string | null;
    validatedAt: string | null;
  }[];
  missing: string[];
}

export interface SummaryItem {
  code: string;
  type: string;
  label: LocalizedText;
  matrix: string | null;
  repeats: unknown[];
  summary: Summary;
}

export interface SummariesResult {
  view: ResultView;
  sharing: Sharing;
  respondents: number | null;
  own?: Record<string, unknown> | null;
  items: SummaryItem[];
}

export interface CrosstabResult {
  view: ResultView;
  crosstab: {
    rowCode: string;
    colCode: string;
    rows: string[];
    cols: string[];
    cells: (number | null)[][];
    rowTotals: (number | null)[];
    colTotals: (number | null)[];
    total: number | null;
  };
}

export interface CoverageResult {
  view: ResultView;
  list: string;
  codes: { code: string; labels: Record<string, string> | null }[];
  rows: { organisationId: string; organisationCode: string; responded: boolean; cells: number[] }[];
  totals: (number | null)[];
}

export interface RadarResult {
  view: ResultView;
  list: string;
  measure: string | null;
  administrationId: string | null;
  axes: { code: string; value: number | null; othersMedian: number | null; others: number | null }[];
}

export interface TrendsResult {
  questionnaireId: string;
  question: string;
  campaigns: {
    campaignId: string;
    title: string;
    version: string;
    closesAt: string;
    view: ResultView;
    summary: Summary;
  }[];
}

/** A campaign's repeat group → registry kind mapping (answers feed records). */
export interface RecordMapping {
  repeat: string;
  kind: string;
  fields: Record<string, string>;
}
