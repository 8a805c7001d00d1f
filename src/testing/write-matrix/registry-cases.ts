import { approvalSteps } from '../../contract/access-shapes.ts';
import type { KindDefinition } from '../../registry/definition.ts';
import { cell } from '../../registry/export.ts';
import { KINDS } from '../../registry/kinds/index.ts';
import { closeFixtureJob, fixtureJob, type MatrixCtx, type WriteCase } from './harness.ts';

/**
 * Write cases generated for every registry kind from its definition and example record: a new
 * kind is covered by adding its definition (with `example`), not test code.
 *
 * The owner is the author (nl.expert); a colleague without a role is nl.analyst; another
 * administration's user is fr.expert. Records are published at eucab / TLP:GREEN, so everyone
 * signed in can read them (a refusal is then a 403, not a 404); drafts stay inside the owner's
 * administration (others get 404).
 */
const AUTHOR = 'nl.expert@demo.eucab.eu';
const COLLEAGUE = 'nl.analyst@demo.eucab.eu';
const OTHER = 'fr.expert@demo.eucab.eu';
/** For kinds with `createdBy`: a risk analyst of another administration; an NCP without roles or networks. */
const NETWORK_MEMBER_ELSEWHERE = 'fr.analyst@demo.eucab.eu';
const NO_NETWORK_COLLEAGUE = 'nl.ncp@demo.eucab.eu';

type State = 'draft' | 'submitted' | 'published';

/** The kind has approval steps: its records are submitted and published by their approval. */
const approved = (kind: KindDefinition) => approvalSteps(kind).length > 0;

/**
 * Who writes, who is the colleague without the author's rights, and who approves, per kind. A
 * colleague approves four-eyes kinds. Kinds the risk-management network's coordinator publishes
 * (nl.expert) are written by a risk analyst of the same administration (nl.analyst); nl.expert is
 * then also the colleague (neither the author nor the NCP: may not change the author's record).
 */
function people(kind: KindDefinition): { author: string; colleague: string; approver: string } {
  const steps = approvalSteps(kind);
  if (!steps.some((s) => s.by === 'network_coordinator'))
    return { author: AUTHOR, colleague: COLLEAGUE, approver: COLLEAGUE };
  if (steps.length !== 1 || steps[0]!.by !== 'network_coordinator' || steps[0]!.network !== 'risk-management')
    throw new Error(
      `${kind.name}: the write matrix knows no people for these approval steps; add them here.`,
    );
  return { author: COLLEAGUE, colleague: AUTHOR, approver: AUTHOR };
}

const refs = new Map<string, string>();

/** A published record of each kind referenced by `ref` fields, created once (by the author). */
async function ref(ctx: MatrixCtx, kind: string): Promise<string> {
  if (!refs.has(kind)) {
    const def = KINDS.find((k) => k.name === kind)!;
    const out = await ctx.ok(AUTHOR, 'POST', `/api/v1/registry/${kind}`, {
      data: def.example(ctx.token(), () => {
        throw new Error(`${kind}: a referenced kind must not reference others in its example`);
      }),
      publish: !approved(def),
    });
    refs.set(kind, out.id);
  }
  return refs.get(kind)!;
}

/** Every kind a definition's `ref` fields point to (top level, lists and objects). */
function referencedKinds(kind: KindDefinition): string[] {
  const out = new Set<string>();
  const walk = (f: { type: string; kind?: string; of?: unknown; fields?: Record<string, unknown> }) => {
    if (f.type === 'ref' && f.kind) out.add(f.kind);
    if (f.type === 'list' && f.of) walk(f.of as never);
    if (f.type === 'object' && f.fields) for (const g of Object.values(f.fields)) walk(g as never);
  };
  for (const f of Object.values(kind.fields)) walk(f as never);
  return [...out];
}

async function exampleData(ctx: MatrixCtx, kind: KindDefinition): Promise<Record<string, unknown>> {
  const ids: Record<string, string> = {};
  for (const k of referencedKinds(kind)) ids[k] = await ref(ctx, k);
  ids.user = await ctx.userId(AUTHOR); // `ref('user')`: the person who creates the example
  return kind.example(ctx.token(), (k) => {
    const id = ids[k];
    if (!id) throw new Error(`${kind.name}: example refers to ${k}, which no ref field names`);
    return id;
  });
}

/** Creates a record of the kind as the author, in the given workflow state. */
async function record(ctx: MatrixCtx, kind: KindDefinition, state: State): Promise<string> {
  const four = approved(kind);
  const who = people(kind);
  const out = await ctx.ok(who.author, 'POST', `/api/v1/registry/${kind.name}`, {
    data: await exampleData(ctx, kind),
    marking: { distribution: 'eucab', tlp: 'green' },
    publish: state === 'published' && !four,
  });
  if (four && state !== 'draft') {
    await ctx.ok(who.author, 'POST', `/api/v1/registry/${kind.name}/${out.id}/submit`);
    if (state === 'published')
      await ctx.ok(who.approver, 'POST', `/api/v1/registry/${kind.name}/${out.id}/publish`);
  }
  return out.id;
}

/** A one-row CSV of the example record, in the export's cell format (which imports back). */
async function importFile(ctx: MatrixCtx, kind: KindDefinition): Promise<string> {
  const data = await exampleData(ctx, kind);
  const cols = Object.keys(data);
  const esc = (v: string) => (/[",\n;]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return `${cols.join(',')}\n${cols.map((c) => esc(cell(data[c]))).join(',')}\n`;
}

const PDF = { filename: 'report.pdf', content: '%PDF-1.4 write matrix\n', contentType: 'application/pdf' };

function kindCases(kind: KindDefinition): WriteCase[] {
  const base = `/api/v1/registry/${kind.name}`;
  const four = approved(kind);
  const who = people(kind);
  const common = { variant: kind.name, owner: who.author, otherOrg: OTHER, sameOrgNoRole: who.colleague };
  // What a reader outside the owning administration gets on a draft (it cannot see it).
  const hidden = { readOnlyOrg: 404, otherOrg: 404 };
  const onRecord = (state: State, suffix: string, body?: (ctx: MatrixCtx) => Promise<unknown> | unknown) =>
    async function prepare(ctx: MatrixCtx) {
      const id = await record(ctx, kind, state);
      return { url: `${base}/${id}${suffix}`, ...(body ? { body: await body(ctx) } : {}) };
    };
  // Four-eyes kinds are edited as drafts (a published one is corrected the same way).
  const editState: State = four ? 'draft' : 'published';
  // Kinds only some users add: a colleague outside the network and without the roles is refused;
  // another administration's member of the network adds its own.
  const restricted = Boolean(kind.access.createdBy);
  const creators = restricted
    ? { otherOrg: NETWORK_MEMBER_ELSEWHERE, sameOrgNoRole: NO_NETWORK_COLLEAGUE }
    : {};
  return [
    {
      ...common,
      op: `POST ${base}`,
      ...creators,
      // A writer of an administration adds records of its own (kinds that steer others' work:
      // their network's experts and the roles the definition names); the Commission never.
      expect: { owner: 201, otherOrg: 201, sameOrgNoRole: restricted ? 403 : 201 },
      prepare: async (ctx) => ({
        url: base,
        body: { data: await exampleData(ctx, kind), publish: !four },
      }),
    },
    {
      ...common,
      op: `PUT ${base}/{id}`,
      expect: { owner: 200, ...(four ? hidden : {}) },
      prepare: onRecord(editState, '', async (ctx) => ({ data: await exampleData(ctx, kind) })),
    },
    {
      ...common,
      op: `POST ${base}/{id}/submit`,
      // Only four-eyes kinds are submitted; elsewhere the owner publishes directly (403).
      expect: four ? { owner: 200, ...hidden } : { owner: 403, ...hidden },
      prepare: onRecord('draft', '/submit'),
    },
    four
      ? {
          ...common,
          op: `POST ${base}/{id}/publish`,
          // The approver (a colleague, or the network's coordinator); the submitter cannot approve their own.
          owner: who.approver,
          sameOrgNoRole: who.author,
          expect: { owner: 200, ...hidden },
          prepare: onRecord('submitted', '/publish'),
        }
      : {
          ...common,
          op: `POST ${base}/{id}/publish`,
          expect: { owner: 200, ...hidden },
          prepare: onRecord('draft', '/publish'),
        },
    {
      ...common,
      op: `POST ${base}/{id}/retract`,
      expect: { owner: 200 },
      prepare: onRecord('published', '/retract', () => ({ note: 'write matrix' })),
    },
    {
      ...common,
      op: `POST ${base}/{id}/share`,
      expect: { owner: 200 },
      prepare: onRecord('published', '/share', () => ({ distribution: 'organisation', tlp: 'amber' })),
    },
    {
      ...common,
      op: 'PUT /api/v1/registry/{kind}/{id}/editors',
      // The author (or the NCP) names co-editors; readers of other administrations and colleagues may not.
      expect: { owner: 200 },
      prepare: async (ctx) => {
        const id = await record(ctx, kind, 'published');
        return {
          url: `/api/v1/registry/${kind.name}/${id}/editors`,
          body: { userIds: [await ctx.userId(OTHER)] },
        };
      },
    },
    ...(four
      ? (['approve', 'reject'] as const).map(
          (decision): WriteCase => ({
            ...common,
            op: `POST /api/v1/registry/{kind}/{id}/${decision}`,
            // The approver decides; the submitter never; others cannot see the submitted record.
            owner: who.approver,
            sameOrgNoRole: who.author,
            expect: { owner: 200, ...hidden },
            prepare: async (ctx) => {
              const id = await record(ctx, kind, 'submitted');
              return {
                url: `/api/v1/registry/${kind.name}/${id}/${decision}`,
                body: decision === 'reject' ? { reason: 'The write matrix rejects it.' } : {},
              };
            },
          }),
        )
      : []),
    ...(four ? correctionCases(kind) : []),
    {
      ...common,
      op: `POST ${base}/{id}/comments`,
      // Readers who may write comment (other administrations included); the Commission only reads.
      expect: { owner: 201, otherOrg: 201, sameOrgNoRole: 201 },
      prepare: onRecord('published', '/comments', () => ({ body: 'A comment from the write matrix.' })),
    },
    {
      ...common,
      op: 'POST /api/v1/registry/{kind}/{id}/attachments',
      expect: { owner: 201, ...(four ? hidden : {}) },
      prepare: async (ctx) => {
        const id = await record(ctx, kind, editState);
        return { url: `/api/v1/registry/${kind.name}/${id}/attachments`, upload: PDF };
      },
    },
    {
      ...common,
      op: `POST ${base}/import`,
      ...creators,
      expect: { owner: 202, otherOrg: 202, sameOrgNoRole: restricted ? 403 : 202 },
      prepare: async (ctx) => ({
        url: `${base}/import?dryRun=false`,
        upload: {
          filename: `${kind.name}.csv`,
          content: await importFile(ctx, kind),
          contentType: 'text/csv',
        },
      }),
    },
    {
      ...common,
      op: `POST ${base}/import/{jobId}/cancel`,
      // Imports are readable by the organisation (`readableBy: 'organisation'`): a colleague sees
      // the job but only its starter or the NCP cancels it; other administrations never see it.
      expect: { owner: 200, readOnlyOrg: 404, otherOrg: 404 },
      prepare: async (ctx) => {
        const id = await fixtureJob(ctx, who.author, 'registry.import', { kind: kind.name });
        return { url: `${base}/import/${id}/cancel`, state: { job: id } };
      },
      cleanup: (ctx, p) => closeFixtureJob(ctx, p.state?.job),
    },
  ];
}

/**
 * Four-eyes kinds: a correction of a published record is proposed by its author (PUT), waits for
 * approval, and is approved or rejected by a colleague or withdrawn by the proposer. The record is
 * published at eucab / TLP:GREEN, so other administrations and the Commission read it (403).
 */
function correctionCases(kind: KindDefinition): WriteCase[] {
  const base = `/api/v1/registry/${kind.name}`;
  const who = people(kind);
  const common = {
    variant: `${kind.name} correction`,
    owner: who.author,
    otherOrg: OTHER,
    sameOrgNoRole: who.colleague,
  };
  const proposed = async (ctx: MatrixCtx) => {
    const id = await record(ctx, kind, 'published');
    await ctx.ok(who.author, 'PUT', `${base}/${id}`, {
      data: await exampleData(ctx, kind),
      note: 'write matrix',
    });
    return id;
  };
  return [
    {
      ...common,
      op: `PUT ${base}/{id}`,
      // The author proposes (the correction waits for a colleague); the colleague without the
      // author's role may not edit the author's record; other administrations only read it.
      expect: { owner: 200 },
      prepare: async (ctx) => {
        const id = await record(ctx, kind, 'published');
        return { url: `${base}/${id}`, body: { data: await exampleData(ctx, kind) } };
      },
    },
    ...(['approve', 'reject'] as const).map(
      (decision): WriteCase => ({
        ...common,
        op: `POST /api/v1/registry/{kind}/{id}/${decision}`,
        // The approver decides; the proposer never; other readers may not.
        owner: who.approver,
        sameOrgNoRole: who.author,
        expect: { owner: 200 },
        prepare: async (ctx) => ({
          url: `${base}/${await proposed(ctx)}/${decision}`,
          body: decision === 'reject' ? { reason: 'The write matrix rejects the correction.' } : {},
        }),
      }),
    ),
    {
      ...common,
      op: 'POST /api/v1/registry/{kind}/{id}/correction/withdraw',
      // Only the proposer withdraws; the colleague (who may reject it) and other readers may not.
      expect: { owner: 200 },
      prepare: async (ctx) => ({ url: `${base}/${await proposed(ctx)}/correction/withdraw` }),
    },
  ];
}

/**
 * Records about a person (`personalData`: trainers; src/access/personal-data-policy.ts): the
 * Commission's observer and an API key (the example's person has not opted in) read nothing of
 * them, so every operation on a record answers them 404.
 */
function personal(kind: KindDefinition, cases: WriteCase[]): WriteCase[] {
  if (!kind.personalData) return cases;
  return cases.map((c) =>
    c.op.includes('{id}') ? { ...c, expect: { ...c.expect, readOnlyOrg: 404, writeKey: 404 } } : c,
  );
}

export function registryCases(): WriteCase[] {
  return KINDS.flatMap((k) => personal(k, kindCases(k)));
}
