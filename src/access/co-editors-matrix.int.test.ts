import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.ts';

/**
 * Co-editors and named-organisation distribution, through the HTTP API. EXPECTED is written by
 * hand from the rules in ARCHITECTURE.md ("Access model"); nothing here calls the policy code.
 *
 * Co-editors of a catalogue entry (equipment_item: its sites are owner-only) distributed to the
 * owning organisation only (TLP:AMBER), so that other administrations read it through being
 * named alone. Per caller: read (detail + list), update (PUT), share, retract, name co-editors,
 * and whether the owner-only sites are shown.
 */
type Rel = 'owner' | 'co_editor_other' | 'co_editor_same' | 'other_org' | 'observer' | 'anonymous';
type Action = 'update' | 'share' | 'retract' | 'editors';

// prettier-ignore
const EXPECTED: Record<Rel, { read: boolean; sites: boolean } & Record<Action, number>> = {
  owner: { read: true, sites: true, update: 200, share: 200, retract: 200, editors: 200 },
  co_editor_other: { read: true, sites: false, update: 200, share: 403, retract: 403, editors: 403 },
  co_editor_same: { read: true, sites: true, update: 200, share: 403, retract: 403, editors: 403 },
  other_org: { read: false, sites: false, update: 404, share: 404, retract: 404, editors: 404 },
  observer: { read: false, sites: false, update: 404, share: 404, retract: 404, editors: 404 },
  anonymous: { read: false, sites: false, update: 401, share: 401, retract: 401, editors: 401 },
};
const EMAILS: Record<Exclude<Rel, 'anonymous'>, string> = {
  owner: 'nl.expert@demo.eucab.eu',
  co_editor_other: 'fr.expert@demo.eucab.eu',
  co_editor_same: 'nl.analyst@demo.eucab.eu',
  other_org: 'be.expert@demo.eucab.eu',
  observer: 'observer@demo.eucab.eu',
};

let t: TestApp;
const who = new Map<Rel, TestClient>();
let modelId = '';
let n = 0;
const BASE = '/api/v1/registry/equipment_item';

const item = (token: string) => ({
  inventory_ref: `CO-${token}`,
  model: modelId,
  category: 'nii',
  quantity: 2,
  sites: [{ label: `Site ${token}`, lat: 52.37, lon: 4.9 }],
});

/** A published catalogue entry of NL (organisation / AMBER) with two co-editors: FR and NL colleagues. */
async function entry(publish = true) {
  const owner = who.get('owner')!;
  const token = `coed${n++}`;
  const res = await owner.post(BASE, {
    data: item(token),
    marking: { distribution: 'organisation', tlp: 'amber' },
    publish,
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  const userIds = [await t.userId(EMAILS.co_editor_other), await t.userId(EMAILS.co_editor_same)];
  const put = await owner.put(`${BASE}/${id}/editors`, { userIds });
  expect(put.statusCode, put.body).toBe(200);
  return { id, token };
}

beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_LOGIN_PER_MINUTE: '1000' } });
  for (const [rel, email] of Object.entries(EMAILS)) who.set(rel as Rel, await t.as(email));
  who.set('anonymous', t.client());
  const model = await who.get('owner')!.post('/api/v1/registry/equipment_model', {
    data: { manufacturer: 'Co-edit', model: 'CE-1', category: 'nii', technology: 'xray_high' },
    publish: true,
  });
  modelId = model.json().id;
}, 180_000);

afterAll(async () => t?.close());

describe('co-editors (caller × action, hand-written table)', () => {
  it('read, list and owner-only fields match the table (drafts included)', async () => {
    const mismatches: string[] = [];
    for (const publish of [true, false]) {
      const { id, token } = await entry(publish);
      for (const [rel, c] of who) {
        const want = EXPECTED[rel];
        const detail = await c.get(`${BASE}/${id}`);
        const list = await c.get(`${BASE}?limit=500${publish ? '' : '&status=draft'}`);
        const listed = list.statusCode === 200 && list.json().items.some((x: { id: string }) => x.id === id);
        const read = detail.statusCode === 200;
        if (read !== want.read || listed !== want.read)
          mismatches.push(`${rel} ${publish ? 'published' : 'draft'}: read=${read} listed=${listed}`);
        const sites = read && detail.body.includes(`Site ${token}`);
        if (sites !== (want.read && want.sites)) mismatches.push(`${rel}: sites shown=${sites}`);
        if (read && detail.json().abilities.update !== (want.update === 200))
          mismatches.push(`${rel}: abilities.update=${detail.json().abilities.update}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('update, share, retract and naming co-editors match the table (each on a fresh record)', async () => {
    const mismatches: string[] = [];
    const printed: string[] = [];
    for (const [rel, c] of who) {
      const got: Record<Action, number> = { update: 0, share: 0, retract: 0, editors: 0 };
      for (const action of ['update', 'share', 'retract', 'editors'] as const) {
        const { id, token } = await entry();
        // What the caller sees is what it sends back: the owner-only sites only where shown.
        const { sites, ...visible } = item(token);
        const data = { ...visible, ...(EXPECTED[rel].sites ? { sites } : {}), quantity: 3 };
        const res =
          action === 'update'
            ? await c.put(`${BASE}/${id}`, { data })
            : action === 'share'
              ? await c.post(`${BASE}/${id}/share`, { distribution: 'eucab', tlp: 'green' })
              : action === 'retract'
                ? await c.post(`${BASE}/${id}/retract`, { note: 'co-editor matrix' })
                : await c.put(`${BASE}/${id}/editors`, { userIds: [] });
        got[action] = res.statusCode;
        if (res.statusCode !== EXPECTED[rel][action])
          mismatches.push(
            `${rel} ${action}: expected ${EXPECTED[rel][action]}, got ${res.statusCode} ${res.body}`,
          );
        // A co-editor's correction keeps the owner-only sites it never saw.
        if (action === 'update' && res.statusCode === 200) {
          const own = (await who.get('owner')!.get(`${BASE}/${id}`)).json();
          if (own.data.quantity !== 3 || own.data.sites?.[0]?.label !== `Site ${token}`)
            mismatches.push(`${rel} update lost data: ${JSON.stringify(own.data)}`);
        }
      }
      printed.push(
        `${rel.padEnd(16)} ${Object.entries(got)
          .map(([k, v]) => `${k}=${v}`)
          .join(' ')}`,
      );
    }
    console.log(`Co-editor matrix (statuses):\n${printed.join('\n')}`);
    expect(mismatches).toEqual([]);
  });

  it('a co-editor of another administration may not send owner-only fields; audit names the lists', async () => {
    const { id, token } = await entry();
    const fr = who.get('co_editor_other')!;
    const res = await fr.put(`${BASE}/${id}`, { data: item(token) });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('data.sites');
    const ev = await t.rt.db
      .selectFrom('audit_events')
      .select('changes')
      .where('record_id', '=', id)
      .where('action', '=', 'equipment_item.editors_changed')
      .executeTakeFirstOrThrow();
    const ids = [await t.userId(EMAILS.co_editor_other), await t.userId(EMAILS.co_editor_same)].sort();
    expect(ev.changes).toEqual({ editors: { before: [], after: ids } });
    // The co-editors are listed for readers, and the owner alone may change them.
    const list = (await fr.get(`${BASE}/${id}/editors`)).json();
    expect(list.items.map((p: { organisation_code: string }) => p.organisation_code).sort()).toEqual([
      'FR',
      'NL',
    ]);
    expect(list.abilities.editors).toBe(false);
    expect((await who.get('other_org')!.get(`${BASE}/${id}/editors`)).statusCode).toBe(404);
    // The record's audit trail follows the reading: the co-editor sees it, another administration not.
    const trail = async (c: TestClient) =>
      ((await c.get(`/api/v1/audit?recordId=${id}`)).json().items ?? []).length;
    expect(await trail(fr)).toBeGreaterThan(0);
    expect(await trail(who.get('other_org')!)).toBe(0);
  });

  it('TLP:RED: co-editors must be named recipients; narrowing to RED takes reading away from the others', async () => {
    const { id } = await entry();
    const owner = who.get('owner')!;
    const fr = await t.userId(EMAILS.co_editor_other);
    const red = await owner.post(`${BASE}/${id}/share`, {
      distribution: 'organisation',
      tlp: 'red',
      recipientIds: [await t.userId(EMAILS.co_editor_same)],
    });
    expect(red.statusCode, red.body).toBe(200);
    expect((await who.get('co_editor_other')!.get(`${BASE}/${id}`)).statusCode).toBe(404);
    expect((await who.get('co_editor_same')!.get(`${BASE}/${id}`)).statusCode).toBe(200);
    const named = await owner.put(`${BASE}/${id}/editors`, { userIds: [fr] });
    expect(named.statusCode).toBe(400);
    expect(named.json().detail).toMatch(/named recipient/);
  });

  it('co-editors hear of corrections; the Commission cannot be named (read-only)', async () => {
    const { id, token } = await entry();
    const owner = who.get('owner')!;
    await t.rt.outbox.drain();
    expect((await owner.put(`${BASE}/${id}`, { data: { ...item(token), quantity: 5 } })).statusCode).toBe(
      200,
    );
    await t.rt.outbox.drain();
    const notes = (await who.get('co_editor_other')!.get('/api/v1/notifications?limit=200')).json().items;
    expect(notes.some((x: { record_id: string }) => x.record_id === id)).toBe(true);
    const obs = await owner.put(`${BASE}/${id}/editors`, { userIds: [await t.userId(EMAILS.observer)] });
    expect(obs.statusCode).toBe(400);
  });

  it('announcements: a co-editor of another administration corrects the text, never the marking', async () => {
    const ANN = '/api/v1/registry/announcement';
    const author = await t.as('nl.analyst@demo.eucab.eu');
    const a = await author.post(ANN, {
      data: { title: 'To be translated', body: 'Original text.', network: 'risk-management' },
      marking: { distribution: 'organisation', tlp: 'amber' },
    });
    expect(a.statusCode, a.body).toBe(201);
    const id = a.json().id;
    const fr = who.get('co_editor_other')!;
    expect((await fr.get(`${ANN}/${id}`)).statusCode).toBe(404);
    const put = await author.put(`${ANN}/${id}/editors`, {
      userIds: [await t.userId(EMAILS.co_editor_other)],
    });
    expect(put.statusCode, put.body).toBe(200);
    const read = await fr.get(`${ANN}/${id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().abilities).toMatchObject({
      update: true,
      share: false,
      retract: false,
      editors: false,
    });
    const listed = (await fr.get(`${ANN}?q=translated`)).json().items;
    expect(listed.map((x: { id: string }) => x.id)).toContain(id);
    const corrected = await fr.put(`${ANN}/${id}`, {
      data: { title: 'To be translated', body: 'Texte traduit.', network: 'risk-management' },
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect((await fr.post(`${ANN}/${id}/share`, { distribution: 'eucab', tlp: 'green' })).statusCode).toBe(
      403,
    );
    expect((await fr.post(`${ANN}/${id}/retract`, { note: 'Not mine to retract.' })).statusCode).toBe(403);
    expect((await fr.put(`${ANN}/${id}/editors`, { userIds: [] })).statusCode).toBe(403);
    expect((await who.get('other_org')!.get(`${ANN}/${id}`)).statusCode).toBe(404);
  });
});

describe('named organisations', () => {
  it('validates the organisations: at least one besides the owner, existing ones, only with that distribution', async () => {
    const owner = who.get('owner')!;
    const org = async (code: string) =>
      (
        await t.rt.db
          .selectFrom('organisations')
          .select('id')
          .where('code', '=', code)
          .executeTakeFirstOrThrow()
      ).id;
    const nl = await org('NL');
    const body = (marking: Record<string, unknown>) => ({ data: item(`v${n++}`), marking });
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ distribution: 'organisations', tlp: 'amber' }, /at least one organisation/],
      [{ distribution: 'organisations', tlp: 'amber', organisationIds: [nl] }, /at least one organisation/],
      [
        {
          distribution: 'organisations',
          tlp: 'amber',
          organisationIds: ['00000000-0000-4000-8000-000000000000'],
        },
        /No such organisation: 00000000-0000-4000-8000-000000000000/,
      ],
      [{ distribution: 'eucab', tlp: 'green', organisationIds: [await org('FR')] }, /named organisations/],
      [{ distribution: 'public', tlp: 'amber', organisationIds: [await org('FR')] }, /Public distribution/],
    ];
    const before = await t.rt.db
      .selectFrom('registry_records')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    for (const [marking, why] of cases) {
      const res = await owner.post(BASE, body(marking));
      expect(res.statusCode, JSON.stringify(marking)).toBe(400);
      expect(res.json().detail).toMatch(why);
    }
    const after = await t.rt.db
      .selectFrom('registry_records')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toEqual(before.n);
  });

  it('share changes the named organisations, audited with both lists; the audit trail follows the reading', async () => {
    const owner = who.get('owner')!;
    const org = async (code: string) =>
      (
        await t.rt.db
          .selectFrom('organisations')
          .select('id')
          .where('code', '=', code)
          .executeTakeFirstOrThrow()
      ).id;
    const res = await owner.post(BASE, {
      data: item(`share${n++}`),
      marking: { distribution: 'organisations', tlp: 'amber', organisationIds: [await org('FR')] },
      publish: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    const be = who.get('other_org')!;
    const fr = who.get('co_editor_other')!;
    expect((await fr.get(`${BASE}/${id}`)).statusCode).toBe(200);
    expect((await be.get(`${BASE}/${id}`)).statusCode).toBe(404);
    const share = await owner.post(`${BASE}/${id}/share`, {
      distribution: 'organisations',
      tlp: 'amber',
      organisationIds: [await org('BE'), await org('NL')],
    });
    expect(share.statusCode, share.body).toBe(200);
    expect((await fr.get(`${BASE}/${id}`)).statusCode).toBe(404);
    expect((await be.get(`${BASE}/${id}`)).statusCode).toBe(200);
    const ev = await t.rt.db
      .selectFrom('audit_events')
      .select('changes')
      .where('record_id', '=', id)
      .where('action', '=', 'equipment_item.shared')
      .executeTakeFirstOrThrow();
    expect(ev.changes).toMatchObject({ organisations: { before: ['FR'], after: ['BE'] } });
    // The audit trail of the record: the named organisation sees it, the one dropped no longer does.
    const trail = async (c: TestClient) =>
      ((await c.get(`/api/v1/audit?recordId=${id}`)).json().items ?? []).length;
    expect(await trail(be)).toBeGreaterThan(0);
    expect(await trail(fr)).toBe(0);
  });
});
