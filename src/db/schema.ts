import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { RecordStatus } from '../contract/registry-records.ts';
import type { MembershipStatus, NetworkRole, OrgRole } from '../contract/roles.ts';
import type { Distribution, Tlp } from '../contract/shared-records.ts';
import type { DigestTables } from './digest-schema.ts';
import type { InnovationTables } from './innovation-schema.ts';
import type { MappingTables } from './mapping-schema.ts';
import type { MeetingTables } from './meetings-schema.ts';
import type { MessageTables } from './messages-schema.ts';
import type { RiskInformationTables } from './risk-information-schema.ts';
import type { RiskTables } from './risk-schema.ts';
import type { RiskSharingTables } from './risk-sharing-schema.ts';
import type { TrainingTables } from './training-schema.ts';

/** Typed schema for Kysely; mirrors the committed migrations in ./migrations. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T> = ColumnType<T, string | undefined, string>;

export type OrgType = 'national_administration' | 'commission' | 'eucab_body' | 'eucab_unit';
// Values the API also answers with: declared once, in the contract (src/contract).
export type { RecordStatus } from '../contract/registry-records.ts';
export type { MembershipStatus, NetworkRole, OrgRole } from '../contract/roles.ts';
export type { Distribution, Tlp } from '../contract/shared-records.ts';

export interface OrganisationsTable {
  id: Generated<string>;
  code: string;
  type: OrgType;
  name: string;
  names: Json<Record<string, string>>;
  country_code: string | null;
  is_demo: Generated<boolean>;
  created_at: Timestamp;
  /** The IATI organisation identifier (migration 0074), set by the administration's NCP. */
  iati_org_id: Generated<string | null>;
}

export interface NetworksTable {
  id: Generated<string>;
  code: string;
  name: string;
  description: Generated<string>;
  created_at: Timestamp;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  display_name: string;
  organisation_id: string;
  password_hash: string | null;
  totp_secret: string | null;
  totp_enabled: Generated<boolean>;
  totp_last_step: number | null;
  status: Generated<'active' | 'disabled'>;
  locale: Generated<string>;
  failed_logins: Generated<number>;
  locked_until: NullableTimestamp;
  is_demo: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** How often the notification digest is e-mailed (migration 0019). */
  digest_frequency: Generated<DigestFrequency>;
  digest_sent_at: NullableTimestamp;
}

export type DigestFrequency = 'off' | 'daily' | 'weekly';

export interface RoleGrantsTable {
  id: Generated<string>;
  user_id: string;
  organisation_id: string;
  role: OrgRole;
  granted_by: string | null;
  granted_at: Timestamp;
}

export interface RecoveryCodesTable {
  id: Generated<string>;
  user_id: string;
  code_hash: string;
  used_at: NullableTimestamp;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  stage: 'mfa' | 'enrol' | 'full';
  auth_method: 'password' | 'oidc';
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
  /** Second-factor attempts made in stage 'mfa' (the session ends at MFA_MAX_ATTEMPTS). */
  mfa_attempts: Generated<number>;
}

/** Password sign-in failures per e-mail address or client address (src/auth/login-throttle.ts). */
export interface LoginThrottleTable {
  /** `account:<lower-case address>` or `client:<ip>`. */
  key: string;
  failures: Generated<number>;
  /** No attempt is taken before this time (the failures' delay); also when the last one was. */
  next_allowed_at: Timestamp;
}

export interface ApiKeysTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  prefix: string;
  key_hash: string;
  scopes: string[];
  expires_at: Timestamp;
  revoked_at: NullableTimestamp;
  last_used_at: NullableTimestamp;
  created_at: Timestamp;
}

export interface PasswordResetsTable {
  token_hash: string;
  user_id: string;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
  created_at: Timestamp;
}

export interface IdentityProvidersTable {
  id: Generated<string>;
  organisation_id: string;
  name: string;
  issuer: string;
  client_id: string;
  client_secret: string;
  enabled: Generated<boolean>;
  created_at: Timestamp;
}

export interface OidcLoginStatesTable {
  state_hash: string;
  provider_id: string;
  code_verifier: string;
  nonce: string;
  expires_at: Timestamp;
}

export interface UserIdentitiesTable {
  provider_id: string;
  subject: string;
  user_id: string;
  created_at: Timestamp;
}

export interface NetworkMembershipsTable {
  id: Generated<string>;
  network_id: string;
  user_id: string;
  role: NetworkRole;
  status: MembershipStatus;
  requested_by: string | null;
  endorsed_by: string | null;
  decided_by: string | null;
  note: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SharingGroupsTable {
  id: Generated<string>;
  name: string;
  description: Generated<string>;
  created_by: string | null;
  created_at: Timestamp;
}

export interface SharingGroupMembersTable {
  sharing_group_id: string;
  organisation_id: string;
}

/** The access envelope every shared record kind carries. */
export interface SharedEnvelopeColumns {
  id: Generated<string>;
  owner_org_id: string;
  author_id: string;
  distribution: Distribution;
  distribution_network_id: string | null;
  sharing_group_id: string | null;
  tlp: Tlp;
}

export interface RecordRecipientsTable {
  record_kind: string;
  record_id: string;
  user_id: string;
}

/** Organisations named by a record with the 'organisations' distribution (the owner is implied). */
export interface RecordOrganisationsTable {
  record_kind: string;
  record_id: string;
  organisation_id: string;
}

/** Co-editors of a shared record (users of any administration the owner names). */
export interface RecordEditorsTable {
  record_kind: string;
  record_id: string;
  user_id: string;
  added_by: string;
  added_at: Timestamp;
}

export type SubmissionState = 'open' | 'approved' | 'rejected' | 'withdrawn';

/** One submission (round) of a record through its approval steps. */
export interface RecordSubmissionsTable {
  id: Generated<string>;
  record_kind: string;
  record_id: string;
  round: number;
  submitted_by: string;
  submitted_at: Timestamp;
  reviewer_ids: ColumnType<string[], string[] | undefined, string[]>;
  state: ColumnType<SubmissionState, SubmissionState | undefined, SubmissionState>;
  closed_at: NullableTimestamp;
  /** A correction of a published record: the proposed data (JSON), else null (a submitted draft). */
  proposed_data: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  /** The proposer's note on a correction. */
  proposed_note: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A decision on one approval step of a submission. */
export interface RecordApprovalsTable {
  id: Generated<string>;
  submission_id: string;
  step: number;
  approver_id: string;
  decision: 'approve' | 'reject';
  comment: string | null;
  decided_at: Timestamp;
}

export interface AttachmentsTable {
  id: Generated<string>;
  record_kind: string;
  record_id: string;
  filename: string;
  content_type: string;
  size: number;
  sha256: string;
  content: Buffer;
  uploaded_by: string;
  created_at: Timestamp;
}

/** The searchable text of an attachment (migration 0041): its vector and how much was read. */
export interface AttachmentTextsTable {
  attachment_id: string;
  record_kind: string;
  record_id: string;
  status: 'indexed' | 'partial' | 'refused';
  reason: 'too_large' | 'too_many_pages' | 'too_many_characters' | 'timeout' | 'unreadable' | null;
  reason_limit: number | null;
  pages: number | null;
  chars: Generated<number>;
  search: string;
  created_at: Timestamp;
}

/** What a person shows about themselves in the directory (migration 0043). */
export interface DirectoryEntriesTable {
  user_id: string;
  job_title: Generated<string>;
  phone: Generated<string>;
  languages: Generated<string[]>;
  shown: Generated<string[]>;
  updated_at: Timestamp;
}

export interface NotificationsTable {
  id: Generated<string>;
  user_id: string;
  kind: string;
  record_kind: string | null;
  record_id: string | null;
  summary: string;
  created_at: Timestamp;
  read_at: NullableTimestamp;
}

export interface AuditEventsTable {
  seq: Generated<number>;
  id: Generated<string>;
  occurred_at: Timestamp;
  actor_id: string | null;
  actor_label: string;
  organisation_id: string | null;
  action: string;
  record_kind: string;
  record_id: string | null;
  changes: Json<Record<string, unknown>>;
  prev_hash: string;
  hash: string;
}

export interface OutboxTable {
  id: Generated<number>;
  topic: string;
  payload: Json<Record<string, unknown>>;
  created_at: Timestamp;
  processed_at: NullableTimestamp;
  attempts: Generated<number>;
  last_error: string | null;
}

export interface ImportJobsTable {
  id: Generated<string>;
  kind: string;
  organisation_id: string;
  created_by: string;
  file_name: string;
  file_sha256: string;
  status: 'staging' | 'staged' | 'publishing' | 'published' | 'failed' | 'cancelled';
  total_rows: Generated<number>;
  staged_rows: Generated<number>;
  inserted: Generated<number>;
  updated: Generated<number>;
  error: string | null;
  created_at: Timestamp;
  finished_at: NullableTimestamp;
  heartbeat_at: Timestamp;
  /** The job (src/jobs) that runs this import; its state is what users see. */
  job_id: string | null;
}

export interface ImportRowsTable {
  job_id: string;
  line: number;
  data: Json<Record<string, unknown>>;
}

export type JobStateColumn = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface JobsTable {
  id: Generated<string>;
  kind: string;
  organisation_id: string;
  created_by: string;
  data: Json<unknown>;
  state: Generated<JobStateColumn>;
  attempt: Generated<number>;
  progress_done: Generated<number>;
  progress_total: number | null;
  phase: string | null;
  error: string | null;
  error_count: Generated<number>;
  result: ColumnType<unknown, string | null | undefined, string | null>;
  cancel_requested: Generated<boolean>;
  queue_message_id: string | null;
  worker: string | null;
  heartbeat_at: NullableTimestamp;
  created_at: Generated<Date>;
  started_at: NullableTimestamp;
  finished_at: NullableTimestamp;
}

export interface JobFilesTable {
  job_id: string;
  name: string;
  content_type: string;
  sha256: string;
  size: number;
  bytes: Buffer;
}

export interface JobErrorsTable {
  job_id: string;
  seq: number;
  line: number | null;
  column_name: string | null;
  reason: string;
}

export interface CodeListsTable {
  name: string;
  labels: Json<Record<string, string>>;
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface CodeListEntriesTable {
  list: string;
  code: string;
  labels: Json<Record<string, string>>;
  meta: Json<Record<string, unknown>>;
  active: Generated<boolean>;
  since_version: Generated<number>;
}

export interface RegistryRecordsTable extends SharedEnvelopeColumns {
  kind: string;
  status: RecordStatus;
  version: Generated<number>;
  import_key: string | null;
  title: string;
  language: Generated<string>;
  data: Json<Record<string, unknown>>;
  search: ColumnType<string | null, never, never>;
  /** The words of the record's attached files (migration 0046; null: none). */
  file_search: ColumnType<string | null, never, never>;
  /** The words of the record's visible posts (migration 0050; null: none). */
  comment_search: ColumnType<string | null, never, never>;
  submitted_by: string | null;
  published_by: string | null;
  published_at: NullableTimestamp;
  status_note: string | null;
  is_demo: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RegistryVersionsTable {
  record_id: string;
  version: number;
  status: RecordStatus;
  data: Json<Record<string, unknown>>;
  distribution: Distribution;
  tlp: Tlp;
  /** null: a change made by the platform itself (a data migration). */
  changed_by: string | null;
  changed_at: Timestamp;
  note: Generated<string>;
}

export interface RegistryCommentsTable {
  id: Generated<string>;
  record_id: string;
  author_id: string;
  organisation_id: string;
  kind: 'comment' | 'feedback' | 'interest';
  body: string;
  created_at: Timestamp;
  /** The post this one answers (migration 0050; one level: always a post without a parent). */
  parent_id: string | null;
  edited_at: NullableTimestamp;
  /** Withdrawn by its author: the text is no longer shown. */
  withdrawn_at: NullableTimestamp;
  /** Hidden by a coordinator of the record's network or a platform administrator, with a reason. */
  hidden_at: NullableTimestamp;
  hidden_by: string | null;
  hidden_reason: string | null;
  /** The people the post mentions (notified only if they may read the record). */
  mention_ids: ColumnType<string[], string[] | undefined, string[]>;
}

/** Who follows a record's thread (migration 0050): a row overrides the default (authors and commenters follow). */
export interface ThreadSubscriptionsTable {
  record_id: string;
  user_id: string;
  subscribed: boolean;
  updated_at: Timestamp;
}

export interface RegistrySavedFiltersTable {
  id: Generated<string>;
  user_id: string;
  kind: string;
  name: string;
  query: string;
  created_at: Timestamp;
}

export interface RegistrySubscriptionsTable {
  id: Generated<string>;
  user_id: string;
  kind: string;
  field: string | null;
  prefix: string | null;
  created_at: Timestamp;
}

export interface ScreeningListVersionsTable {
  id: Generated<string>;
  list_id: string;
  format: string;
  label: string;
  source: string;
  content_hash: string;
  entry_count: number;
  is_demo: Generated<boolean>;
  previous_id: string | null;
  loaded_by: string | null;
  loaded_at: Timestamp;
}

export interface ScreeningEntitiesTable {
  entity_hash: string;
  data: Json<unknown>;
}

export interface ScreeningListEntriesTable {
  version_id: string;
  entity_id: string;
  entity_hash: string;
}

export interface ScreeningBatchesTable {
  id: Generated<string>;
  organisation_id: string;
  created_by: string;
  kind: 'parties' | 'declarations';
  filename: string;
  file_hash: string;
  state: Generated<'queued' | 'running' | 'succeeded' | 'failed'>;
  done: Generated<number>;
  total: number | null;
  summary: Json<Record<string, unknown>>;
  errors: Json<Array<{ line?: number; column?: string; reason: string }>>;
  created_at: Timestamp;
  finished_at: NullableTimestamp;
}

export interface ScreeningPartiesTable {
  id: Generated<string>;
  organisation_id: string;
  party_key: string;
  name: string;
  kind: string | null;
  country: string | null;
  birth_date: string | null;
  identifiers: Json<Array<{ type?: string; value: string }>>;
  source: 'search' | 'batch' | 'declaration';
  screened_versions: Json<Record<string, string>>;
  last_screened_at: NullableTimestamp;
  created_by: string;
  created_at: Timestamp;
}

export interface ScreeningBatchRowsTable {
  batch_id: string;
  line: number;
  party_id: string;
  reference: string | null;
  hits: Json<unknown[]>;
}

export type ScreeningCaseState = 'open' | 'review' | 'confirmed' | 'dismissed';

export interface ScreeningCasesTable {
  id: Generated<string>;
  organisation_id: string;
  party_id: string;
  list_id: string;
  entity_id: string;
  entity_name: string;
  entity_hash: string;
  version_id: string | null;
  score: number;
  band: 'match' | 'review';
  explanation: Json<string[]>;
  state: ScreeningCaseState;
  reason: string | null;
  reviewer_id: string | null;
  decided_at: NullableTimestamp;
  decided_hash: string | null;
  raised_count: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ScreeningDeclarationResultsTable {
  id: Generated<string>;
  organisation_id: string;
  batch_id: string;
  declaration_ref: string;
  line: number;
  parties: Json<unknown[]>;
  goods: Json<unknown[]>;
  selected: boolean;
  reasons: Json<string[]>;
  created_at: Timestamp;
}

export interface ScheduledTaskRunsTable {
  name: string;
  last_started_at: NullableTimestamp;
  last_finished_at: NullableTimestamp;
  last_status: string | null;
  last_message: string | null;
  next_due_at: Timestamp;
}

export interface DB
  extends RiskTables,
    RiskSharingTables,
    MappingTables,
    MeetingTables,
    MessageTables,
    DigestTables,
    TrainingTables,
    InnovationTables,
    RiskInformationTables {
  organisations: OrganisationsTable;
  networks: NetworksTable;
  users: UsersTable;
  role_grants: RoleGrantsTable;
  recovery_codes: RecoveryCodesTable;
  sessions: SessionsTable;
  login_throttle: LoginThrottleTable;
  api_keys: ApiKeysTable;
  password_resets: PasswordResetsTable;
  identity_providers: IdentityProvidersTable;
  user_identities: UserIdentitiesTable;
  oidc_login_states: OidcLoginStatesTable;
  network_memberships: NetworkMembershipsTable;
  sharing_groups: SharingGroupsTable;
  sharing_group_members: SharingGroupMembersTable;
  record_recipients: RecordRecipientsTable;
  record_organisations: RecordOrganisationsTable;
  record_editors: RecordEditorsTable;
  record_submissions: RecordSubmissionsTable;
  record_approvals: RecordApprovalsTable;
  attachments: AttachmentsTable;
  attachment_texts: AttachmentTextsTable;
  directory_entries: DirectoryEntriesTable;
  notifications: NotificationsTable;
  audit_events: AuditEventsTable;
  outbox: OutboxTable;
  import_jobs: ImportJobsTable;
  import_rows: ImportRowsTable;
  jobs: JobsTable;
  job_files: JobFilesTable;
  job_errors: JobErrorsTable;
  code_lists: CodeListsTable;
  code_list_entries: CodeListEntriesTable;
  registry_records: RegistryRecordsTable;
  registry_versions: RegistryVersionsTable;
  registry_comments: RegistryCommentsTable;
  thread_subscriptions: ThreadSubscriptionsTable;
  registry_saved_filters: RegistrySavedFiltersTable;
  registry_subscriptions: RegistrySubscriptionsTable;
  screening_list_versions: ScreeningListVersionsTable;
  screening_entities: ScreeningEntitiesTable;
  screening_list_entries: ScreeningListEntriesTable;
  screening_batches: ScreeningBatchesTable;
  screening_parties: ScreeningPartiesTable;
  screening_batch_rows: ScreeningBatchRowsTable;
  screening_cases: ScreeningCasesTable;
  screening_declaration_results: ScreeningDeclarationResultsTable;
  scheduled_task_runs: ScheduledTaskRunsTable;
}

export type User = Selectable<UsersTable>;
export type Organisation = Selectable<OrganisationsTable>;
export type NewAuditEvent = Insertable<AuditEventsTable>;
