import type { RawBuilder } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Actor } from './actor.ts';

/** A table of the database (the typed schema of src/db/schema.ts). */
export type TableName = keyof DB & string;

/**
 * THE shape of an access policy: one per resource kind that carries an organisation's or a
 * user's data (src/access/policies.ts lists them all). Two functions implement one rule:
 *
 * - `abilities(actor, row)`: what the actor may do with one row (single-record reads answer 404
 *   unless `read`, actions 403 unless their ability); the response carries these abilities.
 * - `readable(actor, alias)`: the same `read` rule as SQL over the table's alias, the base of
 *   every list, count, facet, search, export, statistic, digest and audit lookup.
 *
 * `abilities(a, row).read` is true exactly for the rows `readable(a, alias)` selects
 * (`policy-agreement.int.test.ts` checks it for every policy and a spread of actors).
 * Policies never look at API-key scopes (the auth hook enforces them per operation).
 */
export interface ResourcePolicy<Row, Abilities extends { read: boolean }> {
  /** Name of the resource kind (as written in the audit trail where it has events). */
  readonly resource: string;
  /**
   * Tables holding this kind's data: the first is the one `readable` filters (its alias); the
   * others are its parts (chunks, rows, versions, files) read only through a readable parent.
   */
  readonly tables: readonly [TableName, ...TableName[]];
  abilities(actor: Actor, row: Row): Abilities;
  readable(actor: Actor, alias: string): RawBuilder<boolean>;
  /**
   * The one function deciding which fields of a readable row the actor sees, for kinds with
   * owner-only or hidden fields (absent: a reader sees every field).
   */
  fields?(actor: Actor, row: Row, data: Record<string, unknown>): Record<string, unknown>;
}

/** Any policy (for the list of policies and the tests that run over it). */
// biome-ignore lint/suspicious/noExplicitAny: the list holds policies of every row type
export type AnyResourcePolicy = ResourcePolicy<any, { read: boolean }>;

/** Declares a policy (frozen: a policy is data and functions, never changed at run time). */
export function definePolicy<Row, Abilities extends { read: boolean }>(
  policy: ResourcePolicy<Row, Abilities>,
): ResourcePolicy<Row, Abilities> {
  return Object.freeze(policy);
}
