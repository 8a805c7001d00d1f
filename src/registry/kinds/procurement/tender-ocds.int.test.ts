import { readFileSync } from 'node:fs';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../testing/test-app.ts';

/** The OCDS export validates against the official OCDS 1.1.5 release-package schema (JSON Schema draft 4). */
const SCHEMAS = new URL('../../../../../shared/data/schemas/ocds-1.1.5/', import.meta.url);
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { OCDS_OCID_PREFIX: 'ocds-test01' } });
});
afterAll(async () => t?.close());

it('exports published tenders as a valid OCDS release package, only to readers', async () => {
  const de = await t.as('de.expert@demo.eucab.eu');
  const base = {
    cpv_codes: ['38582000-7', '38581000-0'],
    category: 'nii',
    procedure_type: 'restricted',
    status: 'open',
  };
  await de.post('/api/v1/registry/tender', {
    publish: true,
    data: {
      ...base,
      reference: 'DE-OCDS-1',
      title: 'Relocatable scanners',
      description: 'Two lots.',
      lots: 2,
      estimated_value: { amount: 3_000_000, currency: 'EUR' },
      publication_date: '2026-12-01',
      submission_deadline: '2027-02-15',
      notice_url: 'https://ted.europa.eu/notice/123',
    },
  });
  await de.post('/api/v1/registry/tender', {
    publish: true,
    data: { ...base, reference: 'DE-OCDS-2', title: 'Internal only', status: 'planned' },
    marking: { distribution: 'organisation', tlp: 'amber' },
  });
  await de.post('/api/v1/registry/tender', { data: { ...base, reference: 'DE-OCDS-3', title: 'Draft' } });

  const fr = await t.as('fr.expert@demo.eucab.eu');
  const res = await fr.get('/api/v1/registry/tender/ocds');
  expect(res.statusCode).toBe(200);
  const pkg = res.json();
  expect(pkg.releases.map((r: { tender: { id: string } }) => r.tender.id)).toEqual(['DE-OCDS-1']);
  expect(pkg.releases[0].ocid).toMatch(/^ocds-test01-/);
  expect(pkg.releases[0].tender).toMatchObject({
    status: 'active',
    procurementMethod: 'selective',
    value: { amount: 3_000_000, currency: 'EUR' },
  });

  const ajv = new Ajv.default({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema(JSON.parse(readFileSync(new URL('release-schema.json', SCHEMAS), 'utf8')));
  const validate = ajv.compile(
    JSON.parse(readFileSync(new URL('release-package-schema.json', SCHEMAS), 'utf8')),
  );
  const ok = validate(pkg);
  expect(validate.errors ?? []).toEqual([]);
  expect(ok).toBe(true);

  const own = (await de.get('/api/v1/registry/tender/ocds')).json();
  expect(own.releases).toHaveLength(2);
  expect(validate(own)).toBe(true);
  expect((await t.client().get('/api/v1/registry/tender/ocds')).statusCode).toBe(401);
});
