import {
  type Actor,
  canWrite,
  isOrgManager,
  isPlatformAdmin,
  isReadOnlyOrg,
  isUser,
} from '../../../access/actor.ts';
import {
  canManageOrganisations,
  canManageUsersOf,
  canPostInNetwork,
  grantableRoles,
} from '../../../access/admin-policy.ts';
import { totpRequired } from '../../../auth/login.ts';
import type { ActiveSession } from '../../../auth/sessions.ts';
import type { Database } from '../../../db/connection.ts';

/** The caller, their organisation, roles, networks and what the UI may offer them. */
export async function describeMe(db: Database, a: Actor) {
  if (!isUser(a)) return { stage: 'anonymous' as const };
  const user = await db
    .selectFrom('users')
    .innerJoin('organisations as o', 'o.id', 'users.organisation_id')
    .select([
      'users.id',
      'users.email',
      'users.display_name',
      'users.locale',
      'users.totp_enabled',
      'o.id as org_id',
      'o.code as org_code',
      'o.name as org_name',
      'o.type as org_type',
      'o.names as org_names',
    ])
    .where('users.id', '=', a.userId)
    .executeTakeFirstOrThrow();
  const networks = await db
    .selectFrom('network_memberships as m')
    .innerJoin('networks as n', 'n.id', 'm.network_id')
    .select(['n.id', 'n.code', 'n.name', 'm.role'])
    .where('m.user_id', '=', a.userId)
    .where('m.status', '=', 'active')
    .orderBy('n.name')
    .execute();
  const org = { id: user.org_id, type: user.org_type };
  return {
    stage: 'full' as const,
    user: {
      id: user.id,
      email: user.email,
      displayName: user.display_name,
      locale: user.locale,
      totpEnabled: user.totp_enabled,
    },
    organisation: {
      id: user.org_id,
      code: user.org_code,
      name: user.org_name,
      type: user.org_type,
      names: user.org_names,
    },
    roles: [...a.orgRoles],
    networks: networks.map((n) => ({ ...n, canPost: canPostInNetwork(a, n.id) })),
    abilities: {
      readOnly: isReadOnlyOrg(a) || !canWrite(a),
      platformAdmin: isPlatformAdmin(a),
      manageOrganisations: canManageOrganisations(a),
      manageUsersOfOwnOrg: canManageUsersOf(a, user.org_id),
      grantableRolesInOwnOrg: grantableRoles(a, org),
      /** Nominate users of the own organisation for network membership. */
      nominate: canWrite(a) && isOrgManager(a, user.org_id),
      /** A second factor is mandatory for this account (platform administrators, NCPs). */
      totpRequired: await totpRequired(db, a.userId),
    },
  };
}

/** A half-signed-in session (second factor or its enrolment still to do): who, and which stage. */
export async function describeHalfSignedIn(db: Database, session: Pick<ActiveSession, 'userId' | 'stage'>) {
  const u = await db
    .selectFrom('users')
    .select(['email', 'display_name', 'locale'])
    .where('id', '=', session.userId)
    .executeTakeFirstOrThrow();
  return {
    stage: session.stage,
    user: { email: u.email, displayName: u.display_name, locale: u.locale },
  };
}
