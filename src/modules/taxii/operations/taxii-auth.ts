import type { Actor } from '../../../access/actor.ts';
import { loadActor } from '../../../auth/actor-loader.ts';
import { checkApiKey } from '../../../auth/api-keys.ts';
import type { Database } from '../../../db/connection.ts';
import { TaxiiError } from './taxii-errors.ts';

/**
 * Who calls the TAXII server: an API key with the `read` scope, as the password of HTTP Basic
 * (what most TAXII clients speak; the user name is not used) or as `Authorization: Bearer`. No
 * session cookies: TAXII is for national systems, not browsers.
 */
export async function taxiiActor(db: Database, authorization: string | undefined): Promise<Actor> {
  if (!authorization)
    throw new TaxiiError(
      401,
      'Authentication required',
      'Send an API key as the Basic password or as a Bearer token.',
    );
  let key: string | undefined;
  const bearer = /^Bearer\s+(\S+)$/i.exec(authorization);
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(authorization);
  if (bearer) key = bearer[1];
  else if (basic) {
    const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    key = colon >= 0 ? decoded.slice(colon + 1) : undefined;
  }
  if (!key)
    throw new TaxiiError(
      401,
      'Authentication required',
      'Use HTTP Basic with the API key as the password, or Bearer.',
    );
  const check = await checkApiKey(db, key);
  if (!check.ok) throw new TaxiiError(401, 'Authentication failed', check.reason);
  if (!check.scopes.has('read'))
    throw new TaxiiError(
      403,
      'Not allowed',
      'This API key lacks the read scope; TAXII needs a key with the read scope.',
    );
  const actor = await loadActor(db, check.userId, check.scopes);
  if (!actor) throw new TaxiiError(401, 'Authentication failed', 'The account of this API key is disabled.');
  return actor;
}
