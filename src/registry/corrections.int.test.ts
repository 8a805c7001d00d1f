import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.ts';
import { cell } from './export.ts';

/**
 * Four eyes on corrections: a published requirement set (one owner_org_writer step) is corrected
 * only with a colleague's approval. The proposal waits in an open round; readers of other
 * administrations keep the published text until the approval applies it.
 */
const BASE = '/api/v1/registry/requirement_set';

let t: TestApp;
let author: TestClient;
let colleague: TestClient;
let fr: TestClient;
let n = 0;

const setData = (text: string) => ({
  title: `Correction set ${n}`,
  category: 'nii',
  version_label: `corr-${n}`,
  requirements: [{ req_id: 'R1', text, kind: 'performance' }],
});

/** A requirement set published through four eyes (author submits, colleague approves). */
async function published(): Promise<{ id: string; data: ReturnType<typeof setData> }> {
  n++;
  const data = setData('Detects 1 kg of explosives');
  const res = await author.post(BASE, { data, marking: { distribution: 'eucab', tlp: 'green' } });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  expect((await author.post(`${BASE}/${id}/submit`)).statusCode).toBe(200);
  expect((await colleague.post(`${BASE}/${id}/approve`, {})).statusCode).toBe(200);
  return { id, data };
}

const corrected = (data: ReturnType<typeof setData>, text = 'Detects 500 g of explosives') => ({
  ...data,
  requirements: [{ req_id: 'R1', text, kind: 'performance' }],
});

const actions = async (id: string) =>
  (
    await t.rt.db
      .selectFrom('audit_events')
      .select(['action', 'changes'])
      .where('record_id', '=', id)
      .orderBy('seq')
      .execute()
  ).map((e) => ({ action: e.action, changes: e.changes as Record<string, unknown> }));

beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_LOGIN_PER_MINUTE: '1000' } });
  author = await t.as('de.expert@demo.eucab.eu');
  colleague = await t.as('de.analyst@demo.eucab.eu');
  fr = await t.as('fr.expert@demo.eucab.eu');
}, 180_000);

afterAll(async () => t?.close());

describe('corrections of published four-eyes records', () => {
  it('the author alone no longer changes the content: the correction waits, readers see the old text, approval applies it', async () => {
    const { id, data } = await published();
    const put = await author.put(`${BASE}/${id}`, { data: corrected(data), note: 'Lower threshold' });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ status: 'published', version: 1, pendingCorrection: true });

    // Another administration reads the published text, and nothing of the proposal.
    const seen = (await fr.get(`${BASE}/${id}`)).json();
    expect(seen.data.requirements[0].text).toBe('Detects 1 kg of explosives');
    expect(seen.pendingCorrection).toBeUndefined();
    expect([seen.abilities.correction, seen.abilities.approve]).toEqual([false, false]);
    const search = (await fr.get(`${BASE}?q=${encodeURIComponent('Correction set')}&limit=500`)).json();
    expect(search.items.find((x: { id: string }) => x.id === id)?.version).toBe(1);

    // The proposer sees the proposal and the diff; they never approve it.
    const mine = (await author.get(`${BASE}/${id}`)).json();
    expect(mine.data.requirements[0].text).toBe('Detects 1 kg of explosives');
    expect(mine.pendingCorrection).toMatchObject({
      data: { requirements: [{ text: 'Detects 500 g of explosives' }] },
      note: 'Lower threshold',
      proposedBy: expect.any(String),
    });
    expect(Object.keys(mine.pendingCorrection.changes)).toEqual(['requirements']);
    expect([mine.abilities.correction, mine.abilities.withdrawCorrection, mine.abilities.approve]).toEqual([
      true,
      true,
      false,
    ]);
    const self = await author.post(`${BASE}/${id}/approve`, {});
    expect(self.statusCode).toBe(403);
    expect(self.json().detail).toMatch(/never by the person who submitted it/);
    expect((await fr.post(`${BASE}/${id}/approve`, {})).statusCode).toBe(403);

    // One proposal at a time.
    const ncp = await t.as('de.ncp@demo.eucab.eu');
    const second = await ncp.put(`${BASE}/${id}`, { data: corrected(data, 'Detects 2 kg') });
    expect(second.statusCode, second.body).toBe(409);
    expect(second.json().detail).toMatch(/already awaits approval/);

    const view = (await colleague.get(`${BASE}/${id}/approval`)).json();
    expect(view.correction).toBe(true);
    expect(view.steps.map((s: { state: string }) => s.state)).toEqual(['waiting']);
    const ok = await colleague.post(`${BASE}/${id}/approve`, { comment: 'Matches the 2026 tests.' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'published', version: 2 });

    const after = (await fr.get(`${BASE}/${id}`)).json();
    expect([after.version, after.data.requirements[0].text]).toEqual([2, 'Detects 500 g of explosives']);
    expect((await author.get(`${BASE}/${id}`)).json().pendingCorrection).toBeUndefined();
    const versions = await t.rt.db
      .selectFrom('registry_versions as v')
      .innerJoin('users as u', 'u.id', 'v.changed_by')
      .select(['v.version', 'v.note', 'u.email'])
      .where('v.record_id', '=', id)
      .orderBy('v.version')
      .execute();
    expect(versions.at(-1)).toEqual({
      version: 2,
      note: 'Lower threshold',
      email: 'de.expert@demo.eucab.eu',
    });
    const events = await actions(id);
    expect(events.map((e) => e.action).slice(-2)).toEqual([
      'requirement_set.correction_proposed',
      'requirement_set.corrected',
    ]);
    expect(events.at(-1)!.changes).toMatchObject({
      version: { before: 1, after: 2 },
      proposed_by: await t.userId('de.expert@demo.eucab.eu'),
      approved_by: await t.userId('de.analyst@demo.eucab.eu'),
      approvals: [await t.userId('de.analyst@demo.eucab.eu')],
    });
  });

  it('a rejection with a reason discards the correction; the published version stays', async () => {
    const { id, data } = await published();
    expect((await author.put(`${BASE}/${id}`, { data: corrected(data) })).statusCode).toBe(200);
    expect((await colleague.post(`${BASE}/${id}/reject`, {})).statusCode).toBe(400);
    const rej = await colleague.post(`${BASE}/${id}/reject`, { reason: 'The threshold is not tested yet.' });
    expect(rej.statusCode, rej.body).toBe(200);
    const rec = (await author.get(`${BASE}/${id}`)).json();
    expect([rec.status, rec.version, rec.data.requirements[0].text, rec.pendingCorrection]).toEqual([
      'published',
      1,
      'Detects 1 kg of explosives',
      undefined,
    ]);
    const events = await actions(id);
    expect(events.at(-1)).toMatchObject({
      action: 'requirement_set.correction_rejected',
      changes: { reason: 'The threshold is not tested yet.', step: 1 },
    });
    const view = (await author.get(`${BASE}/${id}/approval`)).json();
    expect(view.rounds[0]).toMatchObject({ state: 'rejected', correction: true });
    // A new proposal may follow.
    expect((await author.put(`${BASE}/${id}`, { data: corrected(data, 'Detects 750 g') })).statusCode).toBe(
      200,
    );
  });

  it('the proposer withdraws it (nobody else does); then nothing waits', async () => {
    const { id, data } = await published();
    expect((await author.put(`${BASE}/${id}`, { data: corrected(data) })).statusCode).toBe(200);
    const other = await colleague.post(`${BASE}/${id}/correction/withdraw`);
    expect(other.statusCode).toBe(403);
    expect(other.json().detail).toMatch(/Only the person who proposed/);
    expect((await fr.post(`${BASE}/${id}/correction/withdraw`)).statusCode).toBe(403);
    const ok = await author.post(`${BASE}/${id}/correction/withdraw`);
    expect(ok.statusCode, ok.body).toBe(200);
    const again = await author.post(`${BASE}/${id}/correction/withdraw`);
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toMatch(/No correction/);
    expect((await colleague.post(`${BASE}/${id}/approve`, {})).statusCode).toBe(403);
    expect((await actions(id)).at(-1)!.action).toBe('requirement_set.correction_withdrawn');
    expect((await author.get(`${BASE}/${id}`)).json().version).toBe(1);
  });

  it('a colleague without the author’s role neither proposes nor sees a correction, but approves it', async () => {
    const { id, data } = await published();
    expect((await colleague.put(`${BASE}/${id}`, { data: corrected(data) })).statusCode).toBe(403);
    expect((await author.put(`${BASE}/${id}`, { data: corrected(data) })).statusCode).toBe(200);
    // The colleague holds the step (another writer of the owning administration): sees it.
    const rec = (await colleague.get(`${BASE}/${id}`)).json();
    expect([rec.abilities.correction, rec.abilities.approve, rec.abilities.withdrawCorrection]).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('retracting the record discards a waiting correction', async () => {
    const { id, data } = await published();
    expect((await author.put(`${BASE}/${id}`, { data: corrected(data) })).statusCode).toBe(200);
    expect((await author.post(`${BASE}/${id}/retract`, { note: 'Superseded' })).statusCode).toBe(200);
    const view = (await author.get(`${BASE}/${id}/approval`)).json();
    expect([view.correction, view.rounds[0].state]).toEqual([false, 'withdrawn']);
  });

  it('an import does not correct a published four-eyes record: the row is refused with why', async () => {
    const { data } = await published();
    const row: Record<string, unknown> = corrected(data, 'Imported');
    const cols = Object.keys(row);
    const esc = (v: string) => (/[",\n;]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    const csv = `${cols.join(',')}\n${cols.map((c) => esc(cell(row[c]))).join(',')}\n`;
    const boundary = '----eucabcorrection';
    const res = await author.request({
      method: 'POST',
      url: `${BASE}/import?dryRun=true`,
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="sets.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(res.statusCode, res.body).toBe(200);
    const errors = res.json().errors as { line: number; reason: string }[];
    expect(errors.map((e) => e.reason).join(' ')).toMatch(/corrections need approval/);
  });

  it('kinds without approval steps are still corrected in place', async () => {
    const res = await author.post('/api/v1/registry/equipment_model', {
      data: { manufacturer: 'Corr', model: 'C-1', category: 'nii', technology: 'xray_high' },
      publish: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    const put = await author.put(`/api/v1/registry/equipment_model/${id}`, {
      data: { manufacturer: 'Corr', model: 'C-1b', category: 'nii', technology: 'xray_high' },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ version: 2, changed: true });
    expect((await fr.get(`/api/v1/registry/equipment_model/${id}`)).json().data.model).toBe('C-1b');
  });
});
