import type { MatrixCtx, WriteCase } from './harness.ts';

/**
 * Write cases of training events' registration (src/modules/training): nominating (the NCP of a
 * national administration, for their own officers), withdrawing a nominee (their NCP) and
 * recording attendance (the organiser: who may change the event). Each call gets a fresh event of
 * NL (nl.expert organises it) with a quota for DE and FR.
 */
const d = (cc: string, who: string) => `${cc}.${who}@demo.eucab.eu`;
const ORGANISER = d('nl', 'expert');
let course: string | null = null;

async function freshEvent(ctx: MatrixCtx): Promise<string> {
  course ??= (
    await ctx.ok(ORGANISER, 'POST', '/api/v1/registry/training_course', {
      data: {
        title: `Matrix course ${ctx.token()}`,
        competencies: ['excise'],
        level: 'trained',
        learning_outcomes: 'Excise movements and controls.',
        duration_days: 2,
        languages: ['en'],
        mode: 'blended',
        max_participants: 10,
      },
      publish: true,
    })
  ).id as string;
  const e = await ctx.ok(ORGANISER, 'POST', '/api/v1/registry/training_event', {
    data: {
      title: `Matrix event ${ctx.token()}`,
      course,
      starts_on: '2030-03-04',
      ends_on: '2030-03-05',
      online_link: 'https://training.demo.eucab.eu/matrix',
      seats_total: 6,
      release_date: '2030-02-01',
      quotas: [
        { organisation: await ctx.orgId('DE'), seats: 2 },
        { organisation: await ctx.orgId('FR'), seats: 2 },
      ],
    },
    publish: true,
  });
  return e.id as string;
}

async function germanNominee(ctx: MatrixCtx): Promise<string> {
  const event = await freshEvent(ctx);
  const n = await ctx.ok(d('de', 'ncp'), 'POST', `/api/v1/training/events/${event}/nominations`, {
    nomineeName: `Matrix Nominee ${ctx.token()}`,
  });
  return n.id as string;
}

export function trainingCases(): WriteCase[] {
  return [
    {
      op: 'POST /api/v1/training/events/{id}/nominations',
      owner: d('de', 'ncp'),
      // Another administration's NCP nominates their own officers; a colleague without the role may not.
      otherOrg: d('fr', 'ncp'),
      sameOrgNoRole: d('de', 'expert'),
      expect: { owner: 201, otherOrg: 201, sameOrgNoRole: 403, readOnlyOrg: 403 },
      prepare: async (ctx) => ({
        url: `/api/v1/training/events/${await freshEvent(ctx)}/nominations`,
        body: { nomineeName: 'Matrix Officer' },
      }),
    },
    {
      op: 'POST /api/v1/training/nominations/{id}/withdraw',
      owner: d('de', 'ncp'),
      // Names are read by the nominating NCP, the organiser and the trainers only.
      otherOrg: d('fr', 'ncp'),
      sameOrgNoRole: d('de', 'expert'),
      expect: { owner: 200, otherOrg: 404, sameOrgNoRole: 404, readOnlyOrg: 404 },
      prepare: async (ctx) => ({ url: `/api/v1/training/nominations/${await germanNominee(ctx)}/withdraw` }),
    },
    {
      op: 'PUT /api/v1/training/nominations/{id}/attendance',
      owner: ORGANISER,
      // The nominating NCP reads the nomination but does not record attendance; the organiser's
      // colleague reads it (same administration) but may not change the event.
      otherOrg: d('de', 'ncp'),
      sameOrgNoRole: d('nl', 'analyst'),
      expect: { owner: 200, otherOrg: 403, sameOrgNoRole: 403, readOnlyOrg: 404 },
      prepare: async (ctx) => ({
        url: `/api/v1/training/nominations/${await germanNominee(ctx)}/attendance`,
        body: { attended: true },
      }),
    },
  ];
}
