import { readFileSync } from 'node:fs';
import { XmlDocument, XsdValidator } from 'libxml2-wasm';
import { xmlRegisterFsInputProviders } from 'libxml2-wasm/lib/nodejs.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { donorFile } from './iati-test-files.ts';

/**
 * Cooperation with third countries through the API: each administration's IATI organisation
 * identifier (its NCP), the IATI export validated against the shipped XSD (2.03), the IATI import
 * as a job (filters, drafts, the report of what was not mapped; 1.x, malformed XML and a DOCTYPE
 * refused), the world map, the timeline and the overlap finder.
 */
const XSD = new URL('../../../../shared/data/schemas/iati-2.03/iati-activities-schema.xsd', import.meta.url)
  .pathname;
let t: TestApp;
let nlNcp: TestClient;
let nl: TestClient;
let de: TestClient;
let validator: XsdValidator;

function validate(xml: string): string[] {
  const doc = XmlDocument.fromString(xml);
  try {
    validator.validate(doc);
    return [];
  } catch (e) {
    return ((e as { details?: { message: string }[] }).details ?? [{ message: String(e) }]).map(
      (d) => d.message,
    );
  } finally {
    doc.dispose();
  }
}

function multipart(file: { name: string; content: string }, fields: Record<string, string>) {
  const boundary = '----eucabiati';
  let body = '';
  for (const [k, v] of Object.entries(fields))
    body += `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`;
  body += `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/xml\r\n\r\n${file.content}\r\n--${boundary}--\r\n`;
  return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function importFile(c: TestClient, content: string, fields: Record<string, string>) {
  const res = await c.request({
    method: 'POST',
    url: '/api/v1/third-countries/iati-import',
    ...multipart({ name: 'donor.xml', content }, fields),
  });
  expect(res.statusCode, res.body).toBe(202);
  await t.waitForJob(res.json().jobId, 60_000);
  return (await c.get(`/api/v1/jobs/${res.json().jobId}`)).json();
}

const orgId = async (code: string) =>
  (await t.rt.db.selectFrom('organisations').select('id').where('code', '=', code).executeTakeFirstOrThrow())
    .id;

beforeAll(async () => {
  xmlRegisterFsInputProviders();
  validator = XsdValidator.fromDoc(XmlDocument.fromBuffer(readFileSync(XSD), { url: XSD }));
  t = await createTestApp();
  nlNcp = await t.as('nl.ncp@demo.eucab.eu');
  nl = await t.as('nl.expert@demo.eucab.eu');
  de = await t.as('de.expert@demo.eucab.eu');
}, 120_000);
afterAll(async () => {
  validator?.dispose();
  await t?.close();
});

describe('the IATI organisation identifier of an administration', () => {
  it('is set by its NCP only: the ladder, a bad identifier, one organisation per identifier', async () => {
    const nlId = await orgId('NL');
    const url = `/api/v1/organisations/${nlId}/iati-identifier`;
    const put = (c: TestClient, iatiOrgId: string | null) =>
      c.request({ method: 'PUT', url, payload: { iatiOrgId } });
    expect(
      (await t.client().request({ method: 'PUT', url, payload: { iatiOrgId: 'NL-KVK-1' } })).statusCode,
    ).toBe(401);
    expect((await put(nlNcp, 'not an identifier')).statusCode).toBe(400);
    expect((await put(nl, 'NL-KVK-27378529')).statusCode).toBe(403);
    expect((await put(await t.as('de.ncp@demo.eucab.eu'), 'NL-KVK-27378529')).statusCode).toBe(403);
    const ok = await put(nlNcp, 'NL-KVK-27378529');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ id: nlId, iatiOrgId: 'NL-KVK-27378529' });
    const dup = await (await t.as('de.ncp@demo.eucab.eu')).request({
      method: 'PUT',
      url: `/api/v1/organisations/${await orgId('DE')}/iati-identifier`,
      payload: { iatiOrgId: 'NL-KVK-27378529' },
    });
    expect(dup.statusCode).toBe(409);
    const org = (await nl.get(`/api/v1/organisations/${nlId}`)).json();
    expect(org).toMatchObject({ iati_org_id: 'NL-KVK-27378529', abilities: { setIatiIdentifier: false } });
  });
});

describe('IATI import, views and export', () => {
  let imported: { id: string; identifier: string; title: string }[] = [];

  it('imports the customs activities of a donor file as drafts, with a report of what was not mapped', async () => {
    const anonymous = await t.client().request({
      method: 'POST',
      url: '/api/v1/third-countries/iati-import',
      ...multipart({ name: 'donor.xml', content: donorFile(2) }, { themes: 'risk' }),
    });
    expect(anonymous.statusCode).toBe(401);
    const observer = await t.as('observer@demo.eucab.eu');
    const refused = await observer.request({
      method: 'POST',
      url: '/api/v1/third-countries/iati-import',
      ...multipart({ name: 'donor.xml', content: donorFile(2) }, { themes: 'risk' }),
    });
    expect(refused.statusCode).toBe(403);
    const noTheme = await nl.request({
      method: 'POST',
      url: '/api/v1/third-countries/iati-import',
      ...multipart({ name: 'donor.xml', content: donorFile(2) }, { themes: '' }),
    });
    expect(noTheme.statusCode).toBe(400);
    expect(noTheme.json().errors[0]).toMatchObject({ field: 'themes' });

    const job = await importFile(nl, donorFile(20), {
      sectors: '33120,15114',
      themes: 'risk,third_countries',
    });
    expect(job.state, JSON.stringify(job)).toBe('succeeded');
    const report = job.result;
    expect(report).toMatchObject({ version: '2.03', activities: 20, matched: 12, skipped: [] });
    imported = report.created;
    expect(imported).toHaveLength(12);
    const notMapped = report.notMapped[0].items as string[];
    expect(notMapped).toEqual(
      expect.arrayContaining([
        '2 transaction(s) (the platform keeps the budget only)',
        'title in language “ru” (not a language of the platform)',
        'sector 331 of vocabulary 2 (only OECD-DAC purpose codes are kept)',
        'description of type 2 (only the general description, type 1, is kept)',
        'participating organisation “Example Donor Agency” (XM-EXAMPLE-DONOR): not on the platform — add it as an external organisation and name it in the project',
      ]),
    );
    const record = (await nl.get(`/api/v1/registry/cooperation_project/${imported[0]!.id}`)).json();
    expect(record.status).toBe('draft');
    expect(record.data).toMatchObject({
      iati_identifier: 'XM-EXAMPLE-DONOR-ACT-001',
      title: {
        en: 'Customs modernisation programme 1 & partners',
        fr: 'Programme de modernisation douanière 1',
      },
      description: {
        en: 'Border management, risk-based controls and revenue collection in RS.',
        de: 'Programm 1 in RS.',
      },
      seed_status: 'existing',
      activity_status: '2',
      sectors: ['33120', '33110'],
      themes: ['risk', 'third_countries'],
      planned_start: '2024-01-15',
      actual_start: '2024-02-01',
      planned_end: '2026-12-31',
      budget: { amount: 150000, currency: 'EUR' },
      results: { en: 'Clearance times reduced', fr: 'Délais de dédouanement réduits' },
    });
    // Drafts are the importer's: another administration does not read them.
    expect((await de.get(`/api/v1/registry/cooperation_project/${imported[0]!.id}`)).statusCode).toBe(404);

    // Run again: nothing is added twice.
    const again = await importFile(nl, donorFile(20), { sectors: '33120,15114', themes: 'risk' });
    expect(again.result.created).toEqual([]);
    expect(again.result.skipped).toHaveLength(12);
    // A 3-digit category matches its purpose codes; every activity has 33110, so all 20 pass it.
    const category = await importFile(nl, donorFile(20), { sectors: '331', countries: 'RS', themes: 'risk' });
    expect(category.result.matched).toBe(3); // RS first in activities 1 and 17, second in 12
    expect(again.result.skipped[0].reason).toMatch(/already has a project with this IATI identifier/);
  });

  it('refuses version 1 files, malformed XML and a DOCTYPE with a clear message', async () => {
    const v1 = await importFile(nl, donorFile(1, '1.05'), { themes: 'risk' });
    expect(v1.state).toBe('failed');
    expect(v1.error).toMatch(/IATI version 1\.05\. Version 1 files are not read/);
    const broken = await importFile(nl, donorFile(2).replace('</title>', ''), { themes: 'risk' });
    expect(broken.state).toBe('failed');
    expect(broken.error).toMatch(/not well-formed XML/);
    expect(broken.errors[0].line).toBeGreaterThan(1);
    const entities = await importFile(
      nl,
      `<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>\n<iati-activities version="2.03"><iati-activity><iati-identifier>&b;</iati-identifier></iati-activity></iati-activities>`,
      { themes: 'risk' },
    );
    expect(entities.state).toBe('failed');
    expect(entities.error).toMatch(/DOCTYPE/);
    const organisationFile = await importFile(nl, '<iati-organisations version="2.03"/>', { themes: 'risk' });
    expect(organisationFile.error).toMatch(/organisation file/);
  });

  it('shows the projects on the world map, the timeline and in the overlap finder', async () => {
    // Another administration's published project in Serbia on a shared theme and period.
    const created = await de.post('/api/v1/registry/cooperation_project', {
      data: {
        title: { en: 'Risk analysis at the Serbian border', de: 'Risikoanalyse an der serbischen Grenze' },
        description: { en: 'Joint risk profiles with the Serbian customs.' },
        seed_status: 'existing',
        recipients: [{ country: 'RS' }],
        themes: ['risk'],
        planned_start: '2024-06-01',
        planned_end: '2025-12-31',
        budget: { amount: 300000, currency: 'EUR' },
      },
      publish: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    const map = (await nl.get('/api/v1/third-countries/map')).json();
    const rs = map.countries.find((c: { country: string }) => c.country === 'RS');
    expect(rs.count).toBeGreaterThanOrEqual(2);
    expect(rs.budget.EUR).toBeGreaterThan(300000);
    const filtered = (await nl.get('/api/v1/third-countries/map?owner=DE')).json();
    expect(filtered.countries).toEqual([{ country: 'RS', count: 1, budget: { EUR: 300000 } }]);
    expect((await nl.get('/api/v1/third-countries/map?sector=123')).statusCode).toBe(400);
    expect((await t.client().get('/api/v1/third-countries/map')).statusCode).toBe(401);

    const timeline = (await nl.get('/api/v1/third-countries/timeline')).json();
    expect(timeline.groups.length).toBeGreaterThan(1);

    const found = (await nl.get('/api/v1/third-countries/overlaps?country=RS')).json();
    const pair = found.overlaps.find((o: { projects: { id: string }[] }) =>
      o.projects.some((p) => p.id === created.json().id),
    );
    expect(pair).toMatchObject({
      country: 'RS',
      themes: ['risk'],
      reason: { key: 'thirdCountries.overlap.reason' },
    });
    expect(pair.projects.map((p: { owner: string }) => p.owner).sort()).toEqual(['DE', 'NL']);
    // The German expert does not read the Dutch drafts: no overlap for them.
    const forDe = (await de.get('/api/v1/third-countries/overlaps?country=RS')).json();
    expect(forDe.overlaps).toEqual([]);

    const need = await de.post('/api/v1/registry/support_need', {
      data: {
        title: 'Laboratory for customs in Uzbekistan',
        country: 'UZ',
        themes: ['innovation'],
        description: 'A customs laboratory for tariff classification.',
        priority: 'medium',
        need_status: 'open',
      },
      publish: true,
    });
    expect(need.statusCode, need.body).toBe(201);
    const unmet = (await de.get('/api/v1/third-countries/overlaps')).json().unmetNeeds;
    expect(unmet).toEqual([
      expect.objectContaining({
        id: need.json().id,
        reason: { key: 'thirdCountries.need.reasonNone', params: { place: 'UZ' } },
      }),
    ]);
  });

  it('exports a selection as IATI XML that validates against the XSD; refuses without an identifier', async () => {
    const deProject = (await de.get('/api/v1/registry/cooperation_project?owner=DE')).json().items[0];
    const refused = await de.request({
      method: 'POST',
      url: '/api/v1/third-countries/iati-export',
      payload: { ids: [deProject.id] },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toMatch(/has none yet\. Its NCP sets it under Organisations/);

    // Edit one imported project, then export the selection.
    const first = imported[0]!.id;
    const current = (await nl.get(`/api/v1/registry/cooperation_project/${first}`)).json();
    const edited = await nl.request({
      method: 'PUT',
      url: `/api/v1/registry/cooperation_project/${first}`,
      payload: {
        data: { ...current.data, seed_status: 'planned', activity_status: null },
      },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const ids = imported.slice(0, 5).map((p) => p.id);
    const res = await nl.request({
      method: 'POST',
      url: '/api/v1/third-countries/iati-export',
      payload: { ids },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/xml/);
    const xml = res.body;
    expect(validate(xml)).toEqual([]);
    expect(xml.match(/<iati-activity /g)).toHaveLength(5);
    expect(xml).toContain('<reporting-org ref="NL-KVK-27378529" type="10">');
    expect(xml).toContain('<narrative xml:lang="fr">Programme de modernisation douanière 1</narrative>');
    expect(xml).toContain(
      '<narrative xml:lang="en">Customs modernisation programme 1 &amp; partners</narrative>',
    );
    // The edited project: planned → IATI status 1.
    const editedActivity = xml.split('<iati-activity ').find((a) => a.includes('XM-EXAMPLE-DONOR-ACT-001'))!;
    expect(editedActivity).toContain('<activity-status code="1"/>');
    expect(editedActivity).toContain('<sector vocabulary="1" code="33120"/>');
    expect(editedActivity).toContain('<tag vocabulary="99" code="risk">');
    // A broken document does not validate: the validator is real.
    expect(validate(xml.replace('<activity-status code="1"/>', ''))).not.toEqual([]);
  });
});
