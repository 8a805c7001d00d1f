import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { KindName } from '../contract/kind-names.ts';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.ts';

/**
 * Approval steps as data, through the HTTP API, on a kind made for this test (the shipped kinds
 * keep their one-step four-eyes): approval_probe, a copy of the equipment model owned by the
 * risk-management network, approved by (1) another writer of the owning administration, (2) the
 * network's coordinator (nl.expert), (3) a reviewer the submitter names (be.expert), (4) an NCP
 * of France. EXPECTED is written by hand: the status each caller gets on approve at each step.
 */
vi.mock('../registry/kinds/index.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../registry/kinds/index.ts')>();
  const { defineKind } = await import('../registry/definition.ts');
  const { equipmentModel } = await import('../registry/kinds/procurement/equipment-model.kind.ts');
  const probe = defineKind({
    ...equipmentModel,
    // A kind of this test only: its name is not one of the declared KindNames.
    name: 'approval_probe' as KindName,
    label: { en: 'Approval probe', fr: 'Sonde d’approbation', de: 'Freigabe-Probe' },
    labelPlural: { en: 'Approval probes', fr: 'Sondes d’approbation', de: 'Freigabe-Proben' },
    network: 'risk-management',
    access: { distribution: 'organisation', tlp: 'amber' },
    workflow: {
      approval: [
        { by: 'owner_org_writer' },
        { by: 'network_coordinator' },
        { by: 'named_reviewers' },
        { by: 'org_role', role: 'ncp', organisation: 'FR' },
      ],
    },
  });
  const KINDS = [...original.KINDS, probe];
  return { ...original, KINDS, kindByName: (name: string) => KINDS.find((k) => k.name === name) };
});

type Caller = 'submitter' | 'colleague' | 'coordinator' | 'reviewer' | 'fr_ncp' | 'fr_expert' | 'observer';
const EMAILS: Record<Caller, string> = {
  submitter: 'de.expert@demo.eucab.eu',
  colleague: 'de.analyst@demo.eucab.eu',
  coordinator: 'nl.expert@demo.eucab.eu',
  reviewer: 'be.expert@demo.eucab.eu',
  fr_ncp: 'fr.ncp@demo.eucab.eu',
  fr_expert: 'fr.expert@demo.eucab.eu',
  observer: 'observer@demo.eucab.eu',
};
// prettier-ignore
const EXPECTED: Record<Caller, [number, number, number, number]> = {
  //           step 1 owner  2 coordinator  3 named  4 FR NCP
  submitter: [403, 403, 403, 403],
  colleague: [200, 403, 403, 403], // approved step 1: never another
  coordinator: [403, 200, 403, 403],
  reviewer: [403, 403, 200, 403],
  fr_ncp: [403, 403, 403, 200],
  fr_expert: [404, 404, 404, 404], // holds no step: cannot see it
  observer: [404, 404, 404, 404],
};
const CALLERS = Object.keys(EXPECTED) as Caller[];
const BASE = '/api/v1/registry/approval_probe';

let t: TestApp;
const who = new Map<Caller, TestClient>();
let n = 0;

async function submitted(reviewers: Caller[] = ['reviewer']) {
  const s = who.get('submitter')!;
  const res = await s.post(BASE, {
    data: { manufacturer: 'Probe', model: `P-${n++}`, category: 'nii', technology: 'xray_high' },
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  const reviewerIds = await Promise.all(reviewers.map((r) => t.userId(EMAILS[r])));
  const sub = await s.post(`${BASE}/${id}/submit`, { reviewerIds });
  expect(sub.statusCode, sub.body).toBe(200);
  return id;
}

const decisions = (id: string) =>
  t.rt.db
    .selectFrom('record_approvals as d')
    .innerJoin('record_submissions as s', 's.id', 'd.submission_id')
    .innerJoin('users as u', 'u.id', 'd.approver_id')
    .select(['s.round', 'd.step', 'd.decision', 'u.email', 'd.comment'])
    .where('s.record_id', '=', id)
    .orderBy('s.round')
    .orderBy('d.step')
    .execute();

beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_LOGIN_PER_MINUTE: '1000' } });
  for (const c of CALLERS) who.set(c, await t.as(EMAILS[c]));
}, 180_000);

afterAll(async () => t?.close());

describe('approval steps (caller × step, hand-written table)', () => {
  it('each step is approved by its holders only, in order; the last approval publishes', async () => {
    const id = await submitted();
    const mismatches: string[] = [];
    const printed: string[] = [];
    const got = Object.fromEntries(CALLERS.map((c) => [c, [] as number[]]));
    for (let step = 0; step < 4; step++) {
      // Refused callers first (nothing may change), then the one the table allows.
      const order = [...CALLERS].sort((x, y) => EXPECTED[x][step]! - EXPECTED[y][step]!).reverse();
      for (const c of order) {
        const before = (await decisions(id)).length;
        const res = await who.get(c)!.post(`${BASE}/${id}/approve`, {});
        got[c]!.push(res.statusCode);
        if (res.statusCode !== EXPECTED[c][step])
          mismatches.push(
            `${c} step ${step + 1}: expected ${EXPECTED[c][step]}, got ${res.statusCode} ${res.body}`,
          );
        if (res.statusCode !== 200 && (await decisions(id)).length !== before)
          mismatches.push(`${c} step ${step + 1}: a refused call recorded a decision`);
      }
    }
    for (const c of CALLERS) printed.push(`${c.padEnd(12)} ${got[c]!.join(' ')}`);
    console.log(`Approval steps (approve status per step):\n${printed.join('\n')}`);
    expect(mismatches).toEqual([]);
    const rec = (await who.get('submitter')!.get(`${BASE}/${id}`)).json();
    expect(rec.status).toBe('published');
    expect((await decisions(id)).map((d) => [d.step, d.decision, d.email])).toEqual([
      [0, 'approve', EMAILS.colleague],
      [1, 'approve', EMAILS.coordinator],
      [2, 'approve', EMAILS.reviewer],
      [3, 'approve', EMAILS.fr_ncp],
    ]);
    const events = await t.rt.db
      .selectFrom('audit_events')
      .select(['action', 'changes'])
      .where('record_id', '=', id)
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.action)).toEqual([
      'approval_probe.created',
      'approval_probe.submitted',
      'approval_probe.approved',
      'approval_probe.approved',
      'approval_probe.approved',
      'approval_probe.published',
    ]);
    expect(events.at(-1)!.changes).toMatchObject({
      submitted_by: await t.userId(EMAILS.submitter),
      approved_by: await t.userId(EMAILS.fr_ncp),
      approvals: await Promise.all(
        (['colleague', 'coordinator', 'reviewer', 'fr_ncp'] as const).map((c) => t.userId(EMAILS[c])),
      ),
    });
  });

  it('a correction of the published record waits for the same steps, table and all; holders read it only while it waits', async () => {
    const id = await submitted();
    for (const c of ['colleague', 'coordinator', 'reviewer', 'fr_ncp'] as const)
      expect((await who.get(c)!.post(`${BASE}/${id}/approve`, {})).statusCode).toBe(200);
    // Published in the organisation (TLP:AMBER): outside it, nobody reads it any more.
    for (const c of ['coordinator', 'reviewer', 'fr_ncp'] as const)
      expect([c, (await who.get(c)!.get(`${BASE}/${id}`)).statusCode]).toEqual([c, 404]);
    const s = who.get('submitter')!;
    const data = (await s.get(`${BASE}/${id}`)).json().data;
    const fixed = { ...data, manufacturer: 'Probe corrected' };
    expect((await s.put(`${BASE}/${id}`, { data: fixed })).statusCode).toBe(400); // names no reviewer
    const put = await s.put(`${BASE}/${id}`, {
      data: fixed,
      reviewerIds: [await t.userId(EMAILS.reviewer)],
    });
    expect(put.statusCode, put.body).toBe(200);
    // While it waits, the holders of the steps read the record and the proposal (detail and list alike).
    for (const c of CALLERS) {
      const detail = await who.get(c)!.get(`${BASE}/${id}`);
      const list = (await who.get(c)!.get(`${BASE}?status=published&limit=500`)).json().items ?? [];
      const readable = EXPECTED[c][0] !== 404;
      expect([c, detail.statusCode === 200, list.some((x: { id: string }) => x.id === id)]).toEqual([
        c,
        readable,
        readable,
      ]);
      if (readable)
        expect([c, detail.json().pendingCorrection?.data.manufacturer]).toEqual([c, 'Probe corrected']);
    }
    const mismatches: string[] = [];
    for (let step = 0; step < 4; step++) {
      const order = [...CALLERS].sort((x, y) => EXPECTED[x][step]! - EXPECTED[y][step]!).reverse();
      for (const c of order) {
        const res = await who.get(c)!.post(`${BASE}/${id}/approve`, {});
        if (res.statusCode !== EXPECTED[c][step])
          mismatches.push(`${c} step ${step + 1}: expected ${EXPECTED[c][step]}, got ${res.statusCode}`);
      }
    }
    expect(mismatches).toEqual([]);
    const rec = (await s.get(`${BASE}/${id}`)).json();
    expect([rec.status, rec.version, rec.data.manufacturer, rec.pendingCorrection]).toEqual([
      'published',
      2,
      'Probe corrected',
      undefined,
    ]);
    // Applied: the holders outside the organisation no longer read it.
    expect((await who.get('coordinator')!.get(`${BASE}/${id}`)).statusCode).toBe(404);
    expect((await decisions(id)).filter((d) => d.round === 2).map((d) => d.email)).toEqual(
      (['colleague', 'coordinator', 'reviewer', 'fr_ncp'] as const).map((c) => EMAILS[c]),
    );
  });

  it('while it waits, the holders of its steps read it (detail and list alike) and see where it stands', async () => {
    const id = await submitted();
    for (const c of CALLERS) {
      const detail = await who.get(c)!.get(`${BASE}/${id}`);
      const list = (await who.get(c)!.get(`${BASE}?status=submitted&limit=500`)).json().items ?? [];
      const listed = list.some((x: { id: string }) => x.id === id);
      const readable = EXPECTED[c][0] !== 404;
      expect([c, detail.statusCode === 200, listed]).toEqual([c, readable, readable]);
    }
    const view = (await who.get('coordinator')!.get(`${BASE}/${id}/approval`)).json();
    expect(view.steps.map((s: { by: string; state: string }) => `${s.by}:${s.state}`)).toEqual([
      'owner_org_writer:waiting',
      'network_coordinator:pending',
      'named_reviewers:pending',
      'org_role:pending',
    ]);
    expect(view.abilities).toEqual({
      approve: false,
      reject: false,
      submit: false,
      withdrawCorrection: false,
    });
    expect(view.rounds[0].reviewers.map((r: { organisation_code: string }) => r.organisation_code)).toEqual([
      'BE',
    ]);
    const mine = (await who.get('colleague')!.get(`${BASE}/${id}`)).json().abilities;
    expect([mine.approve, mine.reject, mine.publish]).toEqual([true, true, false]);
    // Publishing is the last step's approval: at step 1 "publish" is refused to the colleague too.
    expect((await who.get('colleague')!.post(`${BASE}/${id}/publish`)).statusCode).toBe(403);
  });

  it('a rejection returns it to draft with the reason; the next submission starts again at step 1', async () => {
    const id = await submitted();
    expect((await who.get('colleague')!.post(`${BASE}/${id}/approve`, {})).statusCode).toBe(200);
    expect((await who.get('coordinator')!.post(`${BASE}/${id}/reject`, {})).statusCode).toBe(400);
    const rej = await who
      .get('coordinator')!
      .post(`${BASE}/${id}/reject`, { reason: 'Missing the test report.' });
    expect(rej.statusCode, rej.body).toBe(200);
    const rec = (await who.get('submitter')!.get(`${BASE}/${id}`)).json();
    expect([rec.status, rec.status_note, rec.abilities.update, rec.abilities.submit]).toEqual([
      'draft',
      'Missing the test report.',
      true,
      true,
    ]);
    // Back in draft, the coordinator no longer sees it.
    expect((await who.get('coordinator')!.get(`${BASE}/${id}`)).statusCode).toBe(404);
    const again = await who.get('submitter')!.post(`${BASE}/${id}/submit`, {
      reviewerIds: [await t.userId(EMAILS.fr_expert)],
    });
    expect(again.statusCode, again.body).toBe(200);
    expect((await who.get('coordinator')!.post(`${BASE}/${id}/approve`, {})).statusCode).toBe(403);
    expect((await who.get('colleague')!.post(`${BASE}/${id}/approve`, {})).statusCode).toBe(200);
    expect((await decisions(id)).map((d) => [d.round, d.step, d.decision, d.comment])).toEqual([
      [1, 0, 'approve', null],
      [1, 1, 'reject', 'Missing the test report.'],
      [2, 0, 'approve', null],
    ]);
    const view = (await who.get('submitter')!.get(`${BASE}/${id}/approval`)).json();
    expect(view.rounds.map((r: { round: number; state: string }) => `${r.round}:${r.state}`)).toEqual([
      '2:open',
      '1:rejected',
    ]);
    const ev = await t.rt.db
      .selectFrom('audit_events')
      .select('changes')
      .where('record_id', '=', id)
      .where('action', '=', 'approval_probe.rejected')
      .executeTakeFirstOrThrow();
    expect(ev.changes).toMatchObject({ step: 2, reason: 'Missing the test report.' });
  });

  it('the submitter names reviewers: at least one, never themself, known writers', async () => {
    const s = who.get('submitter')!;
    const res = await s.post(BASE, {
      data: { manufacturer: 'Probe', model: `P-${n++}`, category: 'nii', technology: 'xray_high' },
    });
    const id = res.json().id;
    const tries: [unknown, RegExp][] = [
      [{}, /at least one reviewer/],
      [{ reviewerIds: [await t.userId(EMAILS.submitter)] }, /cannot review what you submit/],
      [{ reviewerIds: ['00000000-0000-4000-8000-000000000000'] }, /Unknown or disabled reviewer/],
      [{ reviewerIds: [await t.userId(EMAILS.observer)] }, /read-only/],
    ];
    for (const [body, why] of tries) {
      const r = await s.post(`${BASE}/${id}/submit`, body);
      expect(r.statusCode, r.body).toBe(400);
      expect(r.json().detail).toMatch(why);
    }
    expect((await s.get(`${BASE}/${id}`)).json().status).toBe('draft');
    // Kinds without a named-reviewers step refuse reviewers.
    const set = await s.post('/api/v1/registry/requirement_set', {
      data: {
        title: 'Probe set',
        category: 'nii',
        version_label: '1',
        requirements: [{ req_id: 'R1', text: 'Works', kind: 'performance' }],
      },
    });
    expect(set.statusCode, set.body).toBe(201);
    const named = await s.post(`/api/v1/registry/requirement_set/${set.json().id}/submit`, {
      reviewerIds: [await t.userId(EMAILS.colleague)],
    });
    expect(named.statusCode).toBe(400);
  });

  it('the four-eyes shorthand is one step: a colleague approves through approve or publish alike', async () => {
    const s = who.get('submitter')!;
    const set = await s.post('/api/v1/registry/requirement_set', {
      data: {
        title: 'Probe set 2',
        category: 'nii',
        version_label: '2',
        requirements: [{ req_id: 'R1', text: 'Works', kind: 'performance' }],
      },
    });
    const id = set.json().id;
    const sub = await s.post(`/api/v1/registry/requirement_set/${id}/submit`);
    expect(sub.statusCode, sub.body).toBe(200);
    const view = (await s.get(`/api/v1/registry/requirement_set/${id}/approval`)).json();
    expect(view.steps.map((x: { by: string; state: string }) => `${x.by}:${x.state}`)).toEqual([
      'owner_org_writer:waiting',
    ]);
    expect((await s.post(`/api/v1/registry/requirement_set/${id}/approve`, {})).statusCode).toBe(403);
    const ok = await who.get('colleague')!.post(`/api/v1/registry/requirement_set/${id}/approve`, {
      comment: 'Checked against the 2026 catalogue.',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await s.get(`/api/v1/registry/requirement_set/${id}`)).json().status).toBe('published');
    expect((await decisions(id)).map((d) => [d.step, d.email, d.comment])).toEqual([
      [0, EMAILS.colleague, 'Checked against the 2026 catalogue.'],
    ]);
  });
});
