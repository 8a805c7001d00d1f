/** Tests only: an XLSForm questionnaire, uploads and campaign set-up for the mapping module's tests. */
import type { Questionnaire } from '../../engines/questionnaire/index.ts';
import { writeXlsForm } from '../../engines/questionnaire/xlsform/index.ts';
import type { TestApp, TestClient } from '../../testing/test-app.ts';

const t = (en: string, fr: string, de: string) => ({ en, fr, de });

/** Codes of the seeded platform code list `arusha_factor` the test form's factors are bound to. */
export const ARUSHA_CODES = ['leadership_commitment', 'regulatory_framework', 'transparency'];

/** A small capacity questionnaire: choices, numbers, text, a matrix bound to a code list, a repeat group. */
export function capacityForm(
  version = '2026.1',
  previous?: { version: string; keeps: string[] },
): Questionnaire {
  return {
    format: 'eucab-questionnaire',
    id: 'eucab_capacity',
    title: 'Capacity mapping',
    version,
    ...(previous ? { previous } : {}),
    languages: [
      { code: 'en', name: 'English' },
      { code: 'fr', name: 'Français' },
      { code: 'de', name: 'Deutsch' },
    ],
    defaultLanguage: 'en',
    choiceLists: {
      region: ['north', 'south', 'east', 'west'].map((n) => ({ name: n, label: t(n, n, n) })),
      tools: ['xray', 'dogs', 'lab'].map((n) => ({ name: n, label: t(n, n, n) })),
      // bound to the first three key factors of the seeded platform code list arusha_factor
      factors: ARUSHA_CODES.map((code, i) => ({
        name: `f${i + 1}`,
        label: t(`Factor F${i + 1}`, `Facteur F${i + 1}`, `Faktor F${i + 1}`),
        binding: { list: 'arusha_factor', code },
      })),
    },
    items: [
      {
        type: 'integer',
        code: 'staff',
        label: t('Customs staff', 'Personnel douanier', 'Zollpersonal'),
        required: true,
        constraint: '. >= 0',
        constraintMessage: t('Not negative', 'Pas négatif', 'Nicht negativ'),
      },
      {
        type: 'yes_no',
        code: 'has_unit',
        label: t('Integrity unit?', 'Unité intégrité ?', 'Integritätseinheit?'),
      },
      {
        type: 'select_one',
        code: 'region',
        label: t('Region', 'Région', 'Region'),
        choices: { list: 'region' },
      },
      {
        type: 'select_multiple',
        code: 'tools',
        label: t('Tools', 'Outils', 'Werkzeuge'),
        choices: { list: 'tools' },
      },
      { type: 'text', code: 'remarks', label: t('Remarks', 'Remarques', 'Bemerkungen') },
      {
        type: 'matrix',
        code: 'integrity',
        label: t('Per factor', 'Par facteur', 'Je Faktor'),
        rows: { list: 'factors' },
        columns: [
          {
            type: 'scale',
            code: 'maturity',
            label: t('Maturity', 'Maturité', 'Reife'),
            min: 1,
            max: 5,
            step: 1,
          },
        ],
      },
      {
        type: 'repeat',
        code: 'initiatives',
        label: t('Initiatives', 'Initiatives', 'Initiativen'),
        items: [
          { type: 'text', code: 'initiative_name', label: t('Name', 'Nom', 'Name') },
          {
            type: 'select_one',
            code: 'initiative_factor',
            label: t('Factor', 'Facteur', 'Faktor'),
            choices: { list: 'factors' },
          },
        ],
      },
    ],
    leftOut: [],
  };
}

export async function xlsx(q: Questionnaire): Promise<Buffer> {
  return Buffer.from(await writeXlsForm(q));
}

export function upload(c: TestClient, url: string, bytes: Buffer, name = 'form.xlsx') {
  const boundary = '----eucabmapping';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return c.request({
    method: 'POST',
    url,
    payload: Buffer.concat([head, bytes, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

export const COORDINATOR = 'fr.expert@demo.eucab.eu'; // coordinates the training network
export const user = (cc: string, who: string) => `${cc}.${who}@demo.eucab.eu`;

export async function ids(t: TestApp) {
  const orgs = await t.rt.db.selectFrom('organisations').select(['id', 'code']).execute();
  const nets = await t.rt.db.selectFrom('networks').select(['id', 'code']).execute();
  return {
    org: (code: string) => orgs.find((o) => o.code === code)!.id,
    network: (code: string) => nets.find((n) => n.code === code)!.id,
  };
}

/** Imports the capacity form (version) as the coordinator; returns the questionnaire and version ids. */
export async function importCapacity(
  t: TestApp,
  coordinator: TestClient,
  version = '2026.1',
  prev?: { version: string; keeps: string[] },
) {
  const { network } = await ids(t);
  const res = await upload(
    coordinator,
    `/api/v1/mapping/questionnaires/import?networkId=${network('training')}`,
    await xlsx(capacityForm(version, prev)),
  );
  if (res.statusCode !== 201) throw new Error(`import: ${res.statusCode} ${res.body}`);
  return res.json() as { questionnaireId: string; versionId: string };
}

/** Opens a campaign to the given administrations as the coordinator. */
export async function openCampaign(
  t: TestApp,
  coordinator: TestClient,
  versionId: string,
  sharing: 'named' | 'aggregate_only' | 'coordinator_only',
  countries: string[],
  extra: Record<string, unknown> = {},
) {
  const { org } = await ids(t);
  const res = await coordinator.post('/api/v1/mapping/campaigns', {
    questionnaireVersionId: versionId,
    title: `Capacity ${sharing}`,
    opensAt: new Date(Date.now() - 86_400_000).toISOString(),
    closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    sharing,
    target: { kind: 'list', organisationIds: countries.map(org) },
    ...extra,
  });
  if (res.statusCode !== 201) throw new Error(`campaign: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string };
}

/**
 * Sets an administration's response directly (test set-up of many administrations): answers, status,
 * last editor (its expert) and validator (its NCP) when validated.
 */
export async function setResponse(
  t: TestApp,
  campaignId: string,
  country: string,
  answers: Record<string, unknown>,
  status: 'draft' | 'validated' | 'reopened' = 'validated',
) {
  const { org } = await ids(t);
  const editor = await t.userId(user(country.toLowerCase(), 'expert'));
  const validator = await t.userId(user(country.toLowerCase(), 'ncp'));
  await t.rt.db
    .updateTable('mapping_responses')
    .set({
      answers: JSON.stringify(answers),
      status,
      version: 1,
      last_editor_id: editor,
      last_edited_at: new Date(),
      validated_by: status === 'validated' ? validator : null,
      validated_at: status === 'validated' ? new Date() : null,
    })
    .where('campaign_id', '=', campaignId)
    .where('organisation_id', '=', org(country))
    .execute();
}
