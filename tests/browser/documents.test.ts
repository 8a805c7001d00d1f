import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePdf } from '../../src/core/document-text/sample-files.ts';
import { type BrowserEnv, expectAccessible, signIn, startEnv } from './helpers.ts';

/**
 * The document library and the directory as people use them: a coordinator uploads a PDF to the
 * procurement network's library; a member of the network finds it by a word inside the PDF and
 * previews it in the page; someone outside the network finds nothing; the directory shows the
 * details a person chose to show and not the others. Axe on every page, in EN, FR and DE.
 */
let env: BrowserEnv;
let documentId: string;

beforeAll(async () => {
  env = await startEnv();
  const de = await env.t.as('de.expert@demo.eucab.eu');
  const procurement = await env.t.rt.db
    .selectFrom('networks')
    .select('id')
    .where('code', '=', 'procurement')
    .executeTakeFirstOrThrow();
  const res = await de.post('/api/v1/registry/document', {
    data: {
      title: 'Scanner acceptance protocol',
      library: 'procurement',
      folder: 'Field tests',
      doc_type: 'report',
    },
    marking: { distribution: 'network', distributionNetworkId: procurement.id, tlp: 'green' },
    publish: true,
  });
  expect(res.statusCode, res.body).toBe(201);
  documentId = res.json().id;
});
afterAll(async () => {
  await env?.close();
});

describe('documents and directory', () => {
  it('a coordinator uploads a PDF; a member finds it by a word of its text and previews it; others do not', async () => {
    const page = await env.page();
    await signIn(page, env.t, 'de.expert@demo.eucab.eu');
    await page.goto(`/registry/document/${documentId}`);
    await page.getByRole('heading', { name: 'Scanner acceptance protocol', level: 1 }).waitFor();
    await page.getByLabel('File to attach').setInputFiles({
      name: 'acceptance.pdf',
      mimeType: 'application/pdf',
      buffer: samplePdf([
        ['Acceptance protocol'],
        ['The gantry scanner passed the Zeebrugge acceptance test.'],
      ]),
    });
    await page.getByRole('button', { name: 'Attach', exact: true }).click();
    // The text is read in a worker thread before the upload is answered (slow on a busy machine).
    await page.getByRole('link', { name: 'acceptance.pdf' }).waitFor({ timeout: 60_000 });
    await page.getByText('text searchable').waitFor();
    await page.getByText('Version 1 (current)').waitFor();
    await expectAccessible(page, 'document-uploaded');

    const member = await env.page();
    await signIn(member, env.t, 'be.expert@demo.eucab.eu');
    await member.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Documents' }).click();
    await member.getByRole('heading', { name: 'Document libraries', level: 1 }).waitFor();
    await member.getByLabel('Library').selectOption('procurement');
    await member.getByLabel('Search the documents and their files').fill('Zeebrugge');
    await member.getByRole('button', { name: 'Search' }).click();
    await member.getByTestId('documents-count').getByText('1 document').waitFor();
    await member.getByRole('button', { name: 'Field tests' }).waitFor();
    await expectAccessible(member, 'documents-found');
    await member.getByRole('link', { name: 'Scanner acceptance protocol' }).click();
    await member.getByRole('button', { name: 'Preview acceptance.pdf' }).click();
    await member.getByRole('img', { name: 'Page 1 of 2 of acceptance.pdf' }).waitFor();
    await member.getByRole('button', { name: 'Next' }).click();
    await member.getByRole('img', { name: 'Page 2 of 2 of acceptance.pdf' }).waitFor();
    await expect
      .poll(() => member.getByTestId('pdf-text').textContent(), { timeout: 15_000 })
      .toContain('Zeebrugge');
    await expectAccessible(member, 'document-preview');

    const outsider = await env.page();
    await signIn(outsider, env.t, 'at.expert@demo.eucab.eu');
    await outsider.goto('/documents?q=Zeebrugge');
    await outsider.getByTestId('documents-count').getByText('0 documents').waitFor();
    await outsider.getByText('No documents.').waitFor();
  });

  it('the directory shows the details a person chose, and not the hidden ones', async () => {
    const fr = await env.page();
    await signIn(fr, env.t, 'fr.expert@demo.eucab.eu');
    await fr.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Directory' }).click();
    await fr.getByRole('heading', { name: 'Directory', level: 1 }).waitFor();
    const mine = fr.getByRole('region', { name: 'What I show about myself' });
    await mine.getByLabel('Job title', { exact: true }).fill('Training coordinator');
    await mine.getByLabel('Phone', { exact: true }).fill('+33 1 23 45 67 89');
    await mine.getByLabel('Spanish').check();
    await mine.getByLabel('My job title').check();
    await mine.getByLabel('My phone number').check();
    await expectAccessible(fr, 'directory-my-entry');
    await mine.getByRole('button', { name: 'Save my entry' }).click();
    await fr.getByText('Your directory entry was saved.').waitFor();

    const nl = await env.page();
    await signIn(nl, env.t, 'nl.analyst@demo.eucab.eu');
    await nl.goto('/directory?organisation=FR&role=coordinator');
    const row = nl.getByRole('row').filter({ hasText: 'Training coordinator' });
    await row.waitFor();
    expect(await row.textContent()).toContain('+33 1 23 45 67 89');
    expect(await row.textContent()).not.toContain('fr.expert@demo.eucab.eu');
    expect(await row.textContent()).not.toContain('Spanish');
    await nl.getByRole('button', { name: /^Name/ }).click();
    await expectAccessible(nl, 'directory-table');

    // The same pages in French and German.
    for (const [lang, documents, directory] of [
      ['fr', 'Bibliothèques de documents', 'Annuaire'],
      ['de', 'Dokumentenbibliotheken', 'Verzeichnis'],
    ] as const) {
      await nl
        .getByRole('combobox', { name: 'Language', exact: true })
        .or(nl.getByRole('combobox', { name: 'Langue', exact: true }))
        .first()
        .selectOption(lang);
      await nl.getByRole('heading', { name: directory, level: 1 }).waitFor();
      await expectAccessible(nl, `directory-${lang}`);
      await nl.goto('/documents');
      await nl.getByRole('heading', { name: documents, level: 1 }).waitFor();
      await expectAccessible(nl, `documents-${lang}`);
      await nl.goto('/directory');
    }
  });
});
