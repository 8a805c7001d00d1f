import type { OrgRole } from '../db/schema.ts';
import { type Actor, canWrite, isPlatformAdmin, isUser } from './actor.ts';

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

/** May read the screening records (parties, batches, cases) of this organisation. */
export function canReadScreening(a: Actor, organisationId: string): boolean {
  return isScreeningReviewer(a) && a.orgId === organisationId;
}

/** May act on them (upload, save a party, confirm or dismiss a case). */
export function canActScreening(a: Actor, organisationId: string): boolean {
  return canReadScreening(a, organisationId) && canWrite(a);
}

/**
 * The organisation whose screening records a list may show: the actor's own when a reviewer,
 * else null (the list is empty). Every list, count and report starts from it.
 */
export function screeningOrgFilter(a: Actor): string | null {
  return isScreeningReviewer(a) ? a.orgId : null;
}

export function screeningAbilities(a: Actor): ScreeningAbilities {
  return {
    readLists: canReadLists(a),
    screen: canScreenOne(a),
    review: isScreeningReviewer(a),
    loadLists: canLoadLists(a),
  };
}
