import type { Config } from '../config/config.ts';
import type { Database } from '../db/connection.ts';
import { randomToken, sha256 } from './crypto.ts';

export type SessionStage = 'mfa' | 'enrol' | 'full';

export interface ActiveSession {
  id: string;
  userId: string;
  stage: SessionStage;
  authMethod: 'password' | 'oidc';
}

/**
 * Absolute lifetime of a session in this stage: a half-signed-in session (second factor or its
 * enrolment still to do) lives MFA_STAGE_MINUTES, a full one SESSION_TTL_HOURS.
 */
export function sessionLifetimeMs(config: Config, stage: SessionStage): number {
  // Whole milliseconds: both settings may be fractions (SESSION_TTL_HOURS=1.1, MFA_STAGE_MINUTES=2.5).
  const full = Math.round(config.SESSION_TTL_HOURS * 3_600_000);
  return stage === 'full' ? full : Math.min(full, Math.round(config.MFA_STAGE_MINUTES * 60_000));
}

/** Creates a session and returns the cookie token (only its hash is stored). */
export async function createSession(
  db: Database,
  config: Config,
  input: {
    userId: string;
    stage: SessionStage;
    authMethod: 'password' | 'oidc';
    ip?: string;
    userAgent?: string;
  },
): Promise<string> {
  const token = randomToken(32);
  await db
    .insertInto('sessions')
    .values({
      id: sha256(token),
      user_id: input.userId,
      stage: input.stage,
      auth_method: input.authMethod,
      expires_at: new Date(Date.now() + sessionLifetimeMs(config, input.stage)),
      ip: input.ip ?? null,
      user_agent: input.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return token;
}

/** Looks a session up; expired or idle sessions are deleted and give null. */
export async function resolveSession(
  db: Database,
  config: Config,
  token: string,
): Promise<ActiveSession | null> {
  if (!/^[a-z2-7]{20,80}$/.test(token)) return null;
  const id = sha256(token);
  const row = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const now = Date.now();
  const idleLimit = config.SESSION_IDLE_MINUTES * 60_000;
  if (new Date(row.expires_at).getTime() <= now || now - new Date(row.last_seen_at).getTime() > idleLimit) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return null;
  }
  // Refresh the idle timer at most once a minute.
  if (now - new Date(row.last_seen_at).getTime() > 60_000) {
    await db.updateTable('sessions').set({ last_seen_at: new Date() }).where('id', '=', id).execute();
  }
  return { id, userId: row.user_id, stage: row.stage, authMethod: row.auth_method };
}

/**
 * Moves a session to another stage under a NEW token (the old one stops working), so a token
 * seen before the second factor is worthless after it.
 */
export async function promoteSession(
  db: Database,
  config: Config,
  session: ActiveSession,
  stage: SessionStage,
): Promise<string> {
  await db.deleteFrom('sessions').where('id', '=', session.id).execute();
  return createSession(db, config, { userId: session.userId, stage, authMethod: session.authMethod });
}

/**
 * Takes one second-factor attempt of a session in stage 'mfa', atomically: the counter is raised
 * in one UPDATE that only succeeds while fewer than MFA_MAX_ATTEMPTS were made and the session has
 * not expired, so concurrent requests can never try more codes than the limit. Returns the attempt
 * number, or null when the session may try no more (ended, expired or used up); then the caller
 * ends it.
 */
export async function takeSecondFactorAttempt(
  db: Database,
  config: Config,
  sessionId: string,
): Promise<number | null> {
  const row = await db
    .updateTable('sessions')
    .set((eb) => ({ mfa_attempts: eb('mfa_attempts', '+', 1) }))
    .where('id', '=', sessionId)
    .where('stage', '=', 'mfa')
    .where('mfa_attempts', '<', config.MFA_MAX_ATTEMPTS)
    .where('expires_at', '>', new Date())
    .returning('mfa_attempts')
    .executeTakeFirst();
  return row ? row.mfa_attempts : null;
}

export async function destroySession(db: Database, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function destroyUserSessions(db: Database, userId: string, exceptId?: string): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptId) q = q.where('id', '<>', exceptId);
  await q.execute();
}
