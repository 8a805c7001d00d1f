import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedProcurementDemo } from '../../src/seed/procurement-demo.ts';
import { type BrowserEnv, expectAccessible, poll, signIn, startEnv } from './helpers.ts';

/** The registry's declared views: matrix, map, comparison, compliance (demo procurement data). */
let env: BrowserEnv;

beforeAll(async () => {
  env = await startEnv();
  await seedProcurementDemo(env.t.rt.db);
});
afterAll(async () => {
  await env?.close();
});

/** Tabs from the page heading until the focused element has this accessible name (at most `max` presses). */
async function tabTo(page: Page, name: string, max = 150): Promise<number> {
  await page.locator('#page-title').focus();
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    const label = await page.evaluate(
      () => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '',
    );
    if (label === name) return i;
  }
  throw new Error(`"${name}" not reached with ${max} Tab presses`);
}

describe('registry views', () => {
  it('matrix: Member State × category with sums, totals, a link per cell, reachable by keyboard', async () => {
    const page = await env.page();
    await signIn(page, env.t, 'fr.expert@demo.eucab.eu');
    await page.goto('/registry/equipment_item/views/matrix');
    await page.getByRole('heading', { name: 'Member State × category', level: 1 }).waitFor();
    const table = page.getByRole('table', { name: /Administrations × Control purpose/ });
    await table.waitFor();
    // France: 55 handheld search devices (demo data); the Netherlands: 6 non-intrusive inspection scanners.
    const france = table.getByRole('row', { name: /^France/ });
    await france.getByRole('link', { name: 'France, Handheld search: 55' }).waitFor();
    const nl = table.getByRole('link', { name: 'Netherlands, Non-intrusive inspection: 6' });
    await nl.waitFor();
    // Column total of NII: NL 6 + BE 4 + DE 5 + PL 8 = 23; grand total of all demo quantities 185.
    const foot = table.locator('tfoot tr');
    const headers = await table.locator('thead th').allTextContents();
    const nii = headers.indexOf('Non-intrusive inspection');
    expect(nii).toBeGreaterThan(0);
    expect((await foot.locator('th, td').nth(nii).textContent())?.trim()).toBe('23');
    expect((await foot.locator('td').last().textContent())?.trim()).toBe('185');
    // Every cell has the number printed (not colour alone), and an empty one reads 0.
    expect(
      (
        await table
          .getByRole('row', { name: /^Austria/ })
          .locator('td')
          .first()
          .textContent()
      )?.trim(),
    ).toBe('0');
    await expectAccessible(page, 'registry-matrix');

    // Keyboard: the cell is a link reached with Tab; Enter opens the list filtered to NL + NII.
    await tabTo(page, 'Netherlands, Non-intrusive inspection: 6');
    await page.keyboard.press('Enter');
    await poll(() => new URL(page.url()).search).toContain('owner=NL');
    expect(new URL(page.url()).searchParams.get('category')).toBe('nii');
    expect(new URL(page.url()).pathname).toBe('/registry/equipment_item');

    // A filter narrows the figures (border type "air": only the Spanish and French entries).
    await page.goto('/registry/equipment_item/views/matrix?border_types=air');
    await page.getByRole('link', { name: 'Spain, Handheld search: 40' }).waitFor();
    expect(await page.getByRole('link', { name: /^Netherlands,/ }).count()).toBe(0);
    expect(await page.getByLabel('Border types').inputValue()).toBe('air');

    // CSV export of the matrix.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the matrix (CSV)' }).click(),
    ]);
    const path = await download.path();
    const csv = (await import('node:fs')).readFileSync(path, 'utf8');
    expect(csv.split('\r\n')[0]).toContain('Handheld search');
    expect(csv).toContain('Spain (ES)');
    expect(csv).toMatch(/Spain \(ES\)(,\d+)*,40,/);
  });

  it('map: Member States coloured by quantity, named, focusable, with a table alternative', async () => {
    const page = await env.page();
    await signIn(page, env.t, 'de.expert@demo.eucab.eu');
    await page.goto('/registry/equipment_item/views/map');
    await page.getByRole('heading', { name: 'Coverage map', level: 1 }).waitFor();
    const france = page.getByRole('link', { name: 'France: Quantity 55' });
    await france.waitFor();
    // All 27 Member States are drawn, the small ones too (Malta, Luxembourg, Cyprus).
    expect(await page.locator('svg a.map-country').count()).toBe(27);
    for (const code of ['MT', 'LU', 'CY', 'EL'])
      expect(
        await page.locator(`svg a.map-country[data-code="${code}"] path`).getAttribute('d'),
      ).toBeTruthy();
    await page.getByRole('link', { name: 'Malta: no records' }).waitFor();
    await page.getByRole('link', { name: 'Greece: Quantity 3' }).waitFor();
    // Coloured by class: France (the maximum) darker than an empty country.
    const fill = (code: string) =>
      page.locator(`a.map-country[data-code="${code}"] path`).getAttribute('fill');
    expect(await fill('FR')).toBe('#253494');
    expect(await fill('AT')).toBe('url(#map-none)');
    // The same figures as a table.
    const table = page.getByRole('table', { name: /Figures by Member State/ });
    expect(
      (
        await table
          .getByRole('row', { name: /^Lithuania/ })
          .locator('td')
          .textContent()
      )?.trim(),
    ).toBe('30');
    await expectAccessible(page, 'registry-map');

    // Keyboard: Tab reaches Germany on the map; its figure shows in the tooltip.
    await tabTo(page, 'Germany: Quantity 5');
    await page.locator('.map-tooltip', { hasText: 'Germany' }).waitFor();
    expect(await page.locator('.map-tooltip').textContent()).toContain('Quantity 5');
    await page.keyboard.press('Escape');
    await page.locator('.map-tooltip').waitFor({ state: 'detached' });
    await page.keyboard.press('Enter');
    await poll(() => new URL(page.url()).searchParams.get('country')).toBe('DE');
  });

  it('users of a model: the catalogue entries referring to it, by administration, on the model page', async () => {
    const fr = await env.t.as('fr.expert@demo.eucab.eu');
    const models = (await fr.get('/api/v1/registry/equipment_model?limit=50')).json().items as {
      id: string;
      title: string;
    }[];
    const cx6 = models.find((m) => m.title === 'CX-6 relocatable')!.id;
    const page = await env.page();
    await signIn(page, env.t, 'fr.expert@demo.eucab.eu');
    await page.goto(`/registry/equipment_model/${cx6}`);
    const users = page.getByRole('table', {
      name: 'Equipment catalogue referring to this record, by administration',
    });
    await users.waitFor();
    // The Netherlands (6 scanners) and Belgium (4) use the CX-6; nobody else.
    const row = async (name: string) =>
      (
        await users
          .getByRole('row', { name: new RegExp(`^${name}`) })
          .locator('td')
          .allTextContents()
      ).map((x) => x.trim());
    expect(await row('Netherlands')).toEqual(['1', '6']);
    expect(await row('Belgium')).toEqual(['1', '4']);
    expect(await users.locator('tbody tr').count()).toBe(2);
    await users.getByRole('link', { name: 'Belgium' }).click();
    await poll(() => new URL(page.url()).searchParams.get('owner')).toBe('BE');
    expect(new URL(page.url()).searchParams.get('model')).toBe(cx6);
  });

  it("speaks the user's language: country names, code labels and figures in German", async () => {
    const page = await env.page();
    await signIn(page, env.t, 'lt.expert@demo.eucab.eu');
    await page.goto('/registry/equipment_item/views/map');
    await page.getByRole('link', { name: /^France: / }).waitFor();
    await page.getByLabel('Language').selectOption('de');
    await page.getByRole('link', { name: /^Deutschland: \D+ 5$/ }).waitFor();
    await page.getByRole('table', { name: /Zahlen nach Mitgliedstaat/ }).waitFor();
    await page.goto('/registry/equipment_item/views/matrix');
    const table = page.getByRole('table', { name: /^Verwaltungen × / });
    await table.getByRole('columnheader', { name: 'Nicht-intrusive Kontrolle' }).waitFor();
    await table.getByRole('link', { name: 'Niederlande, Nicht-intrusive Kontrolle: 6' }).waitFor();
    await expectAccessible(page, 'registry-matrix-de');
  });

  it('compare: two field tests recorded through the form, side by side in one unit, as a table and a chart; the choice is in the URL', async () => {
    // The Dutch expert records two field tests of the same category through the registry form.
    const nlPage = await env.page();
    await signIn(nlPage, env.t, 'nl.expert@demo.eucab.eu');
    const record = async (
      reference: string,
      title: string,
      penetration: string,
      unit: string,
      throughput: string,
    ) => {
      await nlPage.goto('/registry/field_test/new');
      await nlPage.getByLabel(/^Reference/).fill(reference);
      await nlPage.getByLabel(/^Title/).fill(title);
      await nlPage.getByLabel(/^Model/).selectOption({ label: 'CX-6 relocatable' });
      await nlPage.getByLabel(/^Equipment category/).selectOption({ label: 'Non-intrusive inspection' });
      await nlPage.getByLabel(/^Start/).fill('2026-09-01');
      await nlPage.getByLabel(/^Outcome/).selectOption({ label: 'Passed' });
      const add = nlPage.getByRole('button', { name: /^Add: / });
      for (const [i, [metric, value, u]] of [
        ['Steel penetration', penetration, unit],
        ['Throughput', throughput, 'per hour'],
      ].entries()) {
        await add.click();
        await nlPage.locator(`#field-metrics-${i}-metric`).selectOption({ label: metric! });
        await nlPage.locator(`#field-metrics-${i}-value`).fill(value!);
        await nlPage.locator(`#field-metrics-${i}-unit`).selectOption({ label: u! });
      }
      await nlPage.getByRole('button', { name: 'Save and publish' }).click();
      await nlPage.getByRole('heading', { name: title, level: 1 }).waitFor();
      return new URL(nlPage.url()).pathname.split('/').pop()!;
    };
    const a = await record('NL-VIEW-1', 'Rotterdam night trial', '305', 'mm', '22');
    const b = await record('NL-VIEW-2', 'Antwerp rail trial', '29', 'cm', '19');
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(b).toMatch(/^[0-9a-f-]{36}$/);

    const page = await env.page();
    await signIn(page, env.t, 'fr.expert@demo.eucab.eu');
    await page.goto('/registry/field_test/views/compare');
    await page.getByRole('heading', { name: 'Compare tests', level: 1 }).waitFor();
    await page.getByLabel('Equipment category').selectOption('nii');
    await page.getByLabel('Search', { exact: true }).fill('trial');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await poll(() => new URL(page.url()).searchParams.get('q')).toBe('trial');
    // The choice goes through the URL (a navigation): click, then wait for the box to be ticked.
    for (const name of [/Rotterdam night trial/, /Antwerp rail trial/]) {
      const box = page.getByRole('checkbox', { name });
      await box.click();
      await poll(() => box.isChecked()).toBe(true);
    }
    const table = page.getByRole('table', { name: '2 records side by side' });
    await table.waitFor();
    // The choice is shareable: both ids are in the URL.
    const ids = new URL(page.url()).searchParams.get('ids')?.split(',');
    expect(ids?.sort()).toEqual([a, b].sort());
    // Steel penetration in one unit: 29 cm shows as 290 mm.
    const row = table.getByRole('row', { name: /^Steel penetration \(mm\)/ });
    expect(await row.locator('td').nth(0).textContent()).toContain('305 mm');
    expect(await row.locator('td').nth(1).textContent()).toContain('290 mm');
    expect(await row.locator('td').nth(1).textContent()).toContain('recorded as 29 cm');
    // A chart per metric, with its values in words.
    const chart = page.getByRole('img', { name: /Steel penetration \(mm\)/ });
    await chart.waitFor();
    expect(await chart.getAttribute('aria-label')).toContain('Antwerp rail trial: 290');
    await poll(() => chart.locator('svg rect, svg path').count()).toBeGreaterThan(1);
    await expectAccessible(page, 'registry-compare');

    // Opening the shared address shows the same comparison.
    const other = await env.page();
    await signIn(other, env.t, 'de.expert@demo.eucab.eu');
    await other.goto(`/registry/field_test/views/compare?ids=${a},${b}`);
    await other.getByRole('table', { name: '2 records side by side' }).waitFor();
    // Removing one from the table leaves too few to compare (and updates the address).
    await other.getByRole('button', { name: 'Remove “Antwerp rail trial”' }).click();
    await other.getByText('Choose at least two records').waitFor();
    expect(new URL(other.url()).searchParams.get('ids')).toBe(a);
  });

  it('compliance: models and field tests against a requirement set, pass and fail in words', async () => {
    const page = await env.page();
    await signIn(page, env.t, 'pl.expert@demo.eucab.eu');
    await page.goto('/registry/requirement_set/views/compliance');
    await page.getByRole('heading', { name: 'Compliance of models and field tests', level: 1 }).waitFor();
    await page
      .getByLabel('Requirement set')
      .selectOption({ label: '[Demo] Cargo and vehicle scanners – minimum requirements (DE)' });
    const tests = page.getByRole('table', { name: /^Field tests against/ });
    await tests.waitFor();
    const cell = async (row: RegExp, col: number) =>
      (await tests.getByRole('row', { name: row }).locator('td').nth(col).textContent())?.trim();
    // P1: steel penetration at least 280 mm. The CX-6 trial measured 300 mm, the CX-2 trial 265 mm.
    expect(await cell(/Port trial of CX-6 relocatable/, 0)).toMatch(/^✓ Pass300 mm/);
    expect(await cell(/Port trial of CX-2 mobile/, 0)).toMatch(/^✗ Fail265 mm/);
    // S1: no dose rate given for a model → unknown; D1 cannot be measured.
    const models = page.getByRole('table', { name: /^Equipment models against/ });
    const cx6 = models.getByRole('row', { name: /CX-6 relocatable/ });
    expect(await cx6.locator('td').nth(2).textContent()).toContain('Unknown (no data)');
    expect(await cx6.locator('td').nth(3).textContent()).toContain('Not measurable');
    expect(await cx6.locator('td').last().textContent()).toBe('2 passed, 0 failed');
    await expectAccessible(page, 'registry-compliance');
  });
});
