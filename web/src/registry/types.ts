import type { ApprovalView } from '../../../src/contract/access-shapes.ts';
import type {
  DescribedField,
  FieldDef,
  FieldSpec,
  KindAbilities,
  KindDescription,
  Labels,
  ViewDef,
} from '../../../src/contract/registry-kinds.ts';
import type { RecordAbilities, RecordStatus } from '../../../src/contract/registry-records.ts';
import type { ThreadPost, ThreadState } from '../../../src/contract/thread-posts.ts';
import type { Distribution, Tlp } from '../api.ts';

/** The answers of the registry API, as the web app uses them (GET /registry describes every kind):
 * the kind and field descriptions, record statuses and abilities are the contract's (src/contract). */
export type {
  DescribedField,
  FieldDef,
  FieldSpec,
  KindAbilities,
  Labels,
  RecordAbilities,
  RecordStatus,
  ViewDef,
};
export type Kind = KindDescription;

export interface RegistryRecord {
  id: string;
  kind: string;
  title: string;
  status: RecordStatus;
  version: number;
  tlp: Tlp;
  distribution: Distribution;
  distribution_network_id: string | null;
  sharing_group_id: string | null;
  owner_org_id: string;
  owner_org_code: string;
  author_id: string;
  submitted_by: string | null;
  /** Organisations named by the 'organisations' distribution; co-editors (user ids). */
  named_org_ids: string[];
  editor_ids: string[];
  data: Record<string, unknown>;
  language: string;
  is_demo: boolean;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  status_note: string | null;
  marking: string;
  abilities: RecordAbilities;
}

export interface RecordList {
  total: number;
  /** The total was counted a short while ago (a large list): shown as "about N". */
  totalIsEstimate?: boolean;
  facets: Record<string, Record<string, number>>;
  items: RegistryRecord[];
}

export interface HistoryEntry {
  version: number;
  status: RecordStatus;
  changedAt: string;
  changedBy: string;
  note: string | null;
  changes: Record<string, { before: unknown; after: unknown }>;
}

/** A post of the record's thread (src/contract/thread-posts.ts). */
export type RecordComment = ThreadPost;

export interface RecordDetail extends RegistryRecord {
  history: HistoryEntry[];
  comments: RecordComment[];
  /** Whether the caller follows the record's thread and may change that. */
  thread: ThreadState;
  /** TLP:RED: the named recipients (the reader is one of them). */
  recipients: { id: string; display_name: string; organisation_code: string }[];
  /** A correction awaiting approval (kinds with approval steps), for those who may see it. */
  pendingCorrection?: PendingCorrection;
}

/** GET /registry/:kind/:id `pendingCorrection`: the proposed data and its changes against the published version. */
export interface PendingCorrection {
  data: Record<string, unknown>;
  changes: Record<string, { before: unknown; after: unknown }>;
  note: string | null;
  proposedBy: string;
  proposedAt: string;
}

/** GET /registry/:kind/:id/approval: the contract's (src/contract/access-shapes.ts). */
export type { ApprovalView };

export interface Attachment {
  id: string;
  filename: string;
  content_type: string;
  size: number;
  created_at: string;
  /** Whether the file's text is searchable (null: a file without text, e.g. an image). */
  text: {
    status: 'indexed' | 'partial' | 'refused';
    reason: 'too_large' | 'too_many_pages' | 'too_many_characters' | 'timeout' | 'unreadable' | null;
    limit: number | null;
    pages: number | null;
    message: string | null;
  } | null;
}

export interface CodeEntry {
  code: string;
  labels: Record<string, string>;
  meta: Record<string, unknown>;
  active: boolean;
}

export interface CodeList {
  name: string;
  labels: Record<string, string>;
  version: number;
  codes: CodeEntry[];
}

export interface SearchHit {
  id: string;
  kind: string;
  title: string;
  tlp: Tlp;
  status: string;
  owner: string;
  rank: number;
}

export interface RegistryImportReport {
  dryRun: boolean;
  rows: number;
  wouldInsert: number;
  wouldUpdate: number;
  unchanged: number;
  errors: { line: number; column: string; reason: string }[];
  errorCount: number;
  jobId?: string;
  detail?: string;
}

export interface Subscription {
  id: string;
  kind: string;
  field: string | null;
  prefix: string | null;
  created_at: string;
}
