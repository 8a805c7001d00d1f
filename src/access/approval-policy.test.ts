import { describe, expect, it } from 'vitest';
import type { NetworkRole, OrgRole } from '../db/schema.ts';
import { type Actor, anonymousActor } from './actor.ts';
import {
  type ApprovalRound,
  approvalAbilities,
  holdsStep,
  type ResolvedStep,
  whyNotDecide,
} from './approval-policy.ts';

const DE = 'org-de';
const FR = 'org-fr';
function user(
  id: string,
  orgId: string,
  orgCode: string,
  roles: OrgRole[] = [],
  networks: [string, NetworkRole][] = [],
  extra: Partial<Actor> = {},
): Actor {
  return {
    ...anonymousActor,
    kind: 'user',
    userId: id,
    label: id,
    orgId,
    orgCode,
    orgType: 'national_administration',
    orgRoles: new Set(roles),
    networkCodes: new Map(networks),
    ...extra,
  };
}
const submitter = user('u-sub', DE, 'DE');
const colleague = user('u-col', DE, 'DE');
const coordinator = user('u-coord', FR, 'FR', [], [['procurement', 'coordinator']]);
const expert = user('u-exp', FR, 'FR', [], [['procurement', 'expert']]);
const reviewer = user('u-rev', FR, 'FR');
const frNcp = user('u-frncp', FR, 'FR', ['ncp']);
const deNcp = user('u-dencp', DE, 'DE', ['ncp']);
const readOnlyKey = user('u-col', DE, 'DE', [], [], { readOnlyCredential: true });
const observer = user('u-obs', 'org-ec', 'EC-TAXUD', [], [['procurement', 'observer']], {
  orgType: 'commission',
});

const STEPS: ResolvedStep[] = [
  { by: 'owner_org_writer' },
  { by: 'network_coordinator', network: 'procurement' },
  { by: 'named_reviewers' },
  { by: 'org_role', role: 'ncp', organisation: 'FR' },
  { by: 'org_role', role: 'ncp', organisation: 'owner' },
];
const record = { owner_org_id: DE, status: 'submitted', submitted_by: 'u-sub' };
const round = (approvers: string[]): ApprovalRound => ({
  submitted_by: 'u-sub',
  reviewer_ids: ['u-rev'],
  approvals: approvers.map((approver_id, step) => ({ step, approver_id })),
});
const decides = (a: Actor, approvers: string[], steps = STEPS, r = record) =>
  approvalAbilities(a, r, steps, round(approvers)).approve;

describe('approval steps: who decides the waiting step', () => {
  it('moves through the steps in order; each step has its own approvers', () => {
    const everyone = [submitter, colleague, coordinator, expert, reviewer, frNcp, deNcp];
    const who = (approvers: string[]) => everyone.filter((a) => decides(a, approvers)).map((a) => a.userId);
    expect(who([])).toEqual(['u-col', 'u-dencp']); // step 1: another person of the owner
    expect(who(['u-col'])).toEqual(['u-coord']); // step 2: the network's coordinator
    expect(who(['u-col', 'u-coord'])).toEqual(['u-rev']); // step 3: a reviewer the submitter named
    expect(who(['u-col', 'u-coord', 'u-rev'])).toEqual(['u-frncp']); // step 4: FR's NCP
    expect(who(['u-col', 'u-coord', 'u-rev', 'u-frncp'])).toEqual(['u-dencp']); // step 5: the owner's NCP
  });

  it('reports the waiting step, whether it is the last, and rejects exactly where it approves', () => {
    const first = approvalAbilities(colleague, record, STEPS, round([]));
    expect(first).toEqual({ step: 0, last: false, approve: true, reject: true });
    const last = approvalAbilities(deNcp, record, STEPS, round(['u-col', 'u-coord', 'u-rev', 'u-frncp']));
    expect(last).toEqual({ step: 4, last: true, approve: true, reject: true });
    const notMine = approvalAbilities(coordinator, record, STEPS, round([]));
    expect([notMine.approve, notMine.reject]).toEqual([false, false]);
  });

  it('never lets the submitter approve, nor one person approve two steps', () => {
    const ownerRole: ResolvedStep[] = [{ by: 'org_role', role: 'ncp', organisation: 'owner' }];
    const ncpSubmits = { ...record, submitted_by: 'u-dencp' };
    expect(
      approvalAbilities(deNcp, ncpSubmits, ownerRole, { ...round([]), submitted_by: 'u-dencp' }).approve,
    ).toBe(false);
    // The owner's NCP approved step 1 as a writer of the owner: step 5 needs another NCP.
    expect(decides(deNcp, ['u-dencp', 'u-coord', 'u-rev', 'u-frncp'])).toBe(false);
    expect(whyNotDecide(deNcp, record, STEPS, round(['u-dencp', 'u-coord', 'u-rev', 'u-frncp']))).toMatch(
      /approved an earlier step/,
    );
    expect(whyNotDecide(submitter, record, STEPS, round([]))).toMatch(/never by the person who submitted/);
  });

  it('read-only access never decides (a read-scope key, the Commission)', () => {
    expect(decides(readOnlyKey, [])).toBe(false);
    const observerStep: ResolvedStep[] = [{ by: 'network_coordinator', network: 'procurement' }];
    expect(decides(observer, [], observerStep)).toBe(false);
  });

  it('nothing to decide unless submitted, or without steps', () => {
    for (const status of ['draft', 'published', 'retracted'])
      expect(approvalAbilities(colleague, { ...record, status }, STEPS, null)).toEqual({
        step: null,
        last: false,
        approve: false,
        reject: false,
      });
    expect(approvalAbilities(colleague, record, [], round([])).approve).toBe(false);
    expect(whyNotDecide(colleague, { ...record, status: 'draft' }, STEPS, null)).toMatch(/not waiting/);
  });

  it('a record submitted before rounds existed: the submitter is the record’s', () => {
    expect(approvalAbilities(colleague, record, [{ by: 'owner_org_writer' }], null).approve).toBe(true);
    expect(approvalAbilities(submitter, record, [{ by: 'owner_org_writer' }], null).approve).toBe(false);
  });

  it('holding a step (read access while waiting) does not depend on who submitted', () => {
    expect(holdsStep(submitter, record, STEPS[0]!, [])).toBe(true);
    expect(holdsStep(coordinator, record, STEPS[1]!, [])).toBe(true);
    expect(holdsStep(expert, record, STEPS[1]!, [])).toBe(false);
    expect(holdsStep(reviewer, record, STEPS[2]!, ['u-rev'])).toBe(true);
    expect(holdsStep(reviewer, record, STEPS[2]!, [])).toBe(false);
    expect(holdsStep(frNcp, record, STEPS[3]!, [])).toBe(true);
    expect(holdsStep(deNcp, record, STEPS[3]!, [])).toBe(false);
    expect(holdsStep(anonymousActor, record, STEPS[0]!, [])).toBe(false);
  });
});
