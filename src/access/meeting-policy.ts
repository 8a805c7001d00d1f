import type { RecordAbilities } from '../contract/registry-records.ts';
import type { Tlp } from '../contract/shared-records.ts';
import { type Actor, isUser } from './actor.ts';
import { TLP_RULES } from './tlp.ts';

/**
 * Meetings (src/modules/meetings): who may answer an invitation, and what a calendar feed may
 * quote. A meeting is a registry record: reading it is decided by its abilities (registry-policy).
 */

/**
 * A person may answer (yes / no / maybe) for themself exactly when they may read the meeting; it
 * is their own state, like a saved filter, so read-only organisations answer too — a read-scope
 * key never does (the auth hook refuses it before any route runs).
 */
export function canRsvp(a: Actor, meeting: RecordAbilities): boolean {
  return isUser(a) && meeting.read && !a.readOnlyCredential;
}

/**
 * A calendar feed leaves the platform like an e-mail (calendar programs sync and forward it): it
 * quotes a title only where the marking allows quoting in e-mail (`TLP_RULES.quoteInEmail`);
 * items without a marking (the platform's own dates) are quoted.
 */
export function feedMayQuote(marking: Tlp | null): boolean {
  return marking === null || TLP_RULES[marking].quoteInEmail;
}
