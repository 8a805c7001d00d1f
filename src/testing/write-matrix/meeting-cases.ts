import { type MatrixCtx, OBSERVER, type WriteCase } from './harness.ts';

/**
 * Write cases of meetings (src/modules/meetings): answering a meeting's invitation (each caller
 * for themself, only where they may read the meeting) and the caller's calendar subscription link
 * (personal, made in the browser: API keys are refused as for the other account credentials).
 */
const d = (cc: string, who: string) => `${cc}.${who}@demo.eucab.eu`;
const PERSONAL = 'personal operation: each caller acts on their own account';

/** A fresh published meeting of SK, readable inside SK only. */
async function skMeeting(ctx: MatrixCtx): Promise<string> {
  const m = await ctx.ok(d('sk', 'expert'), 'POST', '/api/v1/registry/meeting', {
    data: {
      title: `Matrix meeting ${ctx.token()}`,
      body: 'management_board',
      starts_at: '2030-05-06T08:00:00Z',
      ends_at: '2030-05-06T10:00:00Z',
      time_zone: 'Europe/Bratislava',
    },
    marking: { distribution: 'organisation', tlp: 'amber' },
    publish: true,
  });
  return m.id as string;
}

export function meetingCases(): WriteCase[] {
  return [
    {
      op: 'PUT /api/v1/meetings/{id}/rsvp',
      owner: d('sk', 'expert'),
      otherOrg: d('cz', 'expert'),
      sameOrgNoRole: d('sk', 'analyst'),
      // Who may read the meeting answers for themself: a colleague too; outside SK it does not exist.
      expect: { owner: 200, sameOrgNoRole: 200, otherOrg: 404, readOnlyOrg: 404 },
      prepare: async (ctx) => ({
        url: `/api/v1/meetings/${await skMeeting(ctx)}/rsvp`,
        body: { answer: 'yes' },
      }),
    },
    {
      op: 'POST /api/v1/account/calendar-feed',
      owner: d('sk', 'expert'),
      otherOrg: d('sk', 'expert'),
      sameOrgNoRole: d('sk', 'expert'),
      expect: { owner: 201, writeKey: 403, readOnlyOrg: 201, otherOrg: null, sameOrgNoRole: null },
      notApplicable: PERSONAL,
      prepare: async () => ({ url: '/api/v1/account/calendar-feed' }),
    },
    {
      op: 'DELETE /api/v1/account/calendar-feed',
      owner: d('sk', 'ncp'),
      otherOrg: d('sk', 'ncp'),
      sameOrgNoRole: d('sk', 'ncp'),
      expect: { owner: 204, writeKey: 403, readOnlyOrg: 204, otherOrg: null, sameOrgNoRole: null },
      notApplicable: PERSONAL,
      prepare: async (ctx, caller) => {
        await ctx.ok(
          caller === 'readOnlyOrg' ? OBSERVER : d('sk', 'ncp'),
          'POST',
          '/api/v1/account/calendar-feed',
        );
        return { url: '/api/v1/account/calendar-feed' };
      },
    },
  ];
}
