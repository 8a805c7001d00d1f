import { type Actor, isUser } from '../../../access/actor.ts';
import { type RiskAbilities, riskAbilities } from '../../../access/risk-policy.ts';
import { forbidden, unauthorized } from '../../../http/errors.ts';

/** A signed-in user who passed the risk policy for the action at hand. */
export type Analyst = Actor & { userId: string; orgId: string };

/** What the caller may do in risk analysis (the web app shows the area from this); 401 when anonymous. */
export function riskAbilitiesOf(actor: Actor): RiskAbilities {
  if (!isUser(actor)) throw unauthorized();
  return riskAbilities(actor);
}

/**
 * The caller as a risk analyst of their own administration (src/access/risk-policy.ts), else 403:
 * `write` for uploads, training, activation, scoring and outcomes; reading otherwise.
 */
export function requireAnalyst(actor: Actor, write: boolean): Analyst {
  if (!isUser(actor)) throw unauthorized();
  const own = riskAbilities(actor);
  const ok = write ? own.change : own.use;
  if (!ok)
    throw forbidden(
      write
        ? 'Only risk analysts of a national administration upload, train, score and record outcomes (read-only keys and observers cannot).'
        : 'Risk analysis is open to the risk analysts of a national administration only.',
    );
  return actor;
}

/** May this analyst change risk data (activate a model, record outcomes)? Shown as abilities. */
export function mayChange(a: Analyst): boolean {
  return riskAbilities(a).change;
}

/** Dates as ISO strings in answers. */
export const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
