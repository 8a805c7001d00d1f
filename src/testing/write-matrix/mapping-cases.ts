import { capacityForm, xlsx } from '../../modules/mapping/mapping-test-helpers.ts';
import type { MatrixCtx, Multipart, WriteCase } from './harness.ts';

/**
 * Write cases of mapping exercises (src/modules/mapping): the training network's coordinator
 * (fr.expert) imports questionnaires and runs campaigns; AT's NCP assigns; AT's expert answers.
 * Every call gets a fresh questionnaire code or a fresh campaign to AT (so each target is new).
 */
const d = (cc: string, who: string) => `${cc}.${who}@demo.eucab.eu`;
const COORD = d('fr', 'expert');
const OTHER_COORD = d('de', 'expert'); // coordinates procurement, not training
const FR_NO_ROLE = d('fr', 'analyst');
const NCP = d('at', 'ncp');
const RESPONDENT = d('at', 'expert');
const AT_NO_ROLE = d('at', 'analyst');
const DAY = 86_400_000;

const form = async (code: string): Promise<Multipart> => ({
  filename: `${code}.xlsx`,
  content: await xlsx({ ...capacityForm(), id: code }),
  contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
});

const PDF: Multipart = {
  filename: 'evidence.pdf',
  content: Buffer.from('%PDF-1.4\n%%EOF\n'),
  contentType: 'application/pdf',
};

let version: Promise<string> | null = null;
let filesVersion: Promise<string> | null = null;

/** A version of the capacity form with a file question `evidence` (imported once). */
function filesQuestionnaireVersion(ctx: MatrixCtx): Promise<string> {
  filesVersion ??= (async () => {
    const net = await ctx.networkId('training');
    const q = { ...capacityForm(), id: `matrix_files_${ctx.token()}` };
    q.items = [...q.items, { type: 'file', code: 'evidence', media: 'file', label: { en: 'Evidence' } }];
    const res = await ctx.ok(
      COORD,
      'POST',
      `/api/v1/mapping/questionnaires/import?networkId=${net}`,
      undefined,
      {
        filename: `${q.id}.xlsx`,
        content: await xlsx(q),
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
    );
    return res.versionId as string;
  })();
  return filesVersion;
}
function questionnaireVersion(ctx: MatrixCtx): Promise<string> {
  version ??= (async () => {
    const net = await ctx.networkId('training');
    const res = await ctx.ok(
      COORD,
      'POST',
      `/api/v1/mapping/questionnaires/import?networkId=${net}`,
      undefined,
      await form(`matrix_${ctx.token()}`),
    );
    return res.versionId as string;
  })();
  return version;
}

async function campaignBody(ctx: MatrixCtx) {
  return {
    questionnaireVersionId: await questionnaireVersion(ctx),
    title: `Matrix ${ctx.token()}`,
    opensAt: new Date(Date.now() - DAY).toISOString(),
    closesAt: new Date(Date.now() + 20 * DAY).toISOString(),
    sharing: 'named',
    target: { kind: 'list', organisationIds: [await ctx.orgId('AT')] },
  };
}

async function campaign(ctx: MatrixCtx): Promise<string> {
  return (await ctx.ok(COORD, 'POST', '/api/v1/mapping/campaigns', await campaignBody(ctx))).id;
}

/** A fresh campaign to AT with at.expert assigned; returns AT's response id. */
async function response(ctx: MatrixCtx, saved: boolean, withFiles = false): Promise<string> {
  const id = withFiles
    ? (
        await ctx.ok(COORD, 'POST', '/api/v1/mapping/campaigns', {
          ...(await campaignBody(ctx)),
          questionnaireVersionId: await filesQuestionnaireVersion(ctx),
        })
      ).id
    : await campaign(ctx);
  await ctx.ok(NCP, 'POST', `/api/v1/mapping/campaigns/${id}/assignments`, {
    userId: await ctx.userId(RESPONDENT),
    role: 'respondent',
  });
  const c = await ctx.ok(RESPONDENT, 'GET', `/api/v1/mapping/campaigns/${id}`);
  const rid = c.myResponses[0].id as string;
  if (saved)
    await ctx.ok(RESPONDENT, 'PUT', `/api/v1/mapping/responses/${rid}/answers`, {
      version: 0,
      answers: { staff: 5 },
    });
  return rid;
}

export function mappingCases(): WriteCase[] {
  return [
    {
      op: 'POST /api/v1/mapping/questionnaires/import',
      owner: COORD,
      otherOrg: OTHER_COORD,
      sameOrgNoRole: FR_NO_ROLE,
      expect: { owner: 201 },
      prepare: async (ctx) => ({
        url: `/api/v1/mapping/questionnaires/import?networkId=${await ctx.networkId('training')}`,
        upload: await form(`matrix_${ctx.token()}`),
      }),
    },
    {
      op: 'POST /api/v1/mapping/campaigns',
      owner: COORD,
      otherOrg: OTHER_COORD,
      sameOrgNoRole: FR_NO_ROLE,
      expect: { owner: 201 },
      prepare: async (ctx) => ({ url: '/api/v1/mapping/campaigns', body: await campaignBody(ctx) }),
    },
    {
      op: 'POST /api/v1/mapping/campaigns/{id}/extend',
      owner: COORD,
      otherOrg: OTHER_COORD,
      sameOrgNoRole: FR_NO_ROLE,
      // the campaign goes to AT only: other administrations do not see it (404); the observer reads it
      expect: { owner: 200, otherOrg: 404, sameOrgNoRole: 404 },
      prepare: async (ctx) => ({
        url: `/api/v1/mapping/campaigns/${await campaign(ctx)}/extend`,
        body: { closesAt: new Date(Date.now() + 40 * DAY).toISOString() },
      }),
    },
    {
      op: 'POST /api/v1/mapping/campaigns/{id}/assignments',
      owner: NCP,
      otherOrg: d('be', 'ncp'),
      sameOrgNoRole: RESPONDENT,
      expect: { owner: 201, otherOrg: 404 },
      prepare: async (ctx) => ({
        url: `/api/v1/mapping/campaigns/${await campaign(ctx)}/assignments`,
        body: { userId: await ctx.userId(RESPONDENT), role: 'respondent' },
      }),
    },
    {
      op: 'DELETE /api/v1/mapping/campaigns/{id}/assignments/{assignmentId}',
      owner: NCP,
      otherOrg: d('be', 'ncp'),
      sameOrgNoRole: RESPONDENT,
      // BE does not take part (404); the observer reads the campaign, not AT's assignments (404)
      expect: { owner: 204, otherOrg: 404, readOnlyOrg: 404 },
      prepare: async (ctx) => {
        const id = await campaign(ctx);
        const a = await ctx.ok(NCP, 'POST', `/api/v1/mapping/campaigns/${id}/assignments`, {
          userId: await ctx.userId(RESPONDENT),
          role: 'respondent',
        });
        return { url: `/api/v1/mapping/campaigns/${id}/assignments/${a.id}` };
      },
    },
    {
      op: 'PUT /api/v1/mapping/campaigns/{id}/record-mappings',
      owner: COORD,
      otherOrg: OTHER_COORD,
      sameOrgNoRole: FR_NO_ROLE,
      // the campaign goes to AT only: other administrations do not see it (404); the observer reads it
      expect: { owner: 200, otherOrg: 404, sameOrgNoRole: 404 },
      prepare: async (ctx) => ({
        url: `/api/v1/mapping/campaigns/${await campaign(ctx)}/record-mappings`,
        body: { mappings: [] },
      }),
    },
    {
      op: 'PUT /api/v1/mapping/responses/{id}/answers',
      owner: RESPONDENT,
      otherOrg: d('be', 'expert'),
      sameOrgNoRole: AT_NO_ROLE,
      // a colleague who is not assigned does not read the draft (404), nor does the observer
      expect: { owner: 200, otherOrg: 404, sameOrgNoRole: 404, readOnlyOrg: 404 },
      prepare: async (ctx) => ({
        url: `/api/v1/mapping/responses/${await response(ctx, false)}/answers`,
        body: { version: 0, answers: { staff: 12 } },
      }),
    },
    {
      op: 'POST /api/v1/mapping/responses/{id}/validate',
      owner: NCP,
      otherOrg: d('be', 'ncp'),
      sameOrgNoRole: AT_NO_ROLE,
      expect: { owner: 200, otherOrg: 404, sameOrgNoRole: 404, readOnlyOrg: 404 },
      prepare: async (ctx) => ({
        url: `/api/v1/mapping/responses/${await response(ctx, true)}/validate`,
        body: { version: 1 },
      }),
    },
    {
      op: 'POST /api/v1/mapping/responses/{id}/reopen',
      owner: COORD,
      otherOrg: OTHER_COORD,
      sameOrgNoRole: FR_NO_ROLE,
      expect: { owner: 200, otherOrg: 404, sameOrgNoRole: 404, readOnlyOrg: 404 },
      prepare: async (ctx) => {
        const rid = await response(ctx, true);
        await ctx.ok(NCP, 'POST', `/api/v1/mapping/responses/${rid}/validate`, { version: 1 });
        return {
          url: `/api/v1/mapping/responses/${rid}/reopen`,
          body: { reason: 'Please check the staff figure' },
        };
      },
    },
    {
      op: 'POST /api/v1/mapping/responses/{id}/files',
      owner: RESPONDENT,
      otherOrg: d('be', 'expert'),
      sameOrgNoRole: AT_NO_ROLE,
      // a colleague who is not assigned does not read the draft (404), nor does the observer
      expect: { owner: 201, otherOrg: 404, sameOrgNoRole: 404, readOnlyOrg: 404 },
      prepare: async (ctx) => ({
        url: `/api/v1/mapping/responses/${await response(ctx, false, true)}/files?question=evidence`,
        upload: PDF,
      }),
    },
    {
      op: 'DELETE /api/v1/mapping/responses/{id}/files/{fileId}',
      owner: RESPONDENT,
      otherOrg: d('be', 'expert'),
      sameOrgNoRole: AT_NO_ROLE,
      // an upload the answers do not give yet: its administration's drafters only
      expect: { owner: 204, otherOrg: 404, sameOrgNoRole: 404, readOnlyOrg: 404 },
      prepare: async (ctx) => {
        const rid = await response(ctx, false, true);
        const f = await ctx.ok(
          RESPONDENT,
          'POST',
          `/api/v1/mapping/responses/${rid}/files?question=evidence`,
          undefined,
          PDF,
        );
        return { url: `/api/v1/mapping/responses/${rid}/files/${f.fileId}` };
      },
    },
  ];
}
