import { sql } from 'kysely';
import { isOrgManager, isPlatformAdmin, isUser } from '../../access/actor.ts';
import { membershipPolicy } from '../../access/admin-policy.ts';
import type { OrgRole } from '../../db/schema.ts';
import type { ModuleReadContext } from '../calendar/calendar-item.ts';
import type { HomeTask } from '../home/home-item.ts';

/**
 * Memberships waiting for the caller: requests to endorse (the NCP or deputy of the member's
 * organisation) and endorsements to approve (the network's coordinator, platform administrators),
 * each decided by `membershipPolicy.abilities`, as on the memberships page.
 */
export async function membershipHomeTasks({ db, actor: a }: ModuleReadContext): Promise<HomeTask[]> {
  if (!isUser(a)) return [];
  const coordinated = [...a.networkRoles].filter(([, role]) => role === 'coordinator').map(([id]) => id);
  const managesOrg = isOrgManager(a, a.orgId);
  if (!isPlatformAdmin(a) && !managesOrg && coordinated.length === 0) return [];
  const rows = await db
    .selectFrom('network_memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select([
      'm.user_id',
      'm.network_id',
      'm.status',
      'u.organisation_id',
      sql<
        OrgRole[]
      >`coalesce((SELECT array_agg(g.role::text) FROM role_grants g WHERE g.user_id = u.id), '{}')`.as(
        'user_roles',
      ),
    ])
    .where('m.status', 'in', ['requested', 'endorsed'])
    .where('m.user_id', '<>', a.userId)
    .where(membershipPolicy.readable(a, 'm'))
    .limit(1000)
    .execute();
  const abilities = rows.map((m) =>
    membershipPolicy.abilities(a, {
      userId: m.user_id,
      userOrgId: m.organisation_id,
      userRoles: m.user_roles,
      networkId: m.network_id,
      status: m.status,
    }),
  );
  const endorse = abilities.filter((x) => x.endorse).length;
  const approve = abilities.filter((x) => x.approve).length;
  const tasks: HomeTask[] = [];
  if (endorse)
    tasks.push({
      id: 'networks.endorse',
      area: 'platform',
      title: { key: 'platform.dashboard.toEndorse', params: {} },
      count: endorse,
      link: '/memberships',
    });
  if (approve)
    tasks.push({
      id: 'networks.approve',
      area: 'platform',
      title: { key: 'platform.dashboard.toApprove', params: {} },
      count: approve,
      link: '/memberships',
    });
  return tasks;
}
