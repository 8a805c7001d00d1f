import { readFileSync } from 'node:fs';
import { DEMO_LIST } from '../../modules/screening/list-sources.ts';
import type { MatrixCtx, Multipart, WriteCase } from './harness.ts';

/**
 * Write cases of the risk-analysis and screening modules: their data belongs to one
 * administration and is changed only by its risk analysts / screening reviewers
 * (`<cc>.analyst` holds both roles; `<cc>.expert` holds neither). Another administration's
 * analyst works on their own data (allowed) but never on this one's (404).
 */
const d = (cc: string, who: string) => `${cc}.${who}@demo.eucab.eu`;
const ANALYST = d('at', 'analyst');
const OTHER_ANALYST = d('be', 'analyst');
const COLLEAGUE = d('at', 'expert');
const ADMIN = 'admin@demo.eucab.eu';

const KCS = new URL('../../seed/kcs-sample/', import.meta.url);
const lines = (f: string) => readFileSync(new URL(f, KCS), 'utf8').trimEnd().split('\n');
const HISTORY = lines('history-2020.csv').slice(0, 401).join('\n');
const BATCH = lines('batch-2021q1.csv').slice(0, 51).join('\n');
const OUTCOMES = lines('outcomes-2021q1.csv').slice(0, 51).join('\n');

const csv = (filename: string, content: string, fields?: Record<string, string>): Multipart => ({
  filename,
  content,
  contentType: 'text/csv',
  ...(fields ? { fields } : {}),
});

/** The analyst's dataset, model and batch, made once through the API (the journey's first steps). */
const made = new Map<string, Promise<string>>();
function once(key: string, make: () => Promise<string>): Promise<string> {
  if (!made.has(key)) made.set(key, make());
  return made.get(key)!;
}

async function mapping(ctx: MatrixCtx): Promise<string> {
  return once('mapping', async () => {
    const p = await ctx.ok(
      ANALYST,
      'POST',
      '/api/v1/risk/mapping-proposal',
      undefined,
      csv('h.csv', HISTORY),
    );
    return JSON.stringify(p.mapping);
  });
}

async function dataset(ctx: MatrixCtx): Promise<string> {
  return once('dataset', async () => {
    const up = await ctx.ok(
      ANALYST,
      'POST',
      '/api/v1/risk/datasets',
      undefined,
      csv('h.csv', HISTORY, { name: 'Matrix history', mapping: await mapping(ctx) }),
    );
    await ctx.settle();
    const job = await ctx.ok(ANALYST, 'GET', `/api/v1/jobs/${up.jobId}`);
    return job.result.datasetId as string;
  });
}

async function model(ctx: MatrixCtx): Promise<string> {
  return once('model', async () => {
    const tr = await ctx.ok(ANALYST, 'POST', '/api/v1/risk/models/train', {
      datasetIds: [await dataset(ctx)],
      trees: 10,
    });
    await ctx.settle();
    const job = await ctx.ok(ANALYST, 'GET', `/api/v1/jobs/${tr.jobId}`);
    return job.result.modelId as string;
  });
}

async function batch(ctx: MatrixCtx): Promise<string> {
  return once('batch', async () => {
    await model(ctx);
    const up = await ctx.ok(
      ANALYST,
      'POST',
      '/api/v1/risk/batches',
      undefined,
      csv('b.csv', BATCH, { name: 'Matrix batch' }),
    );
    await ctx.settle();
    const job = await ctx.ok(ANALYST, 'GET', `/api/v1/jobs/${up.jobId}`);
    return job.result.batchId as string;
  });
}

/** An open screening case of the analyst's administration (reopened before every call). */
async function openCase(ctx: MatrixCtx): Promise<string> {
  const id = await once('case', async () => {
    const s = await ctx.ok(ANALYST, 'POST', '/api/v1/screening/screen', {
      name: 'Ivan Fiktivov',
      save: true,
    });
    const cases = await ctx.ok(ANALYST, 'GET', '/api/v1/screening/cases');
    const c = cases.items.find((x: { partyId: string }) => x.partyId === s.saved) ?? cases.items[0];
    return c.id as string;
  });
  await ctx.t.rt.db
    .updateTable('screening_cases')
    .set({ state: 'open' as never, reason: null, reviewer_id: null, decided_at: null, decided_hash: null })
    .where('id', '=', id)
    .execute();
  return id;
}

const riskCases: WriteCase[] = [
  {
    op: 'POST /api/v1/risk/mapping-proposal',
    owner: ANALYST,
    otherOrg: OTHER_ANALYST,
    sameOrgNoRole: COLLEAGUE,
    // A query (nothing stored): it needs the read scope, not write.
    expect: { owner: 200, readKey: 200, writeKey: 403, otherOrg: 200 },
    prepare: async () => ({ url: '/api/v1/risk/mapping-proposal', upload: csv('h.csv', HISTORY) }),
  },
  {
    op: 'POST /api/v1/risk/datasets',
    owner: ANALYST,
    otherOrg: OTHER_ANALYST,
    sameOrgNoRole: COLLEAGUE,
    expect: { owner: 202, otherOrg: 202 },
    prepare: async (ctx) => ({
      url: '/api/v1/risk/datasets',
      upload: csv('h.csv', HISTORY, { name: `Matrix ${ctx.token()}`, mapping: await mapping(ctx) }),
    }),
  },
  {
    op: 'POST /api/v1/risk/models/train',
    owner: ANALYST,
    otherOrg: OTHER_ANALYST,
    sameOrgNoRole: COLLEAGUE,
    // Another administration's analyst cannot name this dataset: it is not theirs (400 on the field).
    expect: { owner: 202, otherOrg: 400 },
    prepare: async (ctx) => ({
      url: '/api/v1/risk/models/train',
      body: { datasetIds: [await dataset(ctx)], trees: 10, activate: false },
    }),
  },
  {
    op: 'POST /api/v1/risk/models/{id}/activate',
    owner: ANALYST,
    otherOrg: OTHER_ANALYST,
    sameOrgNoRole: COLLEAGUE,
    // Non-analysts are refused before any lookup (403); another administration's analyst finds nothing.
    expect: { owner: 200, otherOrg: 404 },
    prepare: async (ctx) => ({ url: `/api/v1/risk/models/${await model(ctx)}/activate` }),
  },
  {
    op: 'POST /api/v1/risk/batches',
    owner: ANALYST,
    otherOrg: OTHER_ANALYST,
    sameOrgNoRole: COLLEAGUE,
    // The other administration has no active model of its own (a clear 400, nothing stored).
    expect: { owner: 202, otherOrg: 400 },
    prepare: async (ctx) => {
      await model(ctx);
      return { url: '/api/v1/risk/batches', upload: csv('b.csv', BATCH, { name: `Matrix ${ctx.token()}` }) };
    },
  },
  {
    op: 'POST /api/v1/risk/batches/{id}/outcomes',
    owner: ANALYST,
    otherOrg: OTHER_ANALYST,
    sameOrgNoRole: COLLEAGUE,
    expect: { owner: 202, otherOrg: 404 },
    prepare: async (ctx) => ({
      url: `/api/v1/risk/batches/${await batch(ctx)}/outcomes`,
      upload: csv('o.csv', OUTCOMES),
    }),
  },
];

const screeningCases: WriteCase[] = [
  {
    op: 'POST /api/v1/screening/screen',
    variant: 'a query (answered, not stored)',
    owner: ANALYST,
    otherOrg: OTHER_ANALYST,
    sameOrgNoRole: COLLEAGUE,
    // Every user of an administration may screen one name; the Commission may not.
    expect: { owner: 200, readKey: 200, writeKey: 403, otherOrg: 200, sameOrgNoRole: 200 },
    prepare: async () => ({ url: '/api/v1/screening/screen', body: { name: 'Ivan Fiktivov' } }),
  },
  {
    op: 'POST /api/v1/screening/screen',
    variant: 'saved as a party (reviewers; read and write scopes)',
    owner: ANALYST,
    otherOrg: OTHER_ANALYST,
    sameOrgNoRole: COLLEAGUE,
    expect: { owner: 200, writeKey: 403, otherOrg: 200 },
    prepare: async (ctx) => ({
      url: '/api/v1/screening/screen',
      body: { name: `Matrix Party ${ctx.token()}`, save: true },
    }),
  },
  {
    op: 'POST /api/v1/screening/batches',
    owner: ANALYST,
    otherOrg: OTHER_ANALYST,
    sameOrgNoRole: COLLEAGUE,
    expect: { owner: 202, otherOrg: 202 },
    prepare: async () => ({
      url: '/api/v1/screening/batches',
      upload: csv('parties.csv', 'name\nIvan Fiktivov\nNobody Matches Here\n'),
    }),
  },
  {
    op: 'POST /api/v1/screening/cases/{id}/decision',
    owner: ANALYST,
    otherOrg: OTHER_ANALYST,
    sameOrgNoRole: COLLEAGUE,
    expect: { owner: 200, readOnlyOrg: 404, otherOrg: 404, sameOrgNoRole: 404 },
    prepare: async (ctx) => ({
      url: `/api/v1/screening/cases/${await openCase(ctx)}/decision`,
      body: { decision: 'dismiss', reason: 'Write matrix: not the listed person.' },
    }),
  },
  {
    op: 'POST /api/v1/screening/lists/upload',
    owner: ADMIN,
    otherOrg: ANALYST,
    sameOrgNoRole: 'secretariat@demo.eucab.eu',
    // A background job parses the file and stores a version when its content is new.
    expect: { owner: 202 },
    prepare: async (ctx) => ({
      // A new version each time: the demo list with one fictitious entry added.
      url: `/api/v1/screening/lists/upload?listId=matrix&format=ftm-jsonl&label=${ctx.token()}&demo=true`,
      upload: {
        filename: 'list.jsonl',
        content: `${readFileSync(DEMO_LIST.location, 'utf8').trim()}\n${JSON.stringify({
          id: `matrix-${ctx.token()}`,
          schema: 'Person',
          properties: { name: [`Fictitious Matrixperson ${ctx.token()}`] },
          datasets: ['eucab_demo'],
        })}\n`,
      },
    }),
  },
  {
    op: 'POST /api/v1/screening/lists/load',
    owner: ADMIN,
    otherOrg: ANALYST,
    sameOrgNoRole: 'secretariat@demo.eucab.eu',
    expect: { owner: 202 },
    // The test app configures the demo file as list `demo` (SCREENING_LISTS): see MATRIX_ENV.
    prepare: async () => ({ url: '/api/v1/screening/lists/load', body: { listId: 'demo' } }),
  },
];

/** Configuration the matrix's app needs: the (fictitious) demo list as a configured list. */
export const MATRIX_ENV = { SCREENING_LISTS: `demo=ftm-jsonl:${DEMO_LIST.location}` };

export function analysisCases(): WriteCase[] {
  return [...riskCases, ...screeningCases];
}
