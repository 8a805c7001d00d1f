import { type Actor, isUser } from '../../access/actor.ts';
import { forbidden, unauthorized } from '../../http/errors.ts';

/** What the account routes need to know about a request to find the account's owner. */
export interface AccountRequest {
  actor: Actor;
  session: { userId: string; stage: string } | null;
  authVia: string;
}

/**
 * The account owner in a browser session (their user id); TOTP enrolment also works in the
 * 'enrol' stage. Commission users may manage their own account too (read-only applies to the
 * platform's content). API keys cannot manage the account (they could otherwise mint themselves
 * more rights).
 */
export function accountOwner(req: AccountRequest, allowEnrol = false): string {
  if (req.authVia === 'api_key') throw forbidden('Manage your account in the browser, not with an API key.');
  if (isUser(req.actor)) return req.actor.userId;
  if (allowEnrol && req.session?.stage === 'enrol') return req.session.userId;
  throw unauthorized();
}
