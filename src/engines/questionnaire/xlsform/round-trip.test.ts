// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm expressions write references as ${name}
import { describe, expect, it } from 'vitest';
import { checkQuestionnaire } from '../check.ts';
import type { Questionnaire } from '../model.ts';
import { mappingQuestionnaire } from '../test-fixtures.ts';
import { readXlsForm } from './read.ts';
import { workbook } from './test-workbook.ts';
import { buildXlsFormRows, writeXlsForm } from './write.ts';

async function roundTrip(q: Questionnaire): Promise<Questionnaire> {
  const r = await readXlsForm(await writeXlsForm(q));
  expect(r.blocking).toEqual([]);
  expect(r.warnings).toEqual([]);
  return r.questionnaire!;
}

describe('XLSForm export', () => {
  it('the fixture is a consistent questionnaire', () => {
    expect(checkQuestionnaire(mappingQuestionnaire())).toEqual([]);
  });

  it('writes a file that reads back to a deep-equal questionnaire (every internal type)', async () => {
    const q = mappingQuestionnaire();
    expect(await roundTrip(q)).toStrictEqual(q);
  });

  it('writes each internal type with the documented spelling', () => {
    const { survey, choices, settings } = buildXlsFormRows(mappingQuestionnaire(), {
      codeLists: { competency: [{ code: 'C1', label: { en: 'Risk analysis' } }] },
    });
    const row = (name: string) => survey.rows.find((r) => r.name === name)!;
    expect(survey.headers.slice(0, 5)).toEqual([
      'type',
      'name',
      'label::English (en)',
      'label::Français (fr)',
      'label::Deutsch (de)',
    ]);
    expect(row('general').type).toBe('begin_group');
    expect(row('country')).toMatchObject({
      type: 'select_one eucab_codes_country',
      'eucab::code_list': 'country',
      required: 'yes',
    });
    expect(row('staff')).toMatchObject({
      'eucab::code': 'indicator:STAFF',
      'constraint_message::Deutsch (de)': 'Zwischen 0 und 200 000',
    });
    expect(row('has_strategy')).toMatchObject({ type: 'select_one eucab_yes_no', 'eucab::type': 'yes_no' });
    expect(row('overall')).toMatchObject({ type: 'select_one maturity', 'eucab::type': 'scale' });
    expect(row('confidence')).toMatchObject({ type: 'range', parameters: 'start=0 end=10 step=2' });
    expect(row('mission')).toMatchObject({ type: 'text', 'eucab::type': 'multilingual_text' });
    expect(row('tools').type).toBe('select_multiple tools or_other');
    expect(row('hq_photo').type).toBe('image');
    expect(row('last_audit').type).toBe('dateTime');
    expect(row('integrity')).toMatchObject({ type: 'begin_kobomatrix', 'kobo--matrix_list': 'factors' });
    expect(row('competencies')).toMatchObject({
      type: 'begin_kobomatrix',
      'kobo--matrix_list': 'eucab_codes_competency',
      'eucab::code_list': 'competency',
    });
    expect(row('initiatives')).toMatchObject({
      type: 'begin_repeat',
      'eucab::min_count': '0',
      'eucab::max_count': '5',
    });
    expect(survey.rows.filter((r) => r.type?.startsWith('end_')).map((r) => r.type)).toEqual([
      'end_group',
      'end_kobomatrix',
      'end_group',
      'end_kobomatrix',
      'end_repeat',
    ]);
    expect(choices.rows.filter((r) => r.list_name === 'eucab_yes_no')).toEqual([
      {
        list_name: 'eucab_yes_no',
        name: 'yes',
        'label::English (en)': 'Yes',
        'label::Français (fr)': 'Oui',
        'label::Deutsch (de)': 'Ja',
      },
      {
        list_name: 'eucab_yes_no',
        name: 'no',
        'label::English (en)': 'No',
        'label::Français (fr)': 'Non',
        'label::Deutsch (de)': 'Nein',
      },
    ]);
    expect(choices.rows.find((r) => r.list_name === 'eucab_codes_competency')).toEqual({
      list_name: 'eucab_codes_competency',
      name: 'C1',
      'label::English (en)': 'Risk analysis',
    });
    expect(choices.rows.find((r) => r.name === 'leadership')!['eucab::code']).toBe(
      'arusha_factor:leadership_commitment',
    );
    expect(settings.rows[0]).toMatchObject({
      default_language: 'English (en)',
      'eucab::keeps': 'staff integrity initiatives',
    });
  });

  it('round-trips a form without languages, one with only a plain label, and an empty one', async () => {
    const bare: Questionnaire = {
      format: 'eucab-questionnaire',
      id: 'bare',
      title: '',
      version: '',
      languages: [],
      choiceLists: {},
      items: [{ type: 'calculate', code: 'x', label: {}, calculation: '1 + 1' }],
      leftOut: [],
    };
    expect(await roundTrip(bare)).toStrictEqual(bare);
    const plain: Questionnaire = {
      ...bare,
      languages: [{ code: 'default' }],
      items: [{ type: 'text', code: 'a', label: { default: 'A' } }],
    };
    expect(await roundTrip(plain)).toStrictEqual(plain);
    const empty: Questionnaire = { ...bare, items: [] };
    expect(await roundTrip(empty)).toStrictEqual(empty);
  });

  it('a long real-world-style form reads, writes and reads back equal', async () => {
    const rows: (string | null)[][] = [
      [
        'type',
        'name',
        'label::English (en)',
        'label::Nederlands (nl)',
        'hint::English (en)',
        'required',
        'relevant',
        'constraint',
        'calculation',
        'repeat_count',
        'appearance',
      ],
      ['start', 'start', null, null, null, null, null, null, null, null, null],
      ['end', 'end', null, null, null, null, null, null, null, null, null],
      ['deviceid', 'deviceid', null, null, null, null, null, null, null, null, null],
      ['username', 'username', null, null, null, null, null, null, null, null, null],
      ['audit', 'audit', null, null, null, null, null, null, null, null, null],
    ];
    for (let s = 1; s <= 6; s++) {
      rows.push([
        'begin group',
        `s${s}`,
        `Section ${s}`,
        `Sectie ${s}`,
        null,
        null,
        s > 1 ? `\${s1_q1} != 'no'` : null,
        null,
        null,
        null,
        'field-list',
      ]);
      for (let k = 1; k <= 8; k++) {
        const name = `s${s}_q${k}`;
        const kind = k % 4;
        if (kind === 1)
          rows.push([
            'select_one yn',
            name,
            `Question ${s}.${k}`,
            `Vraag ${s}.${k}`,
            'Pick one',
            'yes',
            null,
            null,
            null,
            null,
            null,
          ]);
        else if (kind === 2)
          rows.push([
            'integer',
            name,
            `Count ${s}.${k}`,
            `Aantal ${s}.${k}`,
            null,
            null,
            `\${s${s}_q${k - 1}} = 'yes'`,
            '. >= 0',
            null,
            null,
            null,
          ]);
        else if (kind === 3)
          rows.push([
            'text',
            name,
            `Text ${s}.${k}`,
            `Tekst ${s}.${k}`,
            null,
            null,
            null,
            'string-length(.) < 500',
            null,
            null,
            'multiline',
          ]);
        else
          rows.push([
            'calculate',
            name,
            null,
            null,
            null,
            null,
            null,
            null,
            `\${s${s}_q${k - 2}} * 2`,
            null,
            null,
          ]);
      }
      rows.push(['end group', null, null, null, null, null, null, null, null, null, null]);
    }
    rows.push(['integer', 'n_sites', 'Sites', 'Locaties', null, 'yes', null, '. <= 10', null, null, null]);
    rows.push(['begin repeat', 'sites', 'Site', 'Locatie', null, null, null, null, null, '${n_sites}', null]);
    rows.push(['text', 'site_name', 'Name', 'Naam', null, 'yes', null, null, null, null, null]);
    rows.push(['geopoint', 'site_gps', 'GPS', 'GPS', 'Stand outside', null, null, null, null, null, 'maps']);
    rows.push([
      'select_multiple equipment',
      'site_equipment',
      'Equipment',
      'Uitrusting',
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    rows.push(['image', 'site_photo', 'Photo', 'Foto', null, null, null, null, null, null, null]);
    rows.push(['end repeat', null, null, null, null, null, null, null, null, null, null]);
    const file = await workbook({
      survey: rows,
      choices: [
        ['list_name', 'name', 'label::English (en)', 'label::Nederlands (nl)'],
        ['yn', 'yes', 'Yes', 'Ja'],
        ['yn', 'no', 'No', 'Nee'],
        ['equipment', 'scanner', 'Scanner', 'Scanner'],
        ['equipment', 'scale', 'Weighbridge', 'Weegbrug'],
      ],
      settings: [
        ['form_title', 'form_id', 'version'],
        ['Border sites', 'sites', '3'],
      ],
    });
    const first = await readXlsForm(file);
    expect(first.blocking).toEqual([]);
    expect(first.warnings.filter((w) => w.reason.startsWith('metadata'))).toHaveLength(5);
    const q = first.questionnaire!;
    expect(q.items).toHaveLength(8);
    expect(await roundTrip(q)).toStrictEqual(q);
  });
});
