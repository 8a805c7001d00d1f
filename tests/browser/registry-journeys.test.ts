import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserEnv, expectAccessible, poll, signIn, startEnv } from './helpers.ts';

/**
 * Registry journeys through the web app generated from the kind definitions: the form, the import
 * wizard, the workflow (four-eyes), interest in joint procurement with its notification, search.
 */
let env: BrowserEnv;
let modelId = '';
const db = () => env.t.rt.db;
const HEADER = ['inventory_ref', 'model', 'category', 'quantity', 'year_acquired', 'country', 'notes'];

beforeAll(async () => {
  env = await startEnv();
  const de = await env.t.as('de.expert@demo.eucab.eu');
  const res = await de.post('/api/v1/registry/equipment_model', {
    data: { manufacturer: 'Smiths', model: 'HCV-M', category: 'nii', technology: 'xray_high' },
    publish: true,
  });
  expect(res.statusCode, res.body).toBe(201);
  modelId = res.json().id;
});
afterAll(async () => {
  await env?.close();
});

async function count(kind: string) {
  return (
    await db()
      .selectFrom('registry_records')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('kind', '=', kind)
      .executeTakeFirstOrThrow()
  ).n;
}

async function xlsx(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('catalogue');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function itemRows(): (string | number)[][] {
  // Row 0 is the entry created through the form (same inventory reference: an update).
  return Array.from({ length: 200 }, (_, i) =>
    i === 0
      ? ['DE-FORM-1', modelId, 'nii', 5, 2020, 'DE', '']
      : [
          `DE-IMP-${String(i).padStart(3, '0')}`,
          modelId,
          'nii',
          1 + (i % 4),
          2010 + (i % 15),
          'DE',
          'Kattwyk quay scanner',
        ],
  );
}

async function listCount(page: Page, text: string) {
  await page.getByTestId('result-count').filter({ hasText: text }).waitFor();
}

describe('registry journeys', () => {
  it('catalogue: an entry through the form, an XLSX import with 3 bad rows refused whole, the corrected file updates without duplicates', async () => {
    const page = await env.page();
    await signIn(page, env.t, 'de.expert@demo.eucab.eu');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Registries' }).click();
    await page.getByRole('heading', { name: 'Registries', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Procurement' }).waitFor();
    await expectAccessible(page, 'registry-home');
    await page.getByRole('link', { name: 'Equipment catalogue' }).click();
    await page.getByRole('heading', { name: 'Equipment catalogue', level: 1 }).waitFor();
    await listCount(page, '0 records');
    await page.getByRole('link', { name: 'Coverage map' }).waitFor();
    await expectAccessible(page, 'registry-list-empty');

    // The form: client-side validation with the server's rules, an error summary that gets focus.
    await page.getByRole('link', { name: 'New Catalogue entry' }).click();
    await page.getByRole('heading', { name: 'New: Catalogue entry', level: 1 }).waitFor();
    await expectAccessible(page, 'registry-form');
    await page.getByLabel(/^Inventory reference/).fill('DE-FORM-1');
    await page.getByLabel(/^Quantity/).fill('0');
    await page.getByRole('button', { name: 'Save and publish' }).click();
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    await expect.poll(() => summary.evaluate((el) => el === document.activeElement)).toBe(true);
    await summary.getByText('Quantity: at least 1').waitFor();
    await summary.getByText('Model: Required').waitFor();
    expect(await page.locator('#field-quantity-err').textContent()).toBe('at least 1');
    await expectAccessible(page, 'registry-form-errors');
    expect(await count('equipment_item')).toBe(0);

    // A choice that has gone stale (a model no longer readable): the API's field error (problem+json,
    // path data.model) is shown next to the field and in the summary.
    const gone = '00000000-0000-4000-8000-00000000dead';
    await page.locator('#field-model').evaluate((el, id) => {
      (el as HTMLSelectElement).add(new Option('Withdrawn model', id));
    }, gone);
    await page.getByLabel(/^Model/).selectOption(gone);
    await page.getByLabel(/^Control purpose/).selectOption({ label: 'Non-intrusive inspection' });
    await page.getByLabel(/^Quantity/).fill('2');
    // No country to choose: a catalogue entry's country is its administration's (set by the server).
    expect(await page.getByLabel(/^Country/).count()).toBe(0);
    await page.getByRole('button', { name: 'Save and publish' }).click();
    await page
      .locator('#field-model-err')
      .filter({ hasText: 'No equipment model with this id that you may read.' })
      .waitFor();
    await summary.getByText('Model: No equipment model with this id that you may read.').waitFor();
    expect(await page.locator('#field-quantity-err').count()).toBe(0);
    expect(await count('equipment_item')).toBe(0);

    await page.getByLabel(/^Model/).selectOption({ label: 'HCV-M' });
    await page.getByRole('button', { name: 'Save and publish' }).click();
    await page.getByRole('heading', { name: 'DE-FORM-1', level: 1 }).waitFor();
    await page.locator('.marking-banner').getByText('TLP:AMBER').waitFor();
    await page.getByRole('link', { name: 'HCV-M' }).waitFor();
    await page.getByText('Non-intrusive inspection').first().waitFor();
    await expectAccessible(page, 'registry-detail');
    const created = await db()
      .selectFrom('registry_records')
      .select(['status', 'data'])
      .where('title', '=', 'DE-FORM-1')
      .executeTakeFirstOrThrow();
    expect(created.status).toBe('published');
    expect(created.data).toMatchObject({ quantity: 2, country: 'DE', model: modelId });

    // Import 200 rows with 3 bad ones: every problem reported, nothing written.
    await page.getByRole('link', { name: 'Equipment catalogue' }).click();
    await listCount(page, '1 record');
    await page.getByRole('link', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { name: 'Import: Equipment catalogue', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Download the template (CSV)' }).waitFor();
    await expectAccessible(page, 'registry-import-choose');
    const bad = itemRows();
    bad[10]![3] = 'lots';
    bad[50]![2] = 'teleport';
    bad[120]![5] = 'XX'; // not the importer's country
    await page.getByLabel('File (CSV, XLSX or JSON)').setInputFiles({
      name: 'catalogue-bad.xlsx',
      mimeType: 'application/octet-stream',
      buffer: await xlsx([HEADER, ...bad]),
    });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByRole('heading', { name: 'Check of catalogue-bad.xlsx' }).waitFor();
    expect(await page.getByTestId('problems').textContent()).toBe('3');
    const errorRows = page.getByRole('table', { name: 'Problems by line and column' }).locator('tbody tr');
    expect(await errorRows.count()).toBe(3);
    const cells = async (i: number) =>
      (await errorRows.nth(i).getByRole('cell').allTextContents()).map((c) => c.trim());
    expect(await cells(0)).toEqual(['12', 'quantity', '"lots" is not a number.']);
    expect((await cells(1)).slice(0, 2)).toEqual(['52', 'category']);
    expect((await cells(1))[2]).toMatch(/teleport/);
    expect((await cells(2)).slice(0, 2)).toEqual(['122', 'country']);
    expect((await cells(2))[2]).toMatch(/owning administration's \(DE\)/);
    expect(await page.getByRole('button', { name: /^Import \d+ record/ }).count()).toBe(0);
    await expectAccessible(page, 'registry-import-errors');
    expect(await count('equipment_item')).toBe(1);

    // The corrected file: 199 new, 1 update of the entry made through the form.
    await page.getByRole('button', { name: 'Choose a corrected file' }).click();
    await page.getByLabel('File (CSV, XLSX or JSON)').setInputFiles({
      name: 'catalogue.xlsx',
      mimeType: 'application/octet-stream',
      buffer: await xlsx([HEADER, ...itemRows()]),
    });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByRole('heading', { name: 'Check of catalogue.xlsx' }).waitFor();
    expect(await page.getByTestId('would-insert').textContent()).toBe('199');
    expect(await page.getByTestId('would-update').textContent()).toBe('1');
    expect(await page.getByTestId('problems').textContent()).toBe('0');
    await expectAccessible(page, 'registry-import-ok');
    await page.getByRole('button', { name: 'Import 200 records' }).click();
    await page.getByRole('heading', { name: 'Import finished' }).waitFor();
    expect(await page.getByTestId('import-result').textContent()).toBe('199 records created, 1 updated.');
    await expectAccessible(page, 'registry-import-done');
    expect(await count('equipment_item')).toBe(200);
    const form1 = await db()
      .selectFrom('registry_records')
      .select(['data', 'version'])
      .where('title', '=', 'DE-FORM-1')
      .executeTakeFirstOrThrow();
    expect(form1.data).toMatchObject({ quantity: 5 });
    expect(form1.version).toBe(2);

    // The list: server-side count, sorting by a column header, a facet filter, a saved filter.
    await page.getByRole('link', { name: 'Back to Equipment catalogue' }).click();
    await listCount(page, '200 records');
    const header = page.getByRole('columnheader', { name: /Inventory reference/ });
    await header.getByRole('button').click();
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending');
    await page.getByRole('link', { name: 'DE-FORM-1' }).waitFor();
    await page
      .getByLabel('Year acquired', { exact: true })
      .waitFor({ state: 'detached' })
      .catch(() => undefined);
    await page.getByLabel('Status', { exact: true }).selectOption('published');
    await listCount(page, '1 record');
    await page.getByText(/^Saved filters/).click();
    await page.getByLabel('Save the current filter as').fill('Published only');
    await page.getByRole('button', { name: 'Save filter' }).click();
    await page.getByRole('link', { name: 'Published only' }).waitFor();
    await expectAccessible(page, 'registry-list');
    await page.getByRole('button', { name: 'Clear all filters' }).click();
    await listCount(page, '200 records');
    await page.getByRole('link', { name: 'Published only' }).click();
    await listCount(page, '1 record');
    const exportHref = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
    expect(exportHref).toContain('status=published');
    const csv = await page.request.get(exportHref!);
    const text = await csv.text();
    expect(text).toContain('DE-FORM-1');
    expect(text).not.toContain('DE-IMP-');
  });

  it('tender: published through the form; another administration registers interest and the owner is notified', async () => {
    const page = await env.page();
    await signIn(page, env.t, 'de.expert@demo.eucab.eu');
    await page.goto('/registry/tender/new');
    await page.getByRole('heading', { name: 'New: Tender', level: 1 }).waitFor();
    await page.getByLabel(/^Reference/).fill('DE-2027-07');
    await page.getByLabel(/^Title/).fill('Relocatable container scanners (joint)');
    await page.getByRole('button', { name: 'Add: CPV code' }).click();
    await page.getByLabel('CPV code 1').fill('3858');
    await page.getByLabel(/^Equipment category/).selectOption({ label: 'Non-intrusive inspection' });
    await page.getByLabel(/^Procedure type/).selectOption({ label: 'Open' });
    await page.getByLabel(/^Status/).selectOption({ label: 'Planned' });
    await page.getByRole('button', { name: 'Save and publish' }).click();
    await page
      .locator('.error-summary')
      .getByText(/eight digits/)
      .waitFor();
    await page.getByLabel('CPV code 1').fill('38582000-7');
    await page.getByRole('button', { name: 'Save and publish' }).click();
    await page.getByRole('heading', { name: 'Relocatable container scanners (joint)', level: 1 }).waitFor();
    await page.getByText('Published', { exact: true }).first().waitFor();
    const tender = await db()
      .selectFrom('registry_records')
      .select(['id', 'status'])
      .where('kind', '=', 'tender')
      .where('title', '=', 'Relocatable container scanners (joint)')
      .executeTakeFirstOrThrow();
    expect(tender.status).toBe('published');
    // The owner is not offered "register interest" in their own tender.
    expect(await page.getByRole('button', { name: 'Register interest in joint procurement' }).count()).toBe(
      0,
    );

    const fr = await env.page();
    await signIn(fr, env.t, 'fr.expert@demo.eucab.eu');
    await fr.goto(`/registry/tender/${tender.id}`);
    await fr.getByRole('heading', { name: 'Relocatable container scanners (joint)', level: 1 }).waitFor();
    await expectAccessible(fr, 'registry-tender-other-administration');
    await fr.getByRole('button', { name: 'Register interest in joint procurement' }).click();
    await fr.getByText('Interest registered').first().waitFor();
    expect(await fr.getByRole('button', { name: 'Register interest in joint procurement' }).count()).toBe(0);
    const interest = await db()
      .selectFrom('registry_comments')
      .select('kind')
      .where('record_id', '=', tender.id)
      .execute();
    expect(interest.map((c) => c.kind)).toEqual(['interest']);
    // Alerts by CPV prefix.
    await fr.getByLabel('Alert me about').selectOption({ label: 'CPV codes' });
    await fr.getByLabel('Starting with').fill('3858');
    await fr.getByRole('button', { name: 'Set up alert' }).click();
    await fr.getByText('Alerts when CPV codes starts with “3858”').waitFor();
    const subs = await db()
      .selectFrom('registry_subscriptions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .select(['s.kind', 's.field', 's.prefix'])
      .where('u.email', '=', 'fr.expert@demo.eucab.eu')
      .execute();
    expect(subs).toEqual([{ kind: 'tender', field: 'cpv_codes', prefix: '3858' }]);

    await env.t.rt.outbox.drain();
    await page.goto('/notifications');
    await page.getByText('FR: Relocatable container scanners (joint)').waitFor();
    await page.getByRole('link', { name: 'FR: Relocatable container scanners (joint)' }).click();
    await page.getByRole('heading', { name: 'Relocatable container scanners (joint)', level: 1 }).waitFor();
    await page.getByText('Interest registered').first().waitFor();

    // Attachments: a refused type is explained; an accepted file is listed for download.
    const file = page.getByLabel('File to attach');
    await file.setInputFiles({
      name: 'tool.exe',
      mimeType: 'application/x-msdownload',
      buffer: Buffer.from('MZ'),
    });
    await page.getByRole('button', { name: 'Attach', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'are not accepted' }).waitFor();
    await file.setInputFiles({
      name: 'specs.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Lot 1: two scanners'),
    });
    await page.getByRole('button', { name: 'Attach', exact: true }).click();
    await page.getByRole('link', { name: 'specs.txt' }).waitFor();

    // A correction keeps every version; the history compares them field by field.
    await page.getByRole('link', { name: 'Correct' }).click();
    await page
      .getByRole('heading', { name: 'Correct Relocatable container scanners (joint)', level: 1 })
      .waitFor();
    await page.getByLabel(/^Lots/).fill('3');
    await page.getByLabel('What was corrected').fill('Three lots');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { name: 'Relocatable container scanners (joint)', level: 1 }).waitFor();
    await page.locator('.history-list strong').filter({ hasText: 'Version 2' }).waitFor();
    const diff = page.getByRole('table', { name: 'Differences between version 1 and version 2' });
    const lots = diff.getByRole('row', { name: /Lots/ });
    expect((await lots.getByRole('cell').allTextContents()).map((c) => c.trim())).toEqual(['—', '3']);
    await expectAccessible(page, 'registry-detail-history');
    const versions = await db()
      .selectFrom('registry_versions')
      .select(['version', 'note'])
      .where('record_id', '=', tender.id)
      .orderBy('version')
      .execute();
    expect(versions).toEqual([
      { version: 1, note: 'created' },
      { version: 2, note: 'Three lots' },
    ]);

    // Sharing (the owner's marking editor): TLP:CLEAR, public.
    await page.getByText('Change sharing').click();
    await page.getByRole('radio', { name: /TLP:CLEAR/ }).check();
    await page.getByLabel('Distribution').selectOption('public');
    await page.getByRole('button', { name: 'Save sharing' }).click();
    await page.locator('.marking-banner').getByText('TLP:CLEAR').waitFor();
    const marking = await db()
      .selectFrom('registry_records')
      .select(['tlp', 'distribution'])
      .where('id', '=', tender.id)
      .executeTakeFirstOrThrow();
    expect(marking).toEqual({ tlp: 'clear', distribution: 'public' });
  });

  it('requirement set: published only after a second person of the same administration approves', async () => {
    const page = await env.page();
    await signIn(page, env.t, 'de.expert@demo.eucab.eu');
    await page.goto('/registry/requirement_set');
    await page.getByRole('link', { name: 'New Requirement set' }).click();
    await page.getByRole('heading', { name: 'New: Requirement set', level: 1 }).waitFor();
    // Four-eyes kind: no "publish at once".
    expect(await page.getByRole('button', { name: 'Save and publish' }).count()).toBe(0);
    await page.getByLabel(/^Title/).fill('Relocatable X-ray minimum requirements');
    await page.getByLabel(/^Equipment category/).selectOption({ label: 'Non-intrusive inspection' });
    await page.getByLabel(/^Version/).fill('2027.1');
    await page.getByRole('button', { name: 'Add: Requirement' }).click();
    await page.locator('#field-requirements-0-req_id').fill('R1');
    await page.locator('#field-requirements-0-text').fill('Steel penetration of at least 300 mm');
    await page.locator('#field-requirements-0-kind').selectOption({ label: 'Performance' });
    await page.getByRole('button', { name: 'Save as draft' }).click();
    await page.getByRole('heading', { name: 'Relocatable X-ray minimum requirements', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Submit for approval' }).click();
    await page.getByTestId('four-eyes').waitFor();
    expect(await page.getByTestId('four-eyes').textContent()).toMatch(
      /another person of your administration/,
    );
    expect(await page.getByRole('button', { name: /publish/i }).count()).toBe(0);
    await expectAccessible(page, 'registry-four-eyes');
    const rec = await db()
      .selectFrom('registry_records')
      .select(['id', 'status'])
      .where('kind', '=', 'requirement_set')
      .executeTakeFirstOrThrow();
    expect(rec.status).toBe('submitted');
    // The API refuses the submitter's own publication too.
    const de = await env.t.as('de.expert@demo.eucab.eu');
    const refused = await de.post(`/api/v1/registry/requirement_set/${rec.id}/publish`, {});
    expect(refused.statusCode).toBe(403);

    const second = await env.page();
    await signIn(second, env.t, 'de.analyst@demo.eucab.eu');
    await second.goto(`/registry/requirement_set/${rec.id}`);
    await second.getByText('A colleague submitted this record').waitFor();
    await second.getByRole('button', { name: 'Approve and publish' }).click();
    await poll(
      async () =>
        (
          await db()
            .selectFrom('registry_records')
            .select('status')
            .where('id', '=', rec.id)
            .executeTakeFirstOrThrow()
        ).status,
    ).toBe('published');
    await second.getByRole('heading', { name: 'History' }).waitFor();
    await second.getByText('Published', { exact: true }).first().waitFor();

    // The approver may not retract (only the author or the NCP may: no button); the author retracts,
    // with the reason the record then shows.
    expect(await second.getByRole('button', { name: 'Retract' }).count()).toBe(0);
    await page.goto(`/registry/requirement_set/${rec.id}`);
    await page.getByRole('button', { name: 'Retract' }).click();
    await page.getByLabel('Why is the record retracted?').fill('Superseded by version 2027.2');
    await page.getByRole('button', { name: 'Retract the record' }).click();
    await page.getByText('Retracted: Superseded by version 2027.2').waitFor();
    const retracted = await db()
      .selectFrom('registry_records')
      .select(['status', 'status_note'])
      .where('id', '=', rec.id)
      .executeTakeFirstOrThrow();
    expect(retracted).toEqual({ status: 'retracted', status_note: 'Superseded by version 2027.2' });
  });

  it('search finds the records for an entitled user and none of them for a user without access', async () => {
    const de = await env.page();
    await signIn(de, env.t, 'de.analyst@demo.eucab.eu');
    await de.goto('/registry');
    await de.getByLabel('Search all registries').fill('Kattwyk');
    await de.getByRole('button', { name: 'Search', exact: true }).click();
    await de.getByRole('heading', { name: 'Results for “Kattwyk”' }).waitFor();
    await de.getByRole('heading', { name: 'Equipment catalogue', level: 3 }).waitFor();
    expect(await de.getByRole('link', { name: /^DE-IMP-/ }).count()).toBe(10);
    await de.getByRole('link', { name: 'All matching records in Equipment catalogue' }).waitFor();
    await expectAccessible(de, 'registry-search');

    const fr = await env.page();
    await signIn(fr, env.t, 'fr.expert@demo.eucab.eu');
    await fr.goto('/registry?q=Kattwyk');
    await fr.getByText('Nothing found that you may read.').waitFor();
    expect(await fr.getByRole('link', { name: /^DE-IMP-/ }).count()).toBe(0);

    // A read-only administration (the Commission observer) is offered neither New nor Import.
    const observer = await env.page();
    await signIn(observer, env.t, 'observer@demo.eucab.eu');
    await observer.goto('/registry/equipment_item');
    await observer.getByRole('heading', { name: 'Equipment catalogue', level: 1 }).waitFor();
    await observer
      .getByTestId('result-count')
      .filter({ hasText: /record/ })
      .waitFor();
    expect(await observer.getByRole('link', { name: 'New Catalogue entry' }).count()).toBe(0);
    expect(await observer.getByRole('link', { name: 'Import', exact: true }).count()).toBe(0);
  });

  it('in French the pages use the catalog’s words for kinds and fields and the code lists’ French labels', async () => {
    const page = await env.page();
    await signIn(page, env.t, 'at.expert@demo.eucab.eu');
    await page.getByLabel('Language').selectOption('fr');
    await page.goto('/registry/equipment_item');
    await page.getByRole('heading', { name: 'Catalogue des équipements', level: 1 }).waitFor();
    await page.getByRole('columnheader', { name: /Référence d'inventaire/ }).waitFor();
    await page.getByRole('link', { name: 'Nouveau : Entrée du catalogue' }).click();
    await page.getByRole('heading', { name: 'Nouveau : Entrée du catalogue', level: 1 }).waitFor();
    await page.getByLabel(/^Finalité du contrôle/).selectOption({ label: 'Inspection non intrusive' });
    await page.getByRole('button', { name: 'Enregistrer comme brouillon' }).click();
    await page.locator('.error-summary').getByText("Référence d'inventaire : Obligatoire").waitFor();
    expect(await page.locator('#field-inventory_ref-err').textContent()).toBe('Obligatoire');
    await expectAccessible(page, 'registry-form-fr');
  });
});
