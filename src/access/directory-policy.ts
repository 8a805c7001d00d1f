import { type Actor, isUser } from './actor.ts';

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
