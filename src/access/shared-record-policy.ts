import { type RawBuilder, sql } from 'kysely';
import type { SharedAbilities } from '../contract/shared-records.ts';
import type { Distribution, Tlp } from '../db/schema.ts';
import { type Actor, canWrite, isOrgManager, isUser } from './actor.ts';
import { NAMED_RECIPIENTS_ONLY, PUBLIC_ALLOWED, TLP_RULES } from './tlp.ts';

/**
 * THE access policy for shared records (every registry kind, network announcements included).
 * One place decides single-record actions (`sharedAbilities`) and produces the SQL filter for
 * lists (`readableFilter`); both implement the same rule table (ARCHITECTURE.md, "Access model"):
 *
 *  - TLP:RED → only the named recipients read it, whatever the distribution (co-editors too).
 *  - otherwise by distribution: organisation → the owning organisation; network → the owning
 *    organisation and the network's active members; sharing_group → the owning organisation and
 *    the group's organisations; organisations → the owning organisation and the organisations
 *    the author names (record_organisations); eucab → every signed-in user (all users belong to
 *    EUCAB member organisations); public (TLP:CLEAR only) → anyone, anonymous visitors included.
 *  - co-editors (record_editors, users of any administration the owner names) read the record
 *    whatever its distribution, except under TLP:RED, where they read it only as named recipients.
 *  - background work (system actors) reads nothing. (API-key scopes are checked per operation by
 *    the auth hook, never here.)
 *  - update / share / retract: a writer (not read-only, `write` scope) of the owning organisation
 *    who is the author or the organisation's NCP / NCP deputy, and who can read the record.
 *  - update (content only): also a co-editor who is a writer and can read the record. Co-editors
 *    never share, retract or name co-editors.
 *  - export: readers, unless the marking forbids it (TLP:RED is never exported).
 */
export interface SharedEnvelope {
  id: string;
  owner_org_id: string;
  author_id: string;
  distribution: Distribution;
  distribution_network_id: string | null;
  sharing_group_id: string | null;
  tlp: Tlp;
  /** Named recipients (user ids); only meaningful for TLP:RED. */
  recipients: readonly string[];
  /** Organisations named by the 'organisations' distribution (ids; the owner is implied). */
  named_org_ids: readonly string[];
  /** Co-editors (user ids). */
  editor_ids: readonly string[];
}

/** What the caller may do with a shared record: declared in the contract (src/contract/shared-records.ts). */
export type { SharedAbilities } from '../contract/shared-records.ts';

export function canReadShared(a: Actor, r: SharedEnvelope): boolean {
  if (a.kind === 'system') return false;
  const rule = TLP_RULES[r.tlp];
  if (rule.namedRecipientsOnly) return isUser(a) && r.recipients.includes(a.userId);
  if (isUser(a) && r.editor_ids.includes(a.userId)) return true;
  switch (r.distribution) {
    case 'public':
      return rule.publicAllowed;
    case 'eucab':
      return isUser(a);
    case 'organisation':
      return isUser(a) && a.orgId === r.owner_org_id;
    case 'network':
      return (
        isUser(a) &&
        (a.orgId === r.owner_org_id ||
          (r.distribution_network_id !== null && a.networkRoles.has(r.distribution_network_id)))
      );
    case 'sharing_group':
      return (
        isUser(a) &&
        (a.orgId === r.owner_org_id ||
          (r.sharing_group_id !== null && a.sharingGroupIds.has(r.sharing_group_id)))
      );
    case 'organisations':
      return isUser(a) && (a.orgId === r.owner_org_id || r.named_org_ids.includes(a.orgId));
    default:
      return false;
  }
}

export function sharedAbilities(a: Actor, r: SharedEnvelope): SharedAbilities {
  const read = canReadShared(a, r);
  const manage =
    read &&
    canWrite(a) &&
    a.orgId === r.owner_org_id &&
    (a.userId === r.author_id || isOrgManager(a, r.owner_org_id));
  const coEditor = read && canWrite(a) && r.editor_ids.includes(a.userId!);
  return {
    read,
    update: manage || coEditor,
    share: manage,
    retract: manage,
    export: read && TLP_RULES[r.tlp].exportable,
    quote: read && TLP_RULES[r.tlp].quoteInNotifications,
    editors: manage,
    coEditor,
  };
}

const FALSE = sql<boolean>`false`;

/** The parts of the shared filter for a signed-in user (SQL over `alias`), as `readableFilter` combines them. */
export interface SharedFilterParts {
  /** The marking is one that only named recipients read (TLP:RED). */
  namedOnly: RawBuilder<boolean>;
  /** The user is a named recipient of the record. */
  recipient: RawBuilder<boolean>;
  /** The distribution lets the user read (public, eucab, owner, network, group, named organisation). */
  distributed: RawBuilder<boolean>;
  /** The user is a co-editor of the record. */
  coEditor: RawBuilder<boolean>;
}

/** The parts of the shared filter of a signed-in user (see `readableFilter`). */
export function sharedFilterParts(
  a: Actor & { userId: string; orgId: string },
  kind: string,
  alias: string,
): SharedFilterParts {
  const col = (c: string) => sql.ref(`${alias}.${c}`);
  const markings = (list: readonly Tlp[]) =>
    list.length ? sql<boolean>`${col('tlp')} IN (${sql.join(list.map((m) => sql.lit(m)))})` : FALSE;
  const networks = [...a.networkRoles.keys()];
  const groups = [...a.sharingGroupIds];
  const inList = (ids: string[], c: string) =>
    ids.length === 0 ? FALSE : sql<boolean>`${col(c)} IN (${sql.join(ids.map((id) => sql`${id}::uuid`))})`;
  return {
    namedOnly: markings(NAMED_RECIPIENTS_ONLY),
    recipient: sql<boolean>`EXISTS (
      SELECT 1 FROM record_recipients rr
      WHERE rr.record_kind = ${kind} AND rr.record_id = ${col('id')} AND rr.user_id = ${a.userId}::uuid)`,
    distributed: sql<boolean>`(
      (${col('distribution')} = 'public' AND ${markings(PUBLIC_ALLOWED)})
      OR ${col('distribution')} = 'eucab'
      OR (${col('distribution')} IN ('organisation', 'network', 'sharing_group', 'organisations') AND ${col('owner_org_id')} = ${a.orgId}::uuid)
      OR (${col('distribution')} = 'network' AND ${inList(networks, 'distribution_network_id')})
      OR (${col('distribution')} = 'sharing_group' AND ${inList(groups, 'sharing_group_id')})
      OR (${col('distribution')} = 'organisations' AND ${col('id')} IN (
        SELECT ro.record_id FROM record_organisations ro
        WHERE ro.record_kind = ${kind} AND ro.organisation_id = ${a.orgId}::uuid)))`,
    coEditor: editedBy(a.userId, kind, col('id')),
  };
}

/**
 * The SQL filter equivalent to `canReadShared`, for lists, counts, search, exports, statistics
 * and the audit trail. `alias` is the table (alias) holding the envelope columns; `kind` the
 * record kind name used in record_recipients, record_organisations and record_editors.
 */
export function readableFilter(a: Actor, kind: string, alias: string): RawBuilder<boolean> {
  if (a.kind === 'system') return FALSE;
  const col = (c: string) => sql.ref(`${alias}.${c}`);
  const markings = (list: readonly Tlp[]) =>
    list.length ? sql<boolean>`${col('tlp')} IN (${sql.join(list.map((m) => sql.lit(m)))})` : FALSE;
  if (!isUser(a))
    return sql<boolean>`(NOT ${markings(NAMED_RECIPIENTS_ONLY)} AND (${col('distribution')} = 'public' AND ${markings(PUBLIC_ALLOWED)}))`;
  const p = sharedFilterParts(a, kind, alias);
  return sql<boolean>`((${p.namedOnly} AND ${p.recipient}) OR (NOT ${p.namedOnly} AND (${p.distributed} OR ${p.coEditor})))`;
}

/** SQL: the user is a co-editor of the record (an uncorrelated subquery: computed once per query). */
export function editedBy(userId: string, kind: string, id: RawBuilder<unknown>): RawBuilder<boolean> {
  return sql<boolean>`${id} IN (
    SELECT re.record_id FROM record_editors re WHERE re.record_kind = ${kind} AND re.user_id = ${userId}::uuid)`;
}
