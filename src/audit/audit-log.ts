import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Actor } from '../access/actor.ts';
import type { Trx } from '../db/connection.ts';
import { canonicalJson } from './canonical-json.ts';

export const GENESIS_HASH = '0'.repeat(64);
/** Advisory lock key that serialises appends to the single hash chain. */
const CHAIN_LOCK = 73_011_971;

/** Fields whose values never enter the audit trail (secrets and their hashes). */
const SECRET_FIELD = /(password|secret|token|hash|recovery|api_key|key_value|otp)/i;

export type FieldChange = { before?: unknown; after?: unknown };
export type Changes = Record<string, FieldChange | unknown>;

export interface AuditInput {
  action: string;
  recordKind: string;
  recordId: string | null;
  /** Per-field before/after values, or other facts about the change (counts, file hash). */
  changes?: Changes;
  /** The organisation the change belongs to; defaults to the actor's. */
  organisationId?: string | null;
}

/** Replaces the value of any secret-looking field by a marker, recursively. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = SECRET_FIELD.test(k) ? '[redacted]' : redactSecrets(v);
    }
    return out;
  }
  return value;
}

/** before/after of the fields that differ (secret fields are left out entirely). */
export function diffFields<T extends Record<string, unknown>>(
  before: Partial<T> | null,
  after: Partial<T> | null,
  fields: readonly (keyof T & string)[],
): Record<string, FieldChange> {
  const out: Record<string, FieldChange> = {};
  for (const f of fields) {
    if (SECRET_FIELD.test(f)) continue;
    const b = before?.[f];
    const a = after?.[f];
    if (canonicalJson(b) !== canonicalJson(a)) out[f] = { before: b ?? null, after: a ?? null };
  }
  return out;
}

export function eventHash(
  prevHash: string,
  e: {
    occurred_at: string;
    actor_id: string | null;
    actor_label: string;
    organisation_id: string | null;
    action: string;
    record_kind: string;
    record_id: string | null;
    changes: unknown;
  },
): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(e)).digest('hex');
}

/**
 * Appends one audit event inside the caller's transaction (so the change and its event commit
 * or roll back together). Appends are serialised by a transaction-scoped advisory lock so the
 * chain stays a single sequence on a PostgreSQL server with many connections.
 */
export async function recordAudit(trx: Trx, actor: Actor, input: AuditInput): Promise<void> {
  await recordAuditMany(trx, actor, [input]);
}

/**
 * Appends many events in order (e.g. one per imported record), inside the caller's transaction.
 * Appends are serialised by a transaction-scoped advisory lock so the chain stays a single
 * sequence on a PostgreSQL server with many connections.
 */
export async function recordAuditMany(trx: Trx, actor: Actor, inputs: readonly AuditInput[]): Promise<void> {
  if (inputs.length === 0) return;
  await sql`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`.execute(trx);
  const last = await trx
    .selectFrom('audit_events')
    .select('hash')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  let prev = last?.hash ?? GENESIS_HASH;
  const occurred = new Date();
  const rows = inputs.map((input) => {
    const event = {
      occurred_at: occurred.toISOString(),
      actor_id: actor.userId,
      actor_label: actor.label,
      organisation_id: input.organisationId === undefined ? actor.orgId : input.organisationId,
      action: input.action,
      record_kind: input.recordKind,
      record_id: input.recordId,
      changes: redactSecrets(input.changes ?? {}) as Record<string, unknown>,
    };
    const hash = eventHash(prev, event);
    const row = {
      ...event,
      occurred_at: occurred,
      changes: JSON.stringify(event.changes),
      prev_hash: prev,
      hash,
    };
    prev = hash;
    return row;
  });
  for (let i = 0; i < rows.length; i += 1000) {
    await trx
      .insertInto('audit_events')
      .values(rows.slice(i, i + 1000))
      .execute();
  }
}
