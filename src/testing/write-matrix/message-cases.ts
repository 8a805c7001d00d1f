import type { MatrixCtx, WriteCase } from './harness.ts';

/**
 * Write cases of coordinated messages' language versions (src/modules/messages): adding a version
 * (the message's author or NCP), changing and submitting it (its translator, here of another
 * administration), approving and returning it (its named reviewer). Each call gets a fresh SK
 * message under embargo: outside SK only its translators and reviewers read it.
 */
const d = (cc: string, who: string) => `${cc}.${who}@demo.eucab.eu`;

/** A fresh draft message of SK (its NCP writes it), kept in SK. */
async function skMessage(ctx: MatrixCtx): Promise<string> {
  const m = await ctx.ok(d('sk', 'ncp'), 'POST', '/api/v1/registry/message', {
    data: {
      type: 'lines_to_take',
      title: `Matrix message ${ctx.token()}`,
      body: 'Lines to take for the write matrix.',
      embargo_at: '2030-05-06T08:00:00Z',
      time_zone: 'Europe/Bratislava',
    },
    language: 'en',
    marking: { distribution: 'organisation', tlp: 'amber' },
    publish: false,
  });
  return m.id as string;
}

/** A French version translated by CZ's expert and reviewed by SK's expert, submitted when asked. */
async function version(ctx: MatrixCtx, submitted: boolean): Promise<string> {
  const id = await skMessage(ctx);
  const v = await ctx.ok(d('sk', 'ncp'), 'POST', `/api/v1/messages/${id}/versions`, {
    language: 'fr',
    title: `Éléments de langage ${ctx.token()}`,
    body: 'Éléments de langage pour la matrice.',
    translatorId: await ctx.userId(d('cz', 'expert')),
    reviewerId: await ctx.userId(d('sk', 'expert')),
  });
  if (submitted) await ctx.ok(d('cz', 'expert'), 'POST', `/api/v1/messages/versions/${v.id}/submit`);
  return v.id as string;
}

export function messageCases(): WriteCase[] {
  return [
    {
      op: 'POST /api/v1/messages/{id}/versions',
      owner: d('sk', 'ncp'),
      otherOrg: d('cz', 'ncp'),
      sameOrgNoRole: d('sk', 'analyst'),
      // Outside SK the message under embargo does not exist; a colleague reads it but adds nothing.
      expect: { owner: 201, sameOrgNoRole: 403, otherOrg: 404, readOnlyOrg: 404 },
      prepare: async (ctx) => ({
        url: `/api/v1/messages/${await skMessage(ctx)}/versions`,
        body: {
          language: 'de',
          title: 'Sprachregelung für die Matrix',
          body: 'Sprachregelung.',
          translatorId: await ctx.userId(d('cz', 'expert')),
          reviewerId: await ctx.userId(d('sk', 'expert')),
        },
      }),
    },
    {
      op: 'PATCH /api/v1/messages/versions/{id}',
      owner: d('cz', 'expert'),
      otherOrg: d('sk', 'analyst'),
      sameOrgNoRole: d('cz', 'analyst'),
      // The translator (CZ) changes their version; SK's colleague reads it but may not; CZ's other users do not read it.
      expect: { owner: 200, sameOrgNoRole: 404, otherOrg: 403, readOnlyOrg: 404 },
      prepare: async (ctx) => ({
        url: `/api/v1/messages/versions/${await version(ctx, false)}`,
        body: { title: 'Éléments de langage revus' },
      }),
    },
    {
      op: 'POST /api/v1/messages/versions/{id}/submit',
      owner: d('cz', 'expert'),
      otherOrg: d('sk', 'analyst'),
      sameOrgNoRole: d('cz', 'analyst'),
      expect: { owner: 200, sameOrgNoRole: 404, otherOrg: 403, readOnlyOrg: 404 },
      prepare: async (ctx) => ({ url: `/api/v1/messages/versions/${await version(ctx, false)}/submit` }),
    },
    {
      op: 'POST /api/v1/messages/versions/{id}/approve',
      owner: d('sk', 'expert'),
      // The translator never approves their own version.
      otherOrg: d('cz', 'expert'),
      sameOrgNoRole: d('sk', 'analyst'),
      expect: { owner: 200, sameOrgNoRole: 403, otherOrg: 403, readOnlyOrg: 404 },
      prepare: async (ctx) => ({ url: `/api/v1/messages/versions/${await version(ctx, true)}/approve` }),
    },
    {
      op: 'POST /api/v1/messages/versions/{id}/return',
      owner: d('sk', 'expert'),
      otherOrg: d('cz', 'expert'),
      sameOrgNoRole: d('sk', 'analyst'),
      expect: { owner: 200, sameOrgNoRole: 403, otherOrg: 403, readOnlyOrg: 404 },
      prepare: async (ctx) => ({
        url: `/api/v1/messages/versions/${await version(ctx, true)}/return`,
        body: { reason: 'Keep the wording of the original.' },
      }),
    },
  ];
}
