import { describe, expect, it } from 'vitest';
import type { OrgRole } from '../db/schema.ts';
import { registerJobKind } from '../jobs/job-registry.ts';
import { type Actor, anonymousActor, systemActor } from './actor.ts';
import { canReadJob, jobAbilities } from './job-policy.ts';

registerJobKind({ kind: 'policy-test.private', parse: (d) => d, run: async () => null });
registerJobKind({
  kind: 'policy-test.shared',
  readableBy: 'organisation',
  parse: (d) => d,
  run: async () => null,
});

const AT = 'org-at';
const BE = 'org-be';
function user(id: string, orgId: string, roles: OrgRole[] = [], extra: Partial<Actor> = {}): Actor {
  return {
    ...anonymousActor,
    kind: 'user',
    userId: id,
    label: id,
    orgId,
    orgType: 'national_administration',
    orgRoles: new Set(roles),
    ...extra,
  };
}
const starter = user('u-starter', AT, ['risk_analyst']);
const colleague = user('u-colleague', AT);
const ncp = user('u-ncp', AT, ['ncp']);
const deputy = user('u-deputy', AT, ['ncp_deputy']);
const otherNcp = user('u-other', BE, ['ncp']);
const admin = user('u-admin', 'org-su', ['platform_admin'], { orgType: 'eucab_body' });
const coordinator = user('u-coord', BE, [], { networkRoles: new Map([['net', 'coordinator']]) });
const observer = user('u-obs', 'org-ec', [], { orgType: 'commission' });

const job = (kind: string, state = 'running') => ({
  kind,
  organisation_id: AT,
  created_by: 'u-starter',
  state,
});

describe('job policy', () => {
  it('a starter-only job: read by its starter alone', () => {
    const j = job('policy-test.private');
    expect(
      [starter, colleague, ncp, deputy, otherNcp, admin, coordinator, anonymousActor, systemActor('x')].map(
        (a) => canReadJob(a, j),
      ),
    ).toEqual([true, false, false, false, false, false, false, false, false]);
  });

  it('an organisation-readable job: every user of the organisation, nobody outside it', () => {
    const j = job('policy-test.shared');
    expect(
      [starter, colleague, ncp, deputy, otherNcp, admin, coordinator].map((a) => canReadJob(a, j)),
    ).toEqual([true, true, true, true, false, false, false]);
  });

  it("cancel: the starter or the organisation's NCP / deputy, while unfinished, with write rights", () => {
    const j = job('policy-test.shared');
    expect(
      // (API-key scopes are not a policy matter: the auth hook refuses a read key's cancel.)
      [starter, colleague, ncp, deputy, otherNcp, observer].map((a) => jobAbilities(a, j).cancel),
    ).toEqual([true, false, true, true, false, false]);
    expect(jobAbilities(starter, job('policy-test.shared', 'succeeded')).cancel).toBe(false);
    expect(jobAbilities(starter, job('policy-test.private', 'queued')).cancel).toBe(true);
    // an NCP cannot cancel what they may not read
    expect(jobAbilities(ncp, job('policy-test.private')).cancel).toBe(false);
  });

  it('an unknown kind is readable by its starter only', () => {
    expect(canReadJob(colleague, job('policy-test.unknown'))).toBe(false);
    expect(canReadJob(starter, job('policy-test.unknown'))).toBe(true);
  });
});
