/**
 * The API client: same-origin fetch with the session cookie, the CSRF token on every change,
 * and problem+json errors turned into ApiError (detail + field errors for the forms).
 */
import type { MarkingRule, MarkingRules } from '../../src/contract/access-shapes.ts';
import type { MembershipStatus, NetworkRole } from '../../src/contract/roles.ts';
import type { Distribution, SharedAbilities, Tlp } from '../../src/contract/shared-records.ts';

export interface FieldError {
  field: string;
  message: string;
}

export interface Problem {
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
  [key: string]: unknown;
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail || problem.title);
  }
  get status() {
    return this.problem.status;
  }
  /** Field errors keyed by the last part of the field path ("body.email" → "email"). */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem.errors ?? []) {
      const key = e.field.split('.').pop() ?? e.field;
      out[key] = out[key] ? `${out[key]}; ${e.message}` : e.message;
    }
    return out;
  }
}

export const API = '/api/v1';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
let csrfToken: string | null = null;
let csrfPending: Promise<string> | null = null;

/** Fetches a fresh CSRF token (at start, and after sign-in or sign-out: the session changed). */
export function refreshCsrf(): Promise<string> {
  csrfPending = fetch(`${API}/auth/csrf`, {
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
  })
    .then((r) => r.json() as Promise<{ token: string }>)
    .then((b) => {
      csrfToken = b.token;
      return b.token;
    })
    .finally(() => {
      csrfPending = null;
    });
  return csrfPending;
}

async function token(): Promise<string> {
  if (csrfToken) return csrfToken;
  return csrfPending ?? refreshCsrf();
}

async function toError(res: Response): Promise<ApiError> {
  let body: Partial<Problem> = {};
  try {
    body = (await res.json()) as Partial<Problem>;
  } catch {
    // not JSON: keep the status line
  }
  return new ApiError({
    ...body,
    title: body.title ?? res.statusText,
    status: body.status ?? res.status,
    detail: body.detail ?? `${res.status} ${res.statusText}`,
  });
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  form?: FormData;
  signal?: AbortSignal;
  /** Return the problem body instead of throwing for these statuses (e.g. a 422 report). */
  acceptStatus?: number[];
}

export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = (opts.method ?? (opts.body !== undefined || opts.form ? 'POST' : 'GET')).toUpperCase();
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const send = async (): Promise<Response> => {
    if (UNSAFE.has(method)) headers['x-csrf-token'] = await token();
    return fetch(`${API}${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.form ?? (opts.body !== undefined ? JSON.stringify(opts.body) : undefined),
      signal: opts.signal,
    });
  };
  let res = await send();
  if (res.status === 403 && UNSAFE.has(method)) {
    // The CSRF token may be stale (another tab signed out): refresh once and retry.
    const clone = res.clone();
    const p = (await clone.json().catch(() => ({}))) as Partial<Problem>;
    if (/CSRF/i.test(p.detail ?? '')) {
      await refreshCsrf();
      res = await send();
    }
  }
  if (res.status === 204) return undefined as T;
  if (!res.ok && !opts.acceptStatus?.includes(res.status)) throw await toError(res);
  return (await res.json()) as T;
}

export const qs = (params: Record<string, string | number | boolean | undefined | null>) => {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : '';
};

// ---- Types of the API's answers (only what the UI uses; the contract's where it declares them) ----

export type { Distribution, MembershipStatus, NetworkRole, SharedAbilities, Tlp };
export type Locale = 'en' | 'fr' | 'de';

export interface MeNetwork {
  id: string;
  code: string;
  name: string;
  role: NetworkRole;
  canPost: boolean;
}

export interface Me {
  stage: 'anonymous' | 'full' | 'mfa' | 'enrol';
  user?: { id?: string; email: string; displayName: string; locale: Locale; totpEnabled?: boolean };
  organisation?: { id: string; code: string; name: string; type: string; names: Record<string, string> };
  roles?: string[];
  networks?: MeNetwork[];
  abilities?: {
    readOnly: boolean;
    platformAdmin: boolean;
    manageOrganisations: boolean;
    manageUsersOfOwnOrg: boolean;
    grantableRolesInOwnOrg: string[];
    nominate: boolean;
    totpRequired: boolean;
  };
}

/** The markings and distributions with their rules (GET /markings): the contract's. */
export type { MarkingRule, MarkingRules };

export interface NetworkRow {
  id: string;
  code: string;
  name: string;
  description: string;
  member_count: number;
  myRole: string | null;
  abilities: { post: boolean; request: boolean };
}

export interface NetworkDetail extends Omit<NetworkRow, 'abilities' | 'member_count'> {
  members: {
    id: string;
    role: string;
    user_id: string;
    display_name: string;
    organisation_code: string;
    organisation_name: string;
  }[];
  abilities: { post: boolean; request: boolean; appoint: boolean; nominate: boolean };
}

export interface Membership {
  id: string;
  role: string;
  status: MembershipStatus;
  note: string;
  created_at: string;
  updated_at: string;
  network_id: string;
  network_name: string;
  user_id: string;
  display_name: string;
  organisation_id: string;
  organisation_code: string;
  abilities: { endorse: boolean; approve: boolean; reject: boolean; withdraw: boolean };
}

/** A message key of a module's catalog and its parameters (`{ t }`: a key translated in the reader's language). */
export type SentenceParam =
  | string
  | number
  | { t: string; fallback?: string }
  | { labels: Readonly<Record<string, string>> };
export interface Sentence {
  key: string;
  params: Record<string, SentenceParam>;
}

export interface AuditEvent {
  seq: number;
  id: string;
  occurred_at: string;
  actor_id: string | null;
  actor_label: string;
  organisation_id: string | null;
  action: string;
  record_kind: string;
  record_id: string | null;
  changes: Record<string, unknown> | null;
  valuesHidden: boolean;
  /** How the event reads ("Anna Schmidt published …"); null for an action no module declares. */
  sentence: Sentence | null;
}

export interface AuditPage {
  items: AuditEvent[];
  nextBefore: number | null;
}

export interface Notification {
  id: string;
  kind: string;
  record_kind: string | null;
  record_id: string | null;
  summary: string;
  created_at: string;
  read_at: string | null;
  sentence: Sentence | null;
}

/** An area of the platform (a registry kind's area, or `platform`). */
export type Area = string;

export interface HomeTile {
  id: string;
  module: string;
  area: Area;
  title: Sentence;
  count: number;
  link: string | null;
}

export interface HomeTask {
  id: string;
  module: string;
  area: Area;
  title: Sentence;
  count: number;
  link: string;
}

export interface CalendarItem {
  id: string;
  module: string;
  kind: string;
  what: Sentence;
  title: string;
  start: string;
  end: string | null;
  allDay: boolean;
  link: string | null;
  area: Area;
  organisation: { id: string; code: string } | null;
  marking: Tlp | null;
  /** For a moment: the organiser's time zone. */
  timeZone?: string | null;
  /** For a meeting: the answers to its invitation, and mine. */
  rsvp?: { yes: number; no: number; maybe: number; mine: 'yes' | 'no' | 'maybe' | null };
}

export interface CalendarAnswer {
  from: string;
  to: string;
  items: CalendarItem[];
  truncated: boolean;
}

export interface OrganisationRow {
  id: string;
  code: string;
  type: string;
  name: string;
  names: Record<string, string>;
  country_code: string | null;
  is_demo: boolean;
  user_count?: number;
  /** The administration's IATI organisation identifier (the reporting organisation of its IATI export). */
  iati_org_id?: string | null;
  abilities: { manageUsers: boolean; update: boolean; setIatiIdentifier?: boolean };
}

export interface UserRow {
  id: string;
  email: string;
  display_name: string;
  status: 'active' | 'disabled';
  totp_enabled: boolean;
  locale: Locale;
  organisation_id: string;
  organisation_code: string;
  locked_until: string | null;
  created_at: string;
  roles: string[];
  abilities: { update: boolean };
}

export interface UserDetail extends Omit<UserRow, 'roles' | 'abilities' | 'locked_until'> {
  organisation_type: string;
  roles: { role: string; granted_at: string }[];
  memberships: { id: string; network_id: string; network_name: string; role: string; status: string }[];
  abilities: { update: boolean; erase: boolean; grantableRoles: string[] };
}

export interface ImportReport {
  dryRun: boolean;
  rows: number;
  valid: number;
  wouldInsert: number;
  wouldUpdate: number;
  errors: { line: number; column: string; reason: string }[];
  jobId?: string;
  detail?: string;
}

export interface ImportJob {
  id: string;
  status: 'staging' | 'staged' | 'publishing' | 'published' | 'failed' | 'cancelled';
  total_rows: number;
  staged_rows: number;
  inserted: number;
  updated: number;
  error: string | null;
  file_name: string;
}

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  expires_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
  created_at: string;
  active: boolean;
}
