import { readFileSync } from 'node:fs';
import { XmlDocument, XsdValidator } from 'libxml2-wasm';
import { xmlRegisterFsInputProviders } from 'libxml2-wasm/lib/nodejs.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { donorFile } from '../../src/modules/third-countries/iati-test-files.ts';
import { seedThirdCountriesDemo } from '../../src/seed/third-countries-demo.ts';
import { type BrowserEnv, expectAccessible, signIn, startEnv } from './helpers.ts';

/**
 * Cooperation with third countries as people use it (issue 16, Done when): import an IATI file of
 * 20 activities, keep the 12 of the customs sectors → they appear on the world map and in the
 * overlap finder → edit one and export the selection as IATI XML that validates against the XSD.
 * Axe clean, in English, French and German.
 */
const XSD = new URL('../../../shared/data/schemas/iati-2.03/iati-activities-schema.xsd', import.meta.url)
  .pathname;
let env: BrowserEnv;

beforeAll(async () => {
  env = await startEnv();
  await seedThirdCountriesDemo(env.t.rt);
}, 300_000);
afterAll(async () => {
  await env?.close();
});

describe('third countries', () => {
  it("the Dutch NCP sets the administration's IATI organisation identifier on its page; another NCP cannot", async () => {
    const nl = await env.t.rt.db
      .selectFrom('organisations')
      .select('id')
      .where('code', '=', 'NL')
      .executeTakeFirstOrThrow();
    const other = await env.page();
    await signIn(other, env.t, 'be.ncp@demo.eucab.eu');
    await other.goto(`/organisations/${nl.id}`);
    await other.getByRole('heading', { level: 1 }).waitFor();
    expect(await other.getByLabel('IATI organisation identifier').count()).toBe(0);

    const page = await env.page();
    await signIn(page, env.t, 'nl.ncp@demo.eucab.eu');
    await page.goto(`/organisations/${nl.id}`);
    await page.getByLabel('IATI organisation identifier').fill('not an identifier');
    await page.getByRole('button', { name: 'Save the IATI identifier' }).click();
    await page.getByText('use an IATI organisation identifier such as NL-KVK-27378529').first().waitFor();
    await page.getByLabel('IATI organisation identifier').fill('NL-KVK-27378529');
    await page.getByRole('button', { name: 'Save the IATI identifier' }).click();
    await page.getByText('The IATI organisation identifier was saved.').waitFor();
    await expectAccessible(page, 'organisation-iati');
    const row = await env.t.rt.db
      .selectFrom('organisations')
      .select('iati_org_id')
      .where('id', '=', nl.id)
      .executeTakeFirstOrThrow();
    expect(row.iati_org_id).toBe('NL-KVK-27378529');
  }, 180_000);

  it('IATI import of 20 activities, 12 kept by sector → world map and overlap finder → edit one → IATI export valid against the XSD', async () => {
    const page = await env.page();
    await signIn(page, env.t, 'nl.expert@demo.eucab.eu');
    await page.goto('/third-countries');
    await page.getByRole('heading', { name: 'Cooperation with third countries', level: 1 }).waitFor();
    await expectAccessible(page, 'third-countries');

    // 1. Import a donor's file, keeping the customs sectors.
    await page.getByLabel('IATI file (XML)').setInputFiles({
      name: 'donor.xml',
      mimeType: 'application/xml',
      buffer: Buffer.from(donorFile(20)),
    });
    await page.getByLabel(/^Sectors \(OECD-DAC\)/).fill('33120, 15114');
    await page.getByRole('checkbox', { name: 'Risk management' }).check();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page
      .getByText('IATI 2.03: 20 activities read, 12 passed the filters, 12 added as drafts, 0 skipped.')
      .waitFor({ timeout: 60_000 });
    await page.getByText(/Not taken over \(12 activities\)/).waitFor();
    await expectAccessible(page, 'third-countries-import-report');

    // 2. The world map and the overlap finder show them (the page reloads its views).
    await page.reload();
    await page.getByRole('heading', { name: 'Projects per recipient country' }).waitFor();
    await page.getByRole('img', { name: /World map of the recipient countries/ }).waitFor();
    const serbia = page.getByRole('row', { name: /^Serbia/ });
    await serbia.waitFor();
    await page
      .getByText(/Both (DE and NL|NL and DE) work in Serbia on Risk management/)
      .first()
      .waitFor();

    // 3. Edit one imported project: it is only planned.
    const first = await env.t.rt.db
      .selectFrom('registry_records')
      .select('id')
      .where('kind', '=', 'cooperation_project')
      .where('title', 'like', 'Customs modernisation programme 1 %')
      .executeTakeFirstOrThrow();
    await page.goto(`/registry/cooperation_project/${first.id}/edit`);
    await page.getByLabel(/^Project status/).selectOption({ label: 'Planned' });
    await page.getByRole('button', { name: /^Save/ }).first().click();
    await page.getByRole('heading', { name: /Customs modernisation programme 1 /, level: 1 }).waitFor();

    // 4. Export the imported projects: a valid IATI 2.03 file.
    await page.goto('/third-countries');
    await page.getByRole('heading', { name: 'Export as IATI XML' }).waitFor();
    await page.getByLabel(/^Theme/).selectOption({ label: 'Risk management' });
    await page.getByLabel(/^Member State/).selectOption('NL');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export the filtered projects' }).click(),
    ]);
    const xml = Buffer.concat(await (await download.createReadStream()).toArray()).toString('utf8');
    // The 12 imported drafts and the Dutch demo project on risk management.
    await page.getByText('13 activities exported.').waitFor();
    expect(xml.match(/<iati-activity /g)).toHaveLength(13);
    expect(xml).toContain('<narrative xml:lang="fr">Programme de modernisation douanière 1</narrative>');
    const edited = xml.split('<iati-activity ').find((a) => a.includes('XM-EXAMPLE-DONOR-ACT-001<'))!;
    expect(edited).toContain('<activity-status code="2"/>');
    xmlRegisterFsInputProviders();
    const validator = XsdValidator.fromDoc(XmlDocument.fromBuffer(readFileSync(XSD), { url: XSD }));
    const doc = XmlDocument.fromString(xml);
    expect(() => validator.validate(doc)).not.toThrow();
    doc.dispose();
    validator.dispose();

    // 5. In French and German.
    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('heading', { name: 'Coopération avec les pays tiers', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Recoupements et synergies' }).waitFor();
    await expectAccessible(page, 'third-countries-fr');
    await page.getByLabel('Langue').selectOption('de');
    await page.getByRole('heading', { name: 'Zusammenarbeit mit Drittländern', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Überschneidungen und Synergien' }).waitFor();
    await expectAccessible(page, 'third-countries-de');
    await page.getByLabel('Sprache').selectOption('en');
  });
});
