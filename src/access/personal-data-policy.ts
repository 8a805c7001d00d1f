import { type RawBuilder, sql } from 'kysely';
import { NO_RECORD_ABILITIES, type RecordAbilities } from '../contract/registry-records.ts';
import type { RecordStatus } from '../db/schema.ts';
import { type Actor, canWrite, isUser } from './actor.ts';

/**
 * Records about a person (registry kinds with `personalData`, e.g. trainers) add one layer to the
 * registry policy (registry-policy.ts), the same in abilities and in SQL:
 *  - read: signed-in users of national administrations and EUCAB bodies and units as the marking
 *    allows — never anonymous (whatever the distribution), never the Commission's observers;
 *  - with an API key only when the person opted in (`open_consent`); exports and quoting in
 *    e-mails, digests and feeds (`quote`) only then as well;
 *  - the person themself (`person_user`) reads the record whatever its marking and status, and
 *    withdraws their consent by retracting it (`retract`, with the reason);
 *  - a retracted record (consent withdrawn, or retracted by its owner) is read only by the owning
 *    administration and the person.
 * An API key is told apart from a browser session by its credential (`scopes` is null for a
 * session); which operations a key may call is still the auth hook's decision.
 */
export interface PersonalEnvelope {
  owner_org_id: string;
  status: RecordStatus;
  /** The person's user id (`data.person_user`), where they use the platform. */
  person_user_id?: string | null;
  /** The person agreed to appear in exports, feeds, digests and API reads (`data.open_consent`). */
  open_consent?: boolean | null;
}

/** Organisations whose signed-in users may read personal data: the administrations and EUCAB. */
function inAudience(a: Actor): boolean {
  return (
    isUser(a) &&
    (a.orgType === 'national_administration' || a.orgType === 'eucab_body' || a.orgType === 'eucab_unit')
  );
}

const viaApiKey = (a: Actor) => a.scopes !== null;

/** The person the record is about. */
export function isDataSubject(a: Actor, r: PersonalEnvelope): boolean {
  return isUser(a) && !!r.person_user_id && r.person_user_id === a.userId;
}

/** The registry's abilities narrowed by the personal-data rules (see above). */
export function personalAbilities(a: Actor, r: PersonalEnvelope, base: RecordAbilities): RecordAbilities {
  const subject = isDataSubject(a, r);
  const open = r.open_consent === true;
  const own = isUser(a) && a.orgId === r.owner_org_id;
  const others = base.read && inAudience(a) && (!viaApiKey(a) || open) && (r.status !== 'retracted' || own);
  const read = others || subject;
  if (!read) return NO_RECORD_ABILITIES;
  const live = r.status !== 'retracted';
  return {
    ...base,
    read: true,
    export: base.export && open,
    quote: base.quote && open,
    // The person withdraws their consent: the record is retracted (with the reason they give).
    retract: (base.retract && others) || (subject && canWrite(a) && live),
    ...(others ? {} : SUBJECT_ONLY),
  };
}

/** What the person reads only as its subject: the record, nothing else (the owner's actions stay theirs). */
const SUBJECT_ONLY = {
  update: false,
  share: false,
  export: false,
  submit: false,
  publish: false,
  comment: false,
  restrictedFields: false,
  editors: false,
  approve: false,
  reject: false,
  correction: false,
  withdrawCorrection: false,
} as const;

/** The SQL of `personalAbilities(...).read` over `alias` of registry_records, given the registry's filter. */
export function personalReadable(a: Actor, alias: string, filter: RawBuilder<boolean>): RawBuilder<boolean> {
  if (!isUser(a)) return sql<boolean>`false`;
  const col = (c: string) => sql.ref(`${alias}.${c}`);
  const subject = sql<boolean>`(${col('data')}->>'person_user') = ${a.userId}`;
  if (!inAudience(a)) return subject;
  const open = sql<boolean>`(${col('data')}->>'open_consent') = 'true'`;
  const credential = viaApiKey(a) ? open : sql<boolean>`true`;
  const live = sql<boolean>`(${col('status')} <> 'retracted' OR ${col('owner_org_id')} = ${a.orgId}::uuid)`;
  return sql<boolean>`((${filter} AND ${credential} AND ${live}) OR ${subject})`;
}
