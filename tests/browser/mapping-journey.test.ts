import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mappingQuestionnaire } from '../../src/engines/questionnaire/test-fixtures.ts';
import { writeXlsForm } from '../../src/engines/questionnaire/xlsform/index.ts';
import { ids, setResponse, upload } from '../../src/modules/mapping/mapping-test-helpers.ts';
import { type BrowserEnv, expectAccessible, poll, signIn, startEnv } from './helpers.ts';

/**
 * Issue 11, "Done when": a questionnaire written only as an XLSForm workbook goes through the web
 * pages — import → campaign to all 27 administrations → assignment → draft → validation by a
 * colleague → rate, coverage and radar → the same data in aggregate-only mode → a trend across
 * versions. Axe on every page, EN/FR/DE.
 */

let env: BrowserEnv;

beforeAll(async () => {
  env = await startEnv();
}, 180_000);
afterAll(async () => {
  await env?.close();
});

const COORDINATOR = 'fr.expert@demo.eucab.eu'; // coordinates the training network
const LANGS = ['label::English (en)', 'label::Français (fr)', 'label::Deutsch (de)'];
type Row = (string | null)[];

/** The test questionnaire as an XLSForm workbook, the way ODK / Kobo authors write one. */
async function xlsform(
  version: string,
  extra: { previous?: string; keeps?: string; trainingDays?: boolean } = {},
) {
  const survey: Row[] = [
    [
      'type',
      'name',
      ...LANGS,
      'hint::English (en)',
      'required',
      'constraint',
      'constraint_message::English (en)',
      'constraint_message::Français (fr)',
      'constraint_message::Deutsch (de)',
      'relevant',
      'kobo--matrix_list',
      'eucab::type',
      'appearance',
    ],
    ['start', 'start', null, null, null, null, null, null, null, null, null, null, null, null, null],
    ['begin_group', 'profile', 'Your administration', 'Votre administration', 'Ihre Verwaltung'],
    [
      'integer',
      'staff',
      'Customs staff',
      'Personnel douanier',
      'Zollpersonal',
      'Full-time equivalents',
      'yes',
      '. >= 0',
      'The number of staff cannot be negative',
      "Le nombre d'agents ne peut pas être négatif",
      'Die Zahl der Bediensteten kann nicht negativ sein',
    ],
    [
      'select_one yn',
      'has_unit',
      'Integrity unit?',
      "Unité d'intégrité ?",
      'Integritätseinheit?',
      null,
      'yes',
    ],
    [
      'integer',
      'unit_staff',
      'Staff of the integrity unit',
      "Agents de l'unité d'intégrité",
      'Bedienstete der Integritätseinheit',
      null,
      null,
      null,
      null,
      null,
      null,
      // biome-ignore lint/suspicious/noTemplateCurlyInString: an XLSForm expression, not a template
      "${has_unit} = 'yes'",
    ],
    ['select_one region', 'region', 'Region', 'Région', 'Region'],
    ...(extra.trainingDays
      ? [['integer', 'training_days', 'Training days', 'Jours de formation', 'Schulungstage']]
      : []),
    ['end_group', 'profile'],
    [
      'begin_kobomatrix',
      'integrity',
      'Integrity factors',
      "Facteurs d'intégrité",
      'Integritätsfaktoren',
      ...Array(7).fill(null),
      'factors',
    ],
    ['select_one levels', 'maturity', 'Maturity', 'Maturité', 'Reife', ...Array(8).fill(null), 'scale'],
    ['end_kobomatrix', 'integrity'],
    [
      'text',
      'remarks',
      'Remarks',
      'Remarques',
      'Bemerkungen',
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      'multiline',
    ],
    ['select_one_from_file offices.csv', 'office', 'Office', 'Bureau', 'Dienststelle'],
  ];
  const choice = (
    list: string,
    name: string,
    en: string,
    fr: string,
    de: string,
    code: string | null = null,
  ): Row => [list, name, en, fr, de, code];
  const choices: Row[] = [
    ['list_name', 'name', ...LANGS, 'eucab::code'],
    choice('yn', 'yes', 'Yes', 'Oui', 'Ja'),
    choice('yn', 'no', 'No', 'Non', 'Nein'),
    ...['north', 'south', 'east', 'west'].map((r) => choice('region', r, `The ${r}`, `Le ${r}`, `Der ${r}`)),
    choice('factors', 'f1', 'Leadership', 'Direction', 'Führung', 'arusha_factor:leadership_commitment'),
    choice(
      'factors',
      'f2',
      'Regulatory framework',
      'Cadre réglementaire',
      'Rechtsrahmen',
      'arusha_factor:regulatory_framework',
    ),
    choice('factors', 'f3', 'Transparency', 'Transparence', 'Transparenz', 'arusha_factor:transparency'),
    ...['Initial', 'Developing', 'Defined', 'Managed', 'Optimised'].map((l, i) =>
      choice('levels', String(i + 1), l, `Niveau ${i + 1}`, `Stufe ${i + 1}`),
    ),
  ];
  const settings: Row[] = [
    ['form_title', 'form_id', 'version', 'eucab::previous_version', 'eucab::keeps'],
    ['Integrity mapping', 'eucab_integrity_journey', version, extra.previous ?? null, extra.keeps ?? null],
  ];
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries({ survey, choices, settings })) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  }
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const answers = (staff: number, region: string, levels: (number | null)[], remarks: string) => ({
  staff,
  has_unit: 'yes',
  unit_staff: Math.round(staff / 20),
  region,
  integrity: Object.fromEntries(
    levels.flatMap((l, i) => (l === null ? [] : [[`f${i + 1}`, { maturity: l }]])),
  ),
  remarks,
});
/** Other administrations' validated answers (entered directly: the journey needs ≥ 3 for the aggregates). */
const OTHERS: [string, ReturnType<typeof answers>][] = [
  ['AT', answers(900, 'south', [2, 3, 4], 'AT private remark')],
  ['BE', answers(1500, 'north', [4, 2, 3], 'BE private remark')],
  ['NL', answers(2100, 'north', [3, 3, 5], 'NL private remark')],
  // IT leaves transparency out: a gap in the coverage matrix.
  ['IT', answers(5200, 'south', [2, 2, null], 'IT private remark')],
];

async function goToCampaign(page: Page, title: string) {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Mapping exercises' })
    .click();
  await page.getByRole('heading', { name: 'Mapping exercises', level: 1 }).waitFor();
  await page.getByRole('link', { name: title, exact: true }).click();
  await page.getByRole('heading', { name: title, level: 1 }).waitFor();
}

async function openCampaignByApi(versionId: string, title: string, sharing: string) {
  const c = await env.t.as(COORDINATOR);
  const res = await c.post('/api/v1/mapping/campaigns', {
    questionnaireVersionId: versionId,
    title,
    opensAt: new Date(Date.now() - 86_400_000).toISOString(),
    closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    sharing,
    target: { kind: 'all' },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; participants: unknown[] };
}

describe('mapping exercise journey in the browser', () => {
  it('XLSForm import → campaign to 27 → assignment → draft → validation → results → aggregate-only → trend', async () => {
    // 1. The coordinator imports the workbook: the dry run reports first.
    const coord = await env.page();
    await signIn(coord, env.t, COORDINATOR);
    await coord
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Mapping exercises' })
      .click();
    await coord.getByRole('heading', { name: 'Mapping exercises', level: 1 }).waitFor();
    await expectAccessible(coord, 'mapping-home');
    await coord.getByRole('link', { name: 'Import an XLSForm' }).click();
    await coord.getByRole('heading', { name: 'Import a questionnaire from XLSForm', level: 1 }).waitFor();
    await coord.getByLabel('XLSForm workbook (.xlsx)').setInputFiles({
      name: 'integrity-2026.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await xlsform('2026.1'),
    });
    await coord.getByRole('button', { name: 'Check the workbook' }).click();
    const blocking = coord.getByRole('table', { name: 'Blocking items (sheet, row, column)' });
    await blocking.waitFor();
    expect(await blocking.textContent()).toMatch(/from_file/);
    expect(
      await coord.getByRole('table', { name: 'Warnings (ignored columns and types)' }).textContent(),
    ).toMatch(/start/);
    expect(await coord.getByRole('button', { name: 'Import the questionnaire' }).isDisabled()).toBe(true);
    await expectAccessible(coord, 'mapping-import-report');
    await coord.getByLabel('Import without these questions (they are listed as left out)').check();
    await coord
      .getByRole('table', { name: 'Left out if you import without the blocked questions' })
      .waitFor();
    await poll(() => coord.getByRole('button', { name: 'Import the questionnaire' }).isEnabled()).toBe(true);
    await coord.getByRole('button', { name: 'Import the questionnaire' }).click();

    // 2. The version page: sections, questions, left-out items; then a campaign to all 27.
    await coord.getByRole('heading', { name: 'Integrity mapping — version 2026.1', level: 1 }).waitFor();
    await coord.getByRole('cell', { name: 'Staff of the integrity unit' }).waitFor();
    await coord
      .getByText(/^survey, row \d+ \(/)
      .first()
      .waitFor();
    await expectAccessible(coord, 'mapping-version');
    await coord.getByRole('link', { name: 'Open a campaign' }).click();
    await coord.getByRole('heading', { name: 'Open a campaign', level: 1 }).waitFor();
    expect(await coord.getByLabel('Questionnaire version').inputValue()).not.toBe('');
    await coord.getByLabel('Title').fill('Integrity 2026');
    await coord.getByRole('radio', { name: 'Named' }).check();
    await coord.getByText(/Participants see every administration's validated answers, named/).waitFor();
    await coord.getByRole('radio', { name: 'All national administrations' }).check();
    await expectAccessible(coord, 'mapping-open-campaign');
    await coord.getByRole('button', { name: 'Open the campaign' }).click();
    await coord.getByRole('heading', { name: 'Integrity 2026', level: 1 }).waitFor();
    await coord.getByText('The campaign is open to 27 administrations.').waitFor();
    await coord.getByText('0 % validated (0 of 27)').first().waitFor();
    await expectAccessible(coord, 'mapping-campaign-coordinator');
    const campaign = await env.t.rt.db
      .selectFrom('mapping_campaigns')
      .select(['id', 'questionnaire_version_id'])
      .where('title', '=', 'Integrity 2026')
      .executeTakeFirstOrThrow();

    // 3. The DE NCP assigns a respondent.
    const ncp = await env.page();
    await signIn(ncp, env.t, 'de.ncp@demo.eucab.eu');
    await goToCampaign(ncp, 'Integrity 2026');
    await ncp.getByLabel('Colleague').selectOption({ label: 'DE Expert (de.expert@demo.eucab.eu)' });
    await ncp.getByLabel('Role').selectOption('respondent');
    await ncp.getByRole('button', { name: 'Assign', exact: true }).click();
    await ncp.getByText('DE Expert — Respondent').waitFor();
    // An assignment made by mistake is removed (the API says who may: abilities.remove).
    await ncp.getByLabel('Colleague').selectOption({ label: 'DE Risk Analyst (de.analyst@demo.eucab.eu)' });
    await ncp.getByLabel('Role').selectOption('validator');
    await ncp.getByRole('button', { name: 'Assign', exact: true }).click();
    await ncp.getByText('DE Risk Analyst — Validator').waitFor();
    await expectAccessible(ncp, 'mapping-campaign-ncp');
    await ncp.getByRole('button', { name: 'Remove DE Risk Analyst (Validator)' }).click();
    await ncp.getByText('Assignment removed.').waitFor();
    await poll(() => ncp.getByText('DE Risk Analyst — Validator').count()).toBe(0);
    // the expert's assignment can be removed too, but stays
    await ncp.getByRole('button', { name: 'Remove DE Expert (Respondent)' }).waitFor();

    // 4. The respondent drafts: conditional display, constraint message, matrix, the form in FR/DE.
    const expert = await env.page();
    await signIn(expert, env.t, 'de.expert@demo.eucab.eu');
    await goToCampaign(expert, 'Integrity 2026');
    await expert.getByRole('link', { name: 'Answer for DE' }).click();
    await expert.getByRole('heading', { name: 'Response of DE — Integrity 2026', level: 1 }).waitFor();
    await expert.getByLabel(/Customs staff/).fill('-5');
    await expert.getByText('The number of staff cannot be negative').waitFor();
    await expert.getByLabel(/Customs staff/).fill('1200');
    await poll(() => expert.getByText('The number of staff cannot be negative').count()).toBe(0);
    expect(await expert.getByLabel('Staff of the integrity unit').count()).toBe(0);
    await expert
      .getByRole('group', { name: /Integrity unit\?/ })
      .getByRole('radio', { name: 'Yes' })
      .check();
    await expert.getByLabel('Staff of the integrity unit').fill('60');
    await expert.getByRole('radio', { name: 'The north' }).check();
    await expert.getByLabel('Leadership — Maturity').selectOption({ label: '3 — Defined' });
    await expert.getByLabel('Regulatory framework — Maturity').selectOption({ label: '4 — Managed' });
    await expert.getByLabel('Transparency — Maturity').selectOption({ label: '2 — Developing' });
    await expert.getByLabel('Remarks').fill('DE private remark');
    await expectAccessible(expert, 'mapping-response-form');
    await expert.getByRole('button', { name: 'Save the draft' }).click();
    await expert.getByText(/Draft saved \(version 1\)/).waitFor();
    await expert.getByText('Saved version').waitFor();
    await poll(() => expert.locator('dd', { hasText: /^1$/ }).count()).toBeGreaterThan(0);
    await expert.getByText(/A colleague other than the last editor/).waitFor();
    // Labels follow the UI language when the form has it.
    await expert.getByLabel('Language').selectOption('fr');
    await expert.getByText('Personnel douanier').waitFor();
    await expert.getByRole('button', { name: 'Enregistrer le brouillon' }).waitFor();
    await expectAccessible(expert, 'mapping-response-form-fr');
    await expert.getByLabel('Langue').selectOption('de');
    await expert.getByText('Zollpersonal').waitFor();
    await expert.getByText('Führung').waitFor();
    await expert.getByLabel('Sprache').selectOption('en');
    await expert.getByText('Customs staff').waitFor();

    // 5. A stale save names the questions changed since; then a colleague (the NCP, not the last
    //    editor) validates.
    await ncp.reload();
    await ncp.getByRole('link', { name: 'Answer for DE' }).click();
    await ncp.getByRole('heading', { name: 'Response of DE — Integrity 2026', level: 1 }).waitFor();
    expect(await ncp.getByLabel(/Customs staff/).inputValue()).toBe('1200');
    await expert.getByLabel('Remarks').fill('DE private remark, completed');
    await expert.getByRole('button', { name: 'Save the draft' }).click();
    await expert.getByText(/Draft saved \(version 2\)/).waitFor();
    await ncp.getByLabel(/Customs staff/).fill('1250');
    await ncp.getByRole('button', { name: 'Save the draft' }).click();
    await ncp.getByText(/Someone saved this response after you loaded it/).waitFor();
    await ncp
      .getByRole('listitem')
      .filter({ hasText: /^Remarks remarks$/ })
      .waitFor();
    await expectAccessible(ncp, 'mapping-response-stale');
    await ncp.getByRole('button', { name: 'Reload the latest version' }).click();
    await poll(() => ncp.getByLabel('Remarks').inputValue()).toBe('DE private remark, completed');
    expect(await ncp.getByLabel(/Customs staff/).inputValue()).toBe('1200');
    await ncp.getByRole('button', { name: 'Validate the response' }).click();
    await ncp.getByText('The response is validated.').waitFor();
    await ncp.getByText('Validated', { exact: true }).first().waitFor();
    await expectAccessible(ncp, 'mapping-response-validated');

    // Four more administrations answered (entered directly).
    for (const [cc, a] of OTHERS) await setResponse(env.t, campaign.id, cc, a);

    // 6. The coordinator: response rate and who is missing, results with coverage and radar.
    await coord.reload();
    await coord.getByText('18.5 % validated (5 of 27)').first().waitFor();
    await coord
      .getByText(/^Missing: BG, CY, CZ/)
      .first()
      .waitFor();
    await coord.getByRole('link', { name: 'See the results' }).click();
    await coord.getByRole('heading', { name: 'Results — Integrity 2026', level: 1 }).waitFor();
    await coord.getByRole('table', { name: 'Answers to Region' }).waitFor();
    await coord.getByRole('img', { name: /Bar chart of the answers to Region/ }).waitFor();
    const coverage = coord.getByRole('table', { name: 'Administrations × codes of arusha_factor' });
    await coverage.waitFor();
    expect(await coverage.getByRole('rowheader').count()).toBe(28); // 27 administrations + the totals row
    const itRow = coverage.getByRole('row', { name: /^IT / });
    // Ten key factors of the platform's list; IT covers two of them, the questionnaire asks three.
    const itCells = await itRow.getByRole('cell').allTextContents();
    expect(itCells).toHaveLength(10);
    expect(itCells.filter((c) => c === '1')).toHaveLength(2);
    expect(itCells.filter((c) => c === 'gap')).toHaveLength(8);
    await coverage.getByRole('columnheader', { name: 'Leadership and commitment' }).waitFor();
    await coord.getByLabel('Measure').selectOption({ label: 'Maturity' });
    await coord
      .getByLabel('Administration', { exact: true })
      .selectOption({ label: 'DE — Germany — customs administration' });
    await coord.getByRole('img', { name: /Radar chart of DE against the median/ }).waitFor();
    const radar = coord.getByRole('table', { name: 'DE against the median of the others' });
    await poll(() => radar.getByRole('row').count()).toBe(4);
    await expect
      .poll(() => radar.getByRole('row', { name: /^Leadership and commitment/ }).textContent())
      .toContain('3');
    await coord.getByRole('link', { name: 'Download the responses (CSV)' }).waitFor();
    // XLSX with labels in a language of the form
    const xlsx = coord.getByRole('link', { name: 'Download the responses (XLSX)' });
    expect(await xlsx.getAttribute('href')).toMatch(/format=xlsx&labels=false$/);
    await coord.getByLabel('Cells show').selectOption('labels');
    await coord.getByLabel('Language of the labels').selectOption('fr');
    expect(await xlsx.getAttribute('href')).toMatch(/format=xlsx&labels=true&language=fr$/);
    const file = await coord.request.get(
      (await xlsx.getAttribute('href'))!.startsWith('http')
        ? (await xlsx.getAttribute('href'))!
        : new URL((await xlsx.getAttribute('href'))!, coord.url()).href,
    );
    expect(file.status()).toBe(200);
    expect(file.headers()['content-type']).toContain('spreadsheetml');
    await expectAccessible(coord, 'mapping-results-named');

    // 7. The same data in aggregate-only mode: a participant sees only its own answers and
    //    figures on ≥ 3 other administrations; never another administration's answer.
    const agg = await openCampaignByApi(
      campaign.questionnaire_version_id,
      'Integrity 2026 (aggregate)',
      'aggregate_only',
    );
    expect(agg.participants).toHaveLength(27);
    await setResponse(env.t, agg.id, 'DE', answers(1200, 'north', [3, 4, 2], 'DE private remark'));
    for (const [cc, a] of OTHERS) await setResponse(env.t, agg.id, cc, a);
    await expert.goto(`/mapping/campaigns/${agg.id}/results`);
    await expert.getByRole('heading', { name: 'Results — Integrity 2026 (aggregate)', level: 1 }).waitFor();
    await expert.getByText(/you see your own administration's answers against the statistics/i).waitFor();
    await expert.getByText('Free text is withheld in this view.').waitFor();
    await expert.getByText(/Your administration's answer: The north/).waitFor();
    const aggCoverage = expert.getByRole('table', { name: 'Administrations × codes of arusha_factor' });
    await aggCoverage.waitFor();
    expect(await aggCoverage.getByRole('rowheader').allTextContents()).toEqual([
      'DE',
      'Other administrations covering',
    ]);
    expect(await expert.getByLabel('Administration', { exact: true }).count()).toBe(0);
    expect(await expert.getByRole('link', { name: /Download the responses/ }).count()).toBe(0);
    await expert.getByRole('table', { name: 'DE against the median of the others' }).waitFor();
    const text = (await expert.locator('main').textContent()) ?? '';
    for (const [cc] of OTHERS) {
      expect(text).not.toContain(`${cc} private remark`);
      expect(text).not.toMatch(new RegExp(`\\b${cc}\\b`));
    }
    // Region: 3 administrations answered "north" besides DE? No: BE and NL → fewer than 3, suppressed.
    const region = expert.getByRole('table', { name: 'Answers to Region' });
    await region.getByRole('cell', { name: 'suppressed' }).first().waitFor();
    await expectAccessible(expert, 'mapping-results-aggregate');
    // Its own response page is its own; another administration's response is not found.
    const others = await env.t.rt.db
      .selectFrom('mapping_responses')
      .select('id')
      .where('campaign_id', '=', agg.id)
      .where('organisation_id', '=', (await ids(env.t)).org('AT'))
      .executeTakeFirstOrThrow();
    await expert.goto(`/mapping/responses/${others.id}`);
    await expert.getByText(/No such response, or you may not see it/).waitFor();

    // 8. A new version (kept codes, one added question) and a campaign on it: the trend.
    const coordApi = await env.t.as(COORDINATOR);
    const v2 = await upload(
      coordApi,
      '/api/v1/mapping/questionnaires/import?withoutBlocked=true',
      await xlsform('2027.1', { previous: '2026.1', keeps: 'staff region', trainingDays: true }),
      'integrity-2027.xlsx',
    );
    expect(v2.statusCode, v2.body).toBe(201);
    const second = await openCampaignByApi(
      (v2.json() as { versionId: string }).versionId,
      'Integrity 2027',
      'named',
    );
    for (const [cc, a] of [...OTHERS, ['DE', answers(1300, 'north', [4, 4, 3], 'DE 2027')] as const])
      await setResponse(env.t, second.id, cc, { ...a, staff: a.staff + 100 });
    await coord.goto(`/mapping/campaigns/${second.id}/results`);
    await coord.getByRole('heading', { name: 'Results — Integrity 2027', level: 1 }).waitFor();
    await coord.getByLabel('Question', { exact: true }).selectOption({ label: 'Customs staff' });
    const trend = coord.getByRole('table', { name: 'Customs staff across campaigns' });
    await poll(() => trend.getByRole('row').count()).toBe(4); // header + 3 campaigns
    await trend.getByRole('rowheader', { name: 'Integrity 2027 (2027.1)' }).waitFor();
    await trend.getByRole('rowheader', { name: 'Integrity 2026 (2026.1)' }).waitFor();
    await coord.getByRole('img', { name: /Line chart of Customs staff across campaigns/ }).waitFor();
    await expectAccessible(coord, 'mapping-results-trend');
    // The same page in French and German.
    await coord.getByLabel('Language').selectOption('fr');
    await coord.getByRole('heading', { name: 'Résultats — Integrity 2027', level: 1 }).waitFor();
    await coord.getByRole('table', { name: "Personnel douanier d'une campagne à l'autre" }).waitFor();
    await expectAccessible(coord, 'mapping-results-fr');
    await coord.getByLabel('Langue').selectOption('de');
    await coord.getByRole('heading', { name: 'Ergebnisse — Integrity 2027', level: 1 }).waitFor();
    await coord.getByRole('heading', { name: 'Entwicklung über Kampagnen' }).waitFor();
    await expectAccessible(coord, 'mapping-results-de');
    await coord.getByLabel('Sprache').selectOption('en');
    await coord.getByRole('heading', { name: 'Results — Integrity 2027', level: 1 }).waitFor();

    // 9. The coordinator reopens DE's first response with a reason: it no longer counts.
    await goToCampaign(coord, 'Integrity 2026');
    await coord.getByRole('link', { name: 'Read the response of DE' }).click();
    await coord.getByRole('heading', { name: 'Response of DE — Integrity 2026', level: 1 }).waitFor();
    expect(await coord.getByLabel(/Customs staff/).isDisabled()).toBe(true);
    await coord.getByLabel('Reason').fill('Please give the staff of 2026, not of 2025.');
    await expectAccessible(coord, 'mapping-response-reopen');
    await coord.getByRole('button', { name: 'Reopen', exact: true }).click();
    await coord.getByRole('heading', { name: 'Integrity 2026', level: 1 }).waitFor();
    await coord.getByText('14.8 % validated (4 of 27)').first().waitFor();
  });
  it('renders every question type: defaults, conditions, "other", choice filters, matrices, repeats', async () => {
    const coordApi = await env.t.as(COORDINATOR);
    const { network, org } = await ids(env.t);
    const res = await upload(
      coordApi,
      `/api/v1/mapping/questionnaires/import?networkId=${network('training')}`,
      Buffer.from(await writeXlsForm(mappingQuestionnaire())),
      'every-type.xlsx',
    );
    expect(res.statusCode, res.body).toBe(201);
    // The form also binds to code lists of its own (countries, indicators, competencies, languages):
    // a campaign is refused while a bound list does not exist, so this test adds them.
    const ownLists = [
      ['country', ['FR', 'DE', 'NL']],
      ['indicator', ['STAFF']],
      ['competency', ['C1', 'C2']],
      ['language', ['en', 'fr']],
    ] as const;
    await env.t.rt.db
      .insertInto('code_lists')
      .values(ownLists.map(([name]) => ({ name, labels: JSON.stringify({ en: name, fr: name, de: name }) })))
      .onConflict((oc) => oc.doNothing())
      .execute();
    await env.t.rt.db
      .insertInto('code_list_entries')
      .values(
        ownLists.flatMap(([list, codes]) =>
          codes.map((code) => ({
            list,
            code,
            labels: JSON.stringify({ en: code, fr: code, de: code }),
            meta: JSON.stringify({}),
          })),
        ),
      )
      .onConflict((oc) => oc.doNothing())
      .execute();
    const c = await openCampaignByApi((res.json() as { versionId: string }).versionId, 'Every type', 'named');
    const page = await env.page();
    await signIn(page, env.t, 'de.ncp@demo.eucab.eu');
    await page.goto(`/mapping/campaigns/${c.id}`);
    await page.getByRole('link', { name: 'Answer for DE' }).click();
    await page.getByRole('heading', { name: 'Response of DE — Every type', level: 1 }).waitFor();
    await page.getByText('Answer for your administration.').waitFor(); // a note
    expect(await page.getByLabel('Budget (M€)').inputValue()).toBe('1.5'); // the form's default
    await page.getByLabel(/Customs staff/).fill('3000');
    // Conditional display: the date and the whole integrity section follow "Integrity strategy?".
    expect(await page.getByLabel(/Adopted on/).count()).toBe(0);
    expect(await page.getByRole('table', { name: 'Per integrity factor' }).count()).toBe(0);
    await page
      .getByRole('group', { name: /Integrity strategy\?/ })
      .getByRole('radio', { name: 'Yes' })
      .check();
    await page.getByLabel(/Adopted on/).fill('2024-05-01');
    await page.getByLabel('Office opens').fill('08:30');
    await page.getByLabel('Last audit').fill('2025-03-01T10:00');
    // "Other, specify" and a choice filter (regions of the chosen zone only).
    await page.getByRole('group', { name: 'Tools used' }).getByRole('checkbox', { name: 'Other' }).check();
    await page.getByLabel('Tools used: other, specify').fill('Drones');
    await page.getByRole('radio', { name: 'Sea border' }).check();
    const region = page.getByRole('group', { name: 'Region', exact: true });
    await poll(() => region.getByRole('radio').count()).toBe(1);
    await region.getByRole('radio', { name: 'Harbour' }).check();
    // Scales with labelled levels and with plain levels; a read-only question.
    await page
      .getByRole('group', { name: 'Overall maturity' })
      .getByRole('radio', { name: '4 — Managed' })
      .check();
    expect(await page.getByRole('group', { name: 'Confidence' }).getByRole('radio').count()).toBe(6);
    expect(await page.getByLabel('Contact e-mail').isDisabled()).toBe(true);
    // Multilingual text (one field per language of the form), files, a location.
    const mission = page.getByRole('group', { name: 'Mission statement' });
    expect(await mission.getByRole('textbox').count()).toBe(3);
    await mission.getByLabel('Français').fill('Protéger les frontières');
    await page.getByText('No file given.').first().waitFor();
    // A file answer: uploaded at once, given (a download link) once chosen, counted when saved.
    await page
      .getByLabel('Upload a file')
      .first()
      .setInputFiles({
        name: 'organigram.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4\n%%EOF\n'),
      });
    await page.getByRole('link', { name: 'organigram.pdf' }).waitFor();
    await page.getByRole('button', { name: 'Remove the file organigram.pdf' }).waitFor();
    const location = page.getByRole('group', { name: 'Headquarters location' });
    await location.getByLabel('Latitude').fill('50.85');
    await location.getByLabel('Longitude').fill('4.35');
    // A matrix whose columns have their own types.
    await page.getByRole('table', { name: 'Per integrity factor' }).waitFor();
    await page.getByLabel('Leadership — Maturity').selectOption({ label: '3 — Defined' });
    await page.getByLabel('Leadership — Evidence').fill('Annual report');
    await page.getByLabel('Leadership — Action planned').selectOption({ label: 'Yes' });
    // A repeat group: an entry, its conditional date and its constraint message.
    await page.getByRole('button', { name: 'Add an entry to Your initiatives' }).click();
    const entry = page.getByRole('group', { name: 'Your initiatives — entry 1' });
    await entry.getByLabel(/Title/).fill('Integrity e-learning');
    await entry.getByLabel('Ends').fill('2023-01-01');
    await entry.getByText('After the strategy').waitFor();
    await entry.getByLabel('Ends').fill('2026-12-31');
    await poll(() => entry.getByText('After the strategy').count()).toBe(0);
    await expectAccessible(page, 'mapping-every-type');
    await page.getByRole('button', { name: 'Save the draft' }).click();
    await page.getByText(/Draft saved \(version 1\)/).waitFor();
    const saved = await env.t.rt.db
      .selectFrom('mapping_responses')
      .select('answers')
      .where('campaign_id', '=', c.id)
      .where('organisation_id', '=', org('DE'))
      .executeTakeFirstOrThrow();
    expect(saved.answers).toMatchObject({
      staff: 3000,
      budget: 1.5,
      has_strategy: true,
      strategy_date: '2024-05-01',
      office_opens: '08:30',
      tools: ['other'],
      tools_other: 'Drones',
      zone: 'sea',
      region: 'harbour',
      overall: 4,
      mission: { fr: 'Protéger les frontières' },
      hq_location: { lat: 50.85, lon: 4.35 },
      organigram: { name: 'organigram.pdf' },
      integrity: { leadership: { maturity: 3, evidence: 'Annual report', planned: true } },
      initiatives: [{ initiative_title: 'Integrity e-learning', initiative_end: '2026-12-31' }],
    });
  });
});
