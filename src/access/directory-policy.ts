import { type RawBuilder, sql } from 'kysely';
import { type Actor, isUser } from './actor.ts';
import { definePolicy } from './policy.ts';

/**
 * The directory ("who is who"): every signed-in user of the platform reads it — the members of
 * the administrations, the bodies and units, and the Commission's read-only observers — and an
 * API key with the read scope acting for one; anonymous visitors and background work never do.
 * What it shows of a person beyond name, organisation and roles is what they chose to show
 * (`shownDetails`). Each person edits only their own entry, in the browser (an API key never
 * edits it, like the rest of the account).
 */
export function canReadDirectory(a: Actor): boolean {
  return isUser(a);
}

/** A person edits their own entry in a browser session (API keys carry scopes and never do). */
export function canEditOwnEntry(a: Actor): boolean {
  return isUser(a) && a.scopes === null;
}

/** The abilities sent with the directory and with my entry. */
export function directoryAbilities(a: Actor): { read: boolean; export: boolean; editOwn: boolean } {
  const read = canReadDirectory(a);
  return { read, export: read, editOwn: canEditOwnEntry(a) };
}

/**
 * The details of a person a reader sees: only those the person chose to show — the same for
 * everyone, the person included, so each person sees in the directory exactly what others see.
 */
export function shownDetails(shown: readonly string[]): ReadonlySet<string> {
  return new Set(shown);
}

/** One directory entry as the policy sees it: whose it is, and whether that person is active. */
export interface DirectoryEntryRow {
  userId: string;
  /** The person's account is active (a disabled person is not in the directory). */
  active: boolean;
}

export interface DirectoryEntryAbilities {
  read: boolean;
  export: boolean;
  /** The reader's own entry, in a browser session. */
  update: boolean;
}

function abilities(a: Actor, row: DirectoryEntryRow): DirectoryEntryAbilities {
  const read = canReadDirectory(a) && row.active;
  return { read, export: read, update: read && canEditOwnEntry(a) && a.userId === row.userId };
}

/** SQL over `alias` of `directory_entries`: the entries of active people, for a signed-in reader. */
function readable(a: Actor, alias: string): RawBuilder<boolean> {
  if (!canReadDirectory(a)) return sql<boolean>`false`;
  return sql<boolean>`EXISTS (SELECT 1 FROM users du WHERE du.id = ${sql.ref(`${alias}.user_id`)} AND du.status = 'active')`;
}

/**
 * The directory in the one policy shape: one entry per person (migration 0054 gives every user
 * theirs); its list and export read the entries through `readable`, and each entry's contact
 * details through `shownDetails`.
 */
export const directoryEntryPolicy = definePolicy<DirectoryEntryRow, DirectoryEntryAbilities>({
  resource: 'directory_entry',
  tables: ['directory_entries'],
  abilities,
  readable,
});
