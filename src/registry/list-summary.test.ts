import { describe, expect, it } from 'vitest';
import { type Actor, anonymousActor } from '../access/actor.ts';
import { accessKey } from './list-summary.ts';

const user = (over: Partial<Actor>): Actor => ({
  ...anonymousActor,
  kind: 'user',
  userId: 'u1',
  label: 'fr.expert@demo.eucab.eu',
  orgId: 'o1',
  orgType: 'national_administration',
  ...over,
});

describe('accessKey (the cache key of a large list total)', () => {
  it('does not depend on the order of roles, networks and sharing groups', () => {
    const a = user({
      orgRoles: new Set(['expert', 'ncp'] as never),
      networkRoles: new Map([
        ['n1', 'expert'],
        ['n2', 'coordinator'],
      ] as never),
      sharingGroupIds: new Set(['g1', 'g2']),
    });
    const b = user({
      orgRoles: new Set(['ncp', 'expert'] as never),
      networkRoles: new Map([
        ['n2', 'coordinator'],
        ['n1', 'expert'],
      ] as never),
      sharingGroupIds: new Set(['g2', 'g1']),
    });
    expect(accessKey(a)).toBe(accessKey(b));
  });

  it('changes with anything a policy reads: user, organisation, roles, networks, sharing groups', () => {
    const base = user({ networkRoles: new Map([['n1', 'expert']] as never) });
    const others = [
      user({ userId: 'u2', networkRoles: base.networkRoles }),
      user({ orgId: 'o2', networkRoles: base.networkRoles }),
      user({ orgRoles: new Set(['ncp'] as never), networkRoles: base.networkRoles }),
      user({ networkRoles: new Map([['n1', 'coordinator']] as never) }),
      user({ networkRoles: base.networkRoles, sharingGroupIds: new Set(['g1']) }),
    ];
    for (const o of others) expect(accessKey(o)).not.toBe(accessKey(base));
  });
});
