import { type RawBuilder, sql } from 'kysely';
import type { OrgRole } from '../db/schema.ts';
import { type Actor, canWrite, isPlatformAdmin, isUser } from './actor.ts';
import { definePolicy } from './policy.ts';

/**
 * Sanctions screening (issue 5). Screening queries, uploaded files, screened parties, cases and
 * declaration results reveal whom an administration is looking at: they belong to that
 * administration alone.
 *
 * | caller                                                        | lists + diffs | screen one party | batches, declarations, parties, cases | load a list version |
 * |---------------------------------------------------------------|---------------|------------------|---------------------------------------|---------------------|
 * | screening reviewer of a national administration (own records) | read          | yes              | read + act (own organisation only)    | –                   |
 * | other user of that administration                             | read          | yes (not stored) | –                                     | –                   |
 * | any user of another administration                            | read          | (their own)      | – (404 on the records of others)      | –                   |
 * | network coordinator, Commission, EUCAB bodies                 | read          | –                | –                                     | –                   |
 * | platform administrator                                        | read          | –                | –                                     | yes                 |
 * | anonymous                                                     | –             | –                | –                                     | –                   |
 *
 * Plain users of an administration may screen one party: the query is answered and forgotten
 * (nothing stored, nothing logged); saving it as a party, batches, declaration files and the
 * review of cases need the `screening_reviewer` role. There is no bypass: platform administrators,
 * network coordinators and the Commission never read another organisation's screening records.
 */

export const SCREENING_REVIEWER: OrgRole = 'screening_reviewer';

export interface ScreeningAbilities {
  readLists: boolean;
  screen: boolean;
  review: boolean;
  loadLists: boolean;
}

const isAdministration = (a: Actor) => isUser(a) && a.orgType === 'national_administration';

/** Lists, versions and diffs are global reference data: every signed-in user reads them. */
export function canReadLists(a: Actor): boolean {
  return isUser(a);
}

/** Loading a list version (from the configured source or an upload): platform administrators. */
export function canLoadLists(a: Actor): boolean {
  return isPlatformAdmin(a) && canWrite(a);
}

/** Screen one party, answer only (nothing stored). */
export function canScreenOne(a: Actor): boolean {
  return isAdministration(a);
}

/** Reviewer of the actor's own administration: batches, declarations, parties and cases. */
export function isScreeningReviewer(a: Actor): boolean {
  return isAdministration(a) && a.orgRoles.has(SCREENING_REVIEWER);
}

/** What the actor may do with one screening row (party, case or batch). */
export interface ScreeningRowAbilities {
  read: boolean;
  /** Act on it: upload, save a party, confirm or dismiss a case. */
  act: boolean;
}

/** A screening row: it belongs to one administration. */
export interface ScreeningRow {
  organisation_id: string;
}

function screeningRowAbilities(a: Actor, row: ScreeningRow): ScreeningRowAbilities {
  const read = isScreeningReviewer(a) && a.orgId === row.organisation_id;
  return { read, act: read && canWrite(a) };
}

/** SQL over `alias.organisation_id`: the same rule (a reviewer reads their own administration's rows). */
function readableScreening(a: Actor, alias: string): RawBuilder<boolean> {
  if (!isScreeningReviewer(a)) return sql<boolean>`false`;
  return sql<boolean>`${sql.ref(`${alias}.organisation_id`)} = ${a.orgId}::uuid`;
}

/** Screened parties (saved searches, batch and declaration parties). */
export const screeningPartyPolicy = definePolicy<ScreeningRow, ScreeningRowAbilities>({
  resource: 'screening_party',
  tables: ['screening_parties'],
  abilities: screeningRowAbilities,
  readable: readableScreening,
});

/** Possible matches (cases) and their review. */
export const screeningCasePolicy = definePolicy<ScreeningRow, ScreeningRowAbilities>({
  resource: 'screening_case',
  tables: ['screening_cases'],
  abilities: screeningRowAbilities,
  readable: readableScreening,
});

/** Party and declaration files screened in the background, their rows and declaration results. */
export const screeningBatchPolicy = definePolicy<ScreeningRow, ScreeningRowAbilities>({
  resource: 'screening_batch',
  tables: ['screening_batches', 'screening_batch_rows', 'screening_declaration_results'],
  abilities: screeningRowAbilities,
  readable: readableScreening,
});

/** May the actor act on screening records of their own administration (upload, save a party)? */
export function canActScreeningOwn(a: Actor): boolean {
  return isUser(a) && screeningRowAbilities(a, { organisation_id: a.orgId }).act;
}

export function screeningAbilities(a: Actor): ScreeningAbilities {
  return {
    readLists: canReadLists(a),
    screen: canScreenOne(a),
    review: isScreeningReviewer(a),
    loadLists: canLoadLists(a),
  };
}
