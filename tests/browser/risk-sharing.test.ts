import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../../src/testing/test-app.ts';
import { type BrowserEnv, expectAccessible, signIn, startEnv } from './helpers.ts';

/**
 * Risk sharing in the browser (issue 17): the NL analyst's common risk factor becomes a risk rule
 * from the factor's page; the NL analyst's profile recommendation is backtested as a job with
 * progress on the rows the active model did not train on; the risk network's coordinator
 * (nl.expert) approves and publishes it; the DE analyst records the adoption and, later, control
 * results; the NL author sees the aggregate per administration (table and chart). Axe on every
 * page, the evidence also in FR and DE. The factor, the recommendation and the history are written
 * through the API (the registry's generic forms have their own journeys).
 */
let env: BrowserEnv;
let nl: TestClient;
const ids: { factor?: string; rec?: string } = {};

const DIR = new URL('../../src/seed/kcs-sample/', import.meta.url);
const lines = readFileSync(new URL('history-2020.csv', DIR), 'utf8').trimEnd().split('\n');
const part = (from: number, to: number) => [lines[0], ...lines.slice(from, to)].join('\n');

async function upload(c: TestClient, url: string, content: string, fields: Record<string, string>) {
  const b = '----eucabshare';
  let body = '';
  for (const [k, v] of Object.entries(fields))
    body += `--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`;
  body += `--${b}\r\nContent-Disposition: form-data; name="file"; filename="h.csv"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n--${b}--\r\n`;
  const res = await c.request({
    method: 'POST',
    url,
    payload: body,
    headers: { 'content-type': `multipart/form-data; boundary=${b}` },
  });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json();
}

beforeAll(async () => {
  env = await startEnv();
  nl = await env.t.as('nl.analyst@demo.eucab.eu');
  const mapping = JSON.stringify(
    (await upload(nl, '/api/v1/risk/mapping-proposal', part(1, 801), {})).mapping,
  );
  const first = await upload(nl, '/api/v1/risk/datasets', part(1, 801), { name: 'KCS H1', mapping });
  await env.t.waitForJob(first.jobId, 120_000);
  const datasetId = (await nl.get(`/api/v1/jobs/${first.jobId}`)).json().result.datasetId;
  const train = await nl.post('/api/v1/risk/models/train', { datasetIds: [datasetId], trees: 10 });
  await env.t.waitForJob(train.json().jobId, 180_000);
  const later = await upload(nl, '/api/v1/risk/datasets', part(801, 1601), { name: 'KCS H2', mapping });
  await env.t.waitForJob(later.jobId, 120_000);
  ids.factor = (
    await nl.post('/api/v1/registry/risk_factor', {
      data: {
        title: 'Electrical machinery in the sample',
        family: 'security_safety',
        risk_area: 'Non-compliant electrical equipment',
        indicators: [{ role: 'hs_prefix', operator: 'prefix', value: '85' }],
        rationale: 'Chapter 85 shows most irregularities in the shared sample.',
      },
    })
  ).json().id;
  ids.rec = (
    await nl.post('/api/v1/registry/profile_recommendation', {
      data: {
        title: 'Chapter 85 at 5 %',
        family: 'security_safety',
        factors: [ids.factor],
        rules: [
          {
            rule_id: 'ch85',
            name: 'Chapter 85',
            weight: 1,
            conditions: [{ op: 'hsPrefix', prefixes: ['85'] }],
          },
        ],
        selection_budget: 5,
        valid_from: '2026-01-01',
        valid_to: '2026-06-30',
        review_date: '2026-05-31',
      },
    })
  ).json().id;
}, 400_000);
afterAll(async () => {
  await env?.close();
});

describe('risk sharing journey', () => {
  it('factor → rule, backtest, coordinator publishes, DE adopts and reports, NL sees the evidence', async () => {
    // 1. The NL analyst turns the factor into a rule.
    const author = await env.page();
    await signIn(author, env.t, 'nl.analyst@demo.eucab.eu');
    await author.goto(`/risk/factors/${ids.factor}`);
    await author.getByRole('heading', { name: 'Electrical machinery in the sample', level: 1 }).waitFor();
    await expectAccessible(author, 'risk-factor');
    await author.getByLabel('Rule id').fill('ch85-rule');
    await author.getByRole('button', { name: 'Turn into a rule' }).click();
    await author.getByText('Risk rule ch85-rule was created and published.').waitFor();

    // 2. The backtest runs as a job and attaches its figures.
    await author.goto(`/risk/recommendations/${ids.rec}`);
    await author.getByText('Not backtested yet.', { exact: false }).waitFor();
    await author.getByRole('button', { name: 'Run the backtest' }).click();
    await author.getByRole('table', { name: /On 800 labelled declarations/ }).waitFor({ timeout: 120_000 });
    await author.getByRole('columnheader', { name: 'Active model, same budget' }).waitFor();
    await expectAccessible(author, 'recommendation-backtest');
    expect((await nl.post(`/api/v1/registry/profile_recommendation/${ids.rec}/submit`, {})).statusCode).toBe(
      200,
    );

    // 3. The risk network's coordinator approves and publishes it.
    const coordinator = await env.page();
    await signIn(coordinator, env.t, 'nl.expert@demo.eucab.eu');
    await coordinator.goto(`/registry/profile_recommendation/${ids.rec}`);
    await coordinator.getByRole('button', { name: 'Approve and publish' }).click();
    await coordinator.getByText('Published', { exact: true }).first().waitFor();

    // 4. The DE analyst adopts it and later reports control results.
    const de = await env.page();
    await signIn(de, env.t, 'de.analyst@demo.eucab.eu');
    await de.goto(`/risk/recommendations/${ids.rec}`);
    await de.getByLabel('Adoption', { exact: true }).selectOption('adopted');
    await de.getByRole('button', { name: 'Record the adoption' }).click();
    await de.getByText('The adoption was recorded.').waitFor();
    await de.getByLabel('Period from').fill('2026-01-01');
    await de.getByLabel('Period to').fill('2026-01-31');
    await de.getByLabel('Controls made').fill('40');
    await de.getByLabel('Irregularities found').fill('6');
    await de.getByLabel('Seizures').fill('2');
    await de.getByRole('button', { name: 'Report the results' }).click();
    await de.getByText('The results were recorded.').waitFor();
    await expectAccessible(de, 'recommendation-recipient');

    // 5. The NL author sees the aggregate per administration, in EN, FR and DE.
    await author.goto(`/risk/recommendations/${ids.rec}`);
    const table = author.getByRole('table', { name: /sum of the control results per administration/ });
    await table.getByRole('row', { name: /Germany|DE/ }).waitFor();
    await author
      .getByRole('img', { name: /Irregularities found out of controls made per administration: DE: 6\/40/ })
      .waitFor();
    await expectAccessible(author, 'recommendation-evidence');
    await author.getByLabel('Language').selectOption('fr');
    await author.getByRole('heading', { name: 'Éléments probants : réponses par administration' }).waitFor();
    await expectAccessible(author, 'recommendation-evidence-fr');
    await author.getByLabel('Langue').selectOption('de');
    await author.getByRole('heading', { name: 'Nachweise: Antworten je Verwaltung' }).waitFor();
    await expectAccessible(author, 'recommendation-evidence-de');
    await author.getByLabel('Sprache').selectOption('en');
  });
});
