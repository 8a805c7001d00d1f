import type { Config } from '../config/config.ts';
import type { Database } from '../db/connection.ts';

/**
 * Slowing of password sign-ins, instead of an account lock that anyone could trigger with a few
 * wrong passwords (and that told who has an account).
 *
 * Failures are counted per e-mail address (`account:` + the address in lower case — whether or
 * not an account has it, so the answers never tell) and per client address (`client:` + IP).
 * The first `free` failures of a key cost nothing; from then on each failure makes the next
 * attempt wait 1 s, 2 s, 4 s, … up to `maxDelayMs`. An attempt inside the wait is answered 429
 * with Retry-After (to everybody alike, the right password included) and is NOT counted, so
 * hammering never makes the wait longer: once it is over, the right password signs in. A key's
 * failures are forgotten when `forgetMs` have passed after its wait ended without a new failure;
 * a successful sign-in forgets the address's failures (and gives back the client's one attempt).
 *
 * Each attempt is taken atomically before the password is checked (counted as a failure until it
 * turns out right), so parallel wrong passwords are counted one by one and the delay starts
 * exactly after `free` of them.
 */
export interface ThrottleRule {
  /** Failures without any delay. */
  free: number;
  /** The longest delay between two attempts. */
  maxDelayMs: number;
  /** Failures are forgotten this long after the delay has ended without a new failure. */
  forgetMs: number;
}

/** A client address may fail this many times more often than one e-mail address (offices share one). */
export const CLIENT_FREE_FACTOR = 4;

export function throttleRules(config: Pick<Config, 'LOGIN_MAX_FAILURES' | 'LOGIN_LOCK_MINUTES'>): {
  account: ThrottleRule;
  client: ThrottleRule;
} {
  const maxDelayMs = Math.max(1000, config.LOGIN_LOCK_MINUTES * 60_000);
  return {
    account: { free: config.LOGIN_MAX_FAILURES, maxDelayMs, forgetMs: maxDelayMs },
    client: { free: config.LOGIN_MAX_FAILURES * CLIENT_FREE_FACTOR, maxDelayMs, forgetMs: maxDelayMs },
  };
}

/** The wait before the next attempt after `failures` failures. */
export function delayAfter(failures: number, rule: ThrottleRule): number {
  if (failures < rule.free) return 0;
  return Math.min(rule.maxDelayMs, 1000 * 2 ** Math.min(failures - rule.free, 40));
}

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
export const clientKey = (ip: string) => `client:${ip}`;

export interface TakenAttempt {
  key: string;
  /** next_allowed_at before this attempt (given back to a client key when the password was right). */
  previousNext: Date;
}

export type TakeResult = { ok: true; taken: TakenAttempt[] } | { ok: false; retryAfterMs: number };

class Refused extends Error {
  constructor(readonly retryAfterMs: number) {
    super('throttled');
  }
}

let lastPrune = 0;

/**
 * Takes one attempt on every key, all or none, in one transaction (rows locked in the given order:
 * concurrent attempts on a key wait for each other). Refused — nothing counted — while any key is
 * inside its delay; then `retryAfterMs` is the longest wait left.
 */
export async function takeSignInAttempt(
  db: Database,
  keys: { key: string; rule: ThrottleRule }[],
): Promise<TakeResult> {
  try {
    const taken = await db.transaction().execute(async (trx) => {
      const rows = [];
      for (const { key, rule } of keys) {
        await trx
          .insertInto('login_throttle')
          .values({ key, failures: 0, next_allowed_at: new Date() })
          .onConflict((oc) => oc.column('key').doNothing())
          .execute();
        const row = await trx
          .selectFrom('login_throttle')
          .selectAll()
          .where('key', '=', key)
          .forUpdate()
          .executeTakeFirstOrThrow();
        rows.push({ key, rule, row });
      }
      // The time is read once the rows are ours (an attempt may have waited for them), and only
      // a key with a delay can refuse (below `free`, next_allowed_at is just the last failure).
      const now = Date.now();
      const waits = rows.map(({ row, rule }) =>
        delayAfter(row.failures, rule) > 0 ? new Date(row.next_allowed_at).getTime() - now : 0,
      );
      const wait = Math.max(0, ...waits);
      if (wait > 0) throw new Refused(wait);
      const out: TakenAttempt[] = [];
      for (const { key, rule, row } of rows) {
        const previousNext = new Date(row.next_allowed_at);
        const forgotten = now > previousNext.getTime() + rule.forgetMs;
        const failures = (forgotten ? 0 : row.failures) + 1;
        await trx
          .updateTable('login_throttle')
          .set({ failures, next_allowed_at: new Date(now + delayAfter(failures, rule)) })
          .where('key', '=', key)
          .execute();
        out.push({ key, previousNext });
      }
      return out;
    });
    const now = Date.now();
    if (now - lastPrune > 60_000) {
      lastPrune = now;
      const oldest = Math.max(...keys.map((k) => k.rule.maxDelayMs + k.rule.forgetMs));
      await db
        .deleteFrom('login_throttle')
        .where('next_allowed_at', '<', new Date(now - oldest))
        .execute();
    }
    return { ok: true, taken };
  } catch (e) {
    if (e instanceof Refused) return { ok: false, retryAfterMs: e.retryAfterMs };
    throw e;
  }
}

/**
 * The password was right: the address's failures are forgotten, and the client gets back the
 * attempt taken for it (its count down by one, its delay no later than before the attempt).
 */
export async function releaseSignInAttempt(db: Database, taken: TakenAttempt[]): Promise<void> {
  for (const t of taken) {
    if (t.key.startsWith('account:')) {
      await db.deleteFrom('login_throttle').where('key', '=', t.key).execute();
    } else {
      const before = new Date(Math.max(t.previousNext.getTime(), Date.now()));
      await db
        .updateTable('login_throttle')
        .set((eb) => ({
          failures: eb.fn('greatest', [eb('failures', '-', 1), eb.lit(0)]),
          next_allowed_at: eb.fn('least', [eb.ref('next_allowed_at'), eb.val(before)]),
        }))
        .where('key', '=', t.key)
        .execute();
    }
  }
}

/** Forgets the failures counted for an e-mail address (a password reset, an administrator's unlock). */
export async function forgetAddressFailures(db: Database, email: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', accountKey(email)).execute();
}
