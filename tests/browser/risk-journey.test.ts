import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserEnv, expectAccessible, poll, signIn, startEnv } from './helpers.ts';

let env: BrowserEnv;

beforeAll(async () => {
  env = await startEnv();
}, 120_000);
afterAll(async () => {
  await env?.close();
});

const DIR = new URL('../../src/seed/kcs-sample/', import.meta.url);
const lines = (f: string) => readFileSync(new URL(f, DIR), 'utf8').trimEnd().split('\n');
const HISTORY = `${lines('history-2020.csv').slice(0, 1501).join('\n')}\n`;
const BATCH_LINES = lines('batch-2021q1.csv').slice(0, 401);
const BATCH_IDS = new Set(BATCH_LINES.slice(1).map((l) => l.split(',')[0]!));
const OUTCOMES = [
  'declaration_id,fraud',
  ...lines('outcomes-2021q1.csv').filter((l) => BATCH_IDS.has(l.split(',')[0]!)),
  'NOT-IN-THIS-BATCH,yes',
].join('\n');
const csv = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

describe('risk analysis journey in the browser', () => {
  it('upload → train → score → download the explained selection → outcomes → retrain → hit-rate history', async () => {
    const page = await env.page();
    await signIn(page, env.t, 'at.analyst@demo.eucab.eu');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Risk analysis' }).click();
    await page.getByRole('heading', { name: 'Risk analysis', level: 1 }).waitFor();
    await page.getByText('No history yet').waitFor();
    await expectAccessible(page, 'risk-empty');

    // Upload: the engine proposes the roles, the analyst confirms them.
    await page
      .getByLabel('File (CSV with a header row, or JSON lines)')
      .setInputFiles(csv('kcs-2020.csv', HISTORY));
    await page.getByRole('button', { name: 'Read the file and propose roles' }).click();
    const fraudRole = page.getByLabel('Role of column Fraud', { exact: true });
    await fraudRole.waitFor();
    expect(await fraudRole.inputValue()).toBe('label');
    expect(await page.getByLabel('Role of column Critical Fraud').inputValue()).toBe('ignore');
    await page.getByLabel('Name', { exact: true }).fill('KCS 2020');
    await expectAccessible(page, 'risk-mapping');
    await page.getByRole('button', { name: 'Check every row and store' }).click();
    await page.getByRole('cell', { name: 'KCS 2020' }).waitFor({ timeout: 60_000 });

    // Train: version 1 becomes active, with its metrics.
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.getByRole('link', { name: 'Version 1' }).waitFor({ timeout: 120_000 });
    await page.getByText('Active', { exact: true }).waitFor();
    await page.getByRole('link', { name: 'Version 1' }).click();
    await page.getByRole('heading', { name: /Version 1/, level: 1 }).waitFor();
    await page.getByRole('img', { name: /Bar chart of the indicators' share/ }).waitFor();
    await page.getByText('Precision and recall when controlling the top n % of declarations').waitFor();
    await expectAccessible(page, 'risk-model');
    await page.getByRole('link', { name: 'Risk analysis' }).first().click();

    // Score a batch: the page of the batch opens with its selection.
    await page
      .getByLabel('Batch file (same columns as the history)')
      .setInputFiles(csv('week1.csv', `${BATCH_LINES.join('\n')}\n`));
    await page.getByLabel('Name of the batch').fill('Week 1');
    await page.getByRole('button', { name: 'Score and select' }).click();
    await page.getByRole('heading', { name: 'Batch Week 1', level: 1 }).waitFor({ timeout: 120_000 });
    await page.getByText('No control results yet.').waitFor();
    await expectAccessible(page, 'risk-batch');

    // Download the selection with its explanations.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download the selection (CSV)' }).click(),
    ]);
    const text = readFileSync((await download.path())!, 'utf8');
    const rows = text.trimEnd().split('\n');
    expect(rows[0]).toMatch(/^rank,declaration_id,reason,score,probability,base,contribution_1,value_1/);
    expect(rows.length - 1).toBe(20); // 5 % of 400
    expect(rows[1]).toMatch(/= score -?\d/);
    const batch = await env.t.rt.db.selectFrom('risk_batches').selectAll().executeTakeFirstOrThrow();
    expect(batch.selected_count).toBe(20);
    const xlsx = await page.request.get(`/api/v1/risk/batches/${batch.id}/selection.xlsx`);
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()['content-type']).toMatch(/spreadsheetml/);

    // Feed back the control results: the unmatched id is reported, the hit rate appears.
    await page.getByLabel('Results file (CSV)').setInputFiles(csv('results.csv', OUTCOMES));
    await page.getByRole('button', { name: 'Record the results' }).click();
    await page.getByText('Results recorded for 400 declarations.').waitFor({ timeout: 60_000 });
    await page.getByText('line 402: NOT-IN-THIS-BATCH').waitFor();
    await page.getByText(/^Hit rate \d/).waitFor();
    await expectAccessible(page, 'risk-outcomes');

    // Retrain with the fed-back outcomes; the progress is still shown after a page reload.
    await page.getByRole('link', { name: 'Risk analysis' }).first().click();
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await poll(() => page.evaluate(() => localStorage.getItem('eucab.risk.job.train'))).not.toBeNull();
    await page.reload();
    await page.getByRole('link', { name: 'Version 2' }).waitFor({ timeout: 120_000 });
    const models = await env.t.rt.db
      .selectFrom('risk_models')
      .select(['version', 'active', 'training_rows'])
      .orderBy('version')
      .execute();
    expect(models).toEqual([
      { version: 1, active: false, training_rows: 1500 },
      { version: 2, active: true, training_rows: 1900 },
    ]);
    // Rollback: version 1 made active again.
    await page.getByRole('button', { name: 'Make version 1 active' }).click();
    await page.getByRole('button', { name: 'Make version 2 active' }).waitFor();

    // The hit-rate history: chart and table.
    const hitRate = await env.t.rt.db
      .selectFrom('risk_batches')
      .select(['frauds_found', 'controlled'])
      .executeTakeFirstOrThrow();
    const expected = `${(Math.round((1000 * hitRate.frauds_found) / hitRate.controlled) / 10).toString()}%`;
    await poll(() => page.getByTestId('hit-rate').first().textContent()).toBe(expected);
    await page.getByRole('img', { name: /Line chart of the hit rate per batch over time: Week 1/ }).waitFor();
    await expectAccessible(page, 'risk-history');
  }, 600_000);

  it('users without the risk analyst role see no entry and no data', async () => {
    const page = await env.page();
    await signIn(page, env.t, 'at.expert@demo.eucab.eu');
    expect(
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Risk analysis' })
        .count(),
    ).toBe(0);
    await page.goto('/risk');
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByRole('heading', { name: 'Risk analysis', level: 1 }).count()).toBe(0);
  }, 120_000);
});
